import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "./db.server";
import { now } from "./clock.server";

export type AuditAction =
  | "auth.privileged_sign_in"
  | "auth.totp_enrolled"
  | "auth.totp_failed"
  | "auth.totp_locked"
  | "auth.sign_out_everywhere"
  | "user.created"
  | "user.approved"
  | "user.suspended"
  | "user.reinstated"
  | "user.role_changed"
  | "token.created"
  | "token.revoked"
  | "token.refused"
  | "export.audit_log"
  | "route.updated"
  | "route.created"
  | "batch.exported"
  | "reply.recorded"
  | "mail.retried"
  | "user.deleted"
  | "retention.purged"
  | "facility.merged"
  | "family.created"
  | "family.updated"
  | "family.contact_viewed"
  | "need.created"
  | "need.closed"
  | "pledge.created"
  | "pledge.confirmed"
  | "pledge.withdrawn"
  | "pledge.expired"
  | "pledge.fulfilled"
  | "settings.fundraiser_domains"
  | "campaign.created"
  | "campaign.updated"
  | "fundraiser.reported"
  | "need.shareable"
  | "source.names_public"
  | "settings.embed_frame_ancestors";

/** Pass a transaction as `db` to record the entry if and only if the change commits. */
export async function audit(
  entry: {
    actorId: string | null;
    action: AuditAction;
    targetType?: string;
    targetId?: string;
    details?: Prisma.InputJsonValue;
  },
  db: Pick<Prisma.TransactionClient, "auditLog"> = prisma,
): Promise<void> {
  await db.auditLog.create({ data: { ...entry, createdAt: now() } });
}
