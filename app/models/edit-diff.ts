/** One changed field of an edit, as the edit history shows it. */
export type Change = { field: string; from: string | null; to: string | null };

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length ? [...value].sort().join(", ") : null;
  return String(value);
}

/** The fields of `after` whose shown value differs from the same field of `before`. */
export function diff(before: object, after: object): Change[] {
  const old = new Map(Object.entries(before));
  return Object.entries(after)
    .map(([field, value]) => ({ field, from: show(old.get(field)), to: show(value) }))
    .filter((c) => c.from !== c.to);
}
