import type { User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { activeRoutes, eligibilityFor, getOwnLetter } from "./letters.server.ts";
import { itemEvents, routeStatusLabels, routeStatuses } from "./tracking.server.ts";
import { repliesFor } from "./dispatch/replies.server.ts";
import { phrasebook, riskPhrases } from "./writing-help.server.ts";
import { getSetting } from "./settings.server.ts";
import { reachOf } from "./picking.server.ts";
import { envelopeAddressLines } from "./envelope.ts";
import { returnedReasonKey } from "#app/schemas/prisoners.ts";
import { fullName } from "#app/names/match-keys.ts";
import { askHeardBack, expectedAhead, usualDeliveryDays } from "#app/letters/expected-timeline.ts";
import type { RefusalCode } from "#app/letters/route-eligibility.ts";
import { campaignText } from "#app/support/campaign-rules.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/i18n/i18n.ts";

function campaignLink(
  campaign: { slug: string; titleEn: string | null; titleRu: string | null; titleBe: string | null },
  locale: string | null,
) {
  const text = campaignText(
    { ...campaign, whyEn: null, whyRu: null, whyBe: null },
    isLocale(locale) ? locale : DEFAULT_LOCALE,
  );
  return { slug: campaign.slug, title: text.title, language: text.language };
}

/**
 * Everything the letter page shows, for its author only (null for anyone else's
 * letter): the draft and its writing help, the routes with their facts for the
 * review step, and for a sent letter its past and expected statuses and replies.
 */
export async function letterPage(user: User, id: string) {
  const letter = await getOwnLetter(user.id, id);
  if (!letter) return null;
  const ref = { type: "letter" as const, id: letter.id };
  const [routes, phrases, sentences, relayAddresses, events, replies, statuses, statusLabels, routeFacts, reach] =
    await Promise.all([
      activeRoutes(),
      riskPhrases(),
      phrasebook(),
      getSetting("relayAddresses"),
      itemEvents(ref),
      repliesFor(ref),
      letter.routeId ? routeStatuses(letter.routeId) : Promise.resolve([]),
      // The names the route gave its own statuses, resolved here as on /letters and /parcels.
      routeStatusLabels(letter.routeId),
      prisma.route.findMany({
        where: { active: true },
        select: {
          id: true,
          repliesReturn: true,
          costMinor: true,
          costCurrency: true,
          description: true,
          statuses: { select: { key: true, position: true, usualDays: true, isFinal: true } },
        },
      }),
      reachOf(user.writesIn),
    ]);
  const unread = await prisma.reply.findMany({
    where: { letterId: letter.id, readByWriterAt: null },
    select: { id: true },
  });
  const { eligibility } = eligibilityFor(letter, routes, phrases);
  const factsOf = new Map(routeFacts.map((r) => [r.id, r]));
  const primary = letter.prisoner.names.find((n) => n.isPrimary) ?? letter.prisoner.names[0];
  const facility = letter.prisoner.currentFacility;
  const at = now();
  const ended = letter.state === "closed";
  const countryReach = reach.find((r) => r.country === letter.prisoner.country) ?? null;
  return {
    letter: {
      id: letter.id,
      kind: letter.kind === "postcard" ? ("postcard" as const) : ("letter" as const),
      state: letter.state,
      status: letter.status,
      body: letter.state === "draft" ? (letter.body ?? "") : letter.body,
      returnAddress: letter.returnAddress ?? "",
      updatedAt: letter.updatedAt,
      sentAt: letter.sentAt,
      route: letter.route,
      senderName: letter.senderName ?? user.pseudonym,
      scheduledFor: letter.scheduledFor,
      scheduledRouteId: letter.scheduledRouteId,
      scheduleProblem: letter.scheduleProblem,
      returnedReason: letter.state === "draft" ? returnedReasonKey(letter.returnedReason) : null,
      postedAnswer: letter.postedAnswer,
      writerReport: letter.writerReport,
      // Self-post letters still waiting in their first status: "to print and post", and ask whether they were posted.
      toPrint: letter.route?.handover === "print_pdf" && letter.state === "sent" && letter.status === statuses[0]?.key,
      ended,
      askHeardBack:
        letter.state !== "draft" &&
        !letter.writerReport &&
        askHeardBack({ statuses, sentAt: letter.sentAt, ended, now: at }),
      ahead:
        letter.state === "sent"
          ? expectedAhead(statuses, letter.status, letter.statusChangedAt ?? letter.sentAt ?? at)
          : [],
    },
    // The campaign the letter was written for, in the writer's language (its page has the progress).
    campaign: letter.campaign ? campaignLink(letter.campaign, user.locale) : null,
    events: events.map(({ actor: _actor, ...event }) => event),
    statusLabels,
    replies: replies.map((r) => ({ ...r, unread: unread.some((u) => u.id === r.id) })),
    tomorrow: new Date(at.getTime() + 86_400_000).toISOString().slice(0, 10),
    prisoner: {
      id: letter.prisoner.id,
      name: primary ? fullName(primary) : "—",
      country: letter.prisoner.country,
      incommunicado: letter.prisoner.incommunicado,
      relativesOnly: letter.prisoner.relativesOnly,
      facilityRelativesOnly: facility ? !facility.acceptsNonRelativeLetters : false,
      noAddress: !facility,
      facilityLanguages: facility?.languages ?? [],
      envelope: facility
        ? envelopeAddressLines({
            country: letter.prisoner.country,
            names: letter.prisoner.names,
            birthDate: letter.prisoner.birthDate,
            facility,
            gender: letter.prisoner.gender,
            dativeOverride: letter.prisoner.envelopeNameDative,
          })
        : null,
    },
    writesIn: user.writesIn,
    translatedBy: countryReach?.translatedBy ?? null,
    routes: eligibility.verdicts.map((v) => {
      const facts = factsOf.get(v.route.id);
      return {
        id: v.route.id,
        slug: v.route.slug,
        name: v.route.name,
        handover: v.route.handover,
        eligible: v.eligible,
        refusals: v.refusals as RefusalCode[],
        translates: v.route.translates,
        repliesReturn: facts?.repliesReturn ?? false,
        cost: facts && facts.costMinor !== null ? { minor: facts.costMinor, currency: facts.costCurrency } : null,
        usualDays: facts ? usualDeliveryDays(facts.statuses) : null,
      };
    }),
    recommendedId: eligibility.recommendedId,
    riskPhrases: phrases.map(({ phrase, language, category, except }) => ({ phrase, language, category, except })),
    phrasebook: sentences,
    relayAddresses,
  };
}

export type LetterPageData = NonNullable<Awaited<ReturnType<typeof letterPage>>>;

/** Marks a reply to one of the writer's own letters as read (nothing for anyone else's). */
export async function markReplyRead(authorId: string, replyId: string): Promise<boolean> {
  const { count } = await prisma.reply.updateMany({
    where: { id: replyId, readByWriterAt: null, OR: [{ letter: { authorId } }, { parcel: { senderId: authorId } }] },
    data: { readByWriterAt: now() },
  });
  return count > 0;
}
