import crypto from "node:crypto";
import { expect, test } from "vitest";
import type { Role } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { applyPlan, planImport, ReviewRequiredError, type PlannedRow } from "#app/imports/engine.server.ts";
import { ImportFileError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "#app/imports/parse.server.ts";
import {
  confirmRun,
  createPreview,
  discardRun,
  importFile,
  planForRun,
  saveMapping,
} from "#app/imports/runs.server.ts";
import { clearDatabase, describeEachDatabase } from "#tests/support/db.ts";
import {
  baseList,
  CLI,
  createSource,
  FILE_TYPES,
  GOMEL_IK4,
  importTable,
  listTable,
  MINSK_SIZO1,
  prisonerBySurname,
  registryContents,
  registrySnapshot,
  toCsv,
  toXlsx,
  type ListRow,
} from "#tests/support/import-fixtures.ts";
import { createUser } from "#tests/support/factories.ts";

const SOURCE = "viasna";
const NO_CHANGE = {
  created: 0,
  updated: 0,
  transferred: 0,
  unchanged: 0,
  missing: 0,
  needsReview: 0,
  skipped: 0,
  errors: [],
};

function makeUser(role: Role = "coordinator", email = "coordinator@example.org") {
  return createUser({ email, role });
}

/** The base list, with some rows replaced (by their №) or left out. */
function changedList(changes: Record<string, Partial<ListRow> | null>): ListRow[] {
  return baseList()
    .filter((row) => changes[row.id!] !== null)
    .map((row) => ({ ...row, ...(changes[row.id!] ?? {}) }));
}

async function plan(rows: ListRow[], sourceSlug = SOURCE, columns?: Parameters<typeof listTable>[1]) {
  return planImport({ sourceSlug, bytes: toCsv(listTable(rows, columns)), ...FILE_TYPES.csv });
}

function rowAt(rows: PlannedRow[], line: number): PlannedRow {
  const row = rows.find((r) => r.line === line);
  if (!row) throw new Error(`no planned row on line ${line}`);
  return row;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describeEachDatabase("prisoner list import", () => {
  test("a CSV (BOM, semicolons, Cyrillic headers), an XLSX and a JSON file of one list import the same registry", async () => {
    const table = listTable(baseList());
    const results = [];
    for (const format of ["csv", "xlsx", "json"] as const) {
      await clearDatabase(prisma);
      await createSource(SOURCE);
      const result = await importTable(SOURCE, table, { format });
      const run = await prisma.importRun.findUniqueOrThrow({ where: { id: result.runId } });
      expect(run).toMatchObject({ format, state: "applied", fileContent: null });
      results.push({ summary: result.summary, noChanges: result.noChanges, contents: await registryContents() });
    }
    expect(results[0].summary).toEqual({ ...NO_CHANGE, created: 5 });
    expect(results[0].noChanges).toBe(false);
    expect(results[0].contents).toHaveLength(5);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);

    // The registry the JSON file made is what the CSV and the XLSX say too: nothing to change.
    for (const format of ["csv", "xlsx"] as const) {
      const again = await importTable(SOURCE, table, { format });
      expect(again).toMatchObject({ noChanges: true, summary: { ...NO_CHANGE, unchanged: 5 } });
    }
  });

  test("created: prisoners with their spellings, match keys, source link, open stay and the facilities the file names", async () => {
    const source = await createSource(SOURCE);
    const planned = await plan(baseList());
    expect(planned.mapping).toEqual({
      "№": "externalId",
      ФИО: "fullName",
      "Дата рождения": "birthDate",
      "Место заключения": "facility",
      Адрес: "facilityAddress",
      Статус: "status",
      "Гуманитарный список": "humanitarianReasons",
      Статьи: "articles",
      Приговор: "sentence",
      Примечание: "notes",
    });
    expect(planned.unknownColumns).toEqual([]);
    expect(planned.rows.map((r) => [r.line, r.kind])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "new"],
      [5, "new"],
      [6, "new"],
    ]);
    expect(await prisma.prisoner.count()).toBe(0);

    const { runId, summary, noChanges } = await importTable(SOURCE, listTable(baseList()));
    expect(summary).toEqual({ ...NO_CHANGE, created: 5 });
    expect(noChanges).toBe(false);
    expect(await prisma.prisoner.count()).toBe(5);

    const ryhor = await prisonerBySurname("Касцюсёў");
    expect(ryhor).toMatchObject({
      country: "BY",
      status: "convicted",
      birthYearOnly: false,
      articles: "ст. 342 УК",
      sentence: "3 года колонии",
      notes: null,
    });
    expect(ryhor.birthDate?.toISOString().slice(0, 10)).toBe("1985-03-12");
    expect(ryhor.humanitarian).toBe(false);
    expect(ryhor.humanitarianReasons).toEqual([]);
    expect(ryhor.names).toEqual([
      expect.objectContaining({
        script: "cyrillic_be",
        surname: "Касцюсёў",
        givenName: "Рыгор",
        patronymic: null,
        isPrimary: true,
      }),
    ]);
    const keys = ryhor.nameKeys.map((k) => `${k.kind}:${k.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "exact:касцюсеў рыгор",
        "exact:рыгор касцюсеў",
        "token:kastusav",
        "person:kastusav|grigari",
      ]),
    );
    expect(new Set(ryhor.nameKeys.map((k) => k.kind))).toEqual(new Set(["exact", "token", "person"]));
    expect(ryhor.sources).toEqual([
      expect.objectContaining({ sourceId: source.id, externalId: "1", missingSince: null }),
    ]);
    expect(ryhor.sources[0].rowHash).toMatch(/^[0-9a-f]{32}$/);
    expect(ryhor.currentFacility).toMatchObject({
      country: "BY",
      type: "colony",
      name: "ИК №4",
      street: "ул. Ленина, 1",
      postcode: "246035",
      city: "Гомель",
    });
    expect(ryhor.stays).toEqual([
      expect.objectContaining({ facilityId: ryhor.currentFacilityId, toDate: null, importRunId: runId }),
    ]);

    const alena = await prisonerBySurname("Іваноўская");
    expect(alena).toMatchObject({
      status: "pretrial",
      humanitarian: true,
      humanitarianReasons: ["large_family_parent"],
    });
    expect(alena.names[0]).toMatchObject({ givenName: "Алена", patronymic: "Пятроўна" });
    expect(alena.currentFacility).toMatchObject({ type: "sizo", name: "СИЗО №1", city: "Минск", postcode: "220030" });

    const pavel = await prisonerBySurname("Сідарэнка");
    expect(pavel).toMatchObject({ birthYearOnly: true, humanitarian: true });
    expect(pavel.birthDate?.toISOString().slice(0, 10)).toBe("1957-01-01");
    expect([...pavel.humanitarianReasons].sort()).toEqual(["disability", "elderly"]);

    // Two people in one colony: one facility row.
    const facilities = await prisma.facility.findMany({ orderBy: { name: "asc" } });
    expect(facilities.map((f) => `${f.name}, ${f.city}`).sort()).toEqual([
      "ИК №1, Новополоцк",
      "ИК №15, Могилёв",
      "ИК №4, Гомель",
      "СИЗО №1, Минск",
    ]);
    expect((await prisonerBySurname("Лосік")).currentFacilityId).toBe(
      (await prisonerBySurname("Бабарыка")).currentFacilityId,
    );

    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({
      state: "applied",
      channel: "cli",
      dryRun: false,
      fileContent: null,
      format: "csv",
      fileName: "spis.csv",
      sourceId: source.id,
    });
    expect(run.appliedAt).toBeInstanceOf(Date);
    expect(run.summary).toEqual(summary);
  });

  test("unchanged: re-importing the same file changes nothing and says so", async () => {
    await createSource(SOURCE);
    const table = listTable(baseList());
    await importTable(SOURCE, table);
    const before = await registrySnapshot();
    advanceClock(3_600_000);

    const again = await importTable(SOURCE, table);
    expect(again.noChanges).toBe(true);
    expect(again.summary).toEqual({ ...NO_CHANGE, unchanged: 5 });
    expect(await registrySnapshot()).toEqual(before);
    const runs = await prisma.importRun.findMany({ orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.state)).toEqual(["applied", "applied"]);
    expect(runs[1].summary).toEqual(again.summary);
  });

  test("updated field by field: the plan lists each change, the import applies it and records who and what", async () => {
    await createSource(SOURCE);
    const coordinator = await makeUser();
    await importTable(SOURCE, listTable(baseList()));
    advanceClock(60_000);
    const changed = changedList({ "1": { status: "освобожден", sentence: "2 года колонии" } });

    const planned = await plan(changed);
    const row = rowAt(planned.rows, 2);
    expect(row.kind).toBe("updated");
    if (row.kind !== "updated") return;
    expect(row.changes).toEqual([
      { field: "status", from: "convicted", to: "released" },
      { field: "sentence", from: "3 года колонии", to: "2 года колонии" },
    ]);
    expect(row.transfer).toBeNull();
    expect(planned.rows.filter((r) => r.kind === "unchanged")).toHaveLength(4);

    const result = await importTable(SOURCE, listTable(changed), { actor: { userId: coordinator.id, channel: "web" } });
    expect(result.summary).toEqual({ ...NO_CHANGE, updated: 1, unchanged: 4 });
    const ryhor = await prisonerBySurname("Касцюсёў");
    expect(ryhor).toMatchObject({ status: "released", sentence: "2 года колонии", articles: "ст. 342 УК" });
    expect(ryhor.stays).toHaveLength(1);

    const edits = await prisma.prisonerEdit.findMany();
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      prisonerId: ryhor.id,
      editorId: coordinator.id,
      changes: { via: `import:${result.runId}`, fields: row.changes },
    });
  });

  test("transferred: the old stay is closed, a new one opens, the current facility changes", async () => {
    await createSource(SOURCE);
    const first = await importTable(SOURCE, listTable(baseList()));
    const losikBefore = await prisonerBySurname("Лосік");
    const gomel = await prisma.facility.findFirstOrThrow({ where: { name: "ИК №4" } });
    advanceClock(86_400_000);
    const changed = changedList({
      "4": { facility: "ИК №3", address: "ул. Гагарина, 2, 210000 г. Витебск" },
      "5": { ...GOMEL_IK4 },
    });

    const planned = await plan(changed);
    const losikRow = rowAt(planned.rows, 5);
    expect(losikRow).toMatchObject({
      kind: "transferred",
      changes: [],
      transfer: { from: "ИК №1, Новополоцк", to: "ИК №3, Витебск" },
    });

    const second = await importTable(SOURCE, listTable(changed));
    expect(second.summary).toEqual({ ...NO_CHANGE, transferred: 2, unchanged: 3 });

    const losik = await prisonerBySurname("Лосік");
    expect(losik.currentFacilityId).not.toBe(losikBefore.currentFacilityId);
    expect(losik.currentFacility).toMatchObject({
      name: "ИК №3",
      city: "Витебск",
      postcode: "210000",
      type: "colony",
      rulesNote: expect.stringContaining("import"),
    });
    expect(losik.stays).toHaveLength(2);
    expect(losik.stays[0]).toMatchObject({ facilityId: losikBefore.currentFacilityId, importRunId: first.runId });
    expect(losik.stays[0].toDate).toEqual(losik.stays[1].fromDate);
    expect(losik.stays[1]).toMatchObject({
      facilityId: losik.currentFacilityId,
      toDate: null,
      importRunId: second.runId,
    });

    // A move into a facility the registry already has reuses it.
    const babaryka = await prisonerBySurname("Бабарыка");
    expect(babaryka.currentFacilityId).toBe(gomel.id);
    expect(babaryka.stays.filter((s) => s.toDate === null)).toEqual([
      expect.objectContaining({ facilityId: gomel.id }),
    ]);
    expect(await prisma.facility.count()).toBe(5);

    const edit = await prisma.prisonerEdit.findFirstOrThrow({ where: { prisonerId: losik.id } });
    expect(edit.changes).toEqual({
      via: `import:${second.runId}`,
      fields: [{ field: "facility", from: "ИК №1, Новополоцк", to: "ИК №3, Витебск" }],
    });
  });

  test("missing: a person left off the list is flagged for review, never deleted, and cleared when listed again", async () => {
    const source = await createSource(SOURCE);
    const table = listTable(baseList());
    await importTable(SOURCE, table);
    advanceClock(60_000);

    const without = listTable(changedList({ "3": null }));
    const flaggedAfter = now();
    const result = await importTable(SOURCE, without);
    expect(result.summary).toEqual({ ...NO_CHANGE, unchanged: 4, missing: 1 });
    expect(await prisma.prisoner.count()).toBe(5);
    let pavel = await prisonerBySurname("Сідарэнка");
    expect(pavel).toMatchObject({ needsReview: true, needsReviewReason: `missing-from:${SOURCE}` });
    expect(pavel.sources[0].missingSince).toBeInstanceOf(Date);
    expect(pavel.sources[0].missingSince!.getTime()).toBeGreaterThanOrEqual(flaggedAfter.getTime());
    expect(pavel.stays).toEqual([expect.objectContaining({ toDate: null })]);
    const others = await prisma.prisoner.findMany({ where: { id: { not: pavel.id } } });
    expect(others.every((p) => !p.needsReview)).toBe(true);

    // Still missing: already flagged, nothing new to report.
    const stillMissing = await importTable(SOURCE, without);
    expect(stillMissing).toMatchObject({ noChanges: true, summary: { ...NO_CHANGE, unchanged: 4 } });

    advanceClock(60_000);
    const back = await importTable(SOURCE, table);
    expect(back.summary).toEqual({ ...NO_CHANGE, updated: 1, unchanged: 4 });
    pavel = await prisonerBySurname("Сідарэнка");
    expect(pavel).toMatchObject({ needsReview: false, needsReviewReason: null });
    expect(pavel.sources).toEqual([
      expect.objectContaining({ sourceId: source.id, externalId: "3", missingSince: null }),
    ]);
  });

  test("a person whose row now has an error is still on the list: not reported missing", async () => {
    await createSource(SOURCE);
    await importTable(SOURCE, listTable(baseList()));
    const result = await importTable(SOURCE, listTable(changedList({ "3": { birth: "31.02.1957" } })));
    expect(result.summary.errors).toEqual([{ line: 4, field: "birthDate", message: expect.any(String) }]);
    // The file still lists Pavel (line 4); a typo in his row is not evidence that he left the list.
    expect(result.summary.missing).toBe(0);
    expect((await prisonerBySurname("Сідарэнка")).needsReview).toBe(false);
  });

  test("a later file in Latin script from another source matches by name keys and date of birth: updated, not created", async () => {
    await createSource(SOURCE);
    const other = await createSource("by-help");
    await importTable(SOURCE, listTable(baseList()));
    const ryhorBefore = await prisonerBySurname("Касцюсёў");

    const latin = listTable(
      [
        { name: "Ryhor Kastusiou", birth: "1985-03-12" },
        { name: "Ihar Losik", birth: "19.02.1992" },
      ],
      ["name", "birth"],
    );
    const planned = await planImport({ sourceSlug: "by-help", bytes: toCsv(latin), ...FILE_TYPES.csv });
    expect(planned.rows.map((r) => r.kind)).toEqual(["updated", "updated"]);
    expect(rowAt(planned.rows, 2)).toMatchObject({
      prisonerId: ryhorBefore.id,
      changes: [{ field: "names", from: null, to: "Kastusiou Ryhor" }],
    });

    const result = await importTable("by-help", latin);
    expect(result.summary).toEqual({ ...NO_CHANGE, updated: 2 });
    expect(await prisma.prisoner.count()).toBe(5);
    const ryhor = await prisonerBySurname("Касцюсёў");
    expect(ryhor.names.map((n) => [n.script, n.surname, n.givenName, n.isPrimary]).sort()).toEqual([
      ["cyrillic_be", "Касцюсёў", "Рыгор", true],
      ["latin", "Kastusiou", "Ryhor", false],
    ]);
    expect(ryhor.nameKeys.map((k) => `${k.kind}:${k.key}`)).toContain("exact:kastusiou ryhor");
    expect(ryhor.sources.map((s) => [s.sourceId, s.externalId]).sort()).toContainEqual([other.id, null]);
    expect(ryhor.sources).toHaveLength(2);

    // The same file again: nothing new.
    const again = await importTable("by-help", latin);
    expect(again).toMatchObject({ noChanges: true, summary: { ...NO_CHANGE, unchanged: 2 } });
  });

  test("the same source without its id column is matched by name and date of birth: unchanged", async () => {
    await createSource(SOURCE);
    await importTable(SOURCE, listTable(baseList()));
    const before = await registrySnapshot();
    const withoutIds = listTable(baseList(), [
      "name",
      "birth",
      "facility",
      "address",
      "status",
      "reasons",
      "articles",
      "sentence",
      "notes",
    ]);
    const result = await importTable(SOURCE, withoutIds);
    expect(result).toMatchObject({ noChanges: true, summary: { ...NO_CHANGE, unchanged: 5 } });
    expect(await registrySnapshot()).toEqual(before);
  });

  test("the same name with a different date of birth is another person: created", async () => {
    await createSource(SOURCE);
    await createSource("by-help");
    await importTable(SOURCE, listTable(baseList()));
    const result = await importTable(
      "by-help",
      listTable([{ name: "Ryhor Kastusiou", birth: "12.03.1986" }], ["name", "birth"]),
    );
    expect(result.summary).toEqual({ ...NO_CHANGE, created: 1 });
    expect(await prisma.prisoner.count()).toBe(6);
    expect((await prisonerBySurname("Касцюсёў")).names).toHaveLength(1);
    const other = await prisonerBySurname("Kastusiou");
    expect(other.birthDate?.toISOString().slice(0, 10)).toBe("1986-03-12");
  });

  test("the same name without a date of birth needs review with the candidate listed, and is never merged silently", async () => {
    await createSource(SOURCE);
    await createSource("by-help");
    const coordinator = await makeUser();
    await importTable(SOURCE, listTable(baseList()));
    const ryhor = await prisonerBySurname("Касцюсёў");
    const before = await registrySnapshot();
    const noBirth = listTable(
      [{ name: "Ryhor Kastusiou" }, { name: "Marfa Rabkova", birth: "20.05.1995" }],
      ["name", "birth"],
    );

    const result = await importTable("by-help", noBirth, { actor: { userId: coordinator.id, channel: "cli" } });
    expect(result.summary).toEqual({ ...NO_CHANGE, created: 1, needsReview: 1 });
    expect(await prisma.prisoner.count()).toBe(6);
    const untouched = await prisma.prisoner.findUniqueOrThrow({
      where: { id: ryhor.id },
      include: { names: true, sources: true },
    });
    expect(untouched.names).toEqual(before.names.filter((n) => n.prisonerId === ryhor.id));
    expect(untouched.sources).toHaveLength(1);
    // The file is kept so a person can decide.
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run.fileContent).not.toBeNull();

    const replanned = await planForRun(result.runId);
    const review = rowAt(replanned!.plan.rows, 2);
    expect(review).toMatchObject({
      kind: "needsReview",
      name: "Kastusiou Ryhor",
      candidates: [{ prisonerId: ryhor.id, name: "Касцюсёў Рыгор", birthDate: "1985-03-12" }],
    });
    expect(rowAt(replanned!.plan.rows, 3).kind).toBe("unchanged");

    // confirmRun with a decision: merge into the candidate.
    const summary = await confirmRun(result.runId, {
      userId: coordinator.id,
      decisions: { 2: ryhor.id },
      locale: "en",
    });
    expect(summary).toMatchObject({ created: 0, updated: 1, needsReview: 0 });
    expect(await prisma.prisoner.count()).toBe(6);
    const merged = await prisonerBySurname("Касцюсёў");
    expect(merged.names.map((n) => n.surname).sort()).toEqual(["Kastusiou", "Касцюсёў"]);
    expect(merged.sources).toHaveLength(2);
    expect(merged.birthDate?.toISOString().slice(0, 10)).toBe("1985-03-12");
    const applied = await prisma.importRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(applied).toMatchObject({ state: "applied", fileContent: null });
  });

  test("applyPlan with a review decision: 'new' creates a person, a non-candidate is refused", async () => {
    await createSource(SOURCE);
    await createSource("by-help");
    const coordinator = await makeUser();
    await importTable(SOURCE, listTable(baseList()));
    const ryhor = await prisonerBySurname("Касцюсёў");
    const bytes = toCsv(listTable([{ name: "Рыгор Касцюсёў", ...MINSK_SIZO1 }], ["name", "facility", "address"]));
    const runId = await createPreview({
      sourceSlug: "by-help",
      bytes,
      ...FILE_TYPES.csv,
      userId: coordinator.id,
      locale: "en",
    });
    const planned = (await planForRun(runId))!.plan;
    expect(rowAt(planned.rows, 2)).toMatchObject({ kind: "needsReview", candidates: [{ prisonerId: ryhor.id }] });

    const other = await prisonerBySurname("Лосік");
    const refused = await rejection(
      applyPlan(planned, { actor: { userId: coordinator.id, channel: "web" }, decisions: { 2: other.id }, runId }),
    );
    expect(refused).toBeInstanceOf(ReviewRequiredError);
    expect((refused as ReviewRequiredError).lines).toEqual([2]);
    expect(await prisma.prisoner.count()).toBe(5);

    const resolved = await applyPlan(planned, {
      actor: { userId: coordinator.id, channel: "web" },
      decisions: { 2: "new" },
      runId,
    });
    expect(resolved.map((r) => r.kind)).toEqual(["new"]);
    expect(await prisma.prisoner.count()).toBe(6);
    const created = await prisma.prisonerName.findMany({
      where: { surname: "Касцюсёў" },
      include: { prisoner: { include: { stays: true } } },
    });
    expect(created).toHaveLength(2);
    const newcomer = created.find((n) => n.prisonerId !== ryhor.id)!;
    expect(newcomer.prisoner.birthDate).toBeNull();
    expect(newcomer.prisoner.stays).toEqual([expect.objectContaining({ importRunId: runId, toDate: null })]);
  });

  test("row errors carry line and field, are stored with the run, and the good rows are still imported", async () => {
    await createSource(SOURCE);
    const rows: ListRow[] = [
      { id: "1", name: "Касцюсёў Рыгор", birth: "12.03.1985", ...GOMEL_IK4 },
      { id: "2", name: "Іваноўская Алена", birth: "31.02.1990" },
      { id: "3", name: "Сідарэнка Павел", birth: "1957", reasons: "астролаг па прызванні" },
      { id: "4", name: "Іваноў", birth: "01.01.1980" },
      { id: "5", name: "Лосік Ігар", birth: "19.02.1992", ...MINSK_SIZO1 },
      { id: "1", name: "Касцюсёў Рыгор", birth: "12.03.1985", ...GOMEL_IK4 },
    ];
    const result = await importTable(SOURCE, listTable(rows));
    expect(result.summary.created).toBe(2);
    expect(result.summary.errors).toEqual([
      {
        line: 3,
        field: "birthDate",
        message: "Date of birth “31.02.1990” is not a date. Use dd.mm.yyyy, yyyy-mm-dd or a year.",
      },
      { line: 4, field: "humanitarianReasons", message: expect.stringContaining("no. 1") },
      { line: 5, field: "fullName", message: "“Іваноў” is only one word. Give at least a surname and a first name." },
    ]);
    // The same id twice is one person with two rows (one per case), never a duplicate.
    expect(result.plan.merged).toEqual([{ line: 7, into: 2 }]);
    expect((await prisma.prisonerName.findMany({ orderBy: { surname: "asc" } })).map((n) => n.surname)).toEqual([
      "Касцюсёў",
      "Лосік",
    ]);

    const stored = await prisma.importRowError.findMany({
      where: { importRunId: result.runId },
      orderBy: { line: "asc" },
    });
    expect(stored.map(({ line, field, messageKey, params }) => ({ line, field, messageKey, params }))).toEqual([
      { line: 3, field: "birthDate", messageKey: "import.row.badBirthDate", params: { value: "31.02.1990" } },
      { line: 4, field: "humanitarianReasons", messageKey: "import.row.badReason", params: { position: 1 } },
      { line: 5, field: "fullName", messageKey: "import.row.nameIncomplete", params: { value: "Іваноў" } },
    ]);
    // Free text from a humanitarian cell (possibly medical) is kept nowhere.
    expect(JSON.stringify(await prisma.importRun.findMany())).not.toContain("астролаг");
  });

  test("the same person twice in one file under different numbers is an error, not a second prisoner", async () => {
    await createSource(SOURCE);
    const rows: ListRow[] = [
      { id: "1", name: "Касцюсёў Рыгор", birth: "12.03.1985" },
      { id: "2", name: "Лосік Ігар", birth: "19.02.1992" },
      { id: "17", name: "КАСЦЮСЁЎ Рыгор", birth: "12.03.1985" },
    ];
    const result = await importTable(SOURCE, listTable(rows));
    expect(result.summary.errors).toEqual([
      {
        line: 4,
        field: expect.any(String),
        message: "This person is already on line 2 of the file. The row is skipped.",
      },
    ]);
    expect(result.summary.created).toBe(2);
    expect(await prisma.prisonerName.count({ where: { surname: "Касцюсёў" } })).toBe(1);
  });

  test("a second row that matches a person another row already matched never silently creates a new prisoner", async () => {
    await createSource(SOURCE);
    const rows: ListRow[] = [
      { id: "1", name: "Касцюсёў Рыгор", birth: "12.03.1985" },
      { id: "2", name: "Лосік Ігар", birth: "19.02.1992" },
    ];
    await importTable(SOURCE, listTable(rows));
    const result = await importTable(
      SOURCE,
      listTable([...rows, { id: "17", name: "Рыгор Касцюсёў", birth: "12.03.1985" }]),
    );
    expect(result.summary.created).toBe(0);
    expect(result.summary.errors.length + result.summary.needsReview).toBe(1);
    expect(await prisma.prisonerName.count({ where: { surname: "Касцюсёў" } })).toBe(1);
  });

  test("all or nothing: when the apply fails midway nothing from that import is written and the run is 'failed'", async () => {
    await createSource(SOURCE);
    await importTable(SOURCE, listTable(baseList()));
    const before = await registrySnapshot();
    advanceClock(60_000);
    const changed = [
      ...changedList({
        "1": { status: "освобожден" },
        "2": null,
        "4": { ...GOMEL_IK4 },
        "5": { sentence: "BOOM" },
      }),
      {
        id: "6",
        name: "Шпакоўскі Мікола",
        birth: "05.05.1970",
        facility: "ИК №9",
        address: "ул. Мира, 3, 222000 г. Борисов",
        status: "осужден",
      },
    ];
    // New rows, an update and a transfer are written before Babaryka's update breaks this constraint.
    await prisma.$executeRawUnsafe(
      `ALTER TABLE "Prisoner" ADD CONSTRAINT "test_no_boom" CHECK ("sentence" IS DISTINCT FROM 'BOOM')`,
    );
    try {
      const error = await rejection(importTable(SOURCE, listTable(changed)));
      expect(error).toBeInstanceOf(Error);
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE "Prisoner" DROP CONSTRAINT "test_no_boom"`);
    }
    expect(await registrySnapshot()).toEqual(before);
    const runs = await prisma.importRun.findMany({ orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.state)).toEqual(["applied", "failed"]);
    expect(runs[1].appliedAt).toBeNull();
  });

  test("all or nothing: a unique conflict that appears between plan and apply rolls the whole apply back", async () => {
    const source = await createSource(SOURCE);
    await importTable(SOURCE, listTable(baseList().slice(0, 2)));
    const planned = await plan(baseList());
    expect(planned.rows.filter((r) => r.kind === "new")).toHaveLength(3);

    // Meanwhile another import links someone else to external id 4 of this source.
    const intruder = await prisma.prisoner.create({ data: { country: "BY" } });
    await prisma.prisonerSource.create({ data: { prisonerId: intruder.id, sourceId: source.id, externalId: "4" } });
    const before = await registrySnapshot();
    const run = await prisma.importRun.create({
      data: { sourceId: source.id, fileName: "spis.csv", fileHash: planned.fileHash, format: "csv", state: "applying" },
    });

    await expect(applyPlan(planned, { actor: CLI, runId: run.id })).rejects.toThrow();
    expect(await registrySnapshot()).toEqual(before);
    expect(await prisma.prisoner.count()).toBe(3);
  });

  test("dry run: writes no prisoners but records the run with its summary and errors", async () => {
    await createSource(SOURCE);
    const rows = [...baseList(), { id: "6", name: "Іваноў", birth: "01.01.1980" }];
    const result = await importTable(SOURCE, listTable(rows), { dryRun: true });
    expect(result.summary).toMatchObject({ created: 5, errors: [{ line: 7, field: "fullName" }] });
    expect(await prisma.prisoner.count()).toBe(0);
    expect(await prisma.facility.count()).toBe(0);
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: result.runId }, include: { errors: true } });
    expect(run).toMatchObject({
      state: "dry-run",
      dryRun: true,
      fileContent: null,
      appliedAt: null,
      summary: result.summary,
    });
    expect(run.errors).toEqual([
      expect.objectContaining({ line: 7, field: "fullName", messageKey: "import.row.nameIncomplete" }),
    ]);
  });

  test("file limits: too many rows or too many bytes is an ImportFileError and nothing is written", async () => {
    await createSource(SOURCE);
    const coordinator = await makeUser();
    const lines = ["№;ФИО"];
    for (let i = 1; i <= MAX_IMPORT_ROWS + 1; i++) lines.push(`${i};Иванов Иван`);
    const tooManyRows = new TextEncoder().encode(lines.join("\n"));
    const tooLarge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);

    for (const [bytes, messageKey] of [
      [tooManyRows, "import.file.tooManyRows"],
      [tooLarge, "import.file.tooLarge"],
    ] as const) {
      const viaCli = await rejection(
        importFile({ sourceSlug: SOURCE, bytes, ...FILE_TYPES.csv, dryRun: false, actor: CLI }),
      );
      expect(viaCli).toBeInstanceOf(ImportFileError);
      expect((viaCli as ImportFileError).messageKey).toBe(messageKey);
      const viaWeb = await rejection(
        createPreview({ sourceSlug: SOURCE, bytes, ...FILE_TYPES.csv, userId: coordinator.id, locale: "en" }),
      );
      expect((viaWeb as ImportFileError).messageKey).toBe(messageKey);
    }
    expect(await prisma.importRun.count()).toBe(0);
    expect(await prisma.prisoner.count()).toBe(0);
  });

  test("formula-like cells are stored as the same text, from CSV and from XLSX alike", async () => {
    await createSource(SOURCE);
    const hyperlink = '=HYPERLINK("https://example.org/case/1";"дело")';
    const rows: ListRow[] = [
      { id: "1", name: "Касцюсёў Рыгор", birth: "12.03.1985", articles: "@x", notes: hyperlink },
      { id: "2", name: "Лосік Ігар", birth: "19.02.1992", articles: "+7 999", notes: "+7 999 123-45-67" },
      { id: "3", name: "=Сідарэнка Павел", birth: "1957" },
    ];
    const csv = await importTable(SOURCE, listTable(rows));
    expect(csv.summary.created).toBe(2);
    expect(csv.summary.errors).toEqual([
      { line: 4, field: "fullName", message: expect.stringContaining("does not look like a name") },
    ]);
    expect(await prisonerBySurname("Касцюсёў")).toMatchObject({ articles: "@x", notes: hyperlink });
    expect(await prisonerBySurname("Лосік")).toMatchObject({ articles: "+7 999", notes: "+7 999 123-45-67" });

    // The spreadsheet holds a real formula: its text is the value, the same as the CSV's, so nothing changes.
    const xlsx = await importTable(SOURCE, listTable(rows), { format: "xlsx" });
    expect(xlsx).toMatchObject({ noChanges: true, summary: { unchanged: 2 } });
    await clearDatabase(prisma);
    await createSource(SOURCE);
    await importFile({
      sourceSlug: SOURCE,
      bytes: await toXlsx(listTable(rows)),
      ...FILE_TYPES.xlsx,
      dryRun: false,
      actor: CLI,
    });
    expect(await prisonerBySurname("Касцюсёў")).toMatchObject({ articles: "@x", notes: hyperlink });
  });

  test("web flow: the preview keeps the file, a manual mapping changes the plan, confirming applies and drops the file", async () => {
    await createSource(SOURCE);
    const coordinator = await makeUser();
    const rows = baseList().map((row, i) => ({
      ...row,
      extra: {
        "Лацінскі запіс": ["Ryhor Kastusiou", "Alena Ivanouskaya", "Pavel Sidarenka", "Ihar Losik", "Viktar Babaryka"][
          i
        ],
      },
    }));
    const bytes = toCsv(listTable(rows));
    const runId = await createPreview({
      sourceSlug: SOURCE,
      bytes,
      ...FILE_TYPES.csv,
      userId: coordinator.id,
      locale: "en",
    });

    let run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({
      state: "preview",
      channel: "web",
      userId: coordinator.id,
      mapping: null,
      appliedAt: null,
    });
    expect(run.fileContent).not.toBeNull();
    expect(run.summary).toMatchObject({ created: 5, errors: [] });
    expect(await prisma.prisoner.count()).toBe(0);
    const first = (await planForRun(runId))!.plan;
    // The kept file is the uploaded file, byte for byte.
    expect(first.fileHash).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    expect(first.unknownColumns).toEqual(["Лацінскі запіс"]);
    expect(first.rows.every((r) => r.row.latinName === null)).toBe(true);

    // A wrong mapping first: its errors replace the run's errors; then the right one.
    expect(await saveMapping(runId, { "Лацінскі запіс": "gender" }, "en")).toBe(true);
    run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.summary).toMatchObject({ created: 0 });
    expect(await prisma.importRowError.count({ where: { importRunId: runId, field: "gender" } })).toBe(5);

    expect(await saveMapping(runId, { "Лацінскі запіс": "latinName" }, "en")).toBe(true);
    run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.mapping).toEqual({ "Лацінскі запіс": "latinName" });
    expect(run.summary).toMatchObject({ created: 5, errors: [] });
    expect(await prisma.importRowError.count({ where: { importRunId: runId } })).toBe(0);
    const mapped = (await planForRun(runId))!.plan;
    expect(mapped.unknownColumns).toEqual([]);
    expect(rowAt(mapped.rows, 2).row.latinName).toEqual({ surname: "Kastusiou", givenName: "Ryhor", patronymic: null });
    expect(await prisma.prisoner.count()).toBe(0);

    const summary = await confirmRun(runId, { userId: coordinator.id, decisions: {}, locale: "en" });
    expect(summary).toEqual({ ...NO_CHANGE, created: 5 });
    run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ state: "applied", fileContent: null, summary });
    expect(run.appliedAt).toBeInstanceOf(Date);
    const ryhor = await prisonerBySurname("Касцюсёў");
    expect(ryhor.names.find((n) => n.script === "latin")).toMatchObject({ surname: "Kastusiou", givenName: "Ryhor" });
    expect(ryhor.stays[0].importRunId).toBe(runId);
    // Confirming twice does nothing: the file is gone.
    expect(await confirmRun(runId, { userId: coordinator.id, decisions: {}, locale: "en" })).toBeNull();
  });

  test("web flow: a discarded preview drops the file and can no longer be confirmed", async () => {
    await createSource(SOURCE);
    const coordinator = await makeUser();
    const runId = await createPreview({
      sourceSlug: SOURCE,
      bytes: toCsv(listTable(baseList())),
      ...FILE_TYPES.csv,
      userId: coordinator.id,
      locale: "en",
    });
    await discardRun(runId);
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ state: "discarded", fileContent: null, appliedAt: null });
    expect(await planForRun(runId)).toBeNull();
    expect(await saveMapping(runId, {}, "en")).toBe(false);
    expect(await confirmRun(runId, { userId: coordinator.id, decisions: {}, locale: "en" })).toBeNull();
    expect(await prisma.prisoner.count()).toBe(0);
  });
});
