import { describe, expect, test } from "vitest";
import { IMPORT_FIELDS, recognizeColumns, type ColumnMapping, type ImportField } from "#app/imports/columns.ts";
import { mergeCaseRows } from "#app/imports/cases.ts";
import {
  foldValue,
  inferFacilityType,
  normalizeRow,
  parseDate,
  releaseKindOf,
  splitAddress,
  type ImportRow,
} from "#app/imports/normalize.ts";
import { translate, type MessageKey } from "#app/i18n/i18n.ts";

/** Cells keyed by field name, mapped one to one. */
function row(cells: Partial<Record<ImportField, string>>, line = 2) {
  const mapping: ColumnMapping = Object.fromEntries(Object.keys(cells).map((key) => [key, key as ImportField]));
  return normalizeRow({ line, cells: cells as Record<string, string> }, mapping);
}

function ok(cells: Partial<Record<ImportField, string>>): ImportRow {
  const result = row({ fullName: "Иванов Иван Иванович", ...cells });
  expect(result.errors).toEqual([]);
  expect(result.row).not.toBeNull();
  return result.row as ImportRow;
}

function errorOf(cells: Partial<Record<ImportField, string>>) {
  const result = row({ fullName: "Иванов Иван Иванович", ...cells });
  expect(result.row).toBeNull();
  expect(result.errors).toHaveLength(1);
  return result.errors[0];
}

const NEXT_YEAR = new Date().getUTCFullYear() + 1;

describe("parseDate", () => {
  test.each([
    ["01.02.1985", "1985-02-01", false],
    ["1.2.1985", "1985-02-01", false],
    ["29/02/2000", "2000-02-29", false],
    ["31-12-1999", "1999-12-31", false],
    ["1985-02-01", "1985-02-01", false],
    ["1985-2-1", "1985-02-01", false],
    ["1985-02-01T00:00:00.000Z", "1985-02-01", false],
    ["1985-02-01 13:45", "1985-02-01", false],
    ["1957", "1957-01-01", true],
    ["1957 г.р.", "1957-01-01", true],
    ["1957 г.", "1957-01-01", true],
    ["12.03.1960г.", "1960-03-12", false],
    ["12.03.1960 0:00:00", "1960-03-12", false],
    [" 1900-01-01 ", "1900-01-01", false],
  ])("%j → %s", (text, date, yearOnly) => {
    expect(parseDate(text)).toEqual({ date, yearOnly });
  });

  test.each([
    "31.02.2000",
    "29.02.1900",
    "00.01.1990",
    "01.13.1990",
    "2000-02-30",
    "01.02.85",
    "1.2",
    "tomorrow",
    "",
    "36526",
    "1899-12-31",
    "1850",
    "01.01.1899",
    `${NEXT_YEAR}`,
    `01.01.${NEXT_YEAR}`,
    "2999-01-01",
  ])("%j → null", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  test.each([
    ["24 April 1982", "1982-04-24"],
    ["April 24, 1982", "1982-04-24"],
    ["24 Apr 1982", "1982-04-24"],
    ["24 апреля 1982", "1982-04-24"],
    ["24 апреля 1982 г.", "1982-04-24"],
    ["24 красавіка 1982", "1982-04-24"],
    ["24 красавiка 1982", "1982-04-24"], // Latin i in Belarusian
    ["May 2023", "2023-05-01"],
    ["мая 2023", "2023-05-01"],
    ["май 2023", "2023-05-01"],
    ["травень 2023", "2023-05-01"],
    ["1985-03", "1985-03-01"],
    ["03.1985", "1985-03-01"],
  ])("%j → %s (month names, month precision)", (text, date) => {
    expect(parseDate(text)).toEqual({ date, yearOnly: false });
  });

  test.each(["31 April 1982", "24 Aprill 1982", "1985-13", "13.1985", "Smarch 2023"])("%j → null", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  test("today is not in the future", () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(parseDate(today)).toEqual({ date: today, yearOnly: false });
  });
});

describe("names", () => {
  test.each([
    ["Иванов Иван Иванович", { surname: "Иванов", givenName: "Иван", patronymic: "Иванович" }, "cyrillic_ru"],
    ["Кастусёў Рыгор Іванавіч", { surname: "Кастусёў", givenName: "Рыгор", patronymic: "Іванавіч" }, "cyrillic_be"],
    ["Калеснікава Марыя", { surname: "Калеснікава", givenName: "Марыя", patronymic: null }, "cyrillic_be"],
    ["Петрова Анна", { surname: "Петрова", givenName: "Анна", patronymic: null }, "cyrillic_ru"],
    ["Ales Bialiatski", { surname: "Bialiatski", givenName: "Ales", patronymic: null }, "latin"],
    ["Bialiatski, Ales", { surname: "Bialiatski", givenName: "Ales", patronymic: null }, "latin"],
    ["Иванов, Иван Иванович", { surname: "Иванов", givenName: "Иван", patronymic: "Иванович" }, "cyrillic_ru"],
    ["  ИВАНОВ   Иван  ", { surname: "Иванов", givenName: "Иван", patronymic: null }, "cyrillic_ru"],
    ["Мар'ян Сямён", { surname: "Мар'ян", givenName: "Сямён", patronymic: null }, "cyrillic_be"],
    ["Ивaнов Иван", { surname: "Иванов", givenName: "Иван", patronymic: null }, "cyrillic_ru"], // Latin "a"
    ["KASTUSIOU Ryhor", { surname: "Kastusiou", givenName: "Ryhor", patronymic: null }, "latin"],
    [
      "Лукашэнка-Шклоўскі Аляксандр",
      { surname: "Лукашэнка-Шклоўскі", givenName: "Аляксандр", patronymic: null },
      "cyrillic_be",
    ],
    ["Рыгор Iванавiч Кастусёў", { surname: "Кастусёў", givenName: "Рыгор", patronymic: "Іванавіч" }, "cyrillic_be"], // Latin "i"
  ])("full name %j", (fullName, name, script) => {
    const result = ok({ fullName });
    expect(result.name).toEqual(name);
    expect(result.nameScript).toBe(script);
  });

  test("separate columns win over the full name", () => {
    const result = ok({ fullName: "whatever here", surname: "Бяляцкі", givenName: "Алесь", patronymic: "Віктаравіч" });
    expect(result.name).toEqual({ surname: "Бяляцкі", givenName: "Алесь", patronymic: "Віктаравіч" });
    expect(result.nameScript).toBe("cyrillic_be");
  });

  test("separate columns without a patronymic; a dash means none", () => {
    const result = row({ surname: "Петров", givenName: "Пётр", patronymic: "-" });
    expect(result.row?.name).toEqual({ surname: "Петров", givenName: "Пётр", patronymic: null });
  });

  test("only a surname column falls back to the full name, or is incomplete", () => {
    expect(row({ surname: "Петров", fullName: "Петров Пётр" }).row?.name).toEqual({
      surname: "Петров",
      givenName: "Пётр",
      patronymic: null,
    });
    expect(row({ surname: "Петров" }).errors).toEqual([
      { line: 2, field: "givenName", messageKey: "import.row.nameIncomplete", params: { value: "Петров" } },
    ]);
  });

  test("missing name", () => {
    expect(row({ fullName: "", articles: "342" }).errors).toEqual([
      { line: 2, field: "fullName", messageKey: "import.row.nameMissing" },
    ]);
    expect(row({ surname: " ", givenName: "" }).errors).toEqual([
      { line: 2, field: "surname", messageKey: "import.row.nameMissing" },
    ]);
    expect(row({ fullName: "—" }).errors[0].messageKey).toBe("import.row.nameMissing");
  });

  test("one word is incomplete", () => {
    expect(errorOf({ fullName: "Иванов" })).toEqual({
      line: 2,
      field: "fullName",
      messageKey: "import.row.nameIncomplete",
      params: { value: "Иванов" },
    });
  });

  test.each([
    "=1+1",
    "+375 29 1234567",
    "@SUM(A1)",
    '=HYPERLINK("http://x","Иванов Иван")',
    "12345 678",
    "-Иванов Иван",
  ])("%j is not a name", (fullName) => {
    expect(errorOf({ fullName })).toMatchObject({
      field: "fullName",
      messageKey: "import.row.nameInvalid",
      params: { value: fullName },
    });
  });

  test("a formula-like surname column is not a name either", () => {
    expect(row({ surname: "=cmd", givenName: "Иван" }).errors).toEqual([
      { line: 2, field: "surname", messageKey: "import.row.nameInvalid", params: { value: "=cmd" } },
    ]);
  });

  test("Latin name", () => {
    expect(ok({ latinName: "Ryhor Kastusiou" }).latinName).toEqual({
      surname: "Kastusiou",
      givenName: "Ryhor",
      patronymic: null,
    });
    expect(ok({ latinName: "Kastusiou, Ryhor" }).latinName).toEqual({
      surname: "Kastusiou",
      givenName: "Ryhor",
      patronymic: null,
    });
    expect(ok({}).latinName).toBeNull();
    expect(errorOf({ latinName: "Kastusiou" })).toMatchObject({
      field: "latinName",
      messageKey: "import.row.nameIncomplete",
    });
  });
});

describe("fields", () => {
  test("a complete row", () => {
    const result = normalizeRow(
      {
        line: 17,
        cells: {
          "№": " 1234 ",
          ФИО: "Иванов Иван Иванович",
          "Имя латиницей": "Ivan Ivanov",
          "Дата рождения": "01.02.1980",
          Пол: "м",
          Страна: "Беларусь",
          Статус: "осужден",
          "Дата задержания": "15.08.2020",
          Статьи: "342, 293",
          Приговор: "5 лет колонии",
          "Место заключения": "ИК №4",
          Адрес: "ул. Антошкина, 3, 246035 г. Гомель",
          "Гуманитарный список": "инвалидность; пенсионер",
          Инкоммуникадо: "нет",
          "Не писать": "",
          "Только родственники": "да",
          Примечание: "=1+1 пишите по-русски",
          Фото: "photo.jpg",
        },
      },
      recognizeColumns([
        "№",
        "ФИО",
        "Имя латиницей",
        "Дата рождения",
        "Пол",
        "Страна",
        "Статус",
        "Дата задержания",
        "Статьи",
        "Приговор",
        "Место заключения",
        "Адрес",
        "Гуманитарный список",
        "Инкоммуникадо",
        "Не писать",
        "Только родственники",
        "Примечание",
        "Фото",
      ]).mapping,
    );
    expect(result.errors).toEqual([]);
    expect(result.row).toEqual({
      line: 17,
      externalId: "1234",
      name: { surname: "Иванов", givenName: "Иван", patronymic: "Иванович" },
      nameScript: "cyrillic_ru",
      latinName: { surname: "Ivanov", givenName: "Ivan", patronymic: null },
      birthDate: "1980-02-01",
      birthYearOnly: false,
      gender: "male",
      country: "BY",
      status: "convicted",
      detainedOn: "2020-08-15",
      verdictOn: null,
      releasedOn: null,
      releaseKind: null,
      diedOn: null,
      articles: "342, 293",
      sentence: "5 лет колонии",
      penalty: null,
      notes: "=1+1 пишите по-русски",
      canWrite: null,
      interests: null,
      facility: {
        name: "ИК №4",
        street: "ул. Антошкина, 3",
        city: "Гомель",
        postcode: "246035",
        type: "colony",
        number: "4",
        district: null,
        region: null,
        identityKey: "colony|4|gamal",
      },
      humanitarianReasons: ["disability", "elderly"],
      incommunicado: false,
      doNotWrite: null,
      relativesOnly: true,
      unknownValues: [],
    } satisfies ImportRow);
  });

  test("a row with only a name has nulls everywhere else", () => {
    expect(ok({})).toEqual({
      line: 2,
      externalId: null,
      name: { surname: "Иванов", givenName: "Иван", patronymic: "Иванович" },
      nameScript: "cyrillic_ru",
      latinName: null,
      birthDate: null,
      birthYearOnly: false,
      gender: null,
      country: null,
      status: null,
      detainedOn: null,
      verdictOn: null,
      releasedOn: null,
      releaseKind: null,
      diedOn: null,
      articles: null,
      sentence: null,
      penalty: null,
      notes: null,
      canWrite: null,
      interests: null,
      facility: null,
      humanitarianReasons: null,
      incommunicado: null,
      doNotWrite: null,
      relativesOnly: null,
      unknownValues: [],
    });
  });

  test("birth year only", () => {
    expect(ok({ birthDate: "1957" })).toMatchObject({ birthDate: "1957-01-01", birthYearOnly: true });
  });

  test.each([
    ["birthDate", "31.02.2000", "import.row.badBirthDate"],
    ["birthDate", "около 1960", "import.row.badBirthDate"],
    ["birthDate", "1850", "import.row.dateTooEarly"],
    ["birthDate", `01.01.${NEXT_YEAR}`, "import.row.futureDate"],
    ["birthDate", `${NEXT_YEAR}`, "import.row.futureDate"],
    ["detainedOn", "2020", "import.row.badDetainedOn"],
    ["detainedOn", "15/08/20", "import.row.badDetainedOn"],
    ["detainedOn", "2999-01-01", "import.row.futureDate"],
    ["detainedOn", "01.01.1812", "import.row.dateTooEarly"],
  ] as const)("%s %j → %s", (field, value, messageKey) => {
    expect(errorOf({ [field]: value })).toEqual({ line: 2, field, messageKey, params: { value } });
  });

  test.each([
    ["м", "male"],
    ["М.", "male"],
    ["муж", "male"],
    ["Мужской", "male"],
    ["мужчына", "male"],
    ["m", "male"],
    ["Male", "male"],
    ["man", "male"],
    ["ж", "female"],
    ["жен.", "female"],
    ["Женский", "female"],
    ["жанчына", "female"],
    ["F", "female"],
    ["female", "female"],
    ["woman", "female"],
  ])("gender %j → %s", (gender, expected) => {
    expect(ok({ gender }).gender).toBe(expected);
  });

  test("bad gender", () => {
    expect(errorOf({ gender: "x" })).toEqual({
      line: 2,
      field: "gender",
      messageKey: "import.row.badGender",
      params: { value: "x" },
    });
  });

  test.each([
    ["Беларусь", "BY"],
    ["Belarus", "BY"],
    ["BY", "BY"],
    ["РБ", "BY"],
    ["Республика Беларусь", "BY"],
    ["Рэспубліка Беларусь", "BY"],
    ["Россия", "RU"],
    ["Russia", "RU"],
    ["RU", "RU"],
    ["РФ", "RU"],
    ["Расія", "RU"],
    ["Российская Федерация", "RU"],
  ])("country %j → %s", (country, expected) => {
    expect(ok({ country }).country).toBe(expected);
  });

  test("bad country", () => {
    expect(errorOf({ country: "Украина" })).toMatchObject({
      field: "country",
      messageKey: "import.row.badCountry",
      params: { value: "Украина" },
    });
  });

  test.each([
    ["под следствием", "pretrial"],
    ["До суда", "pretrial"],
    ["pretrial", "pretrial"],
    ["Pre-trial", "pretrial"],
    ["SIZO", "pretrial"],
    ["СИЗО", "pretrial"],
    ["пад следствам", "pretrial"],
    ["задержана", "pretrial"],
    ["затрыманы", "pretrial"],
    ["осужден", "convicted"],
    ["Осуждён(а)", "convicted"],
    ["осуждена", "convicted"],
    ["асуджаны", "convicted"],
    ["асуджаная", "convicted"],
    ["convicted", "convicted"],
    ["Sentenced", "convicted"],
    ["освобожден", "released"],
    ["освобождена", "released"],
    ["Освобождён(а)", "released"],
    ["вызвалены", "released"],
    ["вызваленая", "released"],
    ["released", "released"],
    ["помилован", "released"],
    ["памілаваная", "released"],
    ["неизвестно", "unknown"],
    ["невядома", "unknown"],
    ["Unknown", "unknown"],
  ])("status %j → %s", (status, expected) => {
    expect(ok({ status }).status).toBe(expected);
  });

  test("an unknown status word is not an error: it waits for a person to map it", () => {
    const result = row({ fullName: "Иванов Иван Иванович", status: "В бегах" });
    expect(result.errors).toEqual([]);
    expect(result.row).toMatchObject({
      status: null,
      unknownValues: [{ field: "status", key: "в бегах", text: "В бегах" }],
    });
    const mapped = normalizeRow(
      { line: 2, cells: { fullName: "Иванов Иван Иванович", status: "в бегах" } },
      { fullName: "fullName", status: "status" },
      { status: { "в бегах": "at_liberty" } },
    );
    expect(mapped.row).toMatchObject({ status: "at_liberty", unknownValues: [] });
  });

  test.each([
    ["инвалидность", ["disability"]],
    ["Інваліднасць", ["disability"]],
    ["disability", ["disability"]],
    ["тяжелое заболевание", ["serious_illness"]],
    ["цяжкая хвароба", ["serious_illness"]],
    ["Serious illness", ["serious_illness"]],
    ["пенсионер", ["elderly"]],
    ["пожилой возраст", ["elderly"]],
    ["пенсіянер", ["elderly"]],
    ["elderly", ["elderly"]],
    ["несовершеннолетний", ["minor"]],
    ["непаўналетні", ["minor"]],
    ["minor", ["minor"]],
    ["многодетный родитель", ["large_family_parent"]],
    ["шматдзетная маці", ["large_family_parent"]],
    ["parent of a large family", ["large_family_parent"]],
    ["другое", ["other"]],
    ["іншае", ["other"]],
    ["Other", ["other"]],
    ["инвалидность, пенсионер; многодетный", ["disability", "elderly", "large_family_parent"]],
    ["інваліднасць і пенсіянер", ["disability", "elderly"]],
    ["disability / elderly / disability", ["disability", "elderly"]],
    ["да", ["other"]],
    ["нет", []],
    ["-", []],
    ["н/д", null],
  ])("humanitarian reasons %j", (humanitarianReasons, expected) => {
    expect(ok({ humanitarianReasons }).humanitarianReasons).toEqual(expected);
  });

  test("an unknown humanitarian reason is an error that never repeats the text", () => {
    const error = errorOf({ humanitarianReasons: "инвалидность, онкология 4 стадии" });
    expect(error).toEqual({
      line: 2,
      field: "humanitarianReasons",
      messageKey: "import.row.badReason",
      params: { position: 2 },
    });
    expect(JSON.stringify(error)).not.toContain("онкология");
    expect(translate("en", error.messageKey, error.params)).toMatch(
      /no\. 2 .*Only categories are accepted.*Never enter medical details/,
    );
  });

  test.each([
    ["да", true],
    ["Да", true],
    ["так", true],
    ["yes", true],
    ["TRUE", true],
    ["1", true],
    ["+", true],
    ["x", true],
    ["нет", false],
    ["не", false],
    ["no", false],
    ["false", false],
    ["0", false],
    ["-", false],
    ["FALSE", false],
  ])("flag %j → %s", (value, expected) => {
    const result = ok({ incommunicado: value, doNotWrite: value, relativesOnly: value });
    expect([result.incommunicado, result.doNotWrite, result.relativesOnly]).toEqual([expected, expected, expected]);
  });

  test("bad flag", () => {
    expect(errorOf({ doNotWrite: "maybe" })).toEqual({
      line: 2,
      field: "doNotWrite",
      messageKey: "import.row.badFlag",
      params: { value: "maybe" },
    });
  });

  test("free text stays text; placeholders become null", () => {
    const result = ok({ externalId: "  A-17 ", articles: "=342+1", sentence: "-", notes: "Line one\nline two" });
    expect(result).toMatchObject({
      externalId: "A-17",
      articles: "=342+1",
      sentence: null,
      notes: "Line one\nline two",
    });
    expect(ok({ externalId: "н/д", articles: "?" })).toMatchObject({ externalId: null, articles: null });
  });

  test("all errors of a row are reported together, with the row's line", () => {
    const result = normalizeRow(
      { line: 9, cells: { n: "Иванов", g: "q", d: "31.02.2000" } },
      { n: "fullName", g: "gender", d: "birthDate" },
    );
    expect(result.row).toBeNull();
    expect(result.errors.map((e) => [e.line, e.field, e.messageKey])).toEqual([
      [9, "fullName", "import.row.nameIncomplete"],
      [9, "birthDate", "import.row.badBirthDate"],
      [9, "gender", "import.row.badGender"],
    ]);
  });

  test("ignored columns, missing cells and two columns for one field", () => {
    const result = normalizeRow(
      { line: 3, cells: { a: "Иванов Иван", b: "", c: "1980", junk: "=evil()" } },
      // "toString" is not a cell of this row: it must not read Object.prototype.toString.
      Object.fromEntries([
        ["a", "fullName"],
        ["b", "birthDate"],
        ["c", "birthDate"],
        ["junk", null],
        ["absent", "notes"],
        ["toString", "articles"],
      ]) as ColumnMapping,
    );
    expect(result.errors).toEqual([]);
    expect(result.row).toMatchObject({ birthDate: "1980-01-01", notes: null, articles: null });
  });
});

describe("facility", () => {
  test.each([
    ["ул. Володарского, 2, 220030 г. Минск", { street: "ул. Володарского, 2", city: "Минск", postcode: "220030" }],
    ["220030, г. Минск, ул. Володарского, 2", { street: "ул. Володарского, 2", city: "Минск", postcode: "220030" }],
    ["220030 Минск, ул. Володарского, 2", { street: "ул. Володарского, 2", city: "Минск", postcode: "220030" }],
    [
      "222163, Минская обл., г.Жодино, ул. Советская, 22а",
      { street: "ул. Советская, 22а", city: "Жодино", postcode: "222163" },
    ],
    [
      "107076, г. Москва, ул. Матросская Тишина, д. 18",
      { street: "ул. Матросская Тишина, д. 18", city: "Москва", postcode: "107076" },
    ],
    [
      "ул. Антошкина, 3, Гомель, 246035, Республика Беларусь",
      { street: "ул. Антошкина, 3", city: "Гомель", postcode: "246035" },
    ],
    ["вул. Кальварыйская, 36, 220073, Мінск", { street: "вул. Кальварыйская, 36", city: "Мінск", postcode: "220073" }],
    ["ул. Володарского, 2", { street: "ул. Володарского, 2", city: null, postcode: null }],
    ["г. Минск", { street: null, city: "Минск", postcode: null }],
  ])("address %j", (address, expected) => {
    expect(splitAddress(address)).toEqual(expected);
  });

  test("name, address, type inferred from the name", () => {
    expect(ok({ facility: "СИЗО №1", facilityAddress: "220030, г. Минск, ул. Володарского, 2" }).facility).toEqual({
      name: "СИЗО №1",
      street: "ул. Володарского, 2",
      city: "Минск",
      postcode: "220030",
      type: "sizo",
      number: "1",
      district: null,
      region: null,
      identityKey: "sizo|1|minsk",
    });
  });

  test("separate city and postcode columns win over the address", () => {
    expect(
      ok({
        facility: "ИК-15",
        facilityAddress: "ул. Северная, 1",
        facilityCity: "г. Могилёв",
        facilityPostcode: "212 013",
      }).facility,
    ).toMatchObject({
      name: "ИК-15",
      street: "ул. Северная, 1",
      city: "Могилёв",
      postcode: "212013",
      type: "colony",
      number: "15",
    });
  });

  test("an address inside the facility cell is split out", () => {
    expect(ok({ facility: "СИЗО №1 (220030, г. Минск, ул. Володарского, 2)" }).facility).toMatchObject({
      name: "СИЗО №1",
      street: "ул. Володарского, 2",
      city: "Минск",
      postcode: "220030",
      type: "sizo",
    });
    expect(ok({ facility: "ИК №4, 246035, г. Гомель, ул. Антошкина, 3" }).facility).toMatchObject({
      name: "ИК №4",
      street: "ул. Антошкина, 3",
      city: "Гомель",
      postcode: "246035",
      type: "colony",
    });
  });

  test("a facility without address", () => {
    expect(ok({ facility: "  Тюрьма   №8  " }).facility).toEqual({
      name: "Тюрьма №8",
      street: null,
      city: null,
      postcode: null,
      type: "prison",
      number: "8",
      district: null,
      region: null,
      identityKey: "prison|8|",
    });
    const unknownType = ok({ facility: "Нейкая ўстанова" });
    expect(unknownType.facility?.type).toBeNull();
    expect(unknownType.unknownValues).toEqual([
      { field: "facilityType", key: "нейкая ўстанова", text: "Нейкая ўстанова" },
    ]);
  });

  test("the type column wins over the name", () => {
    expect(ok({ facility: "Тюрьма №8", facilityType: "СИЗО" }).facility?.type).toBe("sizo");
    // At home is no facility: the situation says it.
    expect(ok({ facility: "Домашний арест", facilityType: "home_confinement" })).toMatchObject({
      facility: null,
      status: "house_arrest",
    });
  });

  test.each([
    ["СИЗО №1", "sizo"],
    ["СІЗА №1 г. Мінска", "sizo"],
    ["SIZO-1 Minsk", "sizo"],
    ["Следственный изолятор №7", "sizo"],
    ["ИК-4", "colony"],
    ["ИК №15", "colony"],
    ["Исправительная колония №2", "colony"],
    ["Папраўчая калонія №17", "colony"],
    ["Penal colony IK-1", "colony"],
    ["Колония-поселение №6", "colony"],
    ["Воспитательная колония №2", "juvenile_colony"],
    ["ВК №2", "juvenile_colony"],
    ["Выхаваўчая калонія №2", "juvenile_colony"],
    ["Тюрьма №4", "prison"],
    ["Турма №1 Гродна", "prison"],
    ["Prison No. 8", "prison"],
    ["ИУОТ №49", "open_institution"],
    ["Исправительное учреждение открытого типа №24", "open_institution"],
    ["Домашний арест", "home_confinement"],
    ["Хатні арышт", "home_confinement"],
    ["house arrest", "home_confinement"],
    ["ИВС Фрунзенского РУВД", "police_jail"],
    ["ЦИП г. Минска", "police_jail"],
    ["Изолятор временного содержания", "police_jail"],
    ["CИЗО №1", "sizo"], // Latin C
    ["Больница", null],
    ["Пикник", null],
    ["Викинг", null],
  ])("type of %j is %s", (name, type) => {
    expect(inferFacilityType(name)).toBe(type);
  });

  test("an unknown facility type waits for a mapping, which then applies", () => {
    const unknownType = ok({ facility: "Лагерь №4", facilityType: "лагерь" });
    expect(unknownType.facility?.type).toBeNull();
    expect(unknownType.unknownValues).toEqual([{ field: "facilityType", key: "лагерь", text: "лагерь" }]);
    const mapped = normalizeRow(
      { line: 2, cells: { fullName: "Иванов Иван", facility: "Лагерь №4", facilityType: "Лагерь" } },
      { fullName: "fullName", facility: "facility", facilityType: "facilityType" },
      { facilityType: { лагерь: "colony" } },
    );
    expect(mapped.row?.facility).toMatchObject({ type: "colony", number: "4", identityKey: "colony|4|" });
    expect(mapped.row?.unknownValues).toEqual([]);
  });

  test("bad postcode", () => {
    expect(errorOf({ facility: "ИК-4", facilityPostcode: "2460" })).toMatchObject({
      field: "facilityPostcode",
      messageKey: "import.row.badPostcode",
      params: { value: "2460" },
    });
  });

  test("an address without a facility", () => {
    expect(errorOf({ facilityAddress: "ул. Володарского, 2" })).toEqual({
      line: 2,
      field: "facility",
      messageKey: "import.row.facilityMissing",
    });
  });
});

describe("messages", () => {
  test("every row error key reads well in every language", () => {
    const keys: MessageKey[] = [
      "import.row.nameMissing",
      "import.row.nameIncomplete",
      "import.row.nameInvalid",
      "import.row.badBirthDate",
      "import.row.badDetainedOn",
      "import.row.futureDate",
      "import.row.dateTooEarly",
      "import.row.badGender",
      "import.row.badCountry",
      "import.row.badStatus",
      "import.row.badReason",
      "import.row.badFlag",
      "import.row.badFacilityType",
      "import.row.badPostcode",
      "import.row.facilityMissing",
    ];
    for (const key of keys) {
      for (const locale of ["en", "ru", "be"] as const) {
        expect(translate(locale, key, { value: "v", position: 1 })).not.toMatch(/[{}]/);
      }
    }
    expect(translate("en", "import.row.badBirthDate", { value: "32.01.1980" })).toBe(
      "Date of birth “32.01.1980” is not a date. Use dd.mm.yyyy, yyyy-mm-dd or a year.",
    );
  });

  test("IMPORT_FIELDS is the documented list", () => {
    expect(IMPORT_FIELDS).toHaveLength(31);
  });
});

describe("dates that say they are unknown", () => {
  test.each(["unknown", "Unknown", "неизвестно", "невядома", "нет данных"])("%j is no date and no error", (value) => {
    expect(ok({ birthDate: value, detainedOn: value, verdictOn: value, diedOn: value })).toMatchObject({
      birthDate: null,
      detainedOn: null,
      verdictOn: null,
      diedOn: null,
    });
  });

  test("a bad verdict date is an error with its own message", () => {
    expect(errorOf({ verdictOn: "когда-то" })).toEqual({
      line: 2,
      field: "verdictOn",
      messageKey: "import.row.badDate",
      params: { value: "когда-то" },
    });
    expect(translate("ru", "import.row.badDate", { value: "x" })).toContain("«x»");
  });
});

describe("the person's situation", () => {
  test.each([
    ["active", "pretrial"],
    ["Political prisoner", "pretrial"],
    ["в заключении", "pretrial"],
    ["под стражей", "pretrial"],
    ["лишен/а свободы", "pretrial"],
    ["лишена свободы", "pretrial"],
    ["осуждён", "convicted"],
    ["осуждена", "convicted"],
    ["former", "released"],
    ["Former political prisoner\nRecognized ex post facto", "released"],
    ["Бывший политзаключенный\nПризнан постфактум", "released"],
    ["освобождён", "released"],
    ["Освобождена", "released"],
    ["помилован(а)", "released"],
    ["вызвалены", "released"],
    ["на химии", "open_institution"],
    ["домашняя химия", "restricted_at_home"],
    ["под домашним арестом", "house_arrest"],
    ["не лишен/а свободы", "at_liberty"],
    ["не лишена свободы", "at_liberty"],
    ["нет информации", "unknown"],
    ["умер(ла) в заключении", "deceased"],
    ["умерла в заключении", "deceased"],
    ["смерть в заключении", "deceased"],
    ["смерть под следствием", "deceased"],
    ["смерть при задержании", "deceased"],
  ])("status %j → %s", (status, expected) => {
    expect(ok({ status }).status).toBe(expected);
  });

  test.each(["np", "NP", "нет фигуранта"])("%j: the list says the person is not for the registry", (status) => {
    expect(row({ fullName: "Иванов Иван", status })).toEqual({ row: null, errors: [], skipped: "not-recognised" });
  });

  test.each([
    ["лишение свободы", {}, "pretrial"],
    ["лишение свободы", { verdictOn: "01.02.2023" }, "convicted"],
    ["лишение свободы", { facility: "ИК-2 г. Бобруйск" }, "convicted"],
    ["лишение свободы", { facility: "СИЗО-1 г. Минск" }, "pretrial"],
    ["лишение свободы", { facility: "СИЗО-1 г. Минск", verdictOn: "01.02.2023" }, "convicted"],
    ["ограничение свободы с направлением в исправительное учреждение открытого типа", {}, "open_institution"],
    ["ограничение свободы без направления в исправительное учреждение открытого типа", {}, "restricted_at_home"],
    ["ограничение свободы", { facility: "ИУОТ №2 г. Могилёв" }, "open_institution"],
    ["ограничение свободы", {}, "restricted_at_home"],
    ["домашний арест", {}, "house_arrest"],
    ["штраф", {}, "at_liberty"],
    ["Fine", {}, "at_liberty"],
    ["принудительное лечение", {}, "compulsory_treatment"],
    ["лишение свободы", { facility: "находится на свободе до начала отбывания наказания" }, "at_liberty"],
    ["лишение свободы", { facility: "освобожден(а)" }, "released"],
  ] as const)("active + penalty %j + %j → %s", (penalty, extra, expected) => {
    expect(ok({ status: "active", penalty, ...extra }).status).toBe(expected);
  });

  test("without a status column the facility and penalty still tell the situation", () => {
    expect(ok({ facility: "ИК-4" }).status).toBe("convicted");
    expect(ok({ facility: "СИЗО №1" }).status).toBe("pretrial");
    expect(ok({ penalty: "домашний арест" }).status).toBe("house_arrest");
    expect(ok({}).status).toBeNull();
  });

  test("a death date makes the person deceased, whatever the status says", () => {
    expect(ok({ status: "active", diedOn: "14.02.2024", facility: "ИК-3" })).toMatchObject({
      status: "deceased",
      diedOn: "2024-02-14",
    });
    expect(ok({ status: "active", diedOn: "да" })).toMatchObject({ status: "deceased", diedOn: null });
  });

  test("a release has a date and a kind only when the person is released", () => {
    expect(ok({ status: "former", releasedOn: "03.07.2024", notes: "помилован указом" })).toMatchObject({
      status: "released",
      releasedOn: "2024-07-03",
      releaseKind: "pardon",
    });
    // An active prisoner's release date is the end of the term.
    expect(ok({ status: "active", releasedOn: "01.01.2031" })).toMatchObject({ releasedOn: null, releaseKind: null });
    expect(ok({ status: "освобожден", releaseKind: "что-то иное" }).releaseKind).toBe("other");
    // Without a release-date column, a date in the facility cell.
    expect(ok({ status: "former", facility: "освобождена 15.05.2023 по амнистии" })).toMatchObject({
      status: "released",
      releasedOn: "2023-05-15",
      releaseKind: "amnesty",
      facility: null,
    });
  });

  test.each([
    ["помилован", "pardon"],
    ["Pardoned by decree", "pardon"],
    ["освобождена по амнистии", "amnesty"],
    ["УДО", "parole"],
    ["условно-досрочно", "parole"],
    ["released on parole", "parole"],
    ["отбыл срок", "sentence_served"],
    ["обмен заключенными", "exchange_or_deportation"],
    ["депортирован в Литву", "exchange_or_deportation"],
    ["выслан из страны", "exchange_or_deportation"],
    ["оправдан", "acquittal"],
    ["дело прекращено", "acquittal"],
    ["ушёл", null],
  ])("release kind of %j is %s", (text, kind) => {
    expect(releaseKindOf(text)).toBe(kind);
  });

  test("foldValue is the mapping key: case, ё, punctuation and gender endings do not matter", () => {
    expect(foldValue("  В бегах! ")).toBe("в бегах");
    expect(foldValue("Осуждён(а)")).toBe(foldValue("осужден"));
  });
});

describe("can-write, interests, penalty, articles", () => {
  test("can_write", () => {
    expect(ok({ canWrite: "false" }).canWrite).toBe(false);
    expect(ok({ canWrite: "true" }).canWrite).toBe(true);
    expect(ok({}).canWrite).toBeNull();
    expect(errorOf({ canWrite: "иногда" })).toMatchObject({ field: "canWrite", messageKey: "import.row.badFlag" });
  });

  test("interests: one per line, trimmed, empty dropped, at most 200 characters each", () => {
    expect(ok({ interests: " книги \n\nшахматы\n" + "я".repeat(250) }).interests).toEqual([
      "книги",
      "шахматы",
      "я".repeat(200),
    ]);
  });

  test("articles on several lines are joined; the penalty is kept as written", () => {
    expect(ok({ articles: "ч. 1 ст. 342 УК\n ст. 130 УК ", penalty: "Лишение  свободы" })).toMatchObject({
      articles: "ч. 1 ст. 342 УК; ст. 130 УК",
      penalty: "Лишение свободы",
    });
  });

  test("the facility region column fills the region when the address has none", () => {
    expect(ok({ facility: "ИК-6 г. Омск", facilityRegion: "Омская область" }).facility).toMatchObject({
      region: "Омская область",
      city: "Омск",
    });
  });
});

describe("mergeCaseRows", () => {
  const base = (line: number, cells: Partial<Record<ImportField, string>>): ImportRow => ({ ...ok(cells), line });

  test("same external id: one row; articles joined without repeats; earliest detention, latest verdict, most recent facility", () => {
    const rows = [
      base(2, {
        externalId: "7",
        articles: "ст. 342",
        detainedOn: "01.01.2021",
        verdictOn: "01.06.2021",
        facility: "ИК-2 г. Бобруйск",
        status: "осужден",
      }),
      base(3, { externalId: "8", fullName: "Петров Пётр" }),
      base(4, {
        externalId: "7",
        articles: "ст. 130; ст. 342",
        detainedOn: "01.01.2024",
        facility: "СИЗО-1 г. Минск",
        status: "под стражей",
      }),
    ];
    const { rows: merged, merged: lines } = mergeCaseRows(rows);
    expect(lines).toEqual([{ line: 4, into: 2 }]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      line: 2,
      articles: "ст. 342; ст. 130",
      detainedOn: "2021-01-01",
      verdictOn: "2021-06-01",
      status: "pretrial",
      facility: { name: "СИЗО-1" },
    });
  });

  test("same name keys and date of birth, across spellings; a different birth date is another person", () => {
    const rows = [
      base(2, { fullName: "Кастусёў Рыгор", birthDate: "17.02.1957", articles: "ст. 357" }),
      base(3, { fullName: "Костусев Григорий", birthDate: "1957-02-17", articles: "ст. 361-1" }),
      base(4, { fullName: "Костусев Григорий", birthDate: "1960-02-17", articles: "ст. 130" }),
      base(5, { fullName: "Костусев Григорий", articles: "ст. 130" }),
    ];
    const { rows: merged, merged: lines } = mergeCaseRows(rows);
    expect(lines).toEqual([{ line: 3, into: 2 }]);
    expect(merged.map((row) => row.line)).toEqual([2, 4, 5]);
    expect(merged[0].articles).toBe("ст. 357; ст. 361-1");
  });

  test("a death in any case makes the person deceased", () => {
    const rows = [
      base(2, { externalId: "9", status: "умер в заключении", detainedOn: "01.01.2020" }),
      base(3, { externalId: "9", status: "осужден", detainedOn: "01.01.2019" }),
    ];
    expect(mergeCaseRows(rows).rows[0].status).toBe("deceased");
  });
});
