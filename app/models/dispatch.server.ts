import { Prisma } from "#app/generated/prisma/client.ts";
import type { ItemKind } from "#app/generated/prisma/enums.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { decrypt, encrypt, newRowId } from "#app/utils/crypto.server.ts";
import {
  letterBody,
  letterReturnAddress,
  replyAttachment as replyAttachmentPlace,
  replyText,
} from "#app/utils/sealed-fields.server.ts";
import { can, type Actor } from "#app/utils/permissions.ts";
import { audit } from "#app/utils/audit.server.ts";
import { kickOutbox, queueEmail } from "#app/utils/email.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { DEFAULT_LOCALE, isLocale, translator } from "#app/i18n/i18n.ts";
import { renderEmail } from "#app/emails/layout.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { toCsv } from "#app/utils/csv.ts";
import { envelopeAddressLines } from "./envelope.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { handOverByEmail, letterReference } from "./letters.server.ts";
import {
  changeStatusIfAllowed,
  changeStatusIn,
  TransitionError,
  writeStatus,
  type ItemRef,
} from "./tracking.server.ts";
import type { LetterPdfInput } from "#app/letters/pdf.server.ts";
import { MAX_ATTACHMENT_BYTES } from "#app/schemas/tracking.ts";
import type { ItemRefusal } from "#app/tracking/transitions.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { RetriesExhaustedError, retryTransaction } from "#app/utils/retry.server.ts";

/**
 * What coordinators do with items once they have left a volunteer's hands: move a
 * batch through its route's statuses, export a batch for a service, reassign items
 * to another route, and record replies. Bulk changes are all-or-nothing: if one item
 * cannot take the change, nothing changes and the coordinator is told which.
 *
 * Every bulk path locks its rows in one fixed order (letters, then parcels, each by
 * id) before changing any of them, so two coordinators changing overlapping items
 * wait for each other instead of deadlocking; a transaction the database still
 * aborts (deadlock, serialisation) is run again a few times, and then every item
 * is refused with the reason "busy".
 */

type Coordinator = Actor & { id: string };

function requireTracker(actor: Coordinator) {
  if (!can(actor, "track:items")) throw new PermissionError("track:items");
}

export type BulkErrorCode = "refused";

export const BULK_ERRORS: DomainErrorTable<BulkErrorCode> = {
  refused: { kind: "conflict", message: "items.bulkRefused" },
};

export interface BulkFailure {
  item: ItemRef;
  reason: ItemRefusal;
}

/** Nothing of a bulk change was done: `failures` says which items refused it and why. */
export class BulkError extends DomainError<BulkErrorCode> {
  constructor(readonly failures: BulkFailure[]) {
    super("refused", BULK_ERRORS);
  }
}

export const MAX_BULK_ITEMS = 500;

/** The items once each, in the one order every bulk path locks them in: letters, then parcels, each by id. */
function distinct(items: ItemRef[]): ItemRef[] {
  const seen = new Map(items.map((item) => [`${item.type}:${item.id}`, item]));
  return [...seen.values()].sort((a, b) =>
    a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type === "letter" ? -1 : 1,
  );
}

/** Locks the items' rows for the rest of the transaction, in the fixed order of `distinct`. */
async function lockInOrder(tx: Prisma.TransactionClient, refs: ItemRef[]) {
  const letters = refs.filter((r) => r.type === "letter").map((r) => r.id);
  const parcels = refs.filter((r) => r.type === "parcel").map((r) => r.id);
  if (letters.length)
    await tx.$queryRaw`SELECT "id" FROM "Letter" WHERE "id" IN (${Prisma.join(letters)}) ORDER BY "id" FOR UPDATE`;
  if (parcels.length)
    await tx.$queryRaw`SELECT "id" FROM "Parcel" WHERE "id" IN (${Prisma.join(parcels)}) ORDER BY "id" FOR UPDATE`;
}

/** Runs a bulk transaction again after a deadlock or serialisation failure; gives up with "busy" for every item. */
async function withRetries<T>(refs: ItemRef[], work: () => Promise<T>): Promise<T> {
  try {
    return await retryTransaction(work);
  } catch (error) {
    if (error instanceof RetriesExhaustedError) throw new BulkError(refs.map((item) => ({ item, reason: "busy" })));
    throw error;
  }
}

/** Moves every item to one status, in one transaction, as one batch. */
export async function bulkChangeStatus(
  actor: Coordinator,
  items: ItemRef[],
  input: { to: string; note?: string | null; reference?: string | null },
) {
  requireTracker(actor);
  const refs = distinct(items);
  if (refs.length === 0 || refs.length > MAX_BULK_ITEMS) throw new BulkError([]);
  return withRetries(refs, () =>
    prisma.$transaction(
      async (tx) => {
        await lockInOrder(tx, refs);
        const batch = await tx.batch.create({
          data: {
            action: input.to === "posted" ? "posted" : "status",
            createdById: actor.id,
            note: input.note?.trim() || null,
            itemCount: refs.length,
            createdAt: now(),
          },
        });
        const failures: BulkFailure[] = [];
        for (const item of refs) {
          try {
            await changeStatusIn(tx, item, {
              to: input.to,
              actorId: actor.id,
              note: input.note,
              reference: input.reference,
            });
          } catch (error) {
            if (error instanceof TransitionError) failures.push({ item, reason: error.code });
            else throw error;
          }
        }
        if (failures.length > 0) throw new BulkError(failures);
        await setBatch(tx, refs, batch.id);
        return { batchId: batch.id, count: refs.length };
      },
      { timeout: 60_000 },
    ),
  );
}

async function setBatch(tx: Prisma.TransactionClient, refs: ItemRef[], batchId: string) {
  const letters = refs.filter((r) => r.type === "letter").map((r) => r.id);
  const parcels = refs.filter((r) => r.type === "parcel").map((r) => r.id);
  if (letters.length) await tx.letter.updateMany({ where: { id: { in: letters } }, data: { batchId } });
  if (parcels.length) await tx.parcel.updateMany({ where: { id: { in: parcels } }, data: { batchId } });
}

/**
 * Moves items that have not been handed over yet (still in their route's first
 * status) to another route that takes their kind, country and language (and never
 * for someone who asked not to be written to or was released), starting again at
 * that route's first status; an e-mail route gets the letter handed over at once.
 */
export async function assignRoute(actor: Coordinator, items: ItemRef[], routeId: string) {
  requireTracker(actor);
  const refs = distinct(items);
  if (refs.length === 0 || refs.length > MAX_BULK_ITEMS) throw new BulkError([]);
  return withRetries(refs, () =>
    prisma
      .$transaction(
        async (tx) => {
          await lockInOrder(tx, refs);
          const route = await tx.route.findUnique({
            where: { id: routeId },
            include: { statuses: { orderBy: { position: "asc" } } },
          });
          const first = route?.statuses[0];
          if (!route || !route.active || !first) throw new BulkError(refs.map((item) => ({ item, reason: "route" })));
          const at = now();
          const batch = await tx.batch.create({
            data: { action: "assign", routeId, createdById: actor.id, itemCount: refs.length, createdAt: at },
          });
          const failures: BulkFailure[] = [];
          for (const item of refs) {
            const row = await openItemForAssignment(tx, item);
            if (!row) {
              failures.push({ item, reason: "not-open" });
              continue;
            }
            const languageFits = row.language === null || route.translates || route.languages.includes(row.language);
            if (
              !route.itemKinds.includes(row.kind) ||
              !route.countries.includes(row.country) ||
              !languageFits ||
              row.notOffered
            ) {
              failures.push({ item, reason: "route-does-not-fit" });
              continue;
            }
            if (row.firstStatus !== null && row.status !== row.firstStatus) {
              failures.push({ item, reason: "already-handed-over" });
              continue;
            }
            if (row.routeId === routeId) continue;
            await writeStatus(
              tx,
              item,
              { from: row.status, to: first.key, actorId: actor.id, at, note: `assigned to ${route.name}` },
              { routeId, batchId: batch.id },
            );
            // A letter moved to a service that takes e-mail is handed over like one sent there.
            if (item.type === "letter" && route.handover === "email")
              await handOverByEmail(tx, item.id, route, actor.id);
          }
          if (failures.length > 0) throw new BulkError(failures);
          return { batchId: batch.id, count: refs.length };
        },
        { timeout: 60_000 },
      )
      .then((result) => {
        // Hand-over mails of an e-mail route are committed now: send them without waiting for the next poll.
        kickOutbox();
        return result;
      }),
  );
}

/** The item, locked for the rest of the transaction, if it is still on its way. */
async function openItemForAssignment(tx: Prisma.TransactionClient, item: ItemRef) {
  const table = item.type === "letter" ? Prisma.sql`"Letter"` : Prisma.sql`"Parcel"`;
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM ${table} WHERE "id" = ${item.id} AND "state" = 'sent' FOR UPDATE`;
  if (!locked) return null;
  const select = {
    status: true,
    routeId: true,
    prisoner: { select: { country: true, doNotWrite: true, status: true, canWrite: true } },
    route: { select: { statuses: { orderBy: { position: "asc" as const }, take: 1, select: { key: true } } } },
  };
  const row =
    item.type === "letter"
      ? await tx.letter.findUniqueOrThrow({ where: { id: item.id }, select: { ...select, kind: true, language: true } })
      : await tx.parcel.findUniqueOrThrow({ where: { id: item.id }, select });
  return {
    status: row.status,
    routeId: row.routeId,
    kind: "kind" in row ? (row.kind as ItemKind) : ("parcel" as const),
    language: "language" in row ? (row.language as string | null) : null,
    country: row.prisoner.country,
    notOffered: row.prisoner.doNotWrite || !isReachable(row.prisoner),
    firstStatus: row.route?.statuses[0]?.key ?? null,
  };
}

// ───────────────────────────── Batch export for a service ─────────────────────────────

export interface ExportedLetter {
  reference: string;
  kind: "letter" | "postcard";
  route: string;
  surname: string;
  givenName: string;
  patronymic: string;
  birthYear: string;
  address: string[];
  language: string;
  text: string;
  signed: string;
  returnAddress: string;
  sentAt: Date | null;
}

/**
 * The letters a service needs to print or submit (FSIN-Pismo, RosUznik, event
 * batches): the address as on an envelope, the text, the pseudonym and a reference.
 * Nothing about the volunteer's identity. The export is recorded as a batch and audited,
 * because it reveals letter texts to the coordinator.
 */
export async function exportLetters(
  actor: Coordinator,
  letterIds: string[],
): Promise<{ batchId: string; letters: ExportedLetter[] }> {
  requireTracker(actor);
  const ids = [...new Set(letterIds)];
  if (ids.length === 0 || ids.length > MAX_BULK_ITEMS) throw new BulkError([]);
  const rows = await prisma.letter.findMany({
    where: { id: { in: ids }, state: { not: "draft" } },
    include: { prisoner: { include: { names: true } }, facility: true, route: { select: { name: true } } },
    orderBy: { sentAt: "asc" },
  });
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new BulkError(missing.map((id) => ({ item: { type: "letter", id }, reason: "not-found" })));
  const purged = rows.filter((r) => r.bodyEncrypted === null);
  if (purged.length) throw new BulkError(purged.map((r) => ({ item: { type: "letter", id: r.id }, reason: "purged" })));
  const letters = rows.map((letter): ExportedLetter => {
    const primary = letter.prisoner.names.find((n) => n.isPrimary) ?? letter.prisoner.names[0];
    return {
      reference: letterReference(letter.id),
      kind: letter.kind === "postcard" ? "postcard" : "letter",
      route: letter.route?.name ?? "",
      surname: primary?.surname ?? "",
      givenName: primary?.givenName ?? "",
      patronymic: primary?.patronymic ?? "",
      birthYear: letter.prisoner.birthDate ? String(letter.prisoner.birthDate.getUTCFullYear()) : "",
      address: letter.facility
        ? envelopeAddressLines({
            country: letter.prisoner.country,
            names: letter.prisoner.names,
            birthDate: letter.prisoner.birthDate,
            facility: letter.facility,
            gender: letter.prisoner.gender,
            dativeOverride: letter.prisoner.envelopeNameDative,
          })
        : [],
      language: letter.language ?? "",
      text: letter.bodyEncrypted ? decrypt(letter.bodyEncrypted, letterBody(letter.id)) : "",
      signed: letter.senderName ?? "",
      returnAddress: letter.returnAddressEncrypted
        ? decrypt(letter.returnAddressEncrypted, letterReturnAddress(letter.id))
        : "",
      sentAt: letter.sentAt,
    };
  });
  const refs = distinct(ids.map((id) => ({ type: "letter" as const, id })));
  const batch = await withRetries(refs, () =>
    prisma.$transaction(async (tx) => {
      await lockInOrder(tx, refs);
      const created = await tx.batch.create({
        data: { action: "export", createdById: actor.id, itemCount: rows.length, createdAt: now() },
      });
      await setBatch(tx, refs, created.id);
      return created;
    }),
  );
  await audit({
    actorId: actor.id,
    action: "batch.exported",
    targetType: "batch",
    targetId: batch.id,
    details: { letters: rows.length, letterIds: rows.map((r) => r.id) },
  });
  return { batchId: batch.id, letters };
}

export function exportCsv(letters: ExportedLetter[]): string {
  return toCsv(
    [
      "reference",
      "kind",
      "route",
      "surname",
      "given_name",
      "patronymic",
      "birth_year",
      "address",
      "language",
      "text",
      "signed",
      "return_address",
      "sent_at",
    ],
    letters.map((l) => [
      l.reference,
      l.kind,
      l.route,
      l.surname,
      l.givenName,
      l.patronymic,
      l.birthYear,
      l.address.join("\n"),
      l.language,
      l.text,
      l.signed,
      l.returnAddress,
      l.sentAt?.toISOString() ?? "",
    ]),
  );
}

export function exportPdfInputs(letters: ExportedLetter[], locale: "en" | "ru" | "be"): LetterPdfInput[] {
  return letters
    .filter((l) => l.address.length > 0)
    .map((l) => ({
      kind: l.kind,
      body: l.text,
      senderName: l.signed,
      returnAddress: l.returnAddress || null,
      recipient: { lines: l.address },
      envelope: "C5",
      locale,
    }));
}

// ───────────────────────────── Replies ─────────────────────────────

const ATTACHMENT_SIGNATURES: Array<{ type: string; extension: string; magic: number[] }> = [
  { type: "application/pdf", extension: "pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { type: "image/jpeg", extension: "jpg", magic: [0xff, 0xd8, 0xff] },
  { type: "image/png", extension: "png", magic: [0x89, 0x50, 0x4e, 0x47] },
];

/** The file's real type from its first bytes (the browser's claim is not trusted), or null. */
export function attachmentType(bytes: Uint8Array): { type: string; extension: string } | null {
  const match = ATTACHMENT_SIGNATURES.find((s) => s.magic.every((byte, i) => bytes[i] === byte));
  return match ? { type: match.type, extension: match.extension } : null;
}

export type ReplyErrorCode = "too-large" | "bad-type" | "empty" | "not-found";

export const REPLY_ERRORS: DomainErrorTable<ReplyErrorCode> = {
  "too-large": { kind: "invalid", message: "items.reply.tooLarge" },
  "bad-type": { kind: "invalid", message: "items.reply.badType" },
  empty: { kind: "invalid", message: "items.reply.empty" },
  "not-found": { kind: "not_found", message: "items.failure.notFound" },
};

/** A reply that cannot be recorded: its scan, its emptiness, or an item that was never sent. */
export class ReplyError extends DomainError<ReplyErrorCode> {
  constructor(code: ReplyErrorCode) {
    super(code, REPLY_ERRORS);
  }
}

const WRITER = { email: true, pseudonym: true, locale: true, vettingState: true } as const;

export interface ReplyInput {
  receivedOn: Date;
  routeId: string | null;
  text: string | null;
  attachment: { name: string; bytes: Uint8Array } | null;
}

/**
 * Records a prisoner's reply to a letter or parcel: the item moves to "reply
 * received" when its route has that status (a late reply after "unknown" is still
 * recorded), and its writer gets an e-mail that names nobody and links to the app.
 * The reply, its event and the e-mail are one transaction.
 */
export async function recordReply(actor: Coordinator, item: ItemRef, input: ReplyInput) {
  requireTracker(actor);
  const replyId = newRowId();
  let attachment: { encrypted: string; type: string; name: string; size: number } | null = null;
  if (input.attachment && input.attachment.bytes.length > 0) {
    if (input.attachment.bytes.length > MAX_ATTACHMENT_BYTES) throw new ReplyError("too-large");
    const type = attachmentType(input.attachment.bytes);
    if (!type) throw new ReplyError("bad-type");
    attachment = {
      encrypted: encrypt(Buffer.from(input.attachment.bytes).toString("base64"), replyAttachmentPlace(replyId)),
      type: type.type,
      name: `reply.${type.extension}`,
      size: input.attachment.bytes.length,
    };
  }
  if (!input.text?.trim() && !attachment) throw new ReplyError("empty");
  const owner =
    item.type === "letter"
      ? await prisma.letter
          .findUnique({
            where: { id: item.id },
            select: { state: true, prisonerId: true, routeId: true, author: { select: WRITER } },
          })
          .then((row) => row && { ...row, writer: row.author })
      : await prisma.parcel
          .findUnique({
            where: { id: item.id },
            select: { state: true, prisonerId: true, routeId: true, sender: { select: WRITER } },
          })
          .then((row) => row && { ...row, writer: row.sender });
  if (!owner || owner.state === "draft") throw new ReplyError("not-found");
  const writer = owner.writer;
  const reply = await prisma.$transaction(async (tx) => {
    const created = await tx.reply.create({
      data: {
        id: replyId,
        letterId: item.type === "letter" ? item.id : null,
        parcelId: item.type === "parcel" ? item.id : null,
        prisonerId: owner.prisonerId,
        routeId: input.routeId ?? owner.routeId,
        receivedOn: input.receivedOn,
        textEncrypted: input.text?.trim() ? encrypt(input.text.trim(), replyText(replyId)) : null,
        attachmentEncrypted: attachment?.encrypted ?? null,
        attachmentName: attachment?.name ?? null,
        attachmentType: attachment?.type ?? null,
        attachmentSize: attachment?.size ?? null,
        source: "coordinator",
        recordedById: actor.id,
        createdAt: now(),
        notifiedAt: writer ? now() : null,
      },
    });
    // A route without "reply received", or a second reply: the reply is recorded all the same.
    await changeStatusIfAllowed(tx, item, { to: "reply_received", actorId: actor.id, note: "reply recorded" });
    if (writer && writer.vettingState === "approved") {
      const locale = isLocale(writer.locale) ? writer.locale : DEFAULT_LOCALE;
      const t = translator(locale);
      const path = item.type === "letter" ? `/letters/${item.id}` : `/parcels/${item.id}`;
      await queueEmail(
        {
          to: writer.email,
          purpose: "reply",
          subject: t("email.reply.subject"),
          ...renderEmail(locale, {
            paragraphs: [t("email.reply.greeting", { pseudonym: writer.pseudonym }), t("email.reply.body")],
            action: { label: t("email.reply.button"), url: `${appUrl()}/login?redirectTo=${encodeURIComponent(path)}` },
          }),
        },
        tx,
      );
    }
    return created;
  });
  kickOutbox();
  await audit({
    actorId: actor.id,
    action: "reply.recorded",
    targetType: item.type,
    targetId: item.id,
    details: { replyId: reply.id, attachment: !!attachment },
  });
  return reply;
}

/** Replies to an item, decrypted, for its writer or a coordinator (the caller checks who). */
export async function repliesFor(item: ItemRef) {
  const rows = await prisma.reply.findMany({
    where: item.type === "letter" ? { letterId: item.id } : { parcelId: item.id },
    orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      receivedOn: true,
      textEncrypted: true,
      attachmentName: true,
      attachmentType: true,
      attachmentSize: true,
      source: true,
      route: { select: { name: true } },
    },
  });
  return rows.map(({ textEncrypted, ...reply }) => ({
    ...reply,
    text: textEncrypted ? decrypt(textEncrypted, replyText(reply.id)) : null,
  }));
}

/** A reply's scan, if the viewer may see it: the item's writer or anyone who tracks items. */
export async function replyAttachment(viewer: Coordinator, replyId: string) {
  const reply = await prisma.reply.findUnique({
    where: { id: replyId },
    select: {
      attachmentEncrypted: true,
      attachmentType: true,
      attachmentName: true,
      letter: { select: { authorId: true } },
      parcel: { select: { senderId: true } },
    },
  });
  if (!reply?.attachmentEncrypted || !reply.attachmentType) return null;
  const isWriter = reply.letter?.authorId === viewer.id || reply.parcel?.senderId === viewer.id;
  if (!isWriter && !can(viewer, "track:items")) return null;
  return {
    bytes: Buffer.from(decrypt(reply.attachmentEncrypted, replyAttachmentPlace(replyId)), "base64"),
    type: reply.attachmentType,
    name: reply.attachmentName ?? "reply",
  };
}

// ───────────────────────────── One item, for coordinators ─────────────────────────────

export async function trackedItem(actor: Coordinator, item: ItemRef) {
  requireTracker(actor);
  const select = {
    id: true,
    state: true,
    status: true,
    sentAt: true,
    statusChangedAt: true,
    trackingNumber: true,
    routeId: true,
    route: { select: { id: true, name: true, handover: true, repliesReturn: true } },
    facility: { select: { id: true, name: true, city: true } },
    prisoner: {
      select: {
        id: true,
        country: true,
        names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } },
      },
    },
  } as const;
  const row =
    item.type === "letter"
      ? await prisma.letter.findUnique({
          where: { id: item.id },
          select: { ...select, kind: true, writerReport: true, postedAnswer: true },
        })
      : await prisma.parcel.findUnique({ where: { id: item.id }, select });
  if (!row || row.state === "draft") return null;
  const names = row.prisoner.names[0];
  return {
    ...row,
    type: item.type,
    itemKind: ("kind" in row ? row.kind : "parcel") as ItemKind,
    reference: letterReference(row.id),
    prisonerName: names ? fullName(names) : "—",
  };
}

/** E-mail hand-overs and notifications waiting or failed, for coordinators: metadata only, never bodies. */
export async function outboxOverview(
  actor: Coordinator,
  filter: { state?: "queued" | "sending" | "sent" | "failed" | null },
) {
  requireTracker(actor);
  const [counts, rows] = await Promise.all([
    prisma.emailOutbox.groupBy({ by: ["state"], _count: { _all: true } }),
    prisma.emailOutbox.findMany({
      where: filter.state ? { state: filter.state } : { state: { not: "sent" } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        id: true,
        purpose: true,
        toAddress: true,
        subject: true,
        state: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
      },
    }),
  ]);
  return {
    counts: Object.fromEntries(counts.map((c) => [c.state, c._count._all])) as Partial<
      Record<"queued" | "sending" | "sent" | "failed", number>
    >,
    // Volunteers' addresses and sign-in subjects are nobody else's business: only
    // hand-overs to services show where they go.
    rows: rows.map((row) => ({
      ...row,
      toAddress: row.purpose === "handover" ? row.toAddress : maskAddress(row.toAddress),
      subject: row.purpose === "handover" ? row.subject : "",
    })),
  };
}

export function maskAddress(address: string): string {
  const [local = "", domain = ""] = address.split("@");
  return `${local.slice(0, 1)}…@${domain}`;
}

/** Puts a failed e-mail back in the queue, to be tried again now. */
export async function retryOutbox(actor: Coordinator, id: string): Promise<boolean> {
  requireTracker(actor);
  // A mail whose body retention erased cannot be sent again.
  const { count } = await prisma.emailOutbox.updateMany({
    where: { id, state: "failed", textBody: { not: "" } },
    data: { state: "queued", attempts: 0, nextAttemptAt: now() },
  });
  if (count) await audit({ actorId: actor.id, action: "mail.retried", targetType: "email", targetId: id });
  return count > 0;
}
