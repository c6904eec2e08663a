/**
 * Timing spans of an import, for `npm run bench:import`: off unless a caller asks for
 * them (nothing is recorded in the app), so the benchmark can say where the time goes.
 */

let sink: Map<string, number> | null = null;

/** Starts recording; returns the map the spans add their milliseconds to. */
export function recordImportPhases(): Map<string, number> {
  sink = new Map();
  return sink;
}

export function stopRecordingImportPhases(): void {
  sink = null;
}

/** Adds the time since `started` (a performance.now() reading) to a span. */
export function addPhase(name: string, started: number): void {
  if (sink) sink.set(name, (sink.get(name) ?? 0) + performance.now() - started);
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
