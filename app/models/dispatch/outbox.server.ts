import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { requireTracker, type Coordinator } from "./access.server.ts";

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
