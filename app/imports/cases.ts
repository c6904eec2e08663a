/**
 * Lists such as OVD-Info's publish one row per person per criminal case. Before
 * matching, those rows become one row per person: never duplicates, never
 * "already on line N" errors. Pure.
 */
import { nameMatchKeys } from "#app/names/match-keys.ts";
import type { ImportRow, UnknownValue } from "./normalize.ts";

export interface CaseMerge {
  /** The merged row's line ... */
  line: number;
  /** ... went into the row that keeps this line (the person's first row in the file). */
  into: number;
}

/**
 * The person a row is about: its external id, or else its name keys with its date
 * of birth (full date only). null when neither is there: such a row is never merged.
 */
function personKey(row: ImportRow): string | null {
  if (row.externalId) return `id:${row.externalId}`;
  if (!row.birthDate || row.birthYearOnly) return null;
  const person = nameMatchKeys(row.name).find((key) => key.startsWith("person:"));
  if (!person) return null;
  return `${person}|${row.birthDate}`;
}

/** "a; b" lists joined without repeats (case and spacing do not make an item new). */
function joinItems(values: (string | null)[]): string | null {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const value of values) {
    for (const item of (value ?? "").split(/\s*;\s*|\n+/)) {
      const trimmed = item.replace(/\s+/g, " ").trim();
      const key = trimmed.toLowerCase();
      if (trimmed && !seen.has(key)) {
        seen.add(key);
        items.push(trimmed);
      }
    }
  }
  return items.length ? items.join("; ") : null;
}

function earliest(values: (string | null)[]): string | null {
  return values.filter((value): value is string => !!value).sort()[0] ?? null;
}

function latest(values: (string | null)[]): string | null {
  return (
    values
      .filter((value): value is string => !!value)
      .sort()
      .at(-1) ?? null
  );
}

/** The most recent case: the latest detention, then the latest verdict, then the later line. */
function mostRecent(rows: ImportRow[]): ImportRow {
  return [...rows].sort((a, b) => {
    const byDetention = (a.detainedOn ?? "").localeCompare(b.detainedOn ?? "");
    if (byDetention !== 0) return byDetention;
    const byVerdict = (a.verdictOn ?? "").localeCompare(b.verdictOn ?? "");
    return byVerdict !== 0 ? byVerdict : a.line - b.line;
  })[rows.length - 1];
}

function mergeGroup(rows: ImportRow[]): ImportRow {
  const first = rows[0];
  const recent = mostRecent(rows);
  const firstKnown = <K extends keyof ImportRow>(key: K): ImportRow[K] => {
    for (const row of [recent, ...rows]) if (row[key] !== null) return row[key];
    return recent[key];
  };
  const unknownValues: UnknownValue[] = [];
  for (const row of rows) {
    for (const value of row.unknownValues) {
      if (!unknownValues.some((known) => known.field === value.field && known.key === value.key))
        unknownValues.push(value);
    }
  }
  const interests = rows.some((row) => row.interests !== null)
    ? [...new Set(rows.flatMap((row) => row.interests ?? []))]
    : null;
  const diedOn = latest(rows.map((row) => row.diedOn));
  const deceased = rows.some((row) => row.status === "deceased");
  return {
    ...recent,
    line: first.line,
    externalId: firstKnown("externalId"),
    latinName: firstKnown("latinName"),
    birthDate: firstKnown("birthDate"),
    birthYearOnly:
      recent.birthDate !== null
        ? recent.birthYearOnly
        : (rows.find((row) => row.birthDate !== null)?.birthYearOnly ?? false),
    gender: firstKnown("gender"),
    country: firstKnown("country"),
    status: deceased ? "deceased" : recent.status,
    detainedOn: earliest(rows.map((row) => row.detainedOn)),
    verdictOn: latest(rows.map((row) => row.verdictOn)),
    diedOn,
    articles: joinItems(rows.map((row) => row.articles)),
    sentence: joinItems(rows.map((row) => row.sentence)),
    penalty: recent.penalty ?? firstKnown("penalty"),
    notes: joinItems(rows.map((row) => row.notes)),
    canWrite: rows.some((row) => row.canWrite === false) ? false : firstKnown("canWrite"),
    interests,
    humanitarianReasons: firstKnown("humanitarianReasons"),
    incommunicado: firstKnown("incommunicado"),
    doNotWrite: firstKnown("doNotWrite"),
    relativesOnly: firstKnown("relativesOnly"),
    unknownValues,
  };
}

/**
 * Rows with the same external id, or the same name keys and full date of birth,
 * become one row: articles, sentences and notes joined without repeats, the
 * earliest detention, the latest verdict, and the facility, status and release of
 * the most recent case (latest detention). The merged row keeps the line of the
 * person's first row; `merged` lists every other line and where it went. Rows
 * keep their order.
 */
export function mergeCaseRows(rows: ImportRow[]): { rows: ImportRow[]; merged: CaseMerge[] } {
  const groups = new Map<string, ImportRow[]>();
  const order: (ImportRow | string)[] = [];
  for (const row of rows) {
    const key = personKey(row);
    if (key === null) {
      order.push(row);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(row);
    else {
      groups.set(key, [row]);
      order.push(key);
    }
  }
  const merged: CaseMerge[] = [];
  const out = order.map((entry) => {
    if (typeof entry !== "string") return entry;
    const group = groups.get(entry) as ImportRow[];
    if (group.length === 1) return group[0];
    for (const row of group.slice(1)) merged.push({ line: row.line, into: group[0].line });
    return mergeGroup(group);
  });
  return { rows: out, merged };
}
