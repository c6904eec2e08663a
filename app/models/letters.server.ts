import type { Prisma, User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { decrypt, encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { letterBody, letterReturnAddress } from "#app/utils/sealed-fields.server.ts";
import { can } from "#app/utils/permissions.ts";
import { analyzeLetter } from "#app/letters/guidance.ts";
import { warningsForRoute } from "#app/letters/send-warnings.ts";
import { unfilledBlanks } from "#app/letters/blanks.ts";
import { askHeardBack, expectedAhead } from "#app/letters/expected-timeline.ts";
import type { RiskPhrase } from "#app/letters/guidance.ts";
import { riskPhrases } from "./writing-help.server.ts";
import { routeEligibility, type RouteInfo } from "#app/letters/route-eligibility.ts";
import { postcardTextFits } from "#app/letters/pdf.server.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { addressProblems, envelopeAddressLines } from "./envelope.ts";
import { kickOutbox, queueEmail } from "#app/utils/email.server.ts";
import { changeStatusIfAllowed, changeStatusIn } from "./tracking.server.ts";
import { MAX_BODY_CHARACTERS } from "#app/schemas/letters.ts";
import { fullName } from "#app/names/match-keys.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { campaignForTag, CampaignError } from "./campaigns.server.ts";

/**
 * Letters and postcards a volunteer writes. Every query is scoped to the author:
 * nobody reads or changes another volunteer's letters. Bodies and return addresses
 * are encrypted at rest with DATA_ENCRYPTION_KEY.
 */

export type LetterStateCode =
  | "too-long"
  | "not-a-draft"
  | "empty"
  | "blanks"
  | "acknowledge"
  | "route"
  | "changed"
  | "postcard-too-long"
  | "schedule-past"
  | "schedule-far"
  | "not-self-post"
  | "not-sent";

export const LETTER_STATE_ERRORS: DomainErrorTable<LetterStateCode> = {
  "too-long": { kind: "invalid", message: "letters.error.tooLong" },
  "not-a-draft": { kind: "conflict", message: "letters.send.notDraft" },
  empty: { kind: "invalid", message: "letters.send.empty" },
  blanks: { kind: "invalid", message: "letters.send.blanks" },
  acknowledge: { kind: "invalid", message: "letters.send.acknowledgeFirst" },
  route: { kind: "invalid", message: "letters.send.routeNotAllowed" },
  changed: { kind: "conflict", message: "letters.send.changed" },
  "postcard-too-long": { kind: "invalid", message: "letters.send.postcardTooLong" },
  "schedule-past": { kind: "invalid", message: "letters.schedule.past" },
  "schedule-far": { kind: "invalid", message: "letters.schedule.far" },
  "not-self-post": { kind: "conflict", message: "letters.error.notSelfPost" },
  "not-sent": { kind: "conflict", message: "letters.error.notSent" },
};

/** A letter cannot do what was asked in the state it is in (or with the text it has). */
export class LetterStateError extends DomainError<LetterStateCode> {
  constructor(code: LetterStateCode) {
    super(code, LETTER_STATE_ERRORS, code === "too-long" ? { max: MAX_BODY_CHARACTERS } : {});
  }
}

function requireWriter(user: User) {
  if (!can(user, "write:letters:own")) throw new PermissionError("write:letters:own");
}

/**
 * Starts a draft. From a campaign's page the draft carries the campaign's tag
 * (campaignId): only an active campaign that lists the person tags. A "welcome home"
 * campaign lists released people: its drafts to them are the one way to write to a
 * released person, and only the letter bank carries them (docs/support.md).
 */
export async function createDraft(
  author: User,
  prisonerId: string,
  kind: "letter" | "postcard",
  options: { campaignId?: string | null } = {},
) {
  requireWriter(author);
  const prisoner = await prisma.prisoner.findUnique({
    where: { id: prisonerId },
    select: { doNotWrite: true, status: true, canWrite: true },
  });
  if (!prisoner || prisoner.doNotWrite) throw new PermissionError("not-offered");
  let welcomeHome = false;
  if (options.campaignId) {
    try {
      const campaign = await campaignForTag(prisma, options.campaignId, prisonerId);
      welcomeHome = campaign.rule === "welcome_home" && prisoner.status === "released";
    } catch (error) {
      if (error instanceof CampaignError) throw new PermissionError("not-offered");
      throw error;
    }
  }
  if (!isReachable(prisoner) && !welcomeHome) throw new PermissionError("not-offered");
  const at = now();
  const id = newRowId();
  return prisma.letter.create({
    data: {
      id,
      authorId: author.id,
      prisonerId,
      kind,
      state: "draft",
      senderName: author.pseudonym,
      bodyEncrypted: encrypt("", letterBody(id)),
      campaignId: options.campaignId || null,
      createdAt: at,
      updatedAt: at,
    },
  });
}

/** The author's own letter, decrypted, or null (also for someone else's letter). */
export async function getOwnLetter(authorId: string, id: string) {
  const letter = await prisma.letter.findFirst({
    where: { id, authorId },
    include: {
      prisoner: { include: { names: true, currentFacility: true } },
      route: { select: { id: true, name: true, handover: true, slug: true } },
      campaign: { select: { rule: true, slug: true, titleEn: true, titleRu: true, titleBe: true } },
    },
  });
  if (!letter) return null;
  return {
    ...letter,
    body: letter.bodyEncrypted ? decrypt(letter.bodyEncrypted, letterBody(letter.id)) : null,
    returnAddress: letter.returnAddressEncrypted
      ? decrypt(letter.returnAddressEncrypted, letterReturnAddress(letter.id))
      : null,
  };
}

export type OwnLetter = NonNullable<Awaited<ReturnType<typeof getOwnLetter>>>;

export async function saveDraft(
  authorId: string,
  id: string,
  input: { body: string; kind: "letter" | "postcard"; returnAddress: string | null },
) {
  if (input.body.length > MAX_BODY_CHARACTERS) throw new LetterStateError("too-long");
  const current = await prisma.letter.findFirst({
    where: { id, authorId, state: "draft" },
    select: { bodyEncrypted: true, kind: true },
  });
  if (!current) throw new LetterStateError("not-a-draft");
  // A changed text needs its warnings confirmed again (a scheduled letter included).
  const changed =
    input.kind !== current.kind ||
    (current.bodyEncrypted ? decrypt(current.bodyEncrypted, letterBody(id)) : "") !== input.body;
  const { count } = await prisma.letter.updateMany({
    where: { id, authorId, state: "draft" },
    data: {
      bodyEncrypted: encrypt(input.body, letterBody(id)),
      kind: input.kind,
      returnAddressEncrypted: input.returnAddress ? encrypt(input.returnAddress, letterReturnAddress(id)) : null,
      ...(changed ? { warningsAcknowledgedAt: null } : {}),
      updatedAt: now(),
    },
  });
  if (count === 0) throw new LetterStateError("not-a-draft");
}

export async function deleteDraft(authorId: string, id: string): Promise<boolean> {
  const { count } = await prisma.letter.deleteMany({ where: { id, authorId, state: "draft" } });
  return count > 0;
}

export async function listOwnLetters(authorId: string) {
  const letters = await prisma.letter.findMany({
    where: { authorId },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      kind: true,
      state: true,
      status: true,
      updatedAt: true,
      sentAt: true,
      scheduledFor: true,
      scheduleProblem: true,
      prisonerId: true,
      statusChangedAt: true,
      route: {
        select: {
          name: true,
          handover: true,
          statuses: { select: { key: true, label: true, position: true, usualDays: true, isFinal: true } },
        },
      },
      prisoner: {
        select: { names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } } },
      },
      replies: { where: { readByWriterAt: null }, select: { id: true } },
    },
  });
  return (
    letters
      .map(({ prisoner, route, replies, statusChangedAt, ...l }) => {
        const firstStatus = route?.statuses.filter((s) => !s.isFinal).sort((a, b) => a.position - b.position)[0]?.key;
        const toPrint = route?.handover === "print_pdf" && l.state === "sent" && l.status === firstStatus;
        const next =
          l.state === "sent" && route
            ? (expectedAhead(route.statuses, l.status, statusChangedAt ?? l.sentAt ?? l.updatedAt)[0] ?? null)
            : null;
        // Needs the writer: a draft, a letter to print, an unread reply.
        const group: "action" | "onTheWay" | "ended" =
          l.state === "draft" || toPrint || replies.length > 0 ? "action" : l.state === "sent" ? "onTheWay" : "ended";
        return {
          ...l,
          route: route ? { name: route.name } : null,
          // The label the route gave its own status (statusLabel shows it), resolved here as the dashboard does.
          statusLabel: route?.statuses.find((s) => s.key === l.status)?.label ?? null,
          toPrint,
          unreadReplies: replies.length,
          next,
          group,
          prisonerName: prisoner.names[0] ? fullName(prisoner.names[0]) : "—",
        };
      })
      // Newest first by the day that matters: sent, or last edited for drafts.
      .sort((a, b) => new Date(b.sentAt ?? b.updatedAt).getTime() - new Date(a.sentAt ?? a.updatedAt).getTime())
  );
}

export async function activeRoutes(): Promise<RouteInfo[]> {
  return prisma.route.findMany({
    where: { active: true },
    orderBy: { position: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      countries: true,
      itemKinds: true,
      languages: true,
      translates: true,
      handover: true,
      handoverEmail: true,
      active: true,
      position: true,
    },
  });
}

export function eligibilityFor(letter: OwnLetter, routes: RouteInfo[], phrases: RiskPhrase[]) {
  const guidance = analyzeLetter({
    text: letter.body ?? "",
    kind: letter.kind === "postcard" ? "postcard" : "letter",
    country: letter.prisoner.country,
    riskPhrases: phrases,
    signature: letter.senderName,
  });
  const facility = letter.prisoner.currentFacility;
  const eligibility = routeEligibility(routes, {
    country: letter.prisoner.country,
    kind: letter.kind === "postcard" ? "postcard" : "letter",
    language: guidance.language,
    prisoner: letter.prisoner,
    facility: facility
      ? { acceptsNonRelativeLetters: facility.acceptsNonRelativeLetters, languages: facility.languages }
      : null,
    addressPrintable: facility !== null && addressProblems(facility).length === 0,
    welcomeHome: letter.campaign?.rule === "welcome_home",
  });
  return { guidance, eligibility };
}

/**
 * Hands a sent letter to a service that takes letters by e-mail, inside the caller's
 * transaction: the e-mail goes into the outbox (queued if and only if the change
 * commits, retried until the service's server accepts it), and the letter moves on to
 * "handed over" when its route has that step. The message holds what the service
 * needs (the address as on an envelope, the text, the pseudonym, a reference) and
 * nothing about the volunteer's identity. Returns the letter's status afterwards.
 */
export async function handOverByEmail(
  tx: Prisma.TransactionClient,
  letterId: string,
  route: { handoverEmail: string | null },
  actorId: string | null,
): Promise<string | null> {
  const letter = await tx.letter.findUniqueOrThrow({
    where: { id: letterId },
    include: {
      prisoner: { include: { names: true, currentFacility: true } },
      facility: true,
      route: { include: { statuses: { orderBy: { position: "asc" } } } },
    },
  });
  if (!route.handoverEmail) return letter.status;
  const facility = letter.facility ?? letter.prisoner.currentFacility;
  const address = facility
    ? envelopeAddressLines({
        country: letter.prisoner.country,
        names: letter.prisoner.names,
        birthDate: letter.prisoner.birthDate,
        facility,
        gender: letter.prisoner.gender,
        dativeOverride: letter.prisoner.envelopeNameDative,
      })
    : [];
  const reference = letterReference(letter.id);
  const kind = letter.kind === "postcard" ? "Postcard" : "Letter";
  const returnAddress = letter.returnAddressEncrypted
    ? decrypt(letter.returnAddressEncrypted, letterReturnAddress(letter.id))
    : null;
  await queueEmail(
    {
      to: route.handoverEmail,
      purpose: "handover",
      subject: `${kind} ${reference}`,
      text: [
        `${kind} for delivery. Reference: ${reference}`,
        "",
        "Address:",
        ...address,
        "",
        "Text:",
        letter.bodyEncrypted ? decrypt(letter.bodyEncrypted, letterBody(letter.id)) : "",
        "",
        `Signed: ${letter.senderName ?? ""}`,
        ...(returnAddress ? ["", "Return address:", returnAddress] : []),
      ].join("\n"),
    },
    tx,
  );
  const handedOver = letter.route?.statuses.find((s) => s.key === "handed_over" && !s.isFinal);
  if (!handedOver || letter.status === handedOver.key) return letter.status;
  await changeStatusIn(
    tx,
    { type: "letter", id: letterId },
    { to: handedOver.key, actorId, note: "queued for e-mail hand-over" },
  );
  return handedOver.key;
}

export function letterReference(id: string): string {
  return `SM-${id.slice(-8).toUpperCase()}`;
}

/**
 * Everything the server checks before a draft may go (now or at a scheduled time):
 * the text is not empty, the volunteer confirmed the warnings they were shown, and
 * the route fits this prisoner, facility, item and language.
 */
async function checkSendable(
  letter: OwnLetter | null,
  input: { routeId: string; warningsAcknowledged: boolean },
  pseudonym: string,
) {
  if (!letter || letter.state !== "draft") throw new LetterStateError("not-a-draft");
  const routes = await activeRoutes();
  const { guidance, eligibility } = eligibilityFor(letter, routes, await riskPhrases());
  if (guidance.warnings.some((w) => w.code === "empty")) throw new LetterStateError("empty");
  // A template's unfilled blank ("Меня зовут …") never leaves: a block, not a warning.
  if (unfilledBlanks(letter.body ?? "").length > 0) throw new LetterStateError("blanks");
  const verdict = eligibility.verdicts.find((v) => v.route.id === input.routeId);
  if (warningsForRoute(guidance, verdict?.route).length > 0 && !input.warningsAcknowledged)
    throw new LetterStateError("acknowledge");
  if (!verdict?.eligible) throw new LetterStateError("route");
  // A printed postcard must hold its whole text: the PDF would otherwise cut it short.
  if (
    verdict.route.handover === "print_pdf" &&
    letter.kind === "postcard" &&
    !postcardTextFits(letter.body ?? "", pseudonym)
  ) {
    throw new LetterStateError("postcard-too-long");
  }
  return { guidance, verdict };
}

/**
 * Sends a draft through a route the rules allow. The letter's new state, its first
 * status event and (for services that take letters by e-mail) the hand-over e-mail
 * are one transaction: a crash leaves either a draft or a sent letter whose e-mail
 * is safely in the outbox.
 */
export async function sendLetter(author: User, id: string, input: { routeId: string; warningsAcknowledged: boolean }) {
  requireWriter(author);
  const letter = await getOwnLetter(author.id, id);
  const { guidance, verdict } = await checkSendable(letter, input, author.pseudonym);
  const sendable = letter!;
  const statuses = await prisma.routeStatus.findMany({
    where: { routeId: input.routeId },
    orderBy: { position: "asc" },
  });
  const route = await prisma.route.findUniqueOrThrow({ where: { id: input.routeId } });
  const at = now();
  const first = statuses[0]?.key ?? "queued";
  const status = await prisma.$transaction(async (tx) => {
    const { count } = await tx.letter.updateMany({
      // Unchanged since it was checked: a save racing the send makes the send refuse.
      where: { id, authorId: author.id, state: "draft", updatedAt: sendable.updatedAt },
      data: {
        state: "sent",
        status: first,
        routeId: input.routeId,
        facilityId: sendable.prisoner.currentFacilityId,
        language: guidance.language,
        warningsAcknowledgedAt: warningsForRoute(guidance, verdict.route).length > 0 ? at : null,
        sentAt: at,
        statusChangedAt: at,
        senderName: author.pseudonym,
        scheduledFor: null,
        scheduledRouteId: null,
        scheduleProblem: null,
        returnedReason: null,
      },
    });
    if (count === 0) {
      const still = await tx.letter.count({ where: { id, authorId: author.id, state: "draft" } });
      throw new LetterStateError(still ? "changed" : "not-a-draft");
    }
    await tx.statusEvent.create({
      data: { letterId: id, fromStatus: null, toStatus: first, actorId: author.id, occurredAt: at },
    });
    return route.handover === "email" ? handOverByEmail(tx, id, route, null) : first;
  });
  // The hand-over mail exists for the outbox worker only now that the send is committed.
  if (route.handover === "email") kickOutbox();
  return { status, route: verdict.route };
}

// ───────────────────────────── Scheduled letters ─────────────────────────────

export const MAX_SCHEDULE_DAYS = 366;

/** Sets a draft to go later through a chosen route; everything is checked now and again at send time. */
export async function scheduleLetter(
  author: User,
  id: string,
  input: { routeId: string; warningsAcknowledged: boolean; sendAt: Date },
) {
  requireWriter(author);
  const at = now();
  if (input.sendAt.getTime() <= at.getTime()) throw new LetterStateError("schedule-past");
  if (input.sendAt.getTime() > at.getTime() + MAX_SCHEDULE_DAYS * 86_400_000)
    throw new LetterStateError("schedule-far");
  await checkSendable(await getOwnLetter(author.id, id), input, author.pseudonym);
  const { count } = await prisma.letter.updateMany({
    where: { id, authorId: author.id, state: "draft" },
    data: {
      scheduledFor: input.sendAt,
      scheduledRouteId: input.routeId,
      scheduleProblem: null,
      warningsAcknowledgedAt: input.warningsAcknowledged ? at : null,
    },
  });
  if (count === 0) throw new LetterStateError("not-a-draft");
}

export async function cancelSchedule(authorId: string, id: string): Promise<boolean> {
  const { count } = await prisma.letter.updateMany({
    where: { id, authorId, state: "draft", scheduledFor: { not: null } },
    data: { scheduledFor: null, scheduledRouteId: null, scheduleProblem: null },
  });
  return count > 0;
}

/**
 * Sends the scheduled drafts that are due. A draft that can no longer go (the
 * prisoner was released, the route closed) stays a draft with the reason, for its
 * writer to see. The conditional update in sendLetter means two instances running
 * this at once send each letter once.
 */
export async function sendDueScheduledLetters(): Promise<{ sent: number; problems: number }> {
  const due = await prisma.letter.findMany({
    where: { state: "draft", scheduledFor: { lte: now() } },
    select: { id: true, scheduledRouteId: true, warningsAcknowledgedAt: true, author: true },
    take: 200,
  });
  let sent = 0;
  let problems = 0;
  for (const letter of due) {
    if (!letter.author || !letter.scheduledRouteId) continue;
    try {
      await sendLetter(letter.author, letter.id, {
        routeId: letter.scheduledRouteId,
        warningsAcknowledged: letter.warningsAcknowledgedAt !== null,
      });
      sent++;
    } catch (error) {
      if (!(error instanceof LetterStateError || error instanceof PermissionError)) throw error;
      // Another instance sent it first.
      if (error.code === "not-a-draft") continue;
      problems++;
      await prisma.letter.updateMany({
        where: { id: letter.id, state: "draft" },
        data: {
          scheduledFor: null,
          scheduledRouteId: null,
          scheduleProblem: error instanceof PermissionError ? "permission" : error.code,
        },
      });
    }
  }
  return { sent, problems };
}

// ───────────────────────────── The writer's answers ─────────────────────────────

export type PostedAnswer = "posted" | "not_yet" | "will_not";

/**
 * "Did you post it?" for self-posted letters. "Posted" moves the letter on to its
 * route's "posted" status; "will not" ends it as unknown; "not yet" is kept so the
 * reminder asks again later.
 */
export async function answerPosted(author: User, id: string, answer: PostedAnswer) {
  requireWriter(author);
  return prisma.$transaction(async (tx) => {
    // Only while the letter is on its way: an answer never overrides an ending a coordinator recorded.
    const letter = await tx.letter.findFirst({
      where: { id, authorId: author.id, state: "sent" },
      select: { route: { select: { handover: true } } },
    });
    if (!letter || letter.route?.handover !== "print_pdf") throw new LetterStateError("not-self-post");
    await tx.letter.update({ where: { id }, data: { postedAnswer: answer, postedAnsweredAt: now() } });
    const to = answer === "posted" ? "posted" : answer === "will_not" ? "unknown" : null;
    // Already past "posted" (a coordinator moved it on): the answer is still kept.
    if (to)
      await changeStatusIfAllowed(
        tx,
        { type: "letter", id },
        { to, actorId: author.id, note: `writer answered: ${answer}` },
      );
  });
}

export type WriterReport = "wrote_back" | "never_heard";

/** The writer's own report. "They wrote back" also moves the letter to "reply received" when its route has it. */
export async function reportOutcome(author: User, id: string, report: WriterReport) {
  requireWriter(author);
  return prisma.$transaction(async (tx) => {
    const letter = await tx.letter.findFirst({
      where: { id, authorId: author.id, state: { not: "draft" } },
      select: {
        id: true,
        state: true,
        sentAt: true,
        route: { select: { statuses: { select: { key: true, position: true, usualDays: true, isFinal: true } } } },
      },
    });
    if (!letter) throw new LetterStateError("not-sent");
    await tx.letter.update({ where: { id }, data: { writerReport: report, writerReportedAt: now() } });
    if (report === "wrote_back")
      await changeStatusIfAllowed(
        tx,
        { type: "letter", id },
        { to: "reply_received", actorId: author.id, note: "reported by the writer" },
      );
    // "I never heard back" ends the letter as unknown only once the route's usual time has passed.
    if (
      report === "never_heard" &&
      askHeardBack({
        statuses: letter.route?.statuses ?? [],
        sentAt: letter.sentAt,
        ended: letter.state === "closed",
        now: now(),
      })
    ) {
      await changeStatusIfAllowed(
        tx,
        { type: "letter", id },
        { to: "unknown", actorId: author.id, note: "the writer never heard back" },
      );
    }
  });
}
