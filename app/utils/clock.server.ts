/**
 * The one source of "now" for domain code, so tests (and browser tests through
 * CLOCK_OFFSET_SECONDS, never in production) can move time forward.
 */
let offsetMs = 0;

export function now(): Date {
  const envOffset = process.env.NODE_ENV !== "production" ? Number(process.env.CLOCK_OFFSET_SECONDS ?? 0) * 1000 : 0;
  return new Date(Date.now() + offsetMs + envOffset);
}

export function advanceClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
