import { Prisma } from "#app/generated/prisma/client.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { queueEmails, type EmailMessage } from "#app/utils/email.server.ts";
import { DEFAULT_LOCALE, isLocale, translator } from "#app/i18n/i18n.ts";
import { renderEmail } from "#app/emails/layout.server.ts";
import { can, type Actor } from "#app/utils/permissions.ts";
import { changeStatusIn } from "./tracking.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { PermissionError } from "./users.server.ts";
import {
  NOT_REACHABLE_STATUSES,
  type PrisonerStatusName,
  type ReleaseKindName,
  type SituationChangeFormInput,
} from "#app/schemas/prisoners.ts";

/**
 * What follows a change in a person's situation, wherever it comes from (an import,
 * a coordinator's hand): the status and its dates, one SituationChange row for the
 * history, and the effects on everyone writing to the person.
 *
 * - Released, deceased, or "letters cannot reach them now" (canWrite false): never
 *   offered again (reachableWhere / reachableSql); adoptions end; items not yet
 *   handed over to a service go back to their writer's drafts with the reason;
 *   scheduled drafts lose their schedule; every writer concerned gets one kind
 *   e-mail that names nobody.
 * - Transferred: writers of items still on their way to the old place are told; items
 *   not yet handed over (and parcel drafts) take the new address.
 *
 * "Not yet handed over" means precisely: state "sent", on a route other than the
 * letter bank, and still in the route's first status (lowest position, not final;
 * "queued" in every default route). E-mail routes move a letter on to "handed_over"
 * when it is sent; batch routes when the batch is exported; self-post when the writer
 * says it is posted. Letters in the letter bank wait for the release on purpose: for a
 * released person they become a coordinators' task (bankHandovers).
 */

export type UnreachableReason = "released" | "deceased" | "cannot-write";

/** Prisma filter for people who may be offered for writing and parcels. */
export const reachableWhere = {
  status: { notIn: [...NOT_REACHABLE_STATUSES] },
  canWrite: true,
} satisfies Prisma.PrisonerWhereInput;

/** The same rule as SQL, for a Prisoner row under the given alias. */
export function reachableSql(alias = "p"): Prisma.Sql {
  const p = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${p}."status"::text NOT IN (${Prisma.join([...NOT_REACHABLE_STATUSES])}) AND ${p}."canWrite")`;
}

function toDate(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

function dayOf(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

async function inTransaction<T>(db: DbClient, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db) return db.$transaction(fn, { maxWait: 20_000, timeout: 60_000 });
  return fn(db);
}

export interface SituationChangeInput {
  prisonerId: string;
  status: PrisonerStatusName;
  /** The day it happened in the world (yyyy-mm-dd), when known. */
  occurredOn?: string | null;
  releaseKind?: ReleaseKindName | null;
  note?: string | null;
  importRunId?: string | null;
  editorId?: string | null;
}

/**
 * Records a change of situation and applies what follows. Works inside the caller's
 * transaction (pass it as db) or opens one. Returns null when nothing changed (the
 * same status, and for a release the same date and kind): re-importing a list does
 * not repeat the history.
 */
export async function recordSituationChange(db: DbClient, input: SituationChangeInput, at: Date = now()) {
  return inTransaction(db, async (tx) => {
    const before = await tx.prisoner.findUnique({
      where: { id: input.prisonerId },
      select: { status: true, releasedOn: true, releaseKind: true, diedOn: true, currentFacilityId: true },
    });
    if (!before) throw new Error(`no prisoner ${input.prisonerId}`);
    const occurredOn = toDate(input.occurredOn);
    const releaseKind = input.status === "released" ? (input.releaseKind ?? null) : null;
    const same =
      before.status === input.status &&
      (input.status === "released"
        ? dayOf(before.releasedOn) === dayOf(occurredOn) && before.releaseKind === releaseKind
        : input.status === "deceased"
          ? dayOf(before.diedOn) === dayOf(occurredOn)
          : true);
    if (same) return null;

    const leavesFacility = input.status === "released" || input.status === "deceased";
    await tx.prisoner.update({
      where: { id: input.prisonerId },
      data: {
        status: input.status,
        // A re-arrest after a release clears the release; the history keeps it.
        releasedOn: input.status === "released" ? occurredOn : null,
        releaseKind,
        diedOn: input.status === "deceased" ? occurredOn : null,
        ...(leavesFacility ? { currentFacilityId: null } : {}),
        updatedAt: at,
      },
    });
    if (leavesFacility && before.currentFacilityId) {
      await tx.facilityStay.updateMany({
        where: { prisonerId: input.prisonerId, toDate: null },
        data: { toDate: occurredOn ?? at },
      });
    }
    const change = await tx.situationChange.create({
      data: {
        prisonerId: input.prisonerId,
        status: input.status,
        fromStatus: before.status,
        occurredOn,
        releaseKind,
        importRunId: input.importRunId ?? null,
        editorId: input.editorId ?? null,
        note: input.note?.trim() || null,
        createdAt: at,
      },
    });
    if (input.status === "released" || input.status === "deceased") {
      await applyReachabilityEffects(tx, [{ prisonerId: input.prisonerId, reason: input.status }], at);
    }
    return change;
  });
}

/**
 * A coordinator records a change of situation by hand (and whether letters can reach
 * the person now). Returns whether anything changed.
 */
export async function recordSituationByHand(
  actor: Actor & { id: string },
  prisonerId: string,
  input: SituationChangeFormInput,
): Promise<boolean> {
  if (!can(actor, "edit:prisoners")) throw new PermissionError("edit:prisoners");
  const at = now();
  return prisma.$transaction(
    async (tx) => {
      const before = await tx.prisoner.findUnique({ where: { id: prisonerId }, select: { canWrite: true } });
      if (!before) throw new PermissionError("not-found");
      const change = await recordSituationChange(
        tx,
        {
          prisonerId,
          status: input.status,
          occurredOn: input.occurredOn,
          releaseKind: input.releaseKind as ReleaseKindName | null,
          note: input.note,
          editorId: actor.id,
        },
        at,
      );
      const canWriteChanged = await setCanWrite(tx, prisonerId, input.canWrite, at);
      if (canWriteChanged) {
        await tx.prisonerEdit.create({
          data: {
            prisonerId,
            editorId: actor.id,
            changes: { fields: [{ field: "canWrite", from: String(before.canWrite), to: String(input.canWrite) }] },
            createdAt: at,
          },
        });
      }
      return change !== null || canWriteChanged;
    },
    { maxWait: 20_000, timeout: 60_000 },
  );
}

/** Letters cannot reach the person now (or can again): a list's can_write, a coordinator's flag. */
export async function setCanWrite(
  db: DbClient,
  prisonerId: string,
  canWrite: boolean,
  at: Date = now(),
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.prisoner.updateMany({
      where: { id: prisonerId, canWrite: !canWrite },
      data: { canWrite, updatedAt: at },
    });
    if (count > 0 && !canWrite) await applyReachabilityEffects(tx, [{ prisonerId, reason: "cannot-write" }], at);
    return count > 0;
  });
}

interface WriterNews {
  adoptionsEnded: Record<UnreachableReason, number>;
  returned: Record<UnreachableReason, number>;
  unscheduled: number;
}

function emptyNews(): WriterNews {
  return {
    adoptionsEnded: { released: 0, deceased: 0, "cannot-write": 0 },
    returned: { released: 0, deceased: 0, "cannot-write": 0 },
    unscheduled: 0,
  };
}

const FIRST_STATUS = Prisma.sql`(SELECT rs."key" FROM "RouteStatus" rs WHERE rs."routeId" = i."routeId" AND NOT rs."isFinal" ORDER BY rs."position" LIMIT 1)`;

/**
 * What follows when people can no longer be written to. Set-based: an import may
 * pass thousands of people at once, and each step is one statement for all of them.
 * Returns how many adoptions ended, items went back to drafts, schedules were removed
 * and e-mails were queued.
 */
export async function applyReachabilityEffects(
  tx: Prisma.TransactionClient,
  changes: { prisonerId: string; reason: UnreachableReason }[],
  at: Date,
) {
  const result = { adoptionsEnded: 0, lettersReturned: 0, parcelsReturned: 0, schedulesRemoved: 0, emails: 0 };
  if (changes.length === 0) return result;
  const ids = changes.map((c) => c.prisonerId);
  const reasons = changes.map((c) => c.reason);
  const input = Prisma.sql`unnest(${ids}::text[], ${reasons}::text[]) AS c("pid", "reason")`;

  const ended = await tx.$queryRaw<{ userId: string; reason: UnreachableReason }[]>`
    UPDATE "Adoption" a SET "endedAt" = ${at}, "endReason" = c."reason"
    FROM ${input}
    WHERE a."prisonerId" = c."pid" AND a."endedAt" IS NULL
    RETURNING a."volunteerId" AS "userId", c."reason"`;

  const letters = await tx.$queryRaw<{ userId: string | null; reason: UnreachableReason }[]>`
    UPDATE "Letter" i SET "state" = 'draft', "status" = NULL, "routeId" = NULL, "facilityId" = NULL, "batchId" = NULL,
           "sentAt" = NULL, "statusChangedAt" = NULL, "postedAnswer" = NULL, "postedAnsweredAt" = NULL,
           "returnedReason" = c."reason", "updatedAt" = ${at}
    FROM ${input}, "Route" r
    WHERE i."prisonerId" = c."pid" AND i."state" = 'sent' AND r."id" = i."routeId" AND r."handover" <> 'bank'
      AND i."status" = ${FIRST_STATUS}
    RETURNING i."authorId" AS "userId", c."reason"`;

  const parcels = await tx.$queryRaw<{ userId: string | null; reason: UnreachableReason }[]>`
    UPDATE "Parcel" i SET "state" = 'draft', "status" = NULL, "routeId" = NULL, "batchId" = NULL,
           "sentAt" = NULL, "statusChangedAt" = NULL, "returnedReason" = c."reason", "updatedAt" = ${at}
    FROM ${input}, "Route" r
    WHERE i."prisonerId" = c."pid" AND i."state" = 'sent' AND r."id" = i."routeId" AND r."handover" <> 'bank'
      AND i."status" = ${FIRST_STATUS}
    RETURNING i."senderId" AS "userId", c."reason"`;

  const unscheduled = await tx.$queryRaw<{ userId: string | null }[]>`
    UPDATE "Letter" i SET "scheduledFor" = NULL, "scheduledRouteId" = NULL, "scheduleProblem" = c."reason", "updatedAt" = ${at}
    FROM ${input}
    WHERE i."prisonerId" = c."pid" AND i."state" = 'draft' AND i."scheduledFor" IS NOT NULL
    RETURNING i."authorId" AS "userId"`;

  const news = new Map<string, WriterNews>();
  const of = (userId: string) => news.get(userId) ?? news.set(userId, emptyNews()).get(userId)!;
  for (const row of ended) of(row.userId).adoptionsEnded[row.reason]++;
  for (const row of [...letters, ...parcels]) if (row.userId) of(row.userId).returned[row.reason]++;
  for (const row of unscheduled) if (row.userId) of(row.userId).unscheduled++;

  result.adoptionsEnded = ended.length;
  result.lettersReturned = letters.length;
  result.parcelsReturned = parcels.length;
  result.schedulesRemoved = unscheduled.length;
  result.emails = await tellWriters(tx, news, (t, n) => reachabilityMail(t, n));
  return result;
}

type Translate = ReturnType<typeof translator>;

function reachabilityMail(t: Translate, news: WriterNews): { subject: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  if (news.adoptionsEnded.released)
    paragraphs.push(t("email.situation.released", { count: news.adoptionsEnded.released }));
  if (news.adoptionsEnded.deceased)
    paragraphs.push(t("email.situation.deceased", { count: news.adoptionsEnded.deceased }));
  if (news.adoptionsEnded["cannot-write"])
    paragraphs.push(t("email.situation.cannotWrite", { count: news.adoptionsEnded["cannot-write"] }));
  const returned = news.returned.released + news.returned.deceased + news.returned["cannot-write"];
  if (returned) paragraphs.push(t("email.situation.returned", { count: returned }));
  if (news.unscheduled) paragraphs.push(t("email.situation.unscheduled", { count: news.unscheduled }));
  if (news.adoptionsEnded.released + news.adoptionsEnded.deceased + news.adoptionsEnded["cannot-write"] > 0) {
    paragraphs.push(t("email.situation.thanks"));
  }
  return { subject: t("email.situation.subject"), paragraphs };
}

/** One e-mail per writer, in their language, naming nobody: queued in the caller's transaction. */
async function tellWriters<N>(
  tx: Prisma.TransactionClient,
  news: Map<string, N>,
  compose: (t: Translate, news: N) => { subject: string; paragraphs: string[] },
) {
  if (news.size === 0) return 0;
  const users = await tx.user.findMany({
    where: { id: { in: [...news.keys()] }, vettingState: "approved" },
    select: { id: true, email: true, pseudonym: true, locale: true },
  });
  const messages: EmailMessage[] = [];
  for (const user of users) {
    const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const { subject, paragraphs } = compose(t, news.get(user.id)!);
    if (paragraphs.length === 0) continue;
    messages.push({
      to: user.email,
      purpose: "situation",
      subject,
      ...renderEmail(locale, {
        paragraphs: [t("email.reply.greeting", { pseudonym: user.pseudonym }), ...paragraphs],
        action: {
          label: t("email.situation.button"),
          url: `${appUrl()}/login?redirectTo=${encodeURIComponent("/letters")}`,
        },
      }),
    });
  }
  return queueEmails(messages, tx);
}

interface TransferNews {
  onTheirWay: number;
  readdressed: number;
}

/**
 * What follows transfers: writers of letters and parcels still on their way to the
 * old facility are told they may not arrive; items not yet handed over, and parcel
 * drafts, take the new facility (self-post writers are asked to print the envelope
 * again). Letter drafts carry no facility: they take the person's current one when
 * printed or sent. The caller has already moved the person (stays, currentFacilityId).
 */
export async function applyTransferEffects(
  tx: Prisma.TransactionClient,
  transfers: { prisonerId: string; fromFacilityId: string | null; toFacilityId: string }[],
  at: Date,
) {
  const result = { onTheirWay: 0, readdressed: 0, emails: 0 };
  const moves = transfers.filter((m) => m.fromFacilityId !== m.toFacilityId);
  if (moves.length === 0) return result;
  const input = Prisma.sql`unnest(${moves.map((m) => m.prisonerId)}::text[], ${moves.map((m) => m.fromFacilityId)}::text[], ${moves.map((m) => m.toFacilityId)}::text[]) AS c("pid", "fromId", "toId")`;

  const readdressed = await tx.$queryRaw<{ userId: string | null }[]>`
    UPDATE "Letter" i SET "facilityId" = c."toId", "updatedAt" = ${at}
    FROM ${input}, "Route" r
    WHERE i."prisonerId" = c."pid" AND i."state" = 'sent' AND i."facilityId" IS NOT DISTINCT FROM c."fromId"
      AND r."id" = i."routeId" AND r."handover" <> 'bank' AND i."status" = ${FIRST_STATUS}
    RETURNING CASE WHEN r."handover" = 'print_pdf' THEN i."authorId" END AS "userId"`;
  const readdressedParcels = await tx.$queryRaw<{ userId: string | null }[]>`
    UPDATE "Parcel" i SET "facilityId" = c."toId", "updatedAt" = ${at}
    FROM ${input}
    WHERE i."prisonerId" = c."pid" AND i."facilityId" IS NOT DISTINCT FROM c."fromId"
      AND (i."state" = 'draft'
        OR (i."state" = 'sent' AND i."status" = ${FIRST_STATUS}
            AND EXISTS (SELECT 1 FROM "Route" r WHERE r."id" = i."routeId" AND r."handover" = 'print_pdf')))
    RETURNING CASE WHEN i."state" = 'sent' THEN i."senderId" END AS "userId"`;
  // Past the first status, addressed to the old place, not ended: on their way there.
  const onTheirWay = await tx.$queryRaw<{ userId: string | null }[]>`
    SELECT i."authorId" AS "userId" FROM "Letter" i JOIN ${input} ON i."prisonerId" = c."pid" AND i."facilityId" = c."fromId"
      JOIN "Route" r ON r."id" = i."routeId"
     WHERE i."state" = 'sent' AND r."handover" <> 'bank' AND i."status" IS DISTINCT FROM ${FIRST_STATUS}
    UNION ALL
    SELECT i."senderId" FROM "Parcel" i JOIN ${input} ON i."prisonerId" = c."pid" AND i."facilityId" = c."fromId"
     WHERE i."state" = 'sent' AND i."status" IS DISTINCT FROM ${FIRST_STATUS}`;

  const news = new Map<string, TransferNews>();
  const of = (userId: string) => news.get(userId) ?? news.set(userId, { onTheirWay: 0, readdressed: 0 }).get(userId)!;
  for (const row of onTheirWay) if (row.userId) of(row.userId).onTheirWay++;
  for (const row of [...readdressed, ...readdressedParcels]) if (row.userId) of(row.userId).readdressed++;
  result.onTheirWay = onTheirWay.length;
  result.readdressed = readdressed.length + readdressedParcels.length;
  result.emails = await tellWriters(tx, news, (t, n) => ({
    subject: t("email.transfer.subject"),
    paragraphs: [
      ...(n.onTheirWay ? [t("email.transfer.onTheirWay", { count: n.onTheirWay })] : []),
      ...(n.readdressed ? [t("email.transfer.readdressed", { count: n.readdressed })] : []),
    ],
  }));
  return result;
}

// ───────────────────────────── Letter-bank hand-overs ─────────────────────────────

/**
 * Coordinators' task: released people with letters waiting in the letter bank
 * ("hand over N letters"). Computed from the letters themselves, so it disappears
 * once they are marked delivered (the bank route's final status).
 */
export async function bankHandovers(db: DbClient = prisma) {
  const rows = await db.$queryRaw<{ prisonerId: string; routeId: string; releasedOn: Date | null; letters: number }[]>`
    SELECT p."id" AS "prisonerId", l."routeId", p."releasedOn", count(*)::int AS "letters"
      FROM "Letter" l JOIN "Prisoner" p ON p."id" = l."prisonerId" JOIN "Route" r ON r."id" = l."routeId"
     WHERE p."status" = 'released' AND r."handover" = 'bank' AND l."state" = 'sent'
     GROUP BY p."id", l."routeId", p."releasedOn"
     ORDER BY p."releasedOn" ASC NULLS LAST, p."id"`;
  const names = await db.prisonerName.findMany({
    where: { prisonerId: { in: rows.map((r) => r.prisonerId) }, isPrimary: true },
    select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
  });
  const nameOf = new Map(names.map((n) => [n.prisonerId, fullName(n)]));
  return rows.map((row) => ({ ...row, name: nameOf.get(row.prisonerId) ?? "—" }));
}

/**
 * Records that a released person's letters from the letter bank were handed over:
 * each moves to the bank route's "delivered" status (an ordinary tracked change, with
 * its event). Returns how many letters moved.
 */
export async function markBankHandedOver(actor: Actor & { id: string }, prisonerId: string): Promise<number> {
  if (!can(actor, "track:items")) throw new PermissionError("track:items");
  return prisma.$transaction(async (tx) => {
    const letters = await tx.letter.findMany({
      where: { prisonerId, state: "sent", route: { handover: "bank" }, prisoner: { status: "released" } },
      select: { id: true },
    });
    for (const letter of letters) {
      await changeStatusIn(
        tx,
        { type: "letter", id: letter.id },
        { to: "delivered", actorId: actor.id, note: "handed over after release" },
      );
    }
    return letters.length;
  });
}
