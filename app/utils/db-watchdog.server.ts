import { Worker } from "node:worker_threads";

/**
 * Makes a stuck database visible. Two ways a database gets stuck:
 * - a query that never answers (a hung connection, a full disk under PostgreSQL):
 *   a probe query runs every `intervalMs`, and one unanswered for `stuckAfterMs` is
 *   reported, with the time since;
 * - the embedded database (PGlite, WebAssembly in this very thread) spinning: then
 *   nothing in this thread runs any more, not even timers. A small worker thread
 *   watches a heartbeat this thread writes every second and reports on standard
 *   error when it stops, naming the likely cause.
 */
export interface WatchdogOptions {
  intervalMs?: number;
  stuckAfterMs?: number;
  report?: (message: string) => void;
  /** Watch this thread's event loop from a worker thread too (off in tests of the probe alone). */
  watchEventLoop?: boolean;
}

export interface Watchdog {
  /** Since when the database has not answered, or null while it answers. */
  stuckSince(): Date | null;
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const beat = new Int32Array(workerData.buffer);
let reported = false;
setInterval(() => {
  const silentMs = Math.floor(Date.now() / 1000) * 1000 - Atomics.load(beat, 0) * 1000;
  if (silentMs >= workerData.stuckAfterMs && !reported) {
    reported = true;
    fs.writeSync(2, "watchdog: the server has not answered for " + Math.round(silentMs / 1000) + " s: the database is stuck" +
      (workerData.embedded ? " (the embedded database stops like this when the disk is full: check the free space of DATA_DIR)" : "") + ". Restart the server once the cause is fixed.\\n");
  } else if (silentMs < workerData.stuckAfterMs) reported = false;
}, Math.min(1000, workerData.stuckAfterMs / 2)).unref?.();
`;

export function startDatabaseWatchdog(
  probe: () => Promise<unknown>,
  options: WatchdogOptions & { embedded?: boolean } = {},
): Watchdog {
  const intervalMs = options.intervalMs ?? 10_000;
  const stuckAfterMs = options.stuckAfterMs ?? 30_000;
  const report = options.report ?? ((message: string) => console.error(message));
  let pendingSince: number | null = null;
  let reported = false;

  const timer = setInterval(() => {
    if (pendingSince !== null) {
      const silentMs = Date.now() - pendingSince;
      if (silentMs >= stuckAfterMs && !reported) {
        reported = true;
        report(
          `watchdog: the database has not answered a query for ${Math.round(silentMs / 1000)} s: it is stuck (a full disk or a lost connection?)`,
        );
      }
      return;
    }
    pendingSince = Date.now();
    probe().then(
      () => {
        if (reported) report("watchdog: the database answers again");
        pendingSince = null;
        reported = false;
      },
      () => {
        // An error is an answer: the database is reachable enough to refuse.
        pendingSince = null;
      },
    );
  }, intervalMs);
  timer.unref();

  let worker: Worker | null = null;
  let beat: NodeJS.Timeout | null = null;
  if (options.watchEventLoop) {
    const buffer = new SharedArrayBuffer(4);
    const view = new Int32Array(buffer);
    Atomics.store(view, 0, Math.floor(Date.now() / 1000));
    beat = setInterval(() => Atomics.store(view, 0, Math.floor(Date.now() / 1000)), 1000);
    beat.unref();
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { buffer, stuckAfterMs, embedded: !!options.embedded },
    });
    worker.unref();
  }

  return {
    stuckSince: () =>
      pendingSince !== null && Date.now() - pendingSince >= stuckAfterMs ? new Date(pendingSince) : null,
    async stop() {
      clearInterval(timer);
      if (beat) clearInterval(beat);
      await worker?.terminate();
    },
  };
}
