import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";

/**
 * Upkeep of import runs. A run being applied holds a lease its process renews
 * while it works; a run whose lease ran out belongs to a process that died (kill,
 * crash, full disk). Its transaction was rolled back, so nothing was written: it is
 * marked failed, and the same file can be imported again.
 */
export const IMPORT_LEASE_MS = 2 * 60_000;

/** Marks runs whose applying process died as failed; returns how many. Called before runs are shown, and hourly. */
export async function failAbandonedRuns(): Promise<number> {
  const { count } = await prisma.importRun.updateMany({
    where: { state: "applying", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }] },
    data: { state: "failed", leaseUntil: null },
  });
  return count;
}

/** The hourly "import-runs" background task. */
export async function importUpkeep(): Promise<void> {
  await failAbandonedRuns();
}
