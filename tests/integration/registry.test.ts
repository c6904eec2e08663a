import { expect, test } from "vitest";
import type { Role, VettingState } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { searchPrisoners, type PrisonerFilters } from "#app/models/prisoner-search.server.ts";
import { addPrisonerName, updatePrisoner } from "#app/models/prisoner-edits.server.ts";
import { updateFacility } from "#app/models/facilities.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { facilityEditSchema, prisonerEditSchema } from "#app/schemas/prisoners.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import {
  createSource,
  GOMEL_IK4,
  importTable,
  listTable,
  MINSK_SIZO1,
  type ListRow,
} from "#tests/support/import-fixtures.ts";
import { createUser } from "#tests/support/factories.ts";

const DAY = 86_400_000;

/** A month number (1-12) some months after the current one. */
function monthAfter(offset: number): number {
  return ((now().getUTCMonth() + offset) % 12) + 1;
}

function birthIn(month: number, day = 15, year = 1980): string {
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

/** 27 people on a Belarusian list (Cyrillic), 3 on a Russian one. */
const BELARUS: {
  name: string;
  latin?: string;
  status?: string;
  sizo?: boolean;
  reasons?: string;
  birth?: "thisMonth" | "nextMonth" | "yearOnly";
}[] = [
  { name: "Касцюсёў Рыгор", latin: "Ryhor Kastusiou" },
  { name: "Кастусёў Андрэй" },
  { name: "Карстусёў Віктар" },
  { name: "Бяляцкі Алесь", status: "под следствием", sizo: true },
  { name: "Статкевіч Мікола", status: "под следствием" },
  { name: "Лосік Ігар", birth: "nextMonth" },
  { name: "Знак Максім", birth: "thisMonth" },
  { name: "Калеснікава Марыя", reasons: "многодетная мать" },
  { name: "Бабарыка Віктар" },
  { name: "Дашкевіч Зміцер", status: "под следствием", sizo: true },
  { name: "Мацкевіч Уладзімір", status: "освобожден" },
  { name: "Лабковіч Уладзімір", status: "под следствием" },
  { name: "Стэфановіч Валянцін" },
  { name: "Пратасевіч Раман" },
  { name: "Севярынец Павел", birth: "yearOnly" },
  { name: "Дзядок Мікола", reasons: "инвалидность" },
  { name: "Ігнатовіч Андрэй" },
  { name: "Шпакоўскі Андрэй" },
  { name: "Абрамовіч Марына", reasons: "многодетная мать" },
  { name: "Вінярская Вольга" },
  { name: "Гайдукевіч Сяргей" },
  { name: "Жук Алена", sizo: true, birth: "thisMonth" },
  { name: "Зянько Ірына" },
  { name: "Міцкевіч Ганна" },
  { name: "Навумчык Дзяніс" },
  { name: "Радзівонаў Юрый" },
  { name: "Ціхановіч Таццяна" },
];
const RUSSIA = ["Иванов Пётр", "Петренко Ольга", "Сидоров Максим"];
const TOTAL = BELARUS.length + RUSSIA.length;

/** Imports both lists; returns prisoner ids by surname. */
async function seedRegistry(): Promise<Record<string, string>> {
  await createSource("viasna", "BY");
  await createSource("memorial", "RU");
  const rows: ListRow[] = BELARUS.map((p, i) => ({
    id: String(i + 1),
    name: p.name,
    latin: p.latin ?? "",
    birth:
      p.birth === "thisMonth"
        ? birthIn(monthAfter(0), 3 + i)
        : p.birth === "nextMonth"
          ? birthIn(monthAfter(1))
          : p.birth === "yearOnly"
            ? "1966"
            : birthIn(monthAfter(2 + (i % 9)), 1 + i, 1960 + i),
    ...(p.sizo ? MINSK_SIZO1 : GOMEL_IK4),
    status: p.status ?? "осужден",
    reasons: p.reasons ?? "",
  }));
  const belarus = await importTable(
    "viasna",
    listTable(rows, ["id", "name", "latin", "birth", "facility", "address", "status", "reasons"]),
  );
  expect(belarus.summary).toMatchObject({ created: BELARUS.length, errors: [] });
  const russia = await importTable(
    "memorial",
    {
      headers: ["Full name", "Date of birth", "Status"],
      rows: RUSSIA.map((name, i) => [name, birthIn(monthAfter(3), 10 + i, 1990), "convicted"]),
    },
    { format: "json" },
  );
  expect(russia.summary).toMatchObject({ created: RUSSIA.length, errors: [] });
  const names = await prisma.prisonerName.findMany({ where: { isPrimary: true } });
  return Object.fromEntries(names.map((n) => [n.surname, n.prisonerId]));
}

async function surnames(filters: PrisonerFilters): Promise<string[]> {
  const result = await searchPrisoners({ perPage: 100, ...filters });
  return result.prisoners.map((p) => p.name.split(" ")[0]);
}

function makeUser(role: Role, email: string, vettingState: VettingState = "approved") {
  return createUser({ email, role, vettingState });
}

/** The edit form as it would arrive for this prisoner unchanged, with some fields overridden. */
async function editForm(prisonerId: string, overrides: Record<string, unknown> = {}) {
  const p = await prisma.prisoner.findUniqueOrThrow({ where: { id: prisonerId } });
  return prisonerEditSchema.parse({
    status: p.status,
    country: p.country,
    birthDate: p.birthDate ? p.birthDate.toISOString().slice(0, 10) : "",
    articles: p.articles ?? "",
    sentence: p.sentence ?? "",
    currentFacilityId: p.currentFacilityId ?? "",
    humanitarianReasons: p.humanitarianReasons,
    incommunicado: p.incommunicado,
    incommunicadoNote: p.incommunicadoNote ?? "",
    doNotWrite: p.doNotWrite,
    doNotWriteNote: p.doNotWriteNote ?? "",
    relativesOnly: p.relativesOnly,
    relativesOnlyNote: p.relativesOnlyNote ?? "",
    notes: p.notes ?? "",
    clearReview: false,
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<PermissionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PermissionError);
  return error as PermissionError;
}

describeEachDatabase("prisoner registry: search and edits", () => {
  test("a Belarusian Cyrillic name is found by its Latin spellings (BGN, ICAO, press) and by Cyrillic variants", async () => {
    const ids = await seedRegistry();
    const ryhor = ids["Касцюсёў"];
    for (const q of [
      "Kastusiou",
      "Kostusev",
      "Kastusyov",
      "Kastsiusiou",
      "Ryhor Kastusiou",
      "Grigory Kostusev",
      "Костюсев Григорий",
      "касцюсёў",
    ]) {
      const result = await searchPrisoners({ q });
      expect(
        result.prisoners.map((p) => p.id),
        q,
      ).toContain(ryhor);
    }
    // With the given name, only he is left.
    const byFullName = await searchPrisoners({ q: "Hryhor Kostusev" });
    expect(byFullName.prisoners.map((p) => p.id)).toEqual([ryhor]);
    expect(byFullName.prisoners[0]).toMatchObject({ name: "Касцюсёў Рыгор", nameScript: "cyrillic_be", rank: 1 });
    expect((await searchPrisoners({ q: "Nobody Atall" })).total).toBe(0);
  });

  test("ranking: an exact spelling first, then transliteration matches, then fuzzy ones", async () => {
    const ids = await seedRegistry();
    const result = await searchPrisoners({ q: "Kastusiou" });
    expect(result.prisoners.map((p) => [p.id, p.rank])).toEqual([
      [ids["Касцюсёў"], 0],
      [ids["Кастусёў"], 1],
      [ids["Карстусёў"], 2],
    ]);
    expect(result.total).toBe(3);

    // A typo ("Kastisov") still finds them, all as fuzzy matches.
    const typo = await searchPrisoners({ q: "Kastisov" });
    expect(new Set(typo.prisoners.map((p) => p.id))).toEqual(
      new Set([ids["Касцюсёў"], ids["Кастусёў"], ids["Карстусёў"]]),
    );
    expect(typo.prisoners.every((p) => p.rank === 2)).toBe(true);
    // Equal ranks by name; the order is the same when another filter makes the search read the matches again.
    const names = typo.prisoners.map((p) => p.sortName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const filtered = await searchPrisoners({ q: "Kastisov", country: "BY" });
    expect(filtered.prisoners.map((p) => p.id)).toEqual(typo.prisoners.map((p) => p.id));

    // The press's "Lihor Kastusiov" (DOMAIN.md): a wrong first letter is still a near miss.
    const press = await searchPrisoners({ q: "Lihor Kastusiov" });
    expect(press.prisoners.map((p) => p.id)).toContain(ids["Касцюсёў"]);
    expect(press.prisoners.every((p) => p.rank === 2)).toBe(true);

    // Relevance order survives pagination.
    const page2 = await searchPrisoners({ q: "Kastusiou", perPage: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(page2.prisoners.map((p) => p.id)).toEqual([ids["Карстусёў"]]);
  });

  test("filters: country, status, facility type", async () => {
    await seedRegistry();
    expect((await surnames({ country: "RU" })).sort()).toEqual(["Иванов", "Петренко", "Сидоров"]);
    expect((await searchPrisoners({ country: "BY" })).total).toBe(BELARUS.length);
    expect((await surnames({ status: "pretrial" })).sort()).toEqual(["Бяляцкі", "Дашкевіч", "Лабковіч", "Статкевіч"]);
    expect(await surnames({ status: "released" })).toEqual(["Мацкевіч"]);
    expect((await surnames({ facilityType: "sizo" })).sort()).toEqual(["Бяляцкі", "Дашкевіч", "Жук"]);
    // Filters combine with each other and with a name query.
    expect((await surnames({ facilityType: "sizo", status: "pretrial" })).sort()).toEqual(["Бяляцкі", "Дашкевіч"]);
    expect(await surnames({ q: "Kastusiou", status: "pretrial" })).toEqual([]);
    expect(await surnames({ q: "Kastusiou", country: "BY", facilityType: "colony" })).toEqual([
      "Касцюсёў",
      "Кастусёў",
      "Карстусёў",
    ]);
  });

  test("filter: humanitarian reason, alone and with other filters", async () => {
    await seedRegistry();
    expect((await surnames({ reason: "large_family_parent" })).sort()).toEqual(["Абрамовіч", "Калеснікава"]);
    expect(await surnames({ reason: "disability" })).toEqual(["Дзядок"]);
    expect(await surnames({ reason: "minor" })).toEqual([]);
    expect(await surnames({ reason: "large_family_parent", q: "Kalesnikava" })).toEqual(["Калеснікава"]);
  });

  test("birthdayThisMonth follows the clock and ignores year-only dates of birth", async () => {
    await seedRegistry();
    expect((await surnames({ birthdayThisMonth: true })).sort()).toEqual(["Жук", "Знак"]);
    const today = now();
    const firstOfNextMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 2);
    advanceClock(firstOfNextMonth - today.getTime());
    expect(await surnames({ birthdayThisMonth: true })).toEqual(["Лосік"]);
  });

  test("noLetterDays: only people with no letter sent within that many days", async () => {
    const ids = await seedRegistry();
    await prisma.letter.createMany({
      data: [
        { prisonerId: ids["Касцюсёў"], state: "sent", sentAt: new Date(now().getTime() - 5 * DAY) },
        { prisonerId: ids["Кастусёў"], state: "sent", sentAt: new Date(now().getTime() - 60 * DAY) },
        { prisonerId: ids["Карстусёў"], state: "draft" },
      ],
    });
    const quiet = await searchPrisoners({ noLetterDays: 30, perPage: 100 });
    expect(quiet.total).toBe(TOTAL - 1);
    expect(quiet.prisoners.map((p) => p.id)).not.toContain(ids["Касцюсёў"]);
    expect(quiet.prisoners.map((p) => p.id)).toEqual(expect.arrayContaining([ids["Кастусёў"], ids["Карстусёў"]]));
    expect((await searchPrisoners({ noLetterDays: 90 })).total).toBe(TOTAL - 2);
    // Forty days on, nobody has had a letter within the last 30 days.
    advanceClock(40 * DAY);
    expect((await searchPrisoners({ noLetterDays: 30 })).total).toBe(TOTAL);
  });

  test("sort by name and pagination totals", async () => {
    await seedRegistry();
    const pretrial = await searchPrisoners({ status: "pretrial", sort: "name" });
    expect(pretrial.prisoners.map((p) => p.name)).toEqual([
      "Бяляцкі Алесь",
      "Дашкевіч Зміцер",
      "Лабковіч Уладзімір",
      "Статкевіч Мікола",
    ]);
    // Imported prisoners carry the key lists are sorted by.
    expect(pretrial.prisoners.map((p) => p.sortName)).toEqual([
      "бяляцкі алесь",
      "дашкевіч зміцер",
      "лабковіч уладзімір",
      "статкевіч мікола",
    ]);

    const pages = [];
    for (let page = 1; page <= 5; page++) pages.push(await searchPrisoners({ sort: "name", perPage: 7, page }));
    expect(pages.map((p) => [p.total, p.pages, p.prisoners.length])).toEqual([
      [TOTAL, 5, 7],
      [TOTAL, 5, 7],
      [TOTAL, 5, 7],
      [TOTAL, 5, 7],
      [TOTAL, 5, 2],
    ]);
    const seen = pages.flatMap((p) => p.prisoners.map((x) => x.id));
    expect(new Set(seen).size).toBe(TOTAL);
    // Past the last page: empty, totals unchanged.
    expect(await searchPrisoners({ perPage: 7, page: 6 })).toMatchObject({ total: TOTAL, pages: 5, prisoners: [] });
  });

  test("updatePrisoner by a coordinator records each changed field with the editor; a new facility closes the old stay", async () => {
    const ids = await seedRegistry();
    const coordinator = await makeUser("coordinator", "coordinator@example.org");
    const id = ids["Касцюсёў"];
    const before = await prisma.prisoner.findUniqueOrThrow({ where: { id }, include: { stays: true } });
    const sizo = await prisma.facility.findFirstOrThrow({ where: { name: "СИЗО №1" } });
    advanceClock(DAY);

    // Back to pre-trial detention (a new case): the status is a change of situation too.
    const input = await editForm(id, {
      status: "pretrial",
      currentFacilityId: sizo.id,
      humanitarianReasons: ["disability"],
      notes: "Отвечает на письма",
    });
    const changes = await updatePrisoner(coordinator, id, input);
    expect(changes).toEqual([
      { field: "status", from: "convicted", to: "pretrial" },
      { field: "currentFacilityId", from: before.currentFacilityId, to: sizo.id },
      { field: "humanitarian", from: "false", to: "true" },
      { field: "humanitarianReasons", from: null, to: "disability" },
      { field: "notes", from: null, to: "Отвечает на письма" },
    ]);
    const edits = await prisma.prisonerEdit.findMany({ where: { prisonerId: id } });
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ editorId: coordinator.id, changes: { fields: changes } });

    const after = await prisma.prisoner.findUniqueOrThrow({
      where: { id },
      include: { stays: { orderBy: { fromDate: "asc" } } },
    });
    expect(after).toMatchObject({
      status: "pretrial",
      currentFacilityId: sizo.id,
      humanitarian: true,
      humanitarianReasons: ["disability"],
    });
    expect(
      await prisma.situationChange.findMany({
        where: { prisonerId: id },
        select: { status: true, fromStatus: true, editorId: true },
      }),
    ).toEqual([{ status: "pretrial", fromStatus: "convicted", editorId: coordinator.id }]);
    expect(after.stays).toHaveLength(2);
    expect(after.stays[0]).toMatchObject({ id: before.stays[0].id, facilityId: before.currentFacilityId });
    expect(after.stays[0].toDate).toEqual(after.stays[1].fromDate);
    expect(after.stays[0].toDate!.getTime()).toBeGreaterThan(before.stays[0].fromDate.getTime());
    expect(after.stays[1]).toMatchObject({ facilityId: sizo.id, toDate: null });

    // Saving the same form again changes and records nothing.
    expect(await updatePrisoner(coordinator, id, input)).toEqual([]);
    expect(await prisma.prisonerEdit.count({ where: { prisonerId: id } })).toBe(1);
  });

  test("a volunteer (or a coordinator not yet approved) cannot edit a prisoner", async () => {
    const ids = await seedRegistry();
    const id = ids["Лосік"];
    const input = await editForm(id, { status: "released" });
    for (const actor of [
      await makeUser("volunteer", "bird@example.org"),
      await makeUser("coordinator", "new@example.org", "pending"),
    ]) {
      expect((await refusal(updatePrisoner(actor, id, input))).message).toBe("edit:prisoners");
      await refusal(
        addPrisonerName(actor, id, { script: "latin", surname: "Losik", givenName: "Ihar", patronymic: null }),
      );
    }
    expect((await prisma.prisoner.findUniqueOrThrow({ where: { id } })).status).toBe("convicted");
    expect(await prisma.prisonerEdit.count()).toBe(0);
    expect(await prisma.prisonerName.count({ where: { prisonerId: id } })).toBe(1);
  });

  test("the edit forms as a browser sends them (unchecked boxes absent): a flag without a note is refused, with one accepted", async () => {
    await seedRegistry();
    const facility = await prisma.facility.findFirstOrThrow({ where: { name: "ИК №4" } });
    /** Text inputs are always sent (maybe empty); a checkbox only when ticked. */
    const prisonerForm = (checked: Record<string, string> = {}) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({
        status: "convicted",
        country: "BY",
        birthDate: "",
        articles: "",
        sentence: "",
        currentFacilityId: facility.id,
        incommunicadoNote: "",
        doNotWriteNote: "",
        relativesOnlyNote: "",
        notes: "",
        ...checked,
      })) {
        form.append(name, value);
      }
      return form;
    };
    expect(parseWithSchema(prisonerEditSchema, prisonerForm(), ["humanitarianReasons"]).ok).toBe(true);
    for (const flag of ["incommunicado", "doNotWrite", "relativesOnly"] as const) {
      expect(parseWithSchema(prisonerEditSchema, prisonerForm({ [flag]: "on" }), ["humanitarianReasons"])).toEqual({
        ok: false,
        fieldErrors: { [`${flag}Note`]: "validation.flagNote" },
      });
      const accepted = parseWithSchema(
        prisonerEditSchema,
        prisonerForm({ [flag]: "on", [`${flag}Note`]: "Asked through a lawyer" }),
        ["humanitarianReasons"],
      );
      expect(accepted).toMatchObject({
        ok: true,
        data: { [flag]: true, [`${flag}Note`]: "Asked through a lawyer", clearReview: false },
      });
    }

    const facilityForm = new FormData();
    for (const [name, value] of Object.entries({
      name: "ИК №4",
      nameLatin: "",
      type: "colony",
      regime: "",
      street: "ул. Ленина, 1",
      postcode: "246035",
      city: "Гомель",
      region: "",
      parcelQuotaPerYear: "",
      rulesNote: "",
    })) {
      facilityForm.append(name, value);
    }
    facilityForm.append("languages", "ru");
    expect(parseWithSchema(facilityEditSchema, facilityForm, ["languages"])).toMatchObject({
      ok: true,
      data: { acceptsNonRelativeLetters: false, parcelsFromAbroad: false },
    });
  });

  test("a flag needs a note, and with one the edit records it from today", async () => {
    const ids = await seedRegistry();
    const coordinator = await makeUser("coordinator", "coordinator@example.org");
    const id = ids["Знак"];
    const unticked = { incommunicado: false, doNotWrite: false, relativesOnly: false, clearReview: false };
    const base = { status: "convicted", country: "BY", humanitarianReasons: [], ...unticked };
    for (const flag of ["incommunicado", "doNotWrite", "relativesOnly"] as const) {
      const refused = prisonerEditSchema.safeParse({ ...base, [flag]: "on" });
      expect(refused.success).toBe(false);
      expect(refused.error?.issues).toEqual([
        expect.objectContaining({ path: [`${flag}Note`], message: "validation.flagNote" }),
      ]);
      expect(prisonerEditSchema.safeParse({ ...base, [flag]: "on", [`${flag}Note`]: "   " }).success).toBe(false);
    }

    const input = await editForm(id, { doNotWrite: "on", doNotWriteNote: "Asked through his lawyer" });
    const changes = await updatePrisoner(coordinator, id, input);
    const today = now().toISOString().slice(0, 10);
    expect(changes).toEqual([
      { field: "doNotWrite", from: "false", to: "true" },
      { field: "doNotWriteNote", from: null, to: "Asked through his lawyer" },
      { field: "doNotWriteSince", from: null, to: today },
    ]);
    expect(await prisma.prisoner.findUniqueOrThrow({ where: { id } })).toMatchObject({
      doNotWrite: true,
      doNotWriteNote: "Asked through his lawyer",
    });
    const edit = await prisma.prisonerEdit.findFirstOrThrow({ where: { prisonerId: id } });
    expect(edit).toMatchObject({ editorId: coordinator.id, changes: { fields: changes } });
  });

  test("a full date of birth entered for a year-only one is no longer year-only", async () => {
    const ids = await seedRegistry();
    const coordinator = await makeUser("coordinator", "coordinator@example.org");
    const id = ids["Севярынец"];
    expect(await prisma.prisoner.findUniqueOrThrow({ where: { id } })).toMatchObject({ birthYearOnly: true });
    const changes = await updatePrisoner(coordinator, id, await editForm(id, { birthDate: "1966-05-03" }));
    expect(changes).toEqual([
      { field: "birthDate", from: "1966-01-01", to: "1966-05-03" },
      { field: "birthYearOnly", from: "true", to: "false" },
    ]);
    const after = await prisma.prisoner.findUniqueOrThrow({ where: { id } });
    expect(after.birthDate?.toISOString().slice(0, 10)).toBe("1966-05-03");
    expect(after.birthYearOnly).toBe(false);
  });

  test("updateFacility records its diffs; a volunteer cannot edit a facility", async () => {
    await seedRegistry();
    const coordinator = await makeUser("coordinator", "coordinator@example.org");
    const volunteer = await makeUser("volunteer", "bird@example.org");
    const facility = await prisma.facility.findFirstOrThrow({ where: { name: "ИК №4" } });
    expect(facility.rulesNote).toContain("import");
    const input = facilityEditSchema.parse({
      name: facility.name,
      type: facility.type,
      regime: "strict",
      street: "ул. Ленина, 1А",
      postcode: facility.postcode,
      city: facility.city,
      acceptsNonRelativeLetters: "on",
      parcelsFromAbroad: false,
      // As the form holds it: the facility's current answer (a Belarusian colony takes parcels from relatives only).
      parcelsRelativesOnly: facility.parcelsRelativesOnly ? "on" : false,
      parcelQuotaPerYear: "6",
      languages: ["ru", "be"],
      rulesNote: "Checked: letters in Russian or Belarusian.",
    });
    await refusal(updateFacility(volunteer, facility.id, input));

    const changes = await updateFacility(coordinator, facility.id, input);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: "regime", from: null, to: "strict" },
        { field: "street", from: "ул. Ленина, 1", to: "ул. Ленина, 1А" },
        { field: "parcelQuotaPerYear", from: null, to: "6" },
        { field: "rulesNote", from: facility.rulesNote, to: "Checked: letters in Russian or Belarusian." },
      ]),
    );
    expect(changes).toHaveLength(4);
    const edits = await prisma.prisonerEdit.findMany({ where: { facilityId: facility.id } });
    expect(edits).toEqual([
      expect.objectContaining({ editorId: coordinator.id, prisonerId: null, changes: { fields: changes } }),
    ]);
    expect(await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).toMatchObject({
      regime: "strict",
      street: "ул. Ленина, 1А",
      parcelQuotaPerYear: 6,
    });
    expect(await updateFacility(coordinator, facility.id, input)).toEqual([]);
  });

  test("addPrisonerName makes the new spelling searchable and records it", async () => {
    const ids = await seedRegistry();
    const coordinator = await makeUser("coordinator", "coordinator@example.org");
    const id = ids["Калеснікава"];
    expect((await searchPrisoners({ q: "Petrova" })).total).toBe(0);

    await addPrisonerName(coordinator, id, {
      script: "latin",
      surname: "Petrova",
      givenName: "Maria",
      patronymic: null,
    });
    const found = await searchPrisoners({ q: "Petrova" });
    expect(found.prisoners.map((p) => [p.id, p.rank])).toEqual([[id, 0]]);
    // The list still shows the primary spelling.
    expect(found.prisoners[0].name).toBe("Калеснікава Марыя");
    expect((await searchPrisoners({ q: "Пятрова Марыя" })).prisoners.map((p) => p.id)).toEqual([id]);
    // Her other spellings still find her.
    expect((await searchPrisoners({ q: "Kalesnikava" })).prisoners.map((p) => p.id)).toEqual([id]);
    const edit = await prisma.prisonerEdit.findFirstOrThrow({ where: { prisonerId: id } });
    expect(edit).toMatchObject({
      editorId: coordinator.id,
      changes: { fields: [{ field: "names", from: null, to: "Petrova Maria" }] },
    });
  });
});
