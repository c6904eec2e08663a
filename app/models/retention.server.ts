import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { eraseSentMailBodies } from "#app/utils/email.server.ts";
import { getSetting } from "./settings.server.ts";

const DAY_MS = 86_400_000;

export interface PurgeCounts {
  letters: number;
  replies: number;
  parcels: number;
}

/**
 * The server keeps as little as it can: once an item has reached its final status
 * (delivered, returned, censored, reply received, unknown…) and the retention period
 * coordinators set (`retentionDays`, default 180) has passed, its contents go —
 * letter text and return address, the texts and scans of replies to it, a parcel's
 * sender details and on-whose-behalf name, and the bodies of e-mails older than the
 * period (hand-overs hold letter texts). What remains is what statistics need:
 * prisoner, route, kind, language, statuses with their dates and events, counts.
 * Idempotent; the "retention" background task runs it daily.
 */
export async function purgeExpiredContent(): Promise<PurgeCounts> {
  const at = now();
  const retentionDays = await getSetting("retentionDays");
  const cutoff = new Date(at.getTime() - retentionDays * DAY_MS);
  const closedBefore = { state: "closed" as const, closedAt: { lt: cutoff } };
  // Hand-over e-mails carry letter texts: none outlives the period, sent or not.
  await eraseSentMailBodies({ olderThan: cutoff });
  return prisma.$transaction(async (tx) => {
    const letters = await tx.letter.updateMany({
      where: { ...closedBefore, purgedAt: null },
      data: { bodyEncrypted: null, returnAddressEncrypted: null, purgedAt: at },
    });
    const replies = await tx.reply.updateMany({
      where: {
        AND: [
          // Replies to a purged letter or parcel, and replies recorded without either; in
          // both cases only once the reply itself is as old (a late reply is kept for a full period).
          { createdAt: { lt: cutoff } },
          {
            OR: [
              { letter: { is: closedBefore } },
              { parcel: { is: closedBefore } },
              { letterId: null, parcelId: null },
            ],
          },
          {
            OR: [
              { textEncrypted: { not: null } },
              { attachmentEncrypted: { not: null } },
              { attachmentName: { not: null } },
            ],
          },
        ],
      },
      data: {
        textEncrypted: null,
        attachmentEncrypted: null,
        attachmentName: null,
        attachmentType: null,
        attachmentSize: null,
      },
    });
    const parcels = await tx.parcel.updateMany({
      where: { ...closedBefore, OR: [{ senderDetailsEncrypted: { not: null } }, { onBehalfOf: { not: null } }] },
      data: { senderDetailsEncrypted: null, onBehalfOf: null },
    });
    const result = { letters: letters.count, replies: replies.count, parcels: parcels.count };
    if (result.letters + result.replies + result.parcels > 0) {
      await audit({ actorId: null, action: "retention.purged", details: { ...result, retentionDays } }, tx);
    }
    return result;
  });
}
