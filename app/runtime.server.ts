import { connectDatabase, disconnectDatabase, prisma } from "#app/utils/db.server.ts";
import { databaseTarget } from "#app/utils/config.server.ts";
import { startOutboxWorker } from "#app/utils/email.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { limits } from "#app/utils/config.server.ts";
import { seedDemoData } from "#app/models/demo.server.ts";
import { ensureDefaultRoutes } from "#app/models/routes.server.ts";
import { backfillFacilityIdentity } from "#app/models/facilities.server.ts";
import { startBackgroundWorker } from "#app/utils/background.server.ts";
import { BACKGROUND_TASKS } from "#app/background-tasks.server.ts";

/**
 * Start-up work for an app server process: open the database (PGlite takes a
 * second or two, so never on the first request), apply migrations, optionally load
 * demo data, and start the outbox worker and the periodic background tasks.
 */
export async function bootstrap(options: { demo?: boolean; worker?: boolean } = {}) {
  const target = databaseTarget();
  const started = Date.now();
  await connectDatabase(target, { migrate: process.env.MIGRATE_ON_START !== "0" });
  console.info(
    `database: ${target.kind === "postgres" ? "PostgreSQL" : `PGlite at ${target.dataDir ?? "memory"}`} ready in ${Date.now() - started} ms`,
  );
  if (options.demo) {
    const seeded = await seedDemoData();
    console.info(seeded ? "demo data loaded into the empty database" : "database not empty: demo data not loaded");
  }
  await ensureDefaultRoutes();
  // Facilities saved before identity keys existed get theirs (idempotent, cheap when none is missing).
  await backfillFacilityIdentity();
  const stopOutbox = options.worker === false ? async () => {} : startOutboxWorker();
  const stopBackground = options.worker === false ? async () => {} : startBackgroundWorker(BACKGROUND_TASKS);
  return {
    async shutdown() {
      await stopOutbox();
      await stopBackground();
      await disconnectDatabase();
    },
  };
}

/** Writes (any non-GET) per client, shared across instances through the database. */
export async function allowWrite(clientKey: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return hitRateLimit(`writes:${clientKey}`, limits.writesPerUserPerMinute(), 60);
}

export async function healthy(): Promise<boolean> {
  await prisma.$queryRaw`SELECT 1`;
  return true;
}
