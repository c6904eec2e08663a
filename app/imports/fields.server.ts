import type { Country, HumanitarianReason, Prisma, PrisonerStatus, ReleaseKind } from "#app/generated/prisma/client.ts";
import { fullName, normalizeExact, type PersonName } from "#app/names/match-keys.ts";
import type { ImportRow } from "./normalize.ts";

/**
 * The prisoner fields an import can change, as one table: the comparison that the
 * preview shows and the write that applies it read the same entries, so they cannot
 * drift apart.
 */

export type ExistingPrisoner = Prisma.PrisonerGetPayload<{ include: { names: true; currentFacility: true } }>;

/** One field's change, as stored in PrisonerEdit.changes (a type, not an interface, so that it is a JSON value). */
export type FieldChange = {
  field: string;
  from: string | null;
  to: string | null;
};

/** Situations in which a person is not held in a facility: the current stay ends, and it is not a transfer. */
export const NOT_HELD_STATUSES: ReadonlySet<PrisonerStatus> = new Set<PrisonerStatus>([
  "released",
  "deceased",
  "at_liberty",
  "restricted_at_home",
  "house_arrest",
]);

/** A stored date as yyyy-mm-dd. */
export function dateOnly(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** yyyy-mm-dd as a UTC date for a DATE column. */
export function toDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00.000Z`) : null;
}

interface FieldSpec {
  field: string;
  /** The stored value as comparable text ("" when empty). */
  stored(p: ExistingPrisoner): string;
  /** What the list says, as comparable text; null when it says nothing (nothing changes then). */
  incoming(row: ImportRow, country: Country): string | null;
  write(data: Prisma.PrisonerUpdateInput, row: ImportRow, country: Country): void;
}

const DATE_FIELDS = new Set(["birthDate", "detainedOn", "verdictOn", "releasedOn", "diedOn"]);

/** Lists give some dates to the month only ("May 2020"); the importer reads them as the 1st. */
export function monthOnly(iso: string): boolean {
  return /^\d{4}-\d{2}-01$/.test(iso);
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const bool = (value: boolean | null) => (value === null ? null : String(value));

const FIELDS: FieldSpec[] = [
  {
    field: "country",
    stored: (p) => p.country,
    incoming: (_row, country) => country,
    write: (d, _row, country) => void (d.country = country),
  },
  {
    field: "status",
    stored: (p) => p.status,
    incoming: (row) => row.status,
    write: (d, row) => void (d.status = row.status as PrisonerStatus),
  },
  {
    field: "birthDate",
    stored: (p) => text(dateOnly(p.birthDate)),
    // A bare year never overwrites a full date of the same year.
    incoming: (row) => row.birthDate,
    write: (d, row) => {
      d.birthDate = toDate(row.birthDate);
      d.birthYearOnly = row.birthYearOnly;
    },
  },
  {
    field: "gender",
    stored: (p) => text(p.gender),
    incoming: (row) => row.gender,
    write: (d, row) => void (d.gender = row.gender),
  },
  {
    field: "detainedOn",
    stored: (p) => text(dateOnly(p.detainedOn)),
    incoming: (row) => row.detainedOn,
    write: (d, row) => void (d.detainedOn = toDate(row.detainedOn)),
  },
  {
    field: "verdictOn",
    stored: (p) => text(dateOnly(p.verdictOn)),
    incoming: (row) => row.verdictOn,
    write: (d, row) => void (d.verdictOn = toDate(row.verdictOn)),
  },
  {
    field: "releasedOn",
    stored: (p) => text(dateOnly(p.releasedOn)),
    incoming: (row) => row.releasedOn,
    write: (d, row) => void (d.releasedOn = toDate(row.releasedOn)),
  },
  {
    field: "releaseKind",
    stored: (p) => text(p.releaseKind),
    incoming: (row) => row.releaseKind,
    write: (d, row) => void (d.releaseKind = row.releaseKind as ReleaseKind),
  },
  {
    field: "diedOn",
    stored: (p) => text(dateOnly(p.diedOn)),
    incoming: (row) => row.diedOn,
    write: (d, row) => void (d.diedOn = toDate(row.diedOn)),
  },
  {
    field: "articles",
    stored: (p) => text(p.articles),
    incoming: (row) => row.articles,
    write: (d, row) => void (d.articles = row.articles),
  },
  {
    field: "sentence",
    stored: (p) => text(p.sentence),
    incoming: (row) => row.sentence,
    write: (d, row) => void (d.sentence = row.sentence),
  },
  {
    field: "penalty",
    stored: (p) => text(p.penalty),
    incoming: (row) => row.penalty,
    write: (d, row) => void (d.penalty = row.penalty),
  },
  {
    field: "notes",
    stored: (p) => text(p.notes),
    incoming: (row) => row.notes,
    write: (d, row) => void (d.notes = row.notes),
  },
  {
    field: "canWrite",
    stored: (p) => String(p.canWrite),
    incoming: (row) => bool(row.canWrite),
    write: (d, row) => void (d.canWrite = row.canWrite ?? true),
  },
  {
    field: "interests",
    stored: (p) => p.interests.join("; "),
    incoming: (row) => (row.interests ? row.interests.join("; ") : null),
    write: (d, row) => void (d.interests = row.interests ?? []),
  },
  {
    field: "humanitarianReasons",
    stored: (p) => [...p.humanitarianReasons].sort().join(", "),
    incoming: (row) => (row.humanitarianReasons ? [...row.humanitarianReasons].sort().join(", ") : null),
    write: (d, row) => {
      d.humanitarianReasons = (row.humanitarianReasons ?? []) as HumanitarianReason[];
      d.humanitarian = (row.humanitarianReasons ?? []).length > 0;
    },
  },
  {
    field: "incommunicado",
    stored: (p) => String(p.incommunicado),
    incoming: (row) => bool(row.incommunicado),
    write: (d, row) => void (d.incommunicado = row.incommunicado ?? false),
  },
  {
    field: "doNotWrite",
    stored: (p) => String(p.doNotWrite),
    incoming: (row) => bool(row.doNotWrite),
    write: (d, row) => void (d.doNotWrite = row.doNotWrite ?? false),
  },
  {
    field: "relativesOnly",
    stored: (p) => String(p.relativesOnly),
    incoming: (row) => bool(row.relativesOnly),
    write: (d, row) => void (d.relativesOnly = row.relativesOnly ?? false),
  },
];

const BY_NAME = new Map(FIELDS.map((f) => [f.field, f]));

/** Field-by-field differences between a row and the stored prisoner, plus spellings the registry does not have yet. */
export function comparePrisoner(row: ImportRow, country: Country, existing: ExistingPrisoner): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const spec of FIELDS) {
    const to = spec.incoming(row, country);
    if (to === null) continue;
    const from = spec.stored(existing);
    if (from === to) continue;
    // A bare year of birth never replaces a full date of the same year.
    if (
      spec.field === "birthDate" &&
      row.birthYearOnly &&
      !existing.birthYearOnly &&
      from.slice(0, 4) === to.slice(0, 4)
    )
      continue;
    // "May 2020" (read as the 1st) never replaces a full date in the same month.
    if (DATE_FIELDS.has(spec.field) && monthOnly(to) && from.slice(0, 7) === to.slice(0, 7)) continue;
    changes.push({ field: spec.field, from: from || null, to: to || null });
  }
  const storedSpellings = new Set(existing.names.map((n) => normalizeExact(fullName(n))));
  for (const spelling of [row.name, row.latinName].filter((n): n is PersonName => Boolean(n))) {
    if (!storedSpellings.has(normalizeExact(fullName(spelling))))
      changes.push({ field: "names", from: null, to: fullName(spelling) });
  }
  return changes;
}

/** Applies the changes comparePrisoner found to an update; spellings are written separately. */
export function writeChanges(
  data: Prisma.PrisonerUpdateInput,
  changes: FieldChange[],
  row: ImportRow,
  country: Country,
): void {
  for (const change of changes) BY_NAME.get(change.field)?.write(data, row, country);
}
