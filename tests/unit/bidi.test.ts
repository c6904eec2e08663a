import { describe, expect, test } from "vitest";
import { hasBidiControls, stripBidiControls } from "#app/names/bidi.ts";

describe("bidi controls in names", () => {
  test.each([
    ["right-to-left override", "\u202EІваноў\u202C", "Іваноў"],
    ["left-to-right override", "Пётр\u202D Сидоров", "Пётр Сидоров"],
    ["embeddings", "\u202AКасцюсёў\u202B Рыгор\u202C", "Касцюсёў Рыгор"],
    ["isolates", "\u2066Лосік\u2069 \u2067Ігар\u2069 \u2068x\u2069", "Лосік Ігар x"],
    ["direction marks", "Ivanov\u200E\u200F\u061C", "Ivanov"],
  ])("%s are removed", (_kind, input, expected) => {
    expect(hasBidiControls(input)).toBe(true);
    expect(stripBidiControls(input)).toBe(expected);
    expect(hasBidiControls(stripBidiControls(input))).toBe(false);
  });

  test("ordinary text, Arabic or Hebrew letters included, is left as it is", () => {
    for (const text of ["Іваноўская Алена Пятроўна", "O'Brien-Smith", "محمد", "דוד", "ул. Ленина, 1"]) {
      expect(hasBidiControls(text)).toBe(false);
      expect(stripBidiControls(text)).toBe(text);
    }
  });
});

describe("imported lists", () => {
  test("bidi controls are removed from every cell and header of a CSV or JSON list", async () => {
    const { parseImportFile } = await import("#app/imports/parse.server.ts");
    const csv = new TextEncoder().encode("ФИО;Адрес\u202E\n\u202EўонавІ\u202C Пётр;\u2066ул. Ленина, 1\u2069\n");
    const fromCsv = await parseImportFile(csv, { fileName: "list.csv" });
    expect(fromCsv.headers).toEqual(["ФИО", "Адрес"]);
    expect(fromCsv.rows[0].cells).toEqual({ ФИО: "ўонавІ Пётр", Адрес: "ул. Ленина, 1" });

    const json = new TextEncoder().encode(JSON.stringify([{ "ФИО\u200F": "\u202DЛосік Ігар\u202C " }]));
    const fromJson = await parseImportFile(json, { fileName: "list.json" });
    expect(fromJson.headers).toEqual(["ФИО"]);
    expect(fromJson.rows[0].cells).toEqual({ ФИО: "Лосік Ігар" });
  });
});

describe("names coordinators add", () => {
  test("bidi controls are removed, and a name made only of them is refused as empty", async () => {
    const { addNameSchema } = await import("#app/schemas/prisoners.ts");
    expect(
      addNameSchema.parse({
        script: "cyrillic_ru",
        surname: "\u202EвонавИ\u202C",
        givenName: " Пётр\u200F",
        patronymic: "\u2067Сергеевич\u2069",
      }),
    ).toEqual({
      script: "cyrillic_ru",
      surname: "вонавИ",
      givenName: "Пётр",
      patronymic: "Сергеевич",
    });
    expect(
      addNameSchema.safeParse({ script: "latin", surname: "\u202E", givenName: "Petr" }).error?.issues[0].message,
    ).toBe("validation.required");
  });
});
