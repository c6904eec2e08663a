import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { decrypt, encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { replyAttachment as replyAttachmentPlace, replyText } from "#app/utils/sealed-fields.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { kickOutbox, queueEmail } from "#app/utils/email.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { DEFAULT_LOCALE, isLocale, translator } from "#app/i18n/i18n.ts";
import { renderEmail } from "#app/emails/layout.server.ts";
import { MAX_ATTACHMENT_BYTES } from "#app/schemas/tracking.ts";
import { changeStatusIfAllowed, type ItemRef } from "../tracking.server.ts";
import { requireTracker, type Coordinator } from "./access.server.ts";
import { attachmentType } from "./attachments.server.ts";

/** Prisoners' replies to letters and parcels: recorded by coordinators, read by their writers. */

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
