/**
 * Timing spans of an import, for `npm run bench:import`: off unless a caller asks for
 * them (nothing is recorded in the app), so the benchmark can say where the time goes.
 */

let sink: Map<string, number> | null = null;
let spans: { name: string; start: number; end: number }[] | null = null;

/** Starts recording; returns the map the spans add their milliseconds to. */
export function recordImportPhases(): Map<string, number> {
  sink = new Map();
  spans = [];
  return sink;
}

/** Every span recorded since recordImportPhases(), with its start and end (performance.now()). */
export function recordedSpans(): { name: string; start: number; end: number }[] {
  return spans ?? [];
}

export function stopRecordingImportPhases(): void {
  sink = null;
  spans = null;
}

/** Adds the time since `started` (a performance.now() reading) to a span. */
export function addPhase(name: string, started: number): void {
  if (!sink) return;
  const end = performance.now();
  sink.set(name, (sink.get(name) ?? 0) + end - started);
  spans?.push({ name, start: started, end });
}

const add = addPhase;

export async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!sink) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    add(name, started);
  }
}

export function phaseSync<T>(name: string, work: () => T): T {
  if (!sink) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    add(name, started);
  }
}
