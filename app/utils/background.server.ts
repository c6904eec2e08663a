import { prisma } from "./db.server.ts";
import { now } from "./clock.server.ts";
import { backgroundPollMs } from "./config.server.ts";
import { randomToken } from "./crypto.server.ts";

/**
 * Periodic work (reminders, scheduled sends, retention, housekeeping) shared by
 * every app instance through the database: a task's row is its lease, so however
 * many instances poll, one runs a due task at a time, and a task whose runner died
 * runs again once the lease has run out. Tasks themselves are idempotent (reminders
 * are logged before they are queued, sends are conditional updates), so a rerun after
 * a crash repeats nothing a person would notice.
 */
export interface BackgroundTask {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

const LEASE_MS = 10 * 60_000;

/** Claims and runs each due task; returns the names of those this call ran. */
export async function runDueTasks(tasks: BackgroundTask[]): Promise<string[]> {
  const ran: string[] = [];
  for (const task of tasks) {
    const at = now();
    await prisma.$executeRaw`
      INSERT INTO "BackgroundTask" ("name", "nextRunAt") VALUES (${task.name}, ${at}) ON CONFLICT ("name") DO NOTHING`;
    const token = randomToken(12);
    const claimed = await prisma.$executeRaw`
      UPDATE "BackgroundTask" SET "lockedUntil" = ${new Date(at.getTime() + LEASE_MS)}, "lockToken" = ${token}
      WHERE "name" = ${task.name} AND "nextRunAt" <= ${at} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at})`;
    if (claimed === 0) continue;
    let lastError: string | null = null;
    try {
      await task.run();
      ran.push(task.name);
    } catch (error) {
      lastError = String((error as Error).stack ?? error).slice(0, 2000);
      console.error(`background task ${task.name}:`, error);
    }
    const finished = now();
    await prisma.backgroundTask.updateMany({
      where: { name: task.name, lockToken: token },
      data: {
        lockedUntil: null,
        lockToken: null,
        lastRunAt: finished,
        lastError,
        nextRunAt: new Date(finished.getTime() + task.everyMs),
      },
    });
  }
  return ran;
}

export function startBackgroundWorker(tasks: BackgroundTask[], pollMs = backgroundPollMs()): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueTasks(tasks)
      .catch((error) => console.error("background worker:", error))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
