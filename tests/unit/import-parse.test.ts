import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { detectFormat, ImportFileError, MAX_IMPORT_BYTES, parseImportFile } from "#app/imports/parse.server.ts";
import { recognizeColumns, recognizeHeader } from "#app/imports/columns.ts";
import { translate } from "#app/i18n/i18n.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** Windows-1251 encoder built from the platform's decoder. */
const CP1251 = (() => {
  const decoder = new TextDecoder("windows-1251");
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return (text: string) =>
    new Uint8Array(
      [...text].map((char) => {
        const byte = table.get(char);
        if (byte === undefined) throw new Error(`not in windows-1251: ${char}`);
        return byte;
      }),
    );
})();

async function fileError(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error("expected an ImportFileError");
}

async function xlsx(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Список");
  build(sheet, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("detectFormat", () => {
  const bytes = utf8("a,b\n1,2");
  test.each([
    ["text/csv", "csv"],
    ["text/csv; charset=utf-8", "csv"],
    ["application/json", "json"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  ])("content type %s → %s", (contentType, format) => {
    expect(detectFormat({ contentType, fileName: "list.txt", bytes })).toBe(format);
  });

  test.each([
    ["list.CSV", "csv"],
    ["list.tsv", "csv"],
    ["list.json", "json"],
    ["Список политзаключённых.xlsx", "xlsx"],
  ])("extension %s → %s when the content type says nothing useful", (fileName, format) => {
    expect(detectFormat({ contentType: "application/octet-stream", fileName, bytes })).toBe(format);
    expect(detectFormat({ contentType: "application/vnd.ms-excel", fileName, bytes })).toBe(format);
  });

  test("sniffs the bytes when neither helps", () => {
    expect(detectFormat({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) })).toBe("xlsx");
    expect(detectFormat({ bytes: utf8('  \n[{"a":1}]') })).toBe("json");
    expect(detectFormat({ bytes: withBom('{"prisoners":[]}') })).toBe("json");
    expect(detectFormat({ fileName: "upload", bytes: utf8("ФИО;Дата") })).toBe("csv");
    expect(detectFormat({ fileName: null, contentType: null, bytes: new Uint8Array() })).toBe("csv");
  });
});

describe("CSV", () => {
  test("BOM, semicolons, Cyrillic headers, CRLF, a quoted newline and blank lines keep true line numbers", async () => {
    const text = [
      "ФИО;Дата рождения;Место заключения", // 1
      "", // 2
      "Иванов Иван Иванович;01.02.1980;ИК №4", // 3
      '"Петрова Анна";1975;"СИЗО №1', // 4
      'г. Минск"', // 5
      "", // 6
      " ; ; ", // 7: only empty cells
      "", // 8
      "Сидоров Пётр;;  тюрьма №8  ", // 9
    ].join("\r\n");
    const parsed = await parseImportFile(withBom(text), { fileName: "list.csv", contentType: "text/csv" });
    expect(parsed).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ";" });
    expect(parsed.headers).toEqual(["ФИО", "Дата рождения", "Место заключения"]);
    expect(parsed.rows).toEqual([
      { line: 3, cells: { ФИО: "Иванов Иван Иванович", "Дата рождения": "01.02.1980", "Место заключения": "ИК №4" } },
      { line: 4, cells: { ФИО: "Петрова Анна", "Дата рождения": "1975", "Место заключения": "СИЗО №1\nг. Минск" } },
      { line: 9, cells: { ФИО: "Сидоров Пётр", "Дата рождения": "", "Место заключения": "тюрьма №8" } },
    ]);
  });

  test("line numbers after several multi-line records and leading blank lines", async () => {
    const text = '\n\nname,notes\n"A B","one\n\ntwo"\n\n"C D","x"\n"E F","1\n2\n3"\nG H,last';
    const parsed = await parseImportFile(utf8(text), { fileName: "x.csv" });
    expect(parsed.rows.map((row) => [row.line, row.cells.name])).toEqual([
      [4, "A B"],
      [8, "C D"],
      [9, "E F"],
      [12, "G H"],
    ]);
    expect(parsed.rows[0].cells.notes).toBe("one\n\ntwo");
  });

  test("Windows-1251 is detected and decoded", async () => {
    const text = "Прозвішча;Імя;Дата нараджэння\r\nКастусёў;Рыгор;1957\r\nБяляцкі;Алесь;25.09.1962\r\n";
    const parsed = await parseImportFile(CP1251(text), { fileName: "spis.csv" });
    expect(parsed.encoding).toBe("windows-1251");
    expect(parsed.delimiter).toBe(";");
    expect(parsed.headers).toEqual(["Прозвішча", "Імя", "Дата нараджэння"]);
    expect(parsed.rows[0]).toEqual({
      line: 2,
      cells: { Прозвішча: "Кастусёў", Імя: "Рыгор", "Дата нараджэння": "1957" },
    });
    expect(parsed.rows[1].cells.Прозвішча).toBe("Бяляцкі");
  });

  test("UTF-8 without BOM", async () => {
    const parsed = await parseImportFile(utf8("Імя,Прозвішча\nМарыя,Калеснікава\n"), { fileName: "a.csv" });
    expect(parsed.encoding).toBe("utf-8");
    expect(parsed.delimiter).toBe(",");
    expect(parsed.rows[0].cells).toEqual({ Імя: "Марыя", Прозвішча: "Калеснікава" });
  });

  test("tab-separated", async () => {
    const parsed = await parseImportFile(utf8("Name\tDate of birth\tNotes\nAles Bialiatski\t25.09.1962\ta, b; c\n"), {
      fileName: "list.tsv",
    });
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.rows[0].cells).toEqual({ Name: "Ales Bialiatski", "Date of birth": "25.09.1962", Notes: "a, b; c" });
  });

  test("delimiters inside quoted header cells are ignored when detecting", async () => {
    const parsed = await parseImportFile(utf8('"Фамилия; Имя";"Статьи, УК"\nИванов Иван;342\n'), { fileName: "a.csv" });
    expect(parsed.delimiter).toBe(";");
    expect(parsed.headers).toEqual(["Фамилия; Имя", "Статьи, УК"]);
    const commas = await parseImportFile(utf8('"Name; full",Articles;x,Notes\n"A; B",342,n\n'), { fileName: "a.csv" });
    expect(commas.delimiter).toBe(",");
    expect(commas.headers).toEqual(["Name; full", "Articles;x", "Notes"]);
  });

  test("Excel's sep= hint line is honoured and still counted", async () => {
    const parsed = await parseImportFile(utf8("sep=,\nФИО,Статья;УК\nИванов Иван,342;1\n"), { fileName: "a.csv" });
    expect(parsed.delimiter).toBe(",");
    expect(parsed.headers).toEqual(["ФИО", "Статья;УК"]);
    expect(parsed.rows[0].line).toBe(3);
  });

  test("formula-like cells are kept verbatim as text", async () => {
    const parsed = await parseImportFile(
      utf8('name;notes\nA B;=1+1\nC D;"=HYPERLINK(""http://x"",""y"")"\nE F;+375 29\nG H;@SUM(A1)\nI J;-5\n'),
      {
        fileName: "a.csv",
      },
    );
    expect(parsed.rows.map((row) => row.cells.notes)).toEqual([
      "=1+1",
      '=HYPERLINK("http://x","y")',
      "+375 29",
      "@SUM(A1)",
      "-5",
    ]);
  });

  test("short rows are padded, extra data gets a column name, empty trailing columns are dropped", async () => {
    const parsed = await parseImportFile(utf8("a;b;;\n1\n2;3;4;\n"), { fileName: "a.csv" });
    expect(parsed.headers).toEqual(["a", "b", "Column 3"]);
    expect(parsed.rows).toEqual([
      { line: 2, cells: { a: "1", b: "", "Column 3": "" } },
      { line: 3, cells: { a: "2", b: "3", "Column 3": "4" } },
    ]);
  });

  test("stray quotes inside a field are tolerated", async () => {
    const parsed = await parseImportFile(utf8('name,facility\nA B,ИК "Витьба" №3\n'), { fileName: "a.csv" });
    expect(parsed.rows[0].cells.facility).toBe('ИК "Витьба" №3');
  });

  test("a header named like an Object property is an ordinary key", async () => {
    const parsed = await parseImportFile(utf8("__proto__,constructor\nx,y\n"), { fileName: "a.csv" });
    expect(Object.keys(parsed.rows[0].cells)).toEqual(["__proto__", "constructor"]);
    expect(parsed.rows[0].cells["__proto__"]).toBe("x");
    expect(Object.getPrototypeOf(parsed.rows[0].cells)).toBe(Object.prototype);
  });

  test("a header without data rows parses to no rows", async () => {
    const parsed = await parseImportFile(utf8("ФИО;Статья\r\n\r\n"), { fileName: "a.csv" });
    expect(parsed.headers).toEqual(["ФИО", "Статья"]);
    expect(parsed.rows).toEqual([]);
  });

  test("UTF-16 (Excel's Unicode text) is decoded", async () => {
    const text = "ФИО\tГод рождения\r\nИванов Иван\t1970\r\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const parsed = await parseImportFile(bytes, { fileName: "list.txt" });
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.rows[0].cells).toEqual({ ФИО: "Иванов Иван", "Год рождения": "1970" });
  });
});

describe("XLSX", () => {
  test("first sheet, header in the first non-empty row, formulas as text, dates, numbers, rich text, hyperlinks", async () => {
    const bytes = await xlsx((sheet, workbook) => {
      sheet.getCell("B3").value = "ФИО";
      sheet.getCell("C3").value = "Дата рождения";
      sheet.getCell("D3").value = "ID";
      sheet.getCell("E3").value = "Примечание";
      sheet.getCell("F3").value = "Сайт";
      sheet.getCell("G3").value = "Flag";
      sheet.getCell("B4").value = { richText: [{ text: "Иванов " }, { font: { bold: true }, text: "Иван" }] };
      sheet.getCell("C4").value = new Date(Date.UTC(1980, 1, 29));
      sheet.getCell("D4").value = 42;
      sheet.getCell("E4").value = { formula: "1+1", result: 2 };
      sheet.getCell("F4").value = { text: "spring96.org", hyperlink: "https://spring96.org" };
      sheet.getCell("G4").value = true;
      sheet.getCell("B6").value = "  Петрова Анна  ";
      sheet.getCell("D6").value = 0.1 + 0.2;
      sheet.getCell("E6").value = "=2+2";
      sheet.getCell("E7").value = { formula: 'HYPERLINK("http://evil.example","x")', result: "x" };
      sheet.getCell("B7").value = "Сидоров Пётр";
      workbook.addWorksheet("Second").getCell("A1").value = "ignored";
    });
    const parsed = await parseImportFile(bytes, { fileName: "list.xlsx" });
    expect(parsed).toMatchObject({ format: "xlsx", encoding: null, delimiter: null });
    expect(parsed.headers).toEqual(["ФИО", "Дата рождения", "ID", "Примечание", "Сайт", "Flag"]);
    expect(parsed.rows).toEqual([
      {
        line: 4,
        cells: {
          ФИО: "Иванов Иван",
          "Дата рождения": "1980-02-29",
          ID: "42",
          Примечание: "=1+1",
          Сайт: "spring96.org",
          Flag: "TRUE",
        },
      },
      {
        line: 6,
        cells: { ФИО: "Петрова Анна", "Дата рождения": "", ID: "0.3", Примечание: "=2+2", Сайт: "", Flag: "" },
      },
      {
        line: 7,
        cells: {
          ФИО: "Сидоров Пётр",
          "Дата рождения": "",
          ID: "",
          Примечание: '=HYPERLINK("http://evil.example","x")',
          Сайт: "",
          Flag: "",
        },
      },
    ]);
  });

  test("a shared formula comes out as its own formula text, never its cached result", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(["name", "calc"]);
      sheet.addRow(["A B", { formula: "1+1", result: 2, shareType: "shared", ref: "B2:B3" }]);
      sheet.addRow(["C D", { sharedFormula: "B2", result: 2 }]);
    });
    const parsed = await parseImportFile(bytes, { fileName: "x.xlsx" });
    expect(parsed.rows.map((row) => row.cells.calc)).toEqual(["=1+1", "=1+1"]);
  });

  test("merged header cells name one column; merged data cells repeat their value", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(["ФИО", "Место заключения", ""]);
      sheet.mergeCells("B1:C1");
      sheet.addRow(["Иванов Иван", "ИК №4", ""]);
      sheet.addRow(["Петров Пётр", "", ""]);
      sheet.mergeCells("B2:B3");
    });
    const parsed = await parseImportFile(bytes, { fileName: "x.xlsx" });
    expect(parsed.headers).toEqual(["ФИО", "Место заключения"]);
    expect(parsed.rows.map((row) => row.cells["Место заключения"])).toEqual(["ИК №4", "ИК №4"]);
  });

  test("an empty sheet is an empty file", async () => {
    const bytes = await xlsx(() => {});
    expect((await fileError(parseImportFile(bytes, { fileName: "x.xlsx" }))).messageKey).toBe("import.file.empty");
  });

  test("a damaged workbook is unreadable", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8("not really a zip file at all")]);
    expect((await fileError(parseImportFile(bytes, { fileName: "x.xlsx" }))).messageKey).toBe("import.file.unreadable");
  });

  test("an old .xls workbook gets its own message", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await fileError(parseImportFile(bytes, { fileName: "x.xls" }))).messageKey).toBe("import.file.legacyExcel");
  });

  test("duplicate headers in a sheet", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(["ФИО", "Статья", "ФИО"]);
      sheet.addRow(["a b", "1", "c d"]);
    });
    const error = await fileError(parseImportFile(bytes, { fileName: "x.xlsx" }));
    expect(error.messageKey).toBe("import.file.duplicateHeader");
    expect(error.params).toEqual({ header: "ФИО" });
  });
});

describe("JSON", () => {
  test("an array of objects: headers are the union of keys in first-seen order, values become text", async () => {
    const json = JSON.stringify([
      { id: 7, fullName: "Иванов Иван", incommunicado: true },
      { fullName: " Петрова Анна ", birthDate: "1975", id: null },
      { id: "", fullName: "" },
      { fullName: "Сидоров Пётр", notes: "=1+1" },
    ]);
    const parsed = await parseImportFile(utf8(json), { contentType: "application/json" });
    expect(parsed).toMatchObject({ format: "json", encoding: "utf-8", delimiter: null });
    expect(parsed.headers).toEqual(["id", "fullName", "incommunicado", "birthDate", "notes"]);
    expect(parsed.rows).toEqual([
      { line: 2, cells: { id: "7", fullName: "Иванов Иван", incommunicado: "true", birthDate: "", notes: "" } },
      { line: 3, cells: { id: "", fullName: "Петрова Анна", incommunicado: "", birthDate: "1975", notes: "" } },
      { line: 5, cells: { id: "", fullName: "Сидоров Пётр", incommunicado: "", birthDate: "", notes: "=1+1" } },
    ]);
  });

  test("{ prisoners: [...] } with a BOM", async () => {
    const parsed = await parseImportFile(withBom(JSON.stringify({ source: "viasna", prisoners: [{ name: "A B" }] })), {
      fileName: "export.json",
    });
    expect(parsed.rows).toEqual([{ line: 2, cells: { name: "A B" } }]);
  });

  test.each([
    ["a nested object", [{ name: "A B", facility: { name: "ИК" } }]],
    ["an array of objects inside a record", [{ name: "A B", cases: [{ article: "342" }] }]],
    ["an array of arrays inside a record", [{ name: "A B", reasons: [["minor"]] }]],
    ["a non-object item", [{ name: "A B" }, "C D"]],
    ["an object without prisoners", { people: [] }],
    ["a bare string", "hello"],
    ["prisoners that is not a list", { prisoners: { a: 1 } }],
  ])("%s is the wrong shape", async (_label, value) => {
    const error = await fileError(parseImportFile(utf8(JSON.stringify(value)), { fileName: "x.json" }));
    expect(error.messageKey).toBe("import.file.jsonShape");
  });

  test("arrays of plain values become one line per item; the file is never refused for them", async () => {
    const json = JSON.stringify([
      {
        name: "Иванов Иван",
        articles: ["ч. 2 ст. 207.3 УК РФ", " ст. 280.3 УК РФ ", ""],
        interests: ["книги", null, 42, true],
        tags: [],
      },
    ]);
    const parsed = await parseImportFile(utf8(json), { fileName: "memorial.json" });
    expect(parsed.rows).toEqual([
      {
        line: 2,
        cells: {
          name: "Иванов Иван",
          articles: "ч. 2 ст. 207.3 УК РФ\nст. 280.3 УК РФ",
          interests: "книги\n42\ntrue",
          tags: "",
        },
      },
    ]);
  });

  test("invalid JSON", async () => {
    const error = await fileError(parseImportFile(utf8('[{"name": "A B",}]'), { fileName: "x.json" }));
    expect(error.messageKey).toBe("import.file.invalidJson");
  });

  test("an empty list is an empty file", async () => {
    expect((await fileError(parseImportFile(utf8("[]"), { fileName: "x.json" }))).messageKey).toBe("import.file.empty");
    expect((await fileError(parseImportFile(utf8('{"prisoners": []}'), { fileName: "x.json" }))).messageKey).toBe(
      "import.file.empty",
    );
  });

  test("keys that collide once trimmed are duplicates", async () => {
    const error = await fileError(parseImportFile(utf8('[{"name": "A B", " name ": "C D"}]'), { fileName: "x.json" }));
    expect(error).toMatchObject({ messageKey: "import.file.duplicateHeader", params: { header: "name" } });
  });
});

describe("file errors", () => {
  test.each([
    ["no bytes", new Uint8Array()],
    ["only blank lines", utf8("\r\n\r\n  \r\n")],
    ["only separators", utf8(";;;\n;;\n")],
    ["only a BOM", new Uint8Array([0xef, 0xbb, 0xbf])],
  ])("%s is empty", async (_label, bytes) => {
    const error = await fileError(parseImportFile(bytes, { fileName: "a.csv" }));
    expect(error.messageKey).toBe("import.file.empty");
    expect(error).toBeInstanceOf(Error);
  });

  test("too large", async () => {
    const error = await fileError(parseImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1), { fileName: "a.csv" }));
    expect(error).toMatchObject({ messageKey: "import.file.tooLarge", params: { maxMb: 20 } });
    expect(translate("en", error.messageKey, error.params)).toContain("20 MB");
  });

  // The limit is checked on a small file with a small limit; parsing a file at the real
  // limit (100,000 rows) is timed by `npm run bench:parse`, not here.
  test("too many rows (CSV and JSON); exactly the maximum is fine", async () => {
    const max = 50;
    const csv = (rows: number) => utf8(`n\n${"x\n".repeat(rows)}`);
    expect((await parseImportFile(csv(max), { fileName: "a.csv", maxRows: max })).rows).toHaveLength(max);
    const error = await fileError(parseImportFile(csv(max + 1), { fileName: "a.csv", maxRows: max }));
    expect(error).toMatchObject({ messageKey: "import.file.tooManyRows", params: { max } });
    const json = (rows: number) => utf8(JSON.stringify(Array.from({ length: rows }, () => ({ n: "x" }))));
    expect((await parseImportFile(json(max), { fileName: "a.json", maxRows: max })).rows).toHaveLength(max);
    expect((await fileError(parseImportFile(json(max + 1), { fileName: "a.json", maxRows: max }))).messageKey).toBe(
      "import.file.tooManyRows",
    );
    // Without a limit given, the real one applies (bench:parse checks its boundary on 100,000 rows).
    expect((await parseImportFile(csv(max + 1), { fileName: "a.csv" })).rows).toHaveLength(max + 1);
  });

  test("duplicate CSV headers", async () => {
    const error = await fileError(parseImportFile(utf8("ФИО;Статья; ФИО \nа б;1;в г\n"), { fileName: "a.csv" }));
    expect(error).toMatchObject({ messageKey: "import.file.duplicateHeader", params: { header: "ФИО" } });
  });

  test("an unclosed quote says where", async () => {
    const error = await fileError(
      parseImportFile(utf8('ФИО;Статья\nа б;1\n\nв г;"342\nд е;1\n'), { fileName: "a.csv" }),
    );
    expect(error).toMatchObject({ messageKey: "import.file.badCsv", params: { line: 4 } });
  });

  test("every file error has a message in every language", async () => {
    for (const key of [
      "import.file.empty",
      "import.file.tooLarge",
      "import.file.tooManyRows",
      "import.file.unreadable",
      "import.file.legacyExcel",
      "import.file.badCsv",
      "import.file.invalidJson",
      "import.file.jsonShape",
      "import.file.duplicateHeader",
    ] as const) {
      for (const locale of ["en", "ru", "be"] as const)
        expect(translate(locale, key, { maxMb: 1, max: 2, line: 3, header: "h" })).not.toMatch(/[{}]|^import\./);
    }
  });
});

describe("recognizeColumns", () => {
  test("English headers", () => {
    const { mapping, unknown } = recognizeColumns([
      "ID",
      "Full name",
      "Latin name",
      "Date of birth",
      "Sex",
      "Country",
      "Status",
      "Date of detention",
      "Articles",
      "Sentence",
      "Place of detention",
      "Address",
      "City",
      "ZIP",
      "Facility type",
      "Humanitarian reasons",
      "Incommunicado",
      "Do not write",
      "Relatives only",
      "Comment",
      "Favourite colour",
    ]);
    expect(mapping).toEqual({
      ID: "externalId",
      "Full name": "fullName",
      "Latin name": "latinName",
      "Date of birth": "birthDate",
      Sex: "gender",
      Country: "country",
      Status: "status",
      "Date of detention": "detainedOn",
      Articles: "articles",
      Sentence: "sentence",
      "Place of detention": "facility",
      Address: "facilityAddress",
      City: "facilityCity",
      ZIP: "facilityPostcode",
      "Facility type": "facilityType",
      "Humanitarian reasons": "humanitarianReasons",
      Incommunicado: "incommunicado",
      "Do not write": "doNotWrite",
      "Relatives only": "relativesOnly",
      Comment: "notes",
      "Favourite colour": null,
    });
    expect(unknown).toEqual(["Favourite colour"]);
  });

  test("Russian headers", () => {
    const { mapping, unknown } = recognizeColumns([
      "№",
      "Ф.И.О.",
      "Имя латиницей",
      "Дата рождения",
      "Пол",
      "Страна",
      "Статус",
      "Дата задержания",
      "Статья УК",
      "Приговор",
      "Учреждение",
      "Почтовый адрес",
      "Город",
      "Индекс",
      "Тип учреждения",
      "Гуманитарный список",
      "Инкоммуникадо",
      "Не писать",
      "Только родственники",
      "Примечание",
    ]);
    expect(Object.values(mapping)).toEqual([
      "externalId",
      "fullName",
      "latinName",
      "birthDate",
      "gender",
      "country",
      "status",
      "detainedOn",
      "articles",
      "sentence",
      "facility",
      "facilityAddress",
      "facilityCity",
      "facilityPostcode",
      "facilityType",
      "humanitarianReasons",
      "incommunicado",
      "doNotWrite",
      "relativesOnly",
      "notes",
    ]);
    expect(unknown).toEqual([]);
  });

  test("Belarusian headers", () => {
    const { mapping } = recognizeColumns([
      "Нумар",
      "Прозвішча",
      "Імя",
      "Імя па бацьку",
      "Імя лацінкай",
      "Дата нараджэння",
      "Краіна",
      "Дата затрымання",
      "Артыкулы",
      "Прысуд",
      "Месца зняволення",
      "Адрас",
      "Горад",
      "Паштовы індэкс",
      "Прычыны",
      "Заўвага",
    ]);
    expect(Object.values(mapping)).toEqual([
      "externalId",
      "surname",
      "givenName",
      "patronymic",
      "latinName",
      "birthDate",
      "country",
      "detainedOn",
      "articles",
      "sentence",
      "facility",
      "facilityAddress",
      "facilityCity",
      "facilityPostcode",
      "humanitarianReasons",
      "notes",
    ]);
  });

  test.each([
    ["ФИО", "fullName"],
    ["фио ", "fullName"],
    ["Ф. И. О.", "fullName"],
    ["Прозвішча, імя, імя па бацьку", "fullName"],
    ["ПІБ", "fullName"],
    ["Name", "fullName"],
    ["NAME", "fullName"],
    ["Фамилия", "surname"],
    ["Last name", "surname"],
    ["last_name", "surname"],
    ["First name", "givenName"],
    ["Given name", "givenName"],
    ["Отчество", "patronymic"],
    ["Patronymic", "patronymic"],
    ["DOB", "birthDate"],
    ["Birth date", "birthDate"],
    ["Год рождения", "birthDate"],
    ["Дата рождения (дд.мм.гггг)", "birthDate"],
    ["Gender", "gender"],
    ["Detained", "detainedOn"],
    ["Статьи", "articles"],
    ["Статьи УК РБ", "articles"],
    ["Срок", "sentence"],
    ["Место заключения", "facility"],
    ["Prison", "facility"],
    ["Facility", "facility"],
    ["Адрес учреждения для писем", "facilityAddress"],
    ["Postcode", "facilityPostcode"],
    ["Humanitarian", "humanitarianReasons"],
    ["Причины", "humanitarianReasons"],
    ["Notes", "notes"],
    ["Примечания координатора", "notes"],
    ["external id", "externalId"],
    ["номер", "externalId"],
    ["Iмя", "givenName"], // Latin "I" typed for Belarusian "І"
    ["Дата ареста", "detainedOn"],
  ])("%j → %s", (header, field) => {
    expect(recognizeHeader(header)).toBe(field);
  });

  test.each(["№ п/п", "N п/п", "Фото", "Favourite colour", ""])(
    "%j is not recognised (a running number is never an identifier)",
    (header) => {
      expect(recognizeHeader(header)).toBeNull();
    },
  );

  test("the second column for the same field is ignored and listed", () => {
    const { mapping, unknown, ignored } = recognizeColumns(["ФИО", "Full name", "Photo", "Кличка"]);
    expect(mapping).toEqual({ ФИО: "fullName", "Full name": null, Photo: null, Кличка: null });
    expect(unknown).toEqual(["Full name", "Кличка"]);
    // Columns lists carry and the importer skips on purpose are not "unknown".
    expect(ignored).toEqual(["Photo"]);
  });
});
