import type { ImportSummary } from "./summary.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import crypto from "node:crypto";
import type { Country, FacilityType, Prisma, PrisonerStatus, ReleaseKind } from "#app/generated/prisma/client.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { nameMatchKeys, normalizeExact, personMatchKey, type PersonName, fullName } from "#app/names/match-keys.ts";
import { insertNameKeys, insertNames, nameKeyRows, sortNameOf, type NameRow } from "#app/models/name-keys.server.ts";
import {
  increasingIds,
  insertPrisoners,
  insertSituations,
  insertSourceLinks,
  insertStays,
  type NewPrisonerRow,
  type NewSituationRow,
} from "./bulk.server.ts";
import { applyReachabilityEffects, applyTransferEffects } from "#app/models/situation.server.ts";
import { defaultFacilityRules } from "#app/facilities/default-rules.ts";
import { parseImportFile, ImportFileError } from "./parse.server.ts";
import { recognizeColumns, type ColumnMapping } from "./columns.ts";
import { normalizeRow, type ImportRow, type MappableField, type RowError, type ValueMappings } from "./normalize.ts";
import { mergeCaseRows } from "./cases.ts";
import { facilityKeyOf, loadFacilityIndex, type FacilityIndex } from "./facility-index.server.ts";
import { loadValueMappings } from "./value-mappings.server.ts";
import { addPhase, phase, phaseSync } from "./phases.server.ts";
import { beginLongWork, yieldToEventLoop } from "#app/utils/long-work.server.ts";
import {
  comparePrisoner,
  dateOnly,
  monthOnly,
  NOT_HELD_STATUSES,
  toDate,
  writeChanges,
  type ExistingPrisoner,
  type FieldChange,
} from "./fields.server.ts";
import { ensureRoomDuringImport } from "./run-upkeep.server.ts";

export type { FieldChange } from "./fields.server.ts";

/**
 * The one engine behind the three ways in (web, command line, HTTP API):
 * parse → normalise (with the source's value mappings) → merge one person's case rows →
 * match against the registry → a plan (the preview) → apply the plan in one
 * transaction, or not at all.
 */

export interface ImportActor {
  userId?: string | null;
  tokenId?: string | null;
  channel: "web" | "cli" | "api";
}

export interface MatchCandidate {
  prisonerId: string;
  name: string;
  birthDate: string | null;
}

export type PlannedRow =
  | { line: number; kind: "new"; name: string; row: ImportRow }
  | {
      line: number;
      kind: "updated" | "transferred" | "unchanged";
      name: string;
      prisonerId: string;
      changes: FieldChange[];
      transfer: { from: string | null; to: string } | null;
      row: ImportRow;
    }
  | { line: number; kind: "needsReview"; name: string; candidates: MatchCandidate[]; row: ImportRow };

export type { ImportSummary };

/** A value no rule and no earlier mapping of this source knows, with how many rows use it. */
export interface UnknownValueUse {
  field: MappableField;
  key: string;
  text: string;
  rows: number;
  firstLine: number;
}

/** A facility the registry does not know yet: a person confirms it or maps it to a known one. */
export interface NewFacility {
  key: string;
  country: Country;
  name: string;
  type: FacilityType | null;
  number: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  district: string | null;
  region: string | null;
  rows: number;
  firstLine: number;
}

export interface ImportPlan {
  sourceId: string;
  format: string;
  fileHash: string;
  partial: boolean;
  headers: string[];
  mapping: ColumnMapping;
  unknownColumns: string[];
  rows: PlannedRow[];
  missing: { prisonerId: string; name: string }[];
  errors: RowError[];
  skipped: number;
  /** Rows of one person (one row per criminal case) merged into the first: line -> the line it joined. */
  merged: { line: number; into: number }[];
  unknownValues: UnknownValueUse[];
  newFacilities: NewFacility[];
  /** True when nothing would change: a re-import of the same file. */
  noChanges: boolean;
}

/** For a needs-review row, a person's choice: the prisoner it is, or "new". */
export type ReviewDecisions = Record<number, string | "new">;
/** For a new facility (by key), a person's choice: create it ("new") or the id of the known facility it is. */
export type FacilityDecisions = Record<string, string | "new">;

export type UnknownSourceCode = "unknown-source";

export const UNKNOWN_SOURCE_ERRORS: DomainErrorTable<UnknownSourceCode> = {
  "unknown-source": { kind: "not_found", message: "imports.upload.noSource" },
};

/** No source list by this name. */
export class UnknownSourceError extends DomainError<UnknownSourceCode> {
  constructor(public slug: string) {
    super("unknown-source", UNKNOWN_SOURCE_ERRORS, {}, `Unknown source "${slug}"`);
  }
}

export type ReviewRequiredCode = "review-required";

export const REVIEW_REQUIRED_ERRORS: DomainErrorTable<ReviewRequiredCode> = {
  "review-required": { kind: "invalid", message: "imports.error.reviewRequired" },
};

/** Rows that need a person's decision (which prisoner or facility they are) before the import applies. */
export class ReviewRequiredError extends DomainError<ReviewRequiredCode> {
  constructor(public lines: number[]) {
    super(
      "review-required",
      REVIEW_REQUIRED_ERRORS,
      { lines: lines.join(", ") },
      `Rows need a decision before applying: ${lines.join(", ")}`,
    );
  }
}

const hashOfRow = new WeakMap<ImportRow, string>();

/** What the source said about a person, normalised: equal hashes mean nothing changed. Computed once per row. */
function rowHash(row: ImportRow, country: Country): string {
  const known = hashOfRow.get(row);
  if (known !== undefined && known.startsWith(country)) return known.slice(country.length);
  const { line: _line, ...rest } = row;
  const hash = crypto
    .createHash("sha256")
    .update(JSON.stringify({ ...rest, country }))
    .digest("hex")
    .slice(0, 32);
  hashOfRow.set(row, country + hash);
  return hash;
}

function birthDatesAgree(
  a: { date: string | null; yearOnly: boolean },
  b: { date: string | null; yearOnly: boolean },
): boolean | null {
  if (!a.date || !b.date) return null;
  if (a.yearOnly || b.yearOnly) return a.date.slice(0, 4) === b.date.slice(0, 4);
  if (a.date === b.date) return true;
  // A date given to the month ("1985-03", read as the 1st) neither confirms nor rules out a full date that month.
  if ((monthOnly(a.date) || monthOnly(b.date)) && a.date.slice(0, 7) === b.date.slice(0, 7)) return null;
  return false;
}

const keysOfRow = new WeakMap<ImportRow, string[]>();

/** Every match key of a row's spellings ("exact:…", "token:…", "person:…"), computed once per row. */
function nameKeysOf(row: ImportRow): string[] {
  let keys = keysOfRow.get(row);
  if (!keys) {
    keys = [
      ...new Set([row.name, row.latinName].filter((n): n is PersonName => Boolean(n)).flatMap((n) => nameMatchKeys(n))),
    ];
    keysOfRow.set(row, keys);
  }
  return keys;
}

/** The row's first "person:" key (the one case merging uses), without computing every other key. */
function firstPersonKeyOf(row: ImportRow): string | undefined {
  const known = keysOfRow.get(row);
  if (known) return personKeysOf(row)[0];
  return [row.name, row.latinName].map((n) => (n ? personMatchKey(n) : null)).find((k): k is string => Boolean(k));
}

function personKeysOf(row: ImportRow): string[] {
  return nameKeysOf(row)
    .filter((k) => k.startsWith("person:"))
    .map((k) => k.slice("person:".length));
}

function facilityLabel(f: { name: string; city: string | null }): string {
  return [f.name, f.city].filter(Boolean).join(", ");
}

interface PlanInput {
  sourceSlug: string;
  bytes: Uint8Array;
  fileName?: string | null;
  contentType?: string | null;
  mapping?: ColumnMapping | null;
  partial?: boolean;
}

/**
 * Reads, normalises and matches a file; writes nothing. Counts as long work: on the
 * embedded database its reads hold the one connection in turn with other requests,
 * and the liveness check takes its progress as proof that the database answers.
 */
export async function planImport(input: PlanInput): Promise<ImportPlan> {
  const work = beginLongWork("import plan");
  try {
    return await planWithProgress(input, work.progress);
  } finally {
    work.end();
  }
}

/** Reports progress, then lets waiting requests in (see long-work.server.ts). */
async function moveOn(progress: () => void): Promise<void> {
  progress();
  await yieldToEventLoop();
}

async function planWithProgress(input: PlanInput, progress: () => void): Promise<ImportPlan> {
  const source = await prisma.source.findUnique({ where: { slug: input.sourceSlug } });
  if (!source) throw new UnknownSourceError(input.sourceSlug);
  const parsed = await phase("parse", () =>
    parseImportFile(input.bytes, { fileName: input.fileName, contentType: input.contentType }),
  );
  const recognised = recognizeColumns(parsed.headers);
  const mapping: ColumnMapping = { ...recognised.mapping, ...(input.mapping ?? {}) };
  // Columns a published list carries that the registry deliberately does not keep (url, photo, judge…) are not "unknown".
  const ignored = new Set(recognised.ignored);
  const unknownColumns = parsed.headers.filter((h) => !mapping[h] && !ignored.has(h));
  const fileHash = crypto.createHash("sha256").update(input.bytes).digest("hex");
  const partial = input.partial ?? false;

  const [valueMappings, facilityIndex, sourceLinks] = await phase("plan: read source state", () =>
    Promise.all([
      loadValueMappings(prisma, source.id),
      loadFacilityIndex(prisma, source.id),
      prisma.prisonerSource.findMany({
        where: { sourceId: source.id },
        select: { prisonerId: true, externalId: true, rowHash: true, missingSince: true },
      }),
    ]),
  );

  const {
    rows: normalised,
    errors,
    skipped,
    unknownValues,
    externalIdsOfErrorRows,
  } = await phase("normalise", () => normaliseAll(parsed.rows, mapping, valueMappings, idHeaderOf(mapping), progress));
  // The raw cells are not needed any more: let them go before matching and writing.
  parsed.rows = [];
  const { rows, merged } = phaseSync("merge case rows", () => mergeCaseRows(normalised));

  const linkByExternalId = new Map(sourceLinks.filter((l) => l.externalId).map((l) => [l.externalId!, l]));
  const linkByPrisoner = new Map(sourceLinks.map((l) => [l.prisonerId, l]));

  // Rows without a known external id are matched by name keys, confirmed by date of birth.
  const personKeysByLine = new Map<number, string[]>();
  const allPersonKeys = new Set<string>();
  await phase("plan: name keys", async () => {
    for (const [index, row] of rows.entries()) {
      if (index > 0 && index % NORMALISE_SLICE === 0) await moveOn(progress);
      if (row.externalId && linkByExternalId.has(row.externalId)) continue;
      const keys = personKeysOf(row);
      personKeysByLine.set(row.line, keys);
      keys.forEach((k) => allPersonKeys.add(k));
    }
  });
  const keyList = [...allPersonKeys];
  const keyRows: { prisonerId: string; key: string }[] = [];
  await phase("plan: look up name keys", async () => {
    // 2,000 keys a statement: on the embedded database a statement holds this process until it ends.
    for (let i = 0; i < keyList.length; i += 2000) {
      keyRows.push(
        // Raw, one array parameter: Prisma's `in` list costs more to build than the lookup itself.
        ...(await prisma.$queryRaw<{ prisonerId: string; key: string }[]>`
          SELECT "prisonerId", "key" FROM "PrisonerNameKey" WHERE "kind" = 'person' AND "key" = ANY(${keyList.slice(i, i + 2000)}::text[])`),
      );
      await moveOn(progress);
    }
  });
  const prisonersByPersonKey = new Map<string, Set<string>>();
  for (const k of keyRows) {
    const set = prisonersByPersonKey.get(k.key) ?? new Set<string>();
    set.add(k.prisonerId);
    prisonersByPersonKey.set(k.key, set);
  }

  // Only prisoners whose row changed are read in full: an unchanged re-import reads none.
  const neededIds = new Set<string>(keyRows.map((k) => k.prisonerId));
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % (4 * NORMALISE_SLICE) === 0) await moveOn(progress);
    const link = row.externalId ? linkByExternalId.get(row.externalId) : undefined;
    const country = row.country ?? source.country;
    if (link && !(country && link.rowHash === rowHash(row, country) && !link.missingSince))
      neededIds.add(link.prisonerId);
  }
  const existing = await phase("plan: load matched prisoners", () => loadPrisoners(prisma, [...neededIds]));

  const planned: PlannedRow[] = [];
  const seenInFile = new Map<string, number>();
  const lineOfPrisoner = new Map<string, number>();
  const newFacilities = new Map<string, NewFacility>();
  const matchStarted = performance.now();
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % (4 * NORMALISE_SLICE) === 0) await moveOn(progress);
    const country = row.country ?? source.country;
    if (!country) {
      errors.push({ line: row.line, field: "country", messageKey: "import.row.countryMissing" });
      continue;
    }
    const name = fullName(row.name);
    // A person twice in one file that case merging could not join (no id, no date of birth to confirm).
    const fileKeys = [
      ...(row.externalId ? [`id:${row.externalId}`] : []),
      ...(row.birthDate ? [`p:${firstPersonKeyOf(row) ?? normalizeExact(name)}|${row.birthDate}`] : []),
    ];
    const firstLine = fileKeys.map((k) => seenInFile.get(k)).find((l) => l !== undefined);
    if (firstLine !== undefined) {
      errors.push({
        line: row.line,
        field: row.externalId ? "externalId" : "fullName",
        messageKey: "import.row.duplicateInFile",
        params: { line: firstLine },
      });
      continue;
    }
    fileKeys.forEach((k) => seenInFile.set(k, row.line));
    noteNewFacility(row, country, facilityIndex, newFacilities);

    let prisonerId: string | null = null;
    const link = row.externalId ? linkByExternalId.get(row.externalId) : undefined;
    if (link) {
      prisonerId = link.prisonerId;
      if (link.rowHash === rowHash(row, country) && !link.missingSince) {
        lineOfPrisoner.set(prisonerId, row.line);
        planned.push({ line: row.line, kind: "unchanged", name, prisonerId, changes: [], transfer: null, row });
        continue;
      }
    } else {
      const candidateIds = new Set<string>();
      for (const key of personKeysByLine.get(row.line) ?? [])
        prisonersByPersonKey.get(key)?.forEach((id) => candidateIds.add(id));
      const confirmed: string[] = [];
      const uncertain: string[] = [];
      for (const id of candidateIds) {
        const p = existing.get(id);
        if (!p || p.country !== country) continue;
        const agree = birthDatesAgree(
          { date: row.birthDate, yearOnly: row.birthYearOnly },
          { date: dateOnly(p.birthDate), yearOnly: p.birthYearOnly },
        );
        if (agree === true) confirmed.push(id);
        else if (agree === null) uncertain.push(id);
        // Same name, different date of birth: another person.
      }
      if (confirmed.length === 1 && lineOfPrisoner.has(confirmed[0])) {
        errors.push({
          line: row.line,
          field: "fullName",
          messageKey: "import.row.duplicateInFile",
          params: { line: lineOfPrisoner.get(confirmed[0])! },
        });
        continue;
      } else if (confirmed.length === 1) {
        prisonerId = confirmed[0];
      } else if (confirmed.length > 1 || uncertain.length > 0) {
        const candidates = [...confirmed, ...uncertain].map((id) => {
          const p = existing.get(id)!;
          const primary = p.names.find((n) => n.isPrimary) ?? p.names[0];
          return { prisonerId: id, name: primary ? fullName(primary) : id, birthDate: dateOnly(p.birthDate) };
        });
        planned.push({ line: row.line, kind: "needsReview", name, candidates, row });
        continue;
      }
    }
    if (!prisonerId) {
      planned.push({ line: row.line, kind: "new", name, row });
      continue;
    }
    lineOfPrisoner.set(prisonerId, row.line);
    const stored = existing.get(prisonerId)!;
    const changes = comparePrisoner(row, country, stored);
    const transfer = transferOf(row, country, stored, facilityIndex);
    const link2 = linkByPrisoner.get(prisonerId);
    const kind = transfer
      ? "transferred"
      : changes.length > 0 || !link2 || link2.missingSince
        ? "updated"
        : "unchanged";
    planned.push({ line: row.line, kind, name, prisonerId, changes, transfer, row });
  }

  addPhase("plan: match rows", matchStarted);
  // Previously on this list, not in this file: flagged for review, never deleted. A partial list flags no one.
  const reviewCandidates = new Set(
    planned.flatMap((p) => (p.kind === "needsReview" ? p.candidates.map((c) => c.prisonerId) : [])),
  );
  const missingIds = partial
    ? []
    : sourceLinks
        .filter(
          (l) =>
            !lineOfPrisoner.has(l.prisonerId) &&
            !l.missingSince &&
            !reviewCandidates.has(l.prisonerId) &&
            !(l.externalId && externalIdsOfErrorRows.has(l.externalId)),
        )
        .map((l) => l.prisonerId);
  const missing: { prisonerId: string; name: string }[] = [];
  const missingStarted = performance.now();
  for (let i = 0; i < missingIds.length; i += 10_000) {
    const names = await prisma.prisonerName.findMany({
      where: { prisonerId: { in: missingIds.slice(i, i + 10_000) }, isPrimary: true },
    });
    missing.push(...names.map((n) => ({ prisonerId: n.prisonerId, name: fullName(n) })));
  }

  addPhase("plan: missing people", missingStarted);
  // Rows with errors change nothing either: a re-import of the same file is a no-op.
  const noChanges = planned.every((p) => p.kind === "unchanged") && missing.length === 0 && newFacilities.size === 0;
  return {
    sourceId: source.id,
    format: parsed.format,
    fileHash,
    partial,
    headers: parsed.headers,
    mapping,
    unknownColumns,
    rows: planned,
    missing,
    errors: errors.sort((a, b) => a.line - b.line),
    skipped,
    merged,
    unknownValues,
    newFacilities: [...newFacilities.values()],
    noChanges,
  };
}

function idHeaderOf(mapping: ColumnMapping): string | undefined {
  return Object.keys(mapping).find((header) => mapping[header] === "externalId");
}

/** Rows normalised between two turns of the event loop: other requests are answered meanwhile. */
const NORMALISE_SLICE = 500;

async function normaliseAll(
  rawRows: { line: number; cells: Record<string, string> }[],
  mapping: ColumnMapping,
  valueMappings: ValueMappings,
  idHeader: string | undefined,
  progress: () => void,
) {
  const errors: RowError[] = [];
  const rows: ImportRow[] = [];
  let skipped = 0;
  const unknown = new Map<string, UnknownValueUse>();
  // A person whose row has an error is still on the list: not "missing".
  const externalIdsOfErrorRows = new Set<string>();
  for (const [index, raw] of rawRows.entries()) {
    if (index > 0 && index % NORMALISE_SLICE === 0) await moveOn(progress);
    const result = normalizeRow(raw, mapping, valueMappings);
    if (result.skipped) {
      skipped++;
      continue;
    }
    if (result.row) {
      rows.push(result.row);
      for (const value of result.row.unknownValues) {
        const id = `${value.field}|${value.key}`;
        const use = unknown.get(id);
        if (use) use.rows++;
        else unknown.set(id, { field: value.field, key: value.key, text: value.text, rows: 1, firstLine: raw.line });
      }
    } else {
      errors.push(...result.errors);
      const id = idHeader ? raw.cells[idHeader]?.trim() : "";
      if (id) externalIdsOfErrorRows.add(id);
    }
  }
  return { rows, errors, skipped, unknownValues: [...unknown.values()], externalIdsOfErrorRows };
}

async function loadPrisoners(db: DbClient, ids: string[]): Promise<Map<string, ExistingPrisoner>> {
  const existing = new Map<string, ExistingPrisoner>();
  for (let i = 0; i < ids.length; i += 5000) {
    const batch = await db.prisoner.findMany({
      where: { id: { in: ids.slice(i, i + 5000) } },
      include: { names: true, currentFacility: true },
    });
    batch.forEach((p) => existing.set(p.id, p));
  }
  return existing;
}

function noteNewFacility(row: ImportRow, country: Country, index: FacilityIndex, found: Map<string, NewFacility>) {
  if (!row.facility) return;
  const key = facilityKeyOf(country, row.facility.identityKey);
  if (index.idByKey.has(key)) return;
  const known = found.get(key);
  if (known) {
    known.rows++;
    return;
  }
  const f = row.facility;
  found.set(key, {
    key,
    country,
    name: f.name,
    type: f.type,
    number: f.number,
    street: f.street,
    postcode: f.postcode,
    city: f.city,
    district: f.district,
    region: f.region,
    rows: 1,
    firstLine: row.line,
  });
}

/** A transfer: the row names a facility other than the person's current one. Leaving custody is not a transfer. */
function transferOf(row: ImportRow, country: Country, stored: ExistingPrisoner, index: FacilityIndex) {
  if (!row.facility) return null;
  const knownId = index.idByKey.get(facilityKeyOf(country, row.facility.identityKey));
  if (knownId && knownId === stored.currentFacilityId) return null;
  return {
    from: stored.currentFacility ? facilityLabel(stored.currentFacility) : null,
    to: facilityLabel(row.facility),
  };
}

export function summarize(plan: ImportPlan, translateError: (e: RowError) => string): ImportSummary {
  const count = (kind: PlannedRow["kind"]) => plan.rows.filter((r) => r.kind === kind).length;
  return {
    created: count("new"),
    updated: count("updated"),
    transferred: count("transferred"),
    unchanged: count("unchanged"),
    missing: plan.missing.length,
    needsReview: count("needsReview"),
    skipped: plan.skipped,
    errors: plan.errors.map((e) => ({ line: e.line, field: e.field, message: translateError(e) })),
  };
}

// Each chunk first checks the disk still has room (a full disk hangs the embedded database).
const chunk = async <T>(items: T[], size: number, write: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < items.length; i += size) {
    ensureRoomDuringImport();
    await write(items.slice(i, i + size));
  }
};

/**
 * Writes the plan in one transaction. Rows that need review are applied only with a
 * person's decision for each (merge into a candidate, or create new); without one
 * they are left out and counted, never merged silently. New facilities are created
 * unless a person mapped them to a known one (the mapping is kept for the source).
 */
export async function applyPlan(
  plan: ImportPlan,
  options: { actor: ImportActor; decisions?: ReviewDecisions; facilityDecisions?: FacilityDecisions; runId: string },
) {
  const at = now();
  const decisions = options.decisions ?? {};
  const resolved: PlannedRow[] = plan.rows.map((p) => {
    if (p.kind !== "needsReview") return p;
    const choice = decisions[p.line];
    if (!choice) return p;
    if (choice === "new") return { line: p.line, kind: "new", name: p.name, row: p.row };
    if (!p.candidates.some((c) => c.prisonerId === choice)) throw new ReviewRequiredError([p.line]);
    return { line: p.line, kind: "updated", name: p.name, prisonerId: choice, changes: [], transfer: null, row: p.row };
  });

  // Lets the liveness check see the transaction move instead of queueing behind it (PGlite's one connection).
  const work = beginLongWork("import");
  try {
    await applyInTransaction(plan, resolved, options, at, work.progress);
  } finally {
    work.end();
  }
  return resolved;
}

async function applyInTransaction(
  plan: ImportPlan,
  resolved: PlannedRow[],
  options: { actor: ImportActor; facilityDecisions?: FacilityDecisions; runId: string },
  at: Date,
  progress: () => void,
) {
  const work = { progress };
  await phase("apply: transaction, commit included", () =>
    prisma.$transaction(
      async (tx) => {
        const source = await tx.source.findUniqueOrThrow({ where: { id: plan.sourceId } });
        const countryOf = (row: ImportRow): Country => (row.country ?? source.country)!;
        const index = await loadFacilityIndex(tx, plan.sourceId);
        await createFacilities(tx, plan, index, options.facilityDecisions ?? {}, options.actor.userId ?? null);
        const facilityIdFor = (row: ImportRow) =>
          row.facility ? (index.idByKey.get(facilityKeyOf(countryOf(row), row.facility.identityKey)) ?? null) : null;

        await phase("apply: create prisoners", () =>
          createPrisoners(
            tx,
            resolved,
            { at, runId: options.runId, sourceId: plan.sourceId, countryOf, facilityIdFor },
            work.progress,
          ),
        );
        await phase("apply: update prisoners", () =>
          updatePrisoners(tx, resolved, {
            at,
            runId: options.runId,
            sourceId: plan.sourceId,
            countryOf,
            facilityIdFor,
            index,
            editorId: options.actor.userId ?? null,
          }),
        );

        const missingIds = plan.missing.map((m) => m.prisonerId);
        await chunk(missingIds, 5000, (ids) =>
          tx.prisonerSource.updateMany({
            where: { sourceId: plan.sourceId, prisonerId: { in: ids } },
            data: { missingSince: at },
          }),
        );
        await chunk(missingIds, 5000, (ids) =>
          tx.prisoner.updateMany({
            where: { id: { in: ids } },
            data: { needsReview: true, needsReviewReason: `missing-from:${source.slug}` },
          }),
        );
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    ),
  );
}

async function createFacilities(
  tx: Prisma.TransactionClient,
  plan: ImportPlan,
  index: FacilityIndex,
  decisions: FacilityDecisions,
  userId: string | null,
) {
  const creates: Prisma.FacilityCreateManyInput[] = [];
  const aliases: Prisma.ImportValueMappingCreateManyInput[] = [];
  for (const f of plan.newFacilities) {
    if (index.idByKey.has(f.key)) continue;
    const choice = decisions[f.key];
    if (choice && choice !== "new") {
      if (!index.ids.has(choice)) throw new ReviewRequiredError([f.firstLine]);
      index.idByKey.set(f.key, choice);
      aliases.push({ sourceId: plan.sourceId, field: "facility", value: f.key, target: choice, updatedById: userId });
      continue;
    }
    const id = crypto.randomUUID();
    const type = f.type ?? "colony";
    index.idByKey.set(f.key, id);
    index.ids.add(id);
    creates.push({
      id,
      country: f.country,
      type,
      name: f.name,
      number: f.number,
      street: f.street ?? "",
      postcode: f.postcode ?? "",
      city: f.city ?? "",
      district: f.district,
      region: f.region,
      identityKey: f.key.slice(f.key.indexOf("|") + 1),
      ...defaultFacilityRules(type, f.country),
      rulesNote: "Created by an import: check the address and rules.",
    });
  }
  if (creates.length) await tx.facility.createMany({ data: creates, skipDuplicates: true });
  if (aliases.length) await tx.importValueMapping.createMany({ data: aliases, skipDuplicates: true });
}

interface WriteContext {
  at: Date;
  runId: string;
  sourceId: string;
  countryOf: (row: ImportRow) => Country;
  facilityIdFor: (row: ImportRow) => string | null;
}

/**
 * New prisoners per chunk: the next chunk is built while the database writes this one.
 * Small enough that one statement holds the embedded database (which runs in this
 * process) for a fraction of a second, so other requests are answered between them.
 */
const CREATE_CHUNK = 500;

/**
 * New prisoners, in bulk: prisoners, names, name keys, stays, links, and their situation for the release counts.
 * Rows are built a chunk at a time and each chunk's writes are chained after the previous
 * chunk's (one statement at a time on the transaction's connection, in order), so the
 * database writes chunk n while this process builds chunk n + 1, and only a chunk's
 * arrays are held at once. Ids increase within the import, so index inserts append.
 */
async function createPrisoners(
  tx: Prisma.TransactionClient,
  resolved: PlannedRow[],
  ctx: WriteContext,
  progress: () => void,
) {
  const fresh = resolved.filter((p): p is Extract<PlannedRow, { kind: "new" }> => p.kind === "new");
  const nextId = increasingIds();
  let writes: Promise<void> = Promise.resolve();
  for (let i = 0; i < fresh.length; i += CREATE_CHUNK) {
    const chunkStarted = performance.now();
    const batch = buildNewPrisoners(fresh.slice(i, i + CREATE_CHUNK), ctx, nextId);
    addPhase("apply: build new rows", chunkStarted);
    writes = writes.then(() => writeNewPrisoners(tx, batch, ctx, progress));
    // Keeps a failure from being reported as unhandled before it is awaited below.
    writes.catch(() => {});
    // Lets the previous chunk's statements go out before building the next one.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await writes;
}

interface NewPrisonerBatch {
  prisoners: NewPrisonerRow[];
  names: NameRow[];
  keys: Prisma.PrisonerNameKeyCreateManyInput[];
  links: { id: string; prisonerId: string; externalId: string | null; rowHash: string }[];
  stays: { id: string; prisonerId: string; facilityId: string }[];
  situations: NewSituationRow[];
}

function buildNewPrisoners(
  fresh: Extract<PlannedRow, { kind: "new" }>[],
  ctx: WriteContext,
  nextId: () => string,
): NewPrisonerBatch {
  const batch: NewPrisonerBatch = { prisoners: [], names: [], keys: [], links: [], stays: [], situations: [] };
  const { prisoners, names, keys, links, stays, situations } = batch;
  for (const p of fresh) {
    const id = nextId();
    const row = p.row;
    const country = ctx.countryOf(row);
    const status = (row.status ?? "convicted") as PrisonerStatus;
    const facilityId = NOT_HELD_STATUSES.has(status) ? null : ctx.facilityIdFor(row);
    prisoners.push({
      id,
      country,
      status,
      birthDate: row.birthDate,
      birthYearOnly: row.birthYearOnly,
      gender: row.gender,
      detainedOn: row.detainedOn,
      verdictOn: row.verdictOn,
      releasedOn: row.releasedOn,
      releaseKind: row.releaseKind,
      diedOn: row.diedOn,
      articles: row.articles,
      sentence: row.sentence,
      penalty: row.penalty,
      notes: row.notes,
      canWrite: row.canWrite ?? true,
      interests: row.interests ?? [],
      currentFacilityId: facilityId,
      humanitarianReasons: row.humanitarianReasons ?? [],
      incommunicado: row.incommunicado ?? false,
      doNotWrite: row.doNotWrite ?? false,
      relativesOnly: row.relativesOnly ?? false,
      sortName: sortNameOf(row.name),
    });
    names.push({
      prisonerId: id,
      script: row.nameScript,
      surname: row.name.surname,
      givenName: row.name.givenName,
      patronymic: row.name.patronymic ?? null,
      isPrimary: true,
    });
    if (row.latinName) {
      names.push({
        prisonerId: id,
        script: "latin",
        surname: row.latinName.surname,
        givenName: row.latinName.givenName,
        patronymic: row.latinName.patronymic ?? null,
        isPrimary: false,
      });
    }
    for (const full of nameKeysOf(row)) {
      const separator = full.indexOf(":");
      keys.push({ prisonerId: id, kind: full.slice(0, separator), key: full.slice(separator + 1) });
    }
    links.push({ id: nextId(), prisonerId: id, externalId: row.externalId, rowHash: rowHash(row, country) });
    if (facilityId) stays.push({ id: nextId(), prisonerId: id, facilityId });
    if (status === "released" || status === "deceased") {
      situations.push({
        id: nextId(),
        prisonerId: id,
        status,
        occurredOn: status === "released" ? row.releasedOn : row.diedOn,
        releaseKind: status === "released" ? row.releaseKind : null,
      });
    }
  }
  return batch;
}

/** One chunk's statements, with a turn of the event loop after each (see CREATE_CHUNK). */
async function writeNewPrisoners(
  tx: Prisma.TransactionClient,
  batch: NewPrisonerBatch,
  ctx: WriteContext,
  progress: () => void,
) {
  const step = async (name: string, write: () => Promise<unknown>) => {
    await phase(name, write);
    progress();
    await yieldToEventLoop();
  };
  await step("apply: insert prisoners", () => insertPrisoners(tx, batch.prisoners, ctx.at));
  await step("apply: insert names", () => insertNames(tx, batch.names));
  await step("apply: insert name keys", () => insertNameKeys(tx, batch.keys, { fresh: true }));
  await step("apply: insert stays and links", async () => {
    await insertStays(tx, batch.stays, ctx.at, ctx.runId);
    await insertSourceLinks(tx, batch.links, ctx.sourceId, ctx.at);
  });
  // Released and deceased people's situation rows, for the release counts.
  if (batch.situations.length)
    await step("apply: insert situations", () => insertSituations(tx, batch.situations, ctx.at, ctx.runId));
}

/** Matched prisoners: field updates, situation changes and what follows them, transfers, new spellings, edit records. */
async function updatePrisoners(
  tx: Prisma.TransactionClient,
  resolved: PlannedRow[],
  ctx: WriteContext & { index: FacilityIndex; editorId: string | null },
) {
  const matched = resolved.filter((p): p is Extract<PlannedRow, { prisonerId: string }> => "prisonerId" in p);
  const links = new Map(
    (
      await tx.prisonerSource.findMany({ where: { sourceId: ctx.sourceId }, select: { id: true, prisonerId: true } })
    ).map((l) => [l.prisonerId, l.id]),
  );
  const toWrite = matched.filter((p) => p.kind !== "unchanged" || !links.has(p.prisonerId));
  const stored = await loadPrisoners(
    tx,
    toWrite.map((p) => p.prisonerId),
  );
  const situations: Prisma.SituationChangeCreateManyInput[] = [];
  const unreachable: { prisonerId: string; reason: "released" | "deceased" | "cannot-write" }[] = [];
  const transfers: { prisonerId: string; fromFacilityId: string | null; toFacilityId: string }[] = [];
  const edits: Prisma.PrisonerEditCreateManyInput[] = [];
  for (const p of toWrite) {
    const row = p.row;
    const country = ctx.countryOf(row);
    const before = stored.get(p.prisonerId)!;
    const changes = comparePrisoner(row, country, before);
    const transfer = transferOf(row, country, before, ctx.index);
    const data: Prisma.PrisonerUpdateInput = { updatedAt: ctx.at, needsReview: false, needsReviewReason: null };
    writeChanges(data, changes, row, country);
    const status = (changes.some((c) => c.field === "status") ? row.status : before.status) as PrisonerStatus;

    const newFacilityId = transfer && !NOT_HELD_STATUSES.has(status) ? ctx.facilityIdFor(row) : null;
    if (newFacilityId) {
      data.currentFacility = { connect: { id: newFacilityId } };
      await tx.facilityStay.updateMany({ where: { prisonerId: p.prisonerId, toDate: null }, data: { toDate: ctx.at } });
      await tx.facilityStay.create({
        data: { prisonerId: p.prisonerId, facilityId: newFacilityId, fromDate: ctx.at, importRunId: ctx.runId },
      });
      transfers.push({
        prisonerId: p.prisonerId,
        fromFacilityId: before.currentFacilityId,
        toFacilityId: newFacilityId,
      });
    } else if (NOT_HELD_STATUSES.has(status) && before.currentFacilityId) {
      // Leaving custody: the stay ends on the release date when the list gives one.
      const leftOn =
        toDate(status === "released" ? row.releasedOn : status === "deceased" ? row.diedOn : null) ?? ctx.at;
      data.currentFacility = { disconnect: true };
      await tx.facilityStay.updateMany({ where: { prisonerId: p.prisonerId, toDate: null }, data: { toDate: leftOn } });
    }
    if (changes.length || data.currentFacility || before.needsReview)
      await tx.prisoner.update({ where: { id: p.prisonerId }, data });

    if (status !== before.status) {
      situations.push({
        prisonerId: p.prisonerId,
        status,
        fromStatus: before.status,
        occurredOn: toDate(
          status === "released"
            ? row.releasedOn
            : status === "deceased"
              ? row.diedOn
              : status === "convicted"
                ? row.verdictOn
                : null,
        ),
        releaseKind: status === "released" ? (row.releaseKind as ReleaseKind | null) : null,
        importRunId: ctx.runId,
        editorId: ctx.editorId,
        createdAt: ctx.at,
      });
      if (status === "released" || status === "deceased")
        unreachable.push({ prisonerId: p.prisonerId, reason: status });
    }
    if (row.canWrite === false && before.canWrite && status !== "released" && status !== "deceased") {
      unreachable.push({ prisonerId: p.prisonerId, reason: "cannot-write" });
    }

    const storedSpellings = new Set(before.names.map((n) => normalizeExact(fullName(n))));
    const added = [row.name, row.latinName].filter(
      (n): n is PersonName => Boolean(n) && !storedSpellings.has(normalizeExact(fullName(n!))),
    );
    if (added.length) {
      await tx.prisonerName.createMany({
        data: added.map((n) => ({
          prisonerId: p.prisonerId,
          script: n === row.name ? row.nameScript : "latin",
          surname: n.surname,
          givenName: n.givenName,
          patronymic: n.patronymic ?? null,
        })),
      });
      await insertNameKeys(tx, nameKeyRows(p.prisonerId, added));
    }
    const recorded = [...changes, ...(transfer ? [{ field: "facility", from: transfer.from, to: transfer.to }] : [])];
    if (recorded.length) {
      edits.push({
        prisonerId: p.prisonerId,
        editorId: ctx.editorId,
        changes: { via: `import:${ctx.runId}`, fields: recorded },
        createdAt: ctx.at,
      });
    }
    const hash = rowHash(row, country);
    const linkId = links.get(p.prisonerId);
    if (linkId) {
      await tx.prisonerSource.update({
        where: { id: linkId },
        data: { lastSeenAt: ctx.at, missingSince: null, rowHash: hash, externalId: row.externalId ?? undefined },
      });
    } else {
      await tx.prisonerSource.create({
        data: {
          prisonerId: p.prisonerId,
          sourceId: ctx.sourceId,
          externalId: row.externalId,
          firstSeenAt: ctx.at,
          lastSeenAt: ctx.at,
          rowHash: hash,
        },
      });
    }
  }
  await chunk(edits, 2000, (data) => tx.prisonerEdit.createMany({ data }));
  await chunk(situations, 5000, (data) => tx.situationChange.createMany({ data }));
  const seenIds = matched.map((p) => p.prisonerId);
  await chunk(seenIds, 5000, (ids) =>
    tx.prisonerSource.updateMany({
      where: { sourceId: ctx.sourceId, prisonerId: { in: ids } },
      data: { lastSeenAt: ctx.at },
    }),
  );
  if (unreachable.length) await applyReachabilityEffects(tx, unreachable, ctx.at);
  if (transfers.length) await applyTransferEffects(tx, transfers, ctx.at);
}

export { ImportFileError };
