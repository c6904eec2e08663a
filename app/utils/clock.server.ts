/**
 * The one source of "now" for domain code, so tests (and browser tests through
 * CLOCK_OFFSET_SECONDS, never in production) can move time forward.
 */
import { clockOffsetMs } from "./config.server.ts";

let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs + clockOffsetMs());
}

export function advanceClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
