import { connectDatabase, disconnectDatabase, prisma } from "#app/utils/db.server.ts";
import { databaseTarget } from "#app/utils/config.server.ts";
import { startOutboxWorker } from "#app/utils/email.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { limits } from "#app/utils/config.server.ts";
import { seedDemoData } from "#app/models/demo.server.ts";
import { ensureDefaultRoutes } from "#app/models/routes.server.ts";
import { ensureParcelDefaults } from "#app/models/parcels.server.ts";
import { ensureWritingHelp } from "#app/models/writing-help.server.ts";
import { startBackgroundWorker } from "#app/utils/background.server.ts";
import { startDatabaseWatchdog } from "#app/utils/db-watchdog.server.ts";
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
  // Defaults are seeded at start-up (under one advisory lock), not by the first request.
  await ensureDefaultRoutes();
  await ensureParcelDefaults();
  await ensureWritingHelp();
  // A stuck database (a spinning embedded one on a full disk included) is reported on standard error.
  const watchdog = startDatabaseWatchdog(() => prisma.$queryRaw`SELECT 1`, { watchEventLoop: true, embedded: target.kind === "pglite" });
  const stopOutbox = options.worker === false ? async () => {} : startOutboxWorker();
  const stopBackground = options.worker === false ? async () => {} : startBackgroundWorker(BACKGROUND_TASKS);
  return {
    async shutdown() {
      await stopOutbox();
      await stopBackground();
      await watchdog.stop();
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
