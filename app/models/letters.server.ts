import type { User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { decrypt, encrypt } from "#app/utils/crypto.server.ts";
import { can } from "#app/utils/permissions.ts";
import { analyzeLetter } from "#app/letters/guidance.ts";
import type { RiskPhrase } from "#app/letters/guidance.ts";
import { riskPhrases } from "./writing-help.server.ts";
import { routeEligibility, type RouteInfo } from "#app/letters/route-eligibility.ts";
import { PermissionError } from "./users.server.ts";
import { envelopeAddressLines } from "./envelope.ts";
import { queueEmail } from "#app/utils/email.server.ts";
import { MAX_BODY_CHARACTERS } from "#app/schemas/letters.ts";
import { fullName } from "#app/names/match-keys.ts";

/**
 * Letters and postcards a volunteer writes. Every query is scoped to the author:
 * nobody reads or changes another volunteer's letters. Bodies and return addresses
 * are encrypted at rest with DATA_ENCRYPTION_KEY.
 */



export class LetterStateError extends Error {}

function requireWriter(user: User) {
  if (!can(user, "write:letters:own")) throw new PermissionError("write:letters:own");
}

export async function createDraft(author: User, prisonerId: string, kind: "letter" | "postcard") {
  requireWriter(author);
  const prisoner = await prisma.prisoner.findUnique({ where: { id: prisonerId }, select: { doNotWrite: true, status: true } });
  if (!prisoner || prisoner.doNotWrite || prisoner.status === "released") throw new PermissionError("not-offered");
  const at = now();
  return prisma.letter.create({
    data: { authorId: author.id, prisonerId, kind, state: "draft", senderName: author.pseudonym, bodyEncrypted: encrypt(""), createdAt: at, updatedAt: at },
  });
}

/** The author's own letter, decrypted, or null (also for someone else's letter). */
export async function getOwnLetter(authorId: string, id: string) {
  const letter = await prisma.letter.findFirst({
    where: { id, authorId },
    include: {
      prisoner: { include: { names: true, currentFacility: true } },
      route: { select: { id: true, name: true, handover: true, slug: true } },
    },
  });
  if (!letter) return null;
  return {
    ...letter,
    body: letter.bodyEncrypted ? decrypt(letter.bodyEncrypted) : null,
    returnAddress: letter.returnAddressEncrypted ? decrypt(letter.returnAddressEncrypted) : null,
  };
}

export type OwnLetter = NonNullable<Awaited<ReturnType<typeof getOwnLetter>>>;

export async function saveDraft(authorId: string, id: string, input: { body: string; kind: "letter" | "postcard"; returnAddress: string | null }) {
  if (input.body.length > MAX_BODY_CHARACTERS) throw new LetterStateError("too-long");
  const { count } = await prisma.letter.updateMany({
    where: { id, authorId, state: "draft" },
    data: {
      bodyEncrypted: encrypt(input.body),
      kind: input.kind,
      returnAddressEncrypted: input.returnAddress ? encrypt(input.returnAddress) : null,
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
      prisonerId: true,
      route: { select: { name: true } },
      prisoner: { select: { names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } } } },
    },
  });
  return letters.map(({ prisoner, ...l }) => ({
    ...l,
    prisonerName: prisoner.names[0] ? fullName(prisoner.names[0]) : "—",
  }));
}

export async function activeRoutes(): Promise<RouteInfo[]> {
  return prisma.route.findMany({
    where: { active: true },
    orderBy: { position: "asc" },
    select: { id: true, slug: true, name: true, countries: true, itemKinds: true, languages: true, translates: true, handover: true, active: true, position: true },
  });
}

export function eligibilityFor(letter: OwnLetter, routes: RouteInfo[], phrases: RiskPhrase[]) {
  const guidance = analyzeLetter({ text: letter.body ?? "", kind: letter.kind === "postcard" ? "postcard" : "letter", country: letter.prisoner.country, riskPhrases: phrases });
  const facility = letter.prisoner.currentFacility;
  const eligibility = routeEligibility(routes, {
    country: letter.prisoner.country,
    kind: letter.kind === "postcard" ? "postcard" : "letter",
    language: guidance.language,
    prisoner: letter.prisoner,
    facility: facility ? { acceptsNonRelativeLetters: facility.acceptsNonRelativeLetters, languages: facility.languages } : null,
  });
  return { guidance, eligibility };
}

/**
 * Sends a draft through a route the rules allow. The server checks everything
 * again: the route fits, the text is not empty, and the volunteer confirmed the
 * warnings they were shown.
 */
/**
 * The message a service receives: what it needs to deliver the item (the address
 * as written on an envelope, the text, the pseudonym and a reference), nothing
 * about the volunteer's identity.
 */
async function handOverByEmail(letter: OwnLetter, to: string, pseudonym: string) {
  const facility = letter.prisoner.currentFacility;
  const address = facility
    ? envelopeAddressLines({ country: letter.prisoner.country, names: letter.prisoner.names, birthDate: letter.prisoner.birthDate, facility })
    : [];
  const reference = `SM-${letter.id.slice(-8).toUpperCase()}`;
  const kind = letter.kind === "postcard" ? "Postcard" : "Letter";
  await queueEmail({
    to,
    purpose: "handover",
    subject: `${kind} ${reference}`,
    text: [
      `${kind} for delivery. Reference: ${reference}`,
      "",
      "Address:",
      ...address,
      "",
      "Text:",
      letter.body ?? "",
      "",
      `Signed: ${pseudonym}`,
      ...(letter.returnAddress ? ["", "Return address:", letter.returnAddress] : []),
    ].join("\n"),
  });
}

export async function sendLetter(author: User, id: string, input: { routeId: string; warningsAcknowledged: boolean }) {
  requireWriter(author);
  const letter = await getOwnLetter(author.id, id);
  if (!letter || letter.state !== "draft") throw new LetterStateError("not-a-draft");
  const routes = await activeRoutes();
  const { guidance, eligibility } = eligibilityFor(letter, routes, await riskPhrases());
  if (guidance.warnings.some((w) => w.code === "empty")) throw new LetterStateError("empty");
  if (guidance.warnings.length > 0 && !input.warningsAcknowledged) throw new LetterStateError("acknowledge");
  const verdict = eligibility.verdicts.find((v) => v.route.id === input.routeId);
  if (!verdict?.eligible) throw new LetterStateError("route");
  const statuses = await prisma.routeStatus.findMany({ where: { routeId: input.routeId }, orderBy: { position: "asc" } });
  const route = await prisma.route.findUniqueOrThrow({ where: { id: input.routeId } });
  const at = now();
  const status = statuses[0]?.key ?? "queued";
  await prisma.$transaction([
    prisma.letter.updateMany({
      where: { id, authorId: author.id, state: "draft" },
      data: {
        state: "sent",
        status,
        routeId: input.routeId,
        facilityId: letter.prisoner.currentFacilityId,
        language: guidance.language,
        warningsAcknowledgedAt: guidance.warnings.length > 0 ? at : null,
        sentAt: at,
        statusChangedAt: at,
        senderName: author.pseudonym,
      },
    }),
    prisma.statusEvent.create({ data: { letterId: id, fromStatus: null, toStatus: status, actorId: author.id, occurredAt: at } }),
  ]);
  // Services that take letters by e-mail get them through the outbox: queued in the
  // database, retried until the service's server accepts it.
  if (route.handover === "email" && route.handoverEmail) {
    await handOverByEmail(letter, route.handoverEmail, author.pseudonym);
    const handedOver = statuses.find((s) => s.key === "handed_over");
    if (handedOver) {
      await prisma.$transaction([
        prisma.letter.update({ where: { id }, data: { status: handedOver.key, statusChangedAt: now() } }),
        prisma.statusEvent.create({ data: { letterId: id, fromStatus: status, toStatus: handedOver.key, occurredAt: now(), note: "queued for e-mail hand-over" } }),
      ]);
      return { status: handedOver.key, route: verdict.route };
    }
  }
  return { status, route: verdict.route };
}
