import crypto from "node:crypto";
import type { Country, FacilityType, Prisma, PrisonerStatus, HumanitarianReason } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { nameMatchKeys, normalizeExact, type PersonName, fullName } from "#app/names/match-keys.ts";
import { insertNameKeys, insertNames, nameKeyRows, sortNameOf, type NameRow } from "#app/models/name-keys.server.ts";
import { parseImportFile, ImportFileError } from "./parse.server.ts";
import { recognizeColumns, type ColumnMapping } from "./columns.ts";
import { normalizeRow, type ImportRow, type RowError } from "./normalize.ts";

/**
 * The one engine behind the three ways in (web, command line, HTTP API):
 * parse → normalise → match against the registry → a plan (the preview) →
 * apply the plan in one transaction, or not at all.
 */

export interface ImportActor {
  userId?: string | null;
  tokenId?: string | null;
  channel: "web" | "cli" | "api";
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
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

export interface ImportSummary {
  created: number;
  updated: number;
  transferred: number;
  unchanged: number;
  missing: number;
  needsReview: number;
  errors: { line: number; field: string; message: string }[];
}

export interface ImportPlan {
  sourceId: string;
  format: string;
  fileHash: string;
  headers: string[];
  mapping: ColumnMapping;
  unknownColumns: string[];
  rows: PlannedRow[];
  missing: { prisonerId: string; name: string }[];
  errors: RowError[];
  /** True when nothing would change: a re-import of the same file. */
  noChanges: boolean;
}

/** For a needs-review row, a person's choice: the prisoner it is, or "new". */
export type ReviewDecisions = Record<number, string | "new">;

export class UnknownSourceError extends Error {
  constructor(public slug: string) {
    super(`Unknown source "${slug}"`);
  }
}

function dateOnly(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function toDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00.000Z`) : null;
}

function facilityKey(country: Country, name: string, city: string | null): string {
  return `${country}|${normalizeExact(name)}|${normalizeExact(city ?? "")}`;
}

function rowHash(row: ImportRow, country: Country): string {
  const { line: _line, ...rest } = row;
  return crypto.createHash("sha256").update(JSON.stringify({ ...rest, country })).digest("hex").slice(0, 32);
}

function birthDatesAgree(a: { date: string | null; yearOnly: boolean }, b: { date: string | null; yearOnly: boolean }): boolean | null {
  if (!a.date || !b.date) return null;
  if (a.yearOnly || b.yearOnly) return a.date.slice(0, 4) === b.date.slice(0, 4);
  return a.date === b.date;
}

type ExistingPrisoner = Prisma.PrisonerGetPayload<{
  include: { names: true; currentFacility: true };
}>;

interface Context {
  sourceId: string;
  defaultCountry: Country | null;
  facilityIdByKey: Map<string, string>;
}

/** Field-by-field comparison of a row with the stored prisoner. */
function compare(row: ImportRow, country: Country, existing: ExistingPrisoner, ctx: Context) {
  const changes: FieldChange[] = [];
  const note = (field: string, from: unknown, to: unknown) => {
    const f = from === null || from === undefined || from === "" ? null : String(from);
    const t = to === null || to === undefined || to === "" ? null : String(to);
    if (t !== null && f !== t) changes.push({ field, from: f, to: t });
  };
  note("country", existing.country, country);
  note("status", existing.status, row.status);
  if (row.birthDate && !(row.birthYearOnly && dateOnly(existing.birthDate)?.slice(0, 4) === row.birthDate.slice(0, 4) && !existing.birthYearOnly)) {
    note("birthDate", dateOnly(existing.birthDate), row.birthDate);
  }
  note("gender", existing.gender, row.gender);
  note("detainedOn", dateOnly(existing.detainedOn), row.detainedOn);
  note("articles", existing.articles, row.articles);
  note("sentence", existing.sentence, row.sentence);
  note("notes", existing.notes, row.notes);
  if (row.humanitarianReasons) {
    const from = [...existing.humanitarianReasons].sort().join(", ");
    const to = [...row.humanitarianReasons].sort().join(", ");
    if (from !== to) changes.push({ field: "humanitarianReasons", from: from || null, to: to || null });
  }
  if (row.incommunicado !== null) note("incommunicado", existing.incommunicado, row.incommunicado);
  if (row.doNotWrite !== null) note("doNotWrite", existing.doNotWrite, row.doNotWrite);
  if (row.relativesOnly !== null) note("relativesOnly", existing.relativesOnly, row.relativesOnly);
  const storedSpellings = new Set(existing.names.map((n) => normalizeExact(fullName(n))));
  for (const spelling of [row.name, row.latinName].filter((n): n is PersonName => Boolean(n))) {
    if (!storedSpellings.has(normalizeExact(fullName(spelling)))) {
      changes.push({ field: "names", from: null, to: fullName(spelling) });
    }
  }
  let transfer: { from: string | null; to: string } | null = null;
  if (row.facility) {
    const key = facilityKey(country, row.facility.name, row.facility.city);
    const knownId = ctx.facilityIdByKey.get(key);
    if (!knownId || knownId !== existing.currentFacilityId) {
      transfer = {
        from: existing.currentFacility ? `${existing.currentFacility.name}, ${existing.currentFacility.city}` : null,
        to: [row.facility.name, row.facility.city].filter(Boolean).join(", "),
      };
    }
  }
  return { changes, transfer };
}

/** Reads, normalises and matches a file; writes nothing. */
export async function planImport(input: {
  sourceSlug: string;
  bytes: Uint8Array;
  fileName?: string | null;
  contentType?: string | null;
  mapping?: ColumnMapping | null;
}): Promise<ImportPlan> {
  const source = await prisma.source.findUnique({ where: { slug: input.sourceSlug } });
  if (!source) throw new UnknownSourceError(input.sourceSlug);
  const parsed = await parseImportFile(input.bytes, { fileName: input.fileName, contentType: input.contentType });
  const recognised = recognizeColumns(parsed.headers);
  const mapping: ColumnMapping = { ...recognised.mapping, ...(input.mapping ?? {}) };
  const unknownColumns = parsed.headers.filter((h) => !mapping[h]);
  const fileHash = crypto.createHash("sha256").update(input.bytes).digest("hex");

  const errors: RowError[] = [];
  const rows: ImportRow[] = [];
  // A person whose row has an error is still on the list: not "missing".
  const idHeader = Object.keys(mapping).find((header) => mapping[header] === "externalId");
  const externalIdsOfErrorRows = new Set<string>();
  for (const raw of parsed.rows) {
    const result = normalizeRow(raw, mapping);
    if (result.row) rows.push(result.row);
    else {
      errors.push(...result.errors);
      const id = idHeader ? raw.cells[idHeader]?.trim() : "";
      if (id) externalIdsOfErrorRows.add(id);
    }
  }

  const [sourceLinks, facilities] = await Promise.all([
    prisma.prisonerSource.findMany({
      where: { sourceId: source.id },
      select: { prisonerId: true, externalId: true, rowHash: true, missingSince: true },
    }),
    prisma.facility.findMany({ select: { id: true, name: true, city: true, country: true } }),
  ]);
  const ctx: Context = {
    sourceId: source.id,
    defaultCountry: source.country,
    facilityIdByKey: new Map(facilities.map((f) => [facilityKey(f.country, f.name, f.city), f.id])),
  };
  const linkByExternalId = new Map(sourceLinks.filter((l) => l.externalId).map((l) => [l.externalId!, l]));
  const linkByPrisoner = new Map(sourceLinks.map((l) => [l.prisonerId, l]));

  // Rows without a known external id are matched by name keys, confirmed by date of birth.
  const personKeysByLine = new Map<number, string[]>();
  const personKeyOf = (row: ImportRow) =>
    nameMatchKeys(row.name)
      .find((k) => k.startsWith("person:"))
      ?.slice("person:".length) ?? null;
  const allPersonKeys = new Set<string>();
  for (const row of rows) {
    if (row.externalId && linkByExternalId.has(row.externalId)) continue;
    const keys = [row.name, row.latinName]
      .filter((n): n is PersonName => Boolean(n))
      .flatMap((n) => nameMatchKeys(n))
      .filter((k) => k.startsWith("person:"))
      .map((k) => k.slice("person:".length));
    personKeysByLine.set(row.line, keys);
    keys.forEach((k) => allPersonKeys.add(k));
  }
  const keyRows = allPersonKeys.size
    ? await prisma.prisonerNameKey.findMany({ where: { kind: "person", key: { in: [...allPersonKeys] } }, select: { prisonerId: true, key: true } })
    : [];
  const prisonersByPersonKey = new Map<string, Set<string>>();
  for (const k of keyRows) {
    const set = prisonersByPersonKey.get(k.key) ?? new Set<string>();
    set.add(k.prisonerId);
    prisonersByPersonKey.set(k.key, set);
  }

  const neededIds = new Set<string>([...keyRows.map((k) => k.prisonerId)]);
  for (const row of rows) {
    const link = row.externalId ? linkByExternalId.get(row.externalId) : undefined;
    if (link) neededIds.add(link.prisonerId);
  }
  const existing = new Map<string, ExistingPrisoner>();
  const idList = [...neededIds];
  for (let i = 0; i < idList.length; i += 5000) {
    const batch = await prisma.prisoner.findMany({
      where: { id: { in: idList.slice(i, i + 5000) } },
      include: { names: true, currentFacility: true },
    });
    batch.forEach((p) => existing.set(p.id, p));
  }

  const planned: PlannedRow[] = [];
  const seenInFile = new Map<string, number>();
  const matchedPrisoners = new Set<string>();
  for (const row of rows) {
    const country = row.country ?? ctx.defaultCountry;
    if (!country) {
      errors.push({ line: row.line, field: "country", messageKey: "import.row.countryMissing" });
      continue;
    }
    const name = fullName(row.name);
    // The same person twice in one file (same id, or same name and date of birth
    // under two ids): the second row is an error, not a second prisoner.
    const fileKeys = [
      ...(row.externalId ? [`id:${row.externalId}`] : []),
      ...(row.birthDate ? [`p:${personKeyOf(row) ?? normalizeExact(name)}|${row.birthDate}`] : []),
    ];
    const firstLine = fileKeys.map((k) => seenInFile.get(k)).find((l) => l !== undefined);
    if (firstLine !== undefined) {
      errors.push({ line: row.line, field: row.externalId ? "externalId" : "fullName", messageKey: "import.row.duplicateInFile", params: { line: firstLine } });
      continue;
    }
    fileKeys.forEach((k) => seenInFile.set(k, row.line));

    let prisonerId: string | null = null;
    const link = row.externalId ? linkByExternalId.get(row.externalId) : undefined;
    if (link) {
      prisonerId = link.prisonerId;
      if (link.rowHash === rowHash(row, country) && !link.missingSince) {
        matchedPrisoners.add(prisonerId);
        planned.push({ line: row.line, kind: "unchanged", name, prisonerId, changes: [], transfer: null, row });
        continue;
      }
    } else {
      const candidateIds = new Set<string>();
      for (const key of personKeysByLine.get(row.line) ?? []) prisonersByPersonKey.get(key)?.forEach((id) => candidateIds.add(id));
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
      if (confirmed.length === 1 && matchedPrisoners.has(confirmed[0])) {
        const earlier = planned.find((p) => "prisonerId" in p && p.prisonerId === confirmed[0]);
        errors.push({ line: row.line, field: "fullName", messageKey: "import.row.duplicateInFile", params: { line: earlier?.line ?? 0 } });
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
    matchedPrisoners.add(prisonerId);
    const stored = existing.get(prisonerId)!;
    const { changes, transfer } = compare(row, country, stored, ctx);
    const kind = transfer ? "transferred" : changes.length > 0 || !linkByPrisoner.has(prisonerId) || linkByPrisoner.get(prisonerId)?.missingSince ? "updated" : "unchanged";
    planned.push({ line: row.line, kind, name, prisonerId, changes, transfer, row });
  }

  // Previously on this list, not in this file: flagged for review, never deleted.
  const missingIds = sourceLinks
    .filter((l) => !matchedPrisoners.has(l.prisonerId) && !l.missingSince && !(l.externalId && externalIdsOfErrorRows.has(l.externalId)))
    .map((l) => l.prisonerId);
  const reviewLines = new Set(planned.filter((p) => p.kind === "needsReview").flatMap((p) => (p.kind === "needsReview" ? p.candidates.map((c) => c.prisonerId) : [])));
  const missingRows = missingIds.length
    ? await prisma.prisonerName.findMany({ where: { prisonerId: { in: missingIds.filter((id) => !reviewLines.has(id)) }, isPrimary: true } })
    : [];
  const missing = missingRows.map((n) => ({ prisonerId: n.prisonerId, name: fullName(n) }));

  // Rows with errors change nothing either: a re-import of the same file is a no-op.
  const noChanges = planned.every((p) => p.kind === "unchanged") && missing.length === 0;
  return {
    sourceId: source.id,
    format: parsed.format,
    fileHash,
    headers: parsed.headers,
    mapping,
    unknownColumns,
    rows: planned,
    missing,
    errors: errors.sort((a, b) => a.line - b.line),
    noChanges,
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
    errors: plan.errors.map((e) => ({ line: e.line, field: e.field, message: translateError(e) })),
  };
}

export class ReviewRequiredError extends Error {
  constructor(public lines: number[]) {
    super(`Rows need a decision before applying: ${lines.join(", ")}`);
  }
}

/**
 * Writes the plan in one transaction. Rows that need review are applied only with a
 * person's decision for each (merge into a candidate, or create new); without one
 * they are left out and counted, never merged silently.
 */
export async function applyPlan(plan: ImportPlan, options: { actor: ImportActor; decisions?: ReviewDecisions; runId: string }) {
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

  await prisma.$transaction(
    async (tx) => {
      const facilities = await tx.facility.findMany({ select: { id: true, name: true, city: true, country: true } });
      const facilitiesByKey = new Map(facilities.map((f) => [facilityKey(f.country, f.name, f.city), f.id]));
      const source = await tx.source.findUniqueOrThrow({ where: { id: plan.sourceId } });
      const countryOf = (row: ImportRow): Country => (row.country ?? source.country)!;

      // Facilities named in the file that the registry does not know yet.
      const newFacilities: Prisma.FacilityCreateManyInput[] = [];
      for (const p of resolved) {
        if (p.kind === "needsReview" || p.kind === "unchanged" || !p.row.facility) continue;
        const country = countryOf(p.row);
        const key = facilityKey(country, p.row.facility.name, p.row.facility.city);
        if (facilitiesByKey.has(key)) continue;
        const id = crypto.randomUUID();
        facilitiesByKey.set(key, id);
        newFacilities.push({
          id,
          country,
          type: (p.row.facility.type ?? "colony") as FacilityType,
          name: p.row.facility.name,
          street: p.row.facility.street ?? "",
          postcode: p.row.facility.postcode ?? "",
          city: p.row.facility.city ?? "",
          languages: country === "BY" ? ["ru", "be"] : ["ru"],
          rulesNote: "Created by an import: check the address and rules.",
        });
      }
      if (newFacilities.length) await tx.facility.createMany({ data: newFacilities });
      const facilityIdFor = (row: ImportRow) =>
        row.facility ? facilitiesByKey.get(facilityKey(countryOf(row), row.facility.name, row.facility.city)) ?? null : null;

      // New prisoners, in bulk.
      const prisoners: Prisma.PrisonerCreateManyInput[] = [];
      const names: NameRow[] = [];
      const keys: Prisma.PrisonerNameKeyCreateManyInput[] = [];
      const links: Prisma.PrisonerSourceCreateManyInput[] = [];
      const stays: Prisma.FacilityStayCreateManyInput[] = [];
      for (const p of resolved) {
        if (p.kind !== "new") continue;
        const id = crypto.randomUUID();
        const row = p.row;
        const country = countryOf(row);
        const facilityId = facilityIdFor(row);
        const reasons = (row.humanitarianReasons ?? []) as HumanitarianReason[];
        prisoners.push({
          id,
          country,
          status: (row.status ?? "convicted") as PrisonerStatus,
          birthDate: toDate(row.birthDate),
          birthYearOnly: row.birthYearOnly,
          gender: row.gender,
          detainedOn: toDate(row.detainedOn),
          articles: row.articles,
          sentence: row.sentence,
          notes: row.notes,
          currentFacilityId: facilityId,
          humanitarian: reasons.length > 0,
          humanitarianReasons: reasons,
          incommunicado: row.incommunicado ?? false,
          doNotWrite: row.doNotWrite ?? false,
          relativesOnly: row.relativesOnly ?? false,
          createdAt: at,
          sortName: sortNameOf(row.name),
        });
        const spellings: PersonName[] = [row.name];
        names.push({ prisonerId: id, script: row.nameScript, surname: row.name.surname, givenName: row.name.givenName, patronymic: row.name.patronymic ?? null, isPrimary: true });
        if (row.latinName) {
          spellings.push(row.latinName);
          names.push({ prisonerId: id, script: "latin", surname: row.latinName.surname, givenName: row.latinName.givenName, patronymic: row.latinName.patronymic ?? null, isPrimary: false });
        }
        keys.push(...nameKeyRows(id, spellings));
        links.push({ prisonerId: id, sourceId: plan.sourceId, externalId: row.externalId, firstSeenAt: at, lastSeenAt: at, rowHash: rowHash(row, country) });
        if (facilityId) stays.push({ prisonerId: id, facilityId, fromDate: at, importRunId: options.runId });
      }
      const chunk = async <T,>(items: T[], write: (batch: T[]) => Promise<unknown>) => {
        for (let i = 0; i < items.length; i += 2000) await write(items.slice(i, i + 2000));
      };
      await chunk(prisoners, (data) => tx.prisoner.createMany({ data }));
      await insertNames(tx, names);
      await insertNameKeys(tx, keys);
      await chunk(stays, (data) => tx.facilityStay.createMany({ data }));
      await chunk(links, (data) => tx.prisonerSource.createMany({ data }));

      // Matched prisoners: field updates, transfers, new spellings, edit records.
      const seenIds: string[] = [];
      const existingLinks = new Map(
        (await tx.prisonerSource.findMany({ where: { sourceId: plan.sourceId }, select: { id: true, prisonerId: true } })).map((l) => [l.prisonerId, l.id]),
      );
      for (const p of resolved) {
        if (p.kind !== "updated" && p.kind !== "transferred" && p.kind !== "unchanged") continue;
        const row = p.row;
        const country = countryOf(row);
        seenIds.push(p.prisonerId);
        const linkId = existingLinks.get(p.prisonerId);
        if (p.kind === "unchanged" && linkId) continue;
        const stored = await tx.prisoner.findUniqueOrThrow({ where: { id: p.prisonerId }, include: { names: true, currentFacility: true } });
        const { changes, transfer } = compare(row, country, stored, { sourceId: plan.sourceId, defaultCountry: source.country, facilityIdByKey: facilitiesByKey });
        const data: Prisma.PrisonerUpdateInput = { updatedAt: at, needsReview: false, needsReviewReason: null };
        for (const change of changes) {
          switch (change.field) {
            case "country":
              data.country = country;
              break;
            case "status":
              data.status = row.status as PrisonerStatus;
              break;
            case "birthDate":
              data.birthDate = toDate(row.birthDate);
              data.birthYearOnly = row.birthYearOnly;
              break;
            case "gender":
              data.gender = row.gender;
              break;
            case "detainedOn":
              data.detainedOn = toDate(row.detainedOn);
              break;
            case "articles":
              data.articles = row.articles;
              break;
            case "sentence":
              data.sentence = row.sentence;
              break;
            case "notes":
              data.notes = row.notes;
              break;
            case "humanitarianReasons":
              data.humanitarianReasons = (row.humanitarianReasons ?? []) as HumanitarianReason[];
              data.humanitarian = (row.humanitarianReasons ?? []).length > 0;
              break;
            case "incommunicado":
              data.incommunicado = row.incommunicado ?? false;
              break;
            case "doNotWrite":
              data.doNotWrite = row.doNotWrite ?? false;
              break;
            case "relativesOnly":
              data.relativesOnly = row.relativesOnly ?? false;
              break;
          }
        }
        const newFacilityId = transfer ? facilityIdFor(row) : null;
        if (newFacilityId) {
          data.currentFacility = { connect: { id: newFacilityId } };
          await tx.facilityStay.updateMany({ where: { prisonerId: p.prisonerId, toDate: null }, data: { toDate: at } });
          await tx.facilityStay.create({ data: { prisonerId: p.prisonerId, facilityId: newFacilityId, fromDate: at, importRunId: options.runId } });
        }
        await tx.prisoner.update({ where: { id: p.prisonerId }, data });
        const storedSpellings = new Set(stored.names.map((n) => normalizeExact(fullName(n))));
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
        if (changes.length || transfer) {
          await tx.prisonerEdit.create({
            data: {
              prisonerId: p.prisonerId,
              editorId: options.actor.userId ?? null,
              changes: { via: `import:${options.runId}`, fields: [...changes, ...(transfer ? [{ field: "facility", from: transfer.from, to: transfer.to }] : [])] } as unknown as Prisma.InputJsonValue,
              createdAt: at,
            },
          });
        }
        const hash = rowHash(row, country);
        if (linkId) {
          await tx.prisonerSource.update({ where: { id: linkId }, data: { lastSeenAt: at, missingSince: null, rowHash: hash, externalId: row.externalId ?? undefined } });
        } else {
          await tx.prisonerSource.create({ data: { prisonerId: p.prisonerId, sourceId: plan.sourceId, externalId: row.externalId, firstSeenAt: at, lastSeenAt: at, rowHash: hash } });
        }
      }
      await chunk(seenIds, (ids) => tx.prisonerSource.updateMany({ where: { sourceId: plan.sourceId, prisonerId: { in: ids } }, data: { lastSeenAt: at } }));

      const missingIds = plan.missing.map((m) => m.prisonerId);
      await chunk(missingIds, (ids) => tx.prisonerSource.updateMany({ where: { sourceId: plan.sourceId, prisonerId: { in: ids } }, data: { missingSince: at } }));
      await chunk(missingIds, (ids) =>
        tx.prisoner.updateMany({ where: { id: { in: ids } }, data: { needsReview: true, needsReviewReason: `missing-from:${source.slug}` } }),
      );
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return resolved;
}

export { ImportFileError };
