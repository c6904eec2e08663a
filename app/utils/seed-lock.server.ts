import type { Prisma } from "#app/generated/prisma/client.ts";

/**
 * One transaction-scoped advisory lock for every "create the defaults once" path
 * (routes, parcel catalogue and banned terms, writing help, demo data). Two
 * instances or two first requests that race to seed a fresh database take turns:
 * the second finds the first one's marker and does nothing. The lock ends with the
 * transaction, also when the process dies.
 */
export const SEED_LOCK_ID = 72710;

export async function takeSeedLock(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`;
}
