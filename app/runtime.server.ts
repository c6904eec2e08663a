import fs from "node:fs";
import { connectDatabase, currentDatabaseTarget, disconnectDatabase, prisma } from "#app/utils/db.server.ts";
import {
  appMode,
  appUrl,
  ConfigurationError,
  databaseTarget,
  listenAddress,
  loadConfiguration,
  loadsDemoData,
  migrateOnStart,
  secureTransport,
  trustProxyHops,
  unloadConfiguration,
  type AppMode,
  type ServerFlags,
} from "#app/utils/config.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { sessionUserId } from "#app/utils/session.server.ts";
import { startOutboxWorker } from "#app/utils/email.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { limits } from "#app/utils/config.server.ts";
import { frameHeaders, isEmbedPath, type FrameHeaders } from "#app/utils/http-guards.server.ts";
import { getSetting } from "#app/models/settings.server.ts";
import { demoAccountsPresent, seedDemo } from "#app/models/demo.server.ts";
import { ensureDefaultRoutes } from "#app/models/routes.server.ts";
import { backfillFacilityIdentity } from "#app/models/facilities.server.ts";
import { ensureParcelDefaults } from "#app/models/parcels.server.ts";
import { ensureWritingHelp } from "#app/models/writing-help.server.ts";
import { startBackgroundWorker } from "#app/utils/background.server.ts";
import { startDatabaseWatchdog } from "#app/utils/db-watchdog.server.ts";
import { BACKGROUND_TASKS } from "#app/background-tasks.server.ts";
import { longWorkMakingProgress } from "#app/utils/long-work.server.ts";

export { withRequestMemo } from "#app/utils/request-memo.server.ts";

/**
 * Start-up work for an app server process: check the whole configuration for the
 * mode the command line asks for (`--demo`, `--dev`; see config.server.ts), open the
 * database (PGlite takes a second or two, so never on the first request), apply
 * migrations, load demo data in demo mode, refuse a production start on demo data,
 * and start the outbox worker and the periodic background tasks.
 */
export async function bootstrap(options: ServerFlags & { worker?: boolean } = {}) {
  loadConfiguration({ demo: options.demo === true, dev: options.dev === true });
  const target = databaseTarget();
  const started = Date.now();
  await connectDatabase(target, { migrate: migrateOnStart() });
  console.info(
    `database: ${target.kind === "postgres" ? "PostgreSQL" : `PGlite at ${target.dataDir ?? "memory"}`} ready in ${Date.now() - started} ms`,
  );
  if (appMode() === "production") {
    // Their authenticator key is published: a production site on demo data is open to anyone.
    const present = await demoAccountsPresent();
    if (present.length > 0) {
      await disconnectDatabase();
      unloadConfiguration();
      throw new ConfigurationError(
        `The database holds the demo accounts (${present.join(", ")}), whose authenticator key is published: production refuses to run on it. Use a new database for a real installation (the demo's is under ./data), or delete these accounts.`,
      );
    }
  }
  if (loadsDemoData()) {
    const outcome = await seedDemo();
    (outcome.kind === "not-empty" ? console.warn : console.info)(outcome.message);
  }
  // Defaults are seeded at start-up (under one advisory lock), not by the first request.
  await ensureDefaultRoutes();
  // Facilities saved before identity keys existed get theirs (idempotent, cheap when none is missing).
  await backfillFacilityIdentity();
  await ensureParcelDefaults();
  await ensureWritingHelp();
  // A stuck database (a spinning embedded one on a full disk included) is reported on standard error.
  const watchdog = startDatabaseWatchdog(() => prisma.$queryRaw`SELECT 1`, {
    watchEventLoop: true,
    embedded: target.kind === "pglite",
  });
  const stopOutbox = options.worker === false ? async () => {} : startOutboxWorker();
  const stopBackground = options.worker === false ? async () => {} : startBackgroundWorker(BACKGROUND_TASKS);
  return {
    async shutdown() {
      await stopOutbox();
      await stopBackground();
      await watchdog.stop();
      await disconnectDatabase();
      unloadConfiguration();
    },
  };
}

export { ConfigurationError };
export { bodyLimitFor, crossSiteRefusal } from "#app/utils/http-guards.server.ts";

/**
 * The frame protections of a request (server.js): every page refuses frames except
 * /c/<slug>/embed, which the sites admins listed may frame. The list is read from
 * the settings only for the embed.
 */
export async function frameHeadersFor(pathname: string): Promise<FrameHeaders> {
  if (!isEmbedPath(pathname)) return frameHeaders(pathname, []);
  return frameHeaders(pathname, await getSetting("embedFrameAncestors"));
}

/** Settings server.js needs: it reads no environment variable itself. */
export function serverSettings(): {
  mode: AppMode;
  host: string;
  port: number;
  trustProxyHops: number;
  appOrigin: string;
  hsts: boolean;
} {
  const { host, port } = listenAddress();
  return {
    mode: appMode(),
    host,
    port,
    trustProxyHops: trustProxyHops(),
    appOrigin: new URL(appUrl()).origin,
    hsts: secureTransport(),
  };
}

/**
 * Writes (any non-GET), shared across instances through the database: per account
 * for signed-in people (many volunteers share one address at a letter-writing
 * event), per client address for everyone else.
 */
export async function allowWrite(request: {
  ip: string;
  cookie: string | undefined;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const userId = await sessionUserId(request.cookie ?? null);
  const key = userId ? `writes:account:${userId}` : `writes:ip:${request.ip}`;
  return hitRateLimit(key, limits.writesPerUserPerMinute(), 60);
}

/**
 * Liveness: the process answers and the database answers a query. On the embedded
 * database a long import holds the only connection; a batch it finished moments ago
 * shows the database answers, so the check does not queue behind the import.
 */
export async function healthy(): Promise<boolean> {
  if (currentDatabaseTarget()?.kind === "pglite" && longWorkMakingProgress()) return true;
  await prisma.$queryRaw`SELECT 1`;
  return true;
}

/** Below this much free space where the embedded database lives, the instance is not ready. */
export const READY_MIN_FREE_BYTES = 64 * 1024 * 1024;
/** A mail due longer than this and still not taken by any worker means the outbox is stuck. */
export const OUTBOX_STUCK_MS = 10 * 60_000;

/** The line of a database error that says what went wrong (Prisma puts it last). */
function briefError(error: unknown): string {
  const lines = String((error as Error)?.message ?? error)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? "unknown error").slice(0, 300);
}

export interface Readiness {
  ready: boolean;
  checks: { database: string; disk: string; outbox: string };
}

/**
 * Readiness: the database accepts a write (not only a SELECT: a full disk or a
 * read-only database answers SELECT happily), the embedded database's disk has room,
 * and the e-mail outbox is moving.
 */
export async function readiness(): Promise<Readiness> {
  const checks = { database: "ok", disk: "ok", outbox: "ok" };
  try {
    const at = now();
    await prisma.$executeRaw`
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES ('readyz', ${at}, 1)
      ON CONFLICT ("key") DO UPDATE SET "windowStart" = ${at}, "count" = 1`;
  } catch (error) {
    checks.database = `writes fail: ${briefError(error)}`;
  }
  const target = currentDatabaseTarget();
  if (target?.kind === "pglite" && target.dataDir) {
    try {
      const stats = fs.statfsSync(target.dataDir);
      const free = stats.bavail * stats.bsize;
      if (free < READY_MIN_FREE_BYTES) checks.disk = `only ${Math.floor(free / 1024 / 1024)} MB free`;
    } catch (error) {
      checks.disk = `cannot be checked: ${(error as NodeJS.ErrnoException).code ?? "error"}`;
    }
  }
  if (checks.database === "ok") {
    try {
      const stuck = await prisma.emailOutbox.count({
        where: { state: "queued", nextAttemptAt: { lt: new Date(now().getTime() - OUTBOX_STUCK_MS) } },
      });
      if (stuck > 0) checks.outbox = `${stuck} mail(s) overdue by more than ${OUTBOX_STUCK_MS / 60_000} minutes`;
    } catch (error) {
      checks.outbox = `cannot be read: ${briefError(error)}`;
    }
  }
  return { ready: Object.values(checks).every((value) => value === "ok"), checks };
}
