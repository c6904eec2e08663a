import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { prisma } from "#app/utils/db.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { rateLimitKey } from "#app/utils/rate-limit.server.ts";
import { releasePledgesOf } from "./support.server.ts";

export type LastAdminCode = "last-admin";

export const LAST_ADMIN_ERRORS: DomainErrorTable<LastAdminCode> = {
  "last-admin": { kind: "conflict", message: "settings.delete.lastAdmin" },
};

/** The last admin cannot be deleted: someone else must be made an admin first. */
export class LastAdminError extends DomainError<LastAdminCode> {
  constructor() {
    super("last-admin", LAST_ADMIN_ERRORS, {}, "The last admin cannot be deleted: make someone else an admin first.");
  }
}

export interface DeletionSummary {
  draftsDeleted: number;
  lettersKept: number;
  parcelsKept: number;
}

/**
 * Deletes a person's account (from /settings, or `npm run admin -- user:delete`).
 * Their identity goes: the User row with e-mail and pseudonym, and with it (by the
 * schema's cascades) sessions, adoptions and the reminder log; their authenticator,
 * sign-in codes, rate-limit counters and any mail to them still in the outbox; their
 * drafts. What they sent stays for the prisoners' sake and for the counts, but
 * anonymous: no author, no pseudonym, no return address or sender details. The audit
 * entry records that an account was deleted, not whose.
 */
export async function deleteAccount(userId: string, via: "settings" | "admin-cli"): Promise<DeletionSummary> {
  return prisma.$transaction(async (tx) => {
    // Admins are locked together so two last admins cannot delete each other at once.
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User" WHERE "role" = 'admin' AND "vettingState" = 'approved' ORDER BY "id" FOR UPDATE`;
    const [user] = await tx.$queryRaw<{ id: string; email: string; role: string; vettingState: string }[]>`
      SELECT "id", "email", "role"::text AS "role", "vettingState"::text AS "vettingState" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!user) throw new Error("No such user");
    if (user.role === "admin" && user.vettingState === "approved" && !admins.some((a) => a.id !== user.id))
      throw new LastAdminError();

    const drafts = await tx.letter.deleteMany({ where: { authorId: user.id, state: "draft" } });
    await tx.parcel.deleteMany({ where: { senderId: user.id, state: "draft" } });
    const letters = await tx.letter.updateMany({
      where: { authorId: user.id },
      data: { authorId: null, senderName: null, returnAddressEncrypted: null },
    });
    const parcels = await tx.parcel.updateMany({
      where: { senderId: user.id },
      data: { senderId: null, senderDetailsEncrypted: null },
    });
    // Open pledges return to the board; fulfilled ones stay in the counts, without a name.
    await releasePledgesOf(tx, user.id);
    // Sign-in codes are keyed by address, authenticators by account.
    await tx.verification.deleteMany({ where: { target: { in: [user.email, user.id] } } });
    await tx.rateLimit.deleteMany({
      where: { key: { in: [rateLimitKey(`signin:address:${user.email}`), rateLimitKey(`totp:${user.id}`)] } },
    });
    await tx.emailOutbox.deleteMany({ where: { toAddress: user.email } });
    await tx.user.delete({ where: { id: user.id } });

    const summary = { draftsDeleted: drafts.count, lettersKept: letters.count, parcelsKept: parcels.count };
    await audit(
      { actorId: null, action: "user.deleted", targetType: "user", details: { via, role: user.role, ...summary } },
      tx,
    );
    return summary;
  });
}

/** Whether deleting this account would leave the platform without an approved admin. */
export async function isLastAdmin(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, vettingState: true } });
  if (user?.role !== "admin" || user.vettingState !== "approved") return false;
  return (await prisma.user.count({ where: { role: "admin", vettingState: "approved", id: { not: userId } } })) === 0;
}
