/**
 * PostgreSQL aborts one of two transactions that wait for each other (a deadlock)
 * or that cannot be serialised; the aborted one changed nothing and may simply be
 * run again. These helpers recognise such failures however they reach us (Prisma's
 * P2034, a raw query's P2010 carrying the SQL state, or the driver's own error).
 */

const RETRYABLE_STATES = ["40001", "40P01"];

export function isRetryableTransactionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: unknown };
      cause?: unknown;
      originalCode?: unknown;
    };
    if (candidate.code === "P2034") return true;
    if (typeof candidate.code === "string" && RETRYABLE_STATES.includes(candidate.code)) return true;
    if (typeof candidate.originalCode === "string" && RETRYABLE_STATES.includes(candidate.originalCode)) return true;
    if (
      typeof candidate.message === "string" &&
      /deadlock detected|could not serialize|write conflict or a deadlock|`40P01`|`40001`/i.test(candidate.message)
    )
      return true;
    current = candidate.meta?.driverAdapterError ?? candidate.cause;
  }
  return false;
}

export class RetriesExhaustedError extends Error {
  constructor(
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(`The database stayed busy after ${attempts} attempts`, options);
  }
}

/**
 * Runs `work` (one whole transaction) again when the database aborted it for a
 * deadlock or a serialisation failure, at most `attempts` times in all, with a
 * short random pause between tries; then gives up with RetriesExhaustedError.
 * Any other error is passed on at once.
 */
export async function retryTransaction<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryableTransactionError(error)) throw error;
      if (attempt >= attempts) throw new RetriesExhaustedError(attempt, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}
