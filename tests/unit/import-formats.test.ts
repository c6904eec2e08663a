/**
 * The lists NGOs publish, as files (tests/fixtures/lists/), through the pure
 * import layer: file -> columns -> rows -> one row per person.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { mergeCaseRows } from "#app/imports/cases.ts";
import { recognizeColumns } from "#app/imports/columns.ts";
import { normalizeRow, type ImportRow, type NormalizedRow, type ValueMappings } from "#app/imports/normalize.ts";
import { parseImportFile } from "#app/imports/parse.server.ts";

async function load(file: string, valueMappings: ValueMappings = {}) {
  const parsed = await parseImportFile(readFileSync(`tests/fixtures/lists/${file}`), { fileName: file });
  const columns = recognizeColumns(parsed.headers);
  const results: NormalizedRow[] = parsed.rows.map((raw) => normalizeRow(raw, columns.mapping, valueMappings));
  const rows = results.flatMap((result) => (result.row ? [result.row] : []));
  return { parsed, columns, results, rows, errors: results.flatMap((result) => result.errors) };
}

function bySurname(rows: ImportRow[], surname: string): ImportRow {
  const row = rows.find((candidate) => candidate.name.surname === surname);
  if (!row) throw new Error(`no row for ${surname}`);
  return row;
}

const BOBRUISK_IK2 = "colony|2|babruisk";

describe("Viasna machine export", () => {
  test("every column is recognised or deliberately ignored; no row errors", async () => {
    const { columns, errors, results, rows } = await load("viasna-machine.csv");
    expect(columns.unknown).toEqual([]);
    expect(columns.ignored).toEqual(
      expect.arrayContaining([
        "url",
        "photo",
        "description",
        "judge",
        "councel",
        "declaration",
        "decision",
        "clusters",
      ]),
    );
    expect(columns.mapping).toMatchObject({
      id: "externalId",
      name: "fullName",
      status: "status",
      birthday: "birthDate",
      arrested: "detainedOn",
      prison: "facility",
      penalty: "penalty",
      release_date: "releasedOn",
      verdict_date: "verdictOn",
      died: "diedOn",
    });
    expect(errors).toEqual([]);
    expect(results.filter((result) => result.skipped === "not-recognised")).toHaveLength(1);
    expect(rows).toHaveLength(16);
  });

  test("situations, releases and deaths", async () => {
    const { rows } = await load("viasna-machine.csv");
    const situation = (surname: string) => {
      const row = bySurname(rows, surname);
      return [row.status, row.releasedOn, row.releaseKind, row.diedOn];
    };
    expect(situation("Иванов")).toEqual(["convicted", null, null, null]); // an active prisoner's release_date is still to come
    expect(situation("Новик")).toEqual(["pretrial", null, null, null]);
    expect(situation("Шульга")).toEqual(["released", "2024-07-03", "pardon", null]);
    expect(situation("Лапко")).toEqual(["released", "2023-05-15", "sentence_served", null]);
    expect(situation("Пашкевич")).toEqual(["released", "2024-09-16", null, null]);
    expect(situation("Белоусов")).toEqual(["open_institution", null, null, null]);
    expect(situation("Рыжкова")).toEqual(["restricted_at_home", null, null, null]);
    expect(situation("Мельник")).toEqual(["at_liberty", null, null, null]);
    expect(situation("Ткачук")).toEqual(["at_liberty", null, null, null]);
    expect(situation("Гордеева")).toEqual(["house_arrest", null, null, null]);
    expect(situation("Клименко")).toEqual(["deceased", null, null, "2024-02-14"]);
    expect(situation("Мороз")).toEqual(["compulsory_treatment", null, null, null]);
    expect(bySurname(rows, "Иванов")).toMatchObject({
      externalId: "1001",
      verdictOn: "2021-06-10",
      articles: "ч. 1 ст. 342 УК; ч. 3 ст. 130 УК",
    });
  });

  test("facilities: line 1 the facility, the address below; released people have none", async () => {
    const { rows } = await load("viasna-machine.csv");
    expect(bySurname(rows, "Иванов").facility).toEqual({
      name: "ИК №2",
      type: "colony",
      number: "2",
      street: "ул. Сикорского, 1",
      city: "Бобруйск",
      postcode: "213800",
      district: null,
      region: null,
      identityKey: BOBRUISK_IK2,
    });
    expect(bySurname(rows, "Станкевич").facility?.identityKey).toBe(BOBRUISK_IK2);
    expect(bySurname(rows, "Клименко").facility).toMatchObject({
      name: "ИК-3",
      city: "Витьба",
      district: "Витебский р-н",
      region: "Витебская обл.",
    });
    for (const surname of ["Шульга", "Лапко", "Пашкевич", "Мельник", "Рыжкова", "Гордеева"])
      expect(bySurname(rows, surname).facility).toBeNull();
  });

  test("an unknown penalty is listed for mapping, and the mapping applies", async () => {
    const before = await load("viasna-machine.csv");
    expect(bySurname(before.rows, "Сидорчук")).toMatchObject({
      status: "convicted",
      unknownValues: [{ field: "penalty", key: "превентивный надзор", text: "превентивный надзор" }],
    });
    const after = await load("viasna-machine.csv", { penalty: { "превентивный надзор": "at_liberty" } });
    expect(bySurname(after.rows, "Сидорчук")).toMatchObject({ status: "at_liberty", unknownValues: [] });
  });
});

describe("Viasna human export", () => {
  test.each(["viasna-human-en.csv", "viasna-human-ru.csv", "viasna-human-be.csv"])(
    "%s: all columns known, no errors",
    async (file) => {
      const { columns, errors } = await load(file);
      expect(columns.unknown).toEqual([]);
      expect(Object.values(columns.mapping).filter(Boolean)).toEqual([
        "fullName",
        "status",
        "birthDate",
        "gender",
        "detainedOn",
        "articles",
        "verdictOn",
        "sentence",
        "penalty",
        "facility",
      ]);
      expect(errors).toEqual([]);
    },
  );

  test("English: dates in words, ex post facto line ignored, one Babrujsk colony however spelled", async () => {
    const { rows } = await load("viasna-human-en.csv");
    expect(bySurname(rows, "Ivanou")).toMatchObject({
      birthDate: "1982-04-24",
      detainedOn: "2020-05-01",
      verdictOn: "2021-06-10",
      status: "convicted",
      articles: "Part 1 of Article 342 of the Criminal Code; Article 130 of the Criminal Code",
      facility: { name: "IK-2", city: "Babrujsk", postcode: "213800", identityKey: BOBRUISK_IK2 },
    });
    expect(bySurname(rows, "Kavaliova").birthDate).toBe("1985-03-01");
    expect(bySurname(rows, "Novik")).toMatchObject({
      birthDate: null,
      status: "pretrial",
      facility: { type: "sizo", identityKey: "sizo|1|minsk" },
    });
    expect(bySurname(rows, "Shulha")).toMatchObject({ status: "released", facility: null });
    expect(bySurname(rows, "Lapko").status).toBe("released");
    expect(bySurname(rows, "Bialousau")).toMatchObject({
      status: "open_institution",
      facility: { type: "open_institution", number: "2" },
    });
    expect(bySurname(rows, "Melnik")).toMatchObject({ status: "at_liberty", facility: null });
    expect(bySurname(rows, "Tkachuk").status).toBe("at_liberty");
    expect(bySurname(rows, "Hardzeyeva")).toMatchObject({ status: "house_arrest", verdictOn: null });
    expect(bySurname(rows, "Stankevich").facility).toMatchObject({
      name: "Penal colony No. 2",
      identityKey: BOBRUISK_IK2,
    });
  });

  test("Russian and Belarusian: the same people and facilities", async () => {
    const ru = await load("viasna-human-ru.csv");
    const be = await load("viasna-human-be.csv");
    expect(bySurname(ru.rows, "Иванов")).toMatchObject({
      birthDate: "1982-04-24",
      detainedOn: "2020-05-01",
      facility: { name: "ИК №2", identityKey: BOBRUISK_IK2 },
    });
    expect(bySurname(be.rows, "Іваноў")).toMatchObject({
      birthDate: "1982-04-24",
      detainedOn: "2020-05-01",
      facility: { name: "ПК-2", identityKey: BOBRUISK_IK2 },
    });
    expect(bySurname(be.rows, "Станкевіч").facility?.identityKey).toBe(BOBRUISK_IK2);
    expect(bySurname(ru.rows, "Шульга")).toMatchObject({ status: "released", facility: null });
    expect(bySurname(ru.rows, "Лапко").status).toBe("released");
    expect(bySurname(be.rows, "Шульга")).toMatchObject({ status: "released", facility: null });
    expect(bySurname(be.rows, "Кавалёва").birthDate).toBe("1985-03-01");
    expect(bySurname(be.rows, "Новік").birthDate).toBeNull();
    expect(bySurname(be.rows, "Белавусаў")).toMatchObject({
      status: "open_institution",
      facility: { identityKey: "open_institution|2|magilav" },
    });
    expect(bySurname(ru.rows, "Белоусов").facility?.identityKey).toBe("open_institution|2|magilav");
    expect(bySurname(be.rows, "Ткачук").status).toBe("at_liberty");
    expect(bySurname(ru.rows, "Гордеева")).toMatchObject({ status: "house_arrest", verdictOn: null });
  });
});

describe("Memorial-shaped JSON", () => {
  test("arrays become text, every column known, no errors, the no-defendant record skipped", async () => {
    const { columns, errors, results, rows } = await load("memorial.json");
    expect(columns.unknown).toEqual([]);
    expect(columns.mapping).toMatchObject({
      institution_short_name: "facility",
      address_for_letters: "facilityAddress",
      region: "facilityRegion",
      can_write: "canWrite",
      date_of_birth: "birthDate",
      date_of_arrest: "detainedOn",
      interests: "interests",
      release_date: "releasedOn",
    });
    expect(errors).toEqual([]);
    expect(results.map((result) => result.skipped)).toEqual([
      null,
      null,
      null,
      null,
      null,
      "not-recognised",
      null,
      null,
      null,
      null,
    ]);
    expect(rows).toHaveLength(9);
  });

  test("statuses, can-write, interests, institution-last addresses", async () => {
    const { rows } = await load("memorial.json");
    expect(bySurname(rows, "Петров")).toMatchObject({
      externalId: "501",
      status: "convicted",
      canWrite: true,
      interests: ["история Карелии", "шахматы", "английский язык"],
      articles: "ч. 2 ст. 207.3 УК РФ; ст. 280.3 УК РФ",
      releasedOn: null,
      facility: {
        name: "ИК-7",
        type: "colony",
        number: "7",
        street: "ул. Лесная, д. 4",
        city: "Сегежа",
        postcode: "186420",
        region: "Республика Карелия",
        identityKey: "colony|7|sagazh",
      },
    });
    expect(bySurname(rows, "Смирнова").facility).toMatchObject({
      name: "ИК-14",
      city: "Парца",
      district: "Зубово-Полянский р-н",
      region: "Республика Мордовия",
    });
    expect(bySurname(rows, "Кузнецов")).toMatchObject({
      status: "pretrial",
      facility: { type: "sizo", city: "Москва" },
    });
    expect(bySurname(rows, "Орлова")).toMatchObject({ status: "at_liberty", canWrite: false, facility: null });
    expect(bySurname(rows, "Волков").status).toBe("unknown");
    expect(bySurname(rows, "Лебедев").status).toBe("deceased");
    expect(bySurname(rows, "Федорова").status).toBe("deceased");
    expect(bySurname(rows, "Соколов")).toMatchObject({
      status: "convicted",
      canWrite: false,
      facility: { identityKey: "colony|2|pakrav", district: "Петушинский р-н" },
    });
    expect(bySurname(rows, "Гареев")).toMatchObject({
      status: "compulsory_treatment",
      facility: { type: "psychiatric_hospital", city: "Казань" },
    });
  });
});

describe("OVD-style rows: one per person per case", () => {
  test("case rows become one row per person", async () => {
    const { errors, rows } = await load("ovd-cases.csv");
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(8);
    const { rows: people, merged } = mergeCaseRows(rows);
    expect(merged).toEqual([
      { line: 3, into: 2 },
      { line: 4, into: 2 },
      { line: 8, into: 6 },
    ]);
    expect(people.map((row) => row.name.surname)).toEqual(["Морозов", "Белова", "Громов", "Яковлева", "Тихонов"]);
    expect(bySurname(people, "Морозов")).toMatchObject({
      line: 2,
      articles: "ч. 2 ст. 207.3 УК РФ; ст. 280.3 УК РФ; ч. 1 ст. 205.2 УК РФ",
      detainedOn: "2022-03-05",
      verdictOn: "2022-12-01",
      // the most recent case: a new arrest, held in a SIZO
      status: "pretrial",
      facility: { name: "СИЗО-1", city: "Петрозаводск", region: "Республика Карелия" },
    });
    expect(bySurname(people, "Белова")).toMatchObject({
      articles: "ч. 1 ст. 275 УК РФ; ст. 207.3 УК РФ",
      sentence: "12 лет",
      status: "convicted",
    });
    expect(bySurname(people, "Громов")).toMatchObject({
      status: "open_institution",
      facility: { name: "ИЦ-1", type: "open_institution" },
    });
    expect(bySurname(people, "Яковлева")).toMatchObject({ status: "released", releaseKind: "pardon", facility: null });
    expect(bySurname(people, "Тихонов").status).toBe("deceased");
  });
});
