import { prisma } from "#app/utils/db.server.ts";
import { decrypt } from "#app/utils/crypto.server.ts";
import { replyAttachment as replyAttachmentPlace } from "#app/utils/sealed-fields.server.ts";
import { can } from "#app/utils/permissions.ts";
import type { Coordinator } from "./access.server.ts";

/** Scans of replies: what may be uploaded, and who may download one. */

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
