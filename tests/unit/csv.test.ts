import { describe, expect, test } from "vitest";
import { csvCell, toCsv } from "#app/utils/csv.ts";

describe("csvCell", () => {
  test.each([
    ["=1+2", "'=1+2"],
    ["+31 20 123", "'+31 20 123"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
  ])("neutralises a formula: %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test("a formula that also needs quoting is both prefixed and quoted", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","open")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""open"")"',
    );
    expect(csvCell("\r=cmd")).toBe(`"'\r=cmd"`);
  });

  test("ordinary text is left alone, formula characters inside text are harmless", () => {
    expect(csvCell("Forest Bird")).toBe("Forest Bird");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("user.approved")).toBe("user.approved");
  });

  test.each([
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line one\nline two", '"line one\nline two"'],
    ["semi;colon", '"semi;colon"'],
  ])("quotes %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test("null, undefined, numbers and dates", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(new Date("2025-01-02T03:04:05.000Z"))).toBe("2025-01-02T03:04:05.000Z");
  });
});

describe("toCsv", () => {
  test("BOM, header first, CRLF rows, every cell made safe", () => {
    const csv = toCsv(
      ["when", "who", "details"],
      [[new Date("2025-01-02T00:00:00.000Z"), "Мария", '=cmd|"/c calc"!A1']],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1)).toBe(`when,who,details\r\n2025-01-02T00:00:00.000Z,Мария,"'=cmd|""/c calc""!A1"\r\n`);
  });

  test("a header-only export still ends with a line break", () => {
    expect(toCsv(["a", "b"], [])).toBe("\uFEFFa,b\r\n");
  });
});
