/**
 * Long work that holds the database for a while (an import's transaction). On the
 * embedded database (PGlite) there is one connection: a query from another request
 * waits until that work commits. The work reports progress after each batch, and the
 * liveness check takes a batch finished a moment ago as proof that the database
 * answers, instead of queueing behind the work.
 */

interface Work {
  label: string;
  lastProgressAt: number;
}

const running = new Set<Work>();

/** How recent the last finished batch must be to count as "the database answers". */
export const PROGRESS_FRESH_MS = 30_000;

export function beginLongWork(label: string): { progress: () => void; end: () => void } {
  const work: Work = { label, lastProgressAt: Date.now() };
  running.add(work);
  return {
    progress: () => {
      work.lastProgressAt = Date.now();
    },
    end: () => {
      running.delete(work);
    },
  };
}

/** Some long work finished a batch within PROGRESS_FRESH_MS. */
export function longWorkMakingProgress(at = Date.now()): boolean {
  for (const work of running) if (at - work.lastProgressAt < PROGRESS_FRESH_MS) return true;
  return false;
}

/** Hands the event loop to waiting requests (a health check, another page) before the next batch. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
