import { describe, expect, test } from "vitest";
import { readImportSummary } from "#app/imports/summary.ts";
import { legacyArgType } from "#app/utils/pglite-adapter.server.ts";

describe("an import's stored summary is read through its schema", () => {
  const summary = {
    created: 2,
    updated: 1,
    transferred: 0,
    unchanged: 5,
    missing: 0,
    needsReview: 1,
    skipped: 0,
    errors: [{ line: 4, field: "birthDate", message: "Not a date" }],
  };

  test("a summary of the expected shape comes back as it was", () => {
    expect(readImportSummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  test("none, or one of another shape, is no summary", () => {
    expect(readImportSummary(null)).toBeNull();
    expect(readImportSummary({ ...summary, created: "2" })).toBeNull();
    expect(readImportSummary({ created: 1 })).toBeNull();
  });
});

describe("the PGlite adapter gets argument types in its own (older) vocabulary", () => {
  test("scalars by name, lists as arrays", () => {
    expect(legacyArgType({ scalarType: "int", arity: "scalar" })).toBe("Int32");
    expect(legacyArgType({ scalarType: "bigint", arity: "scalar" })).toBe("Int64");
    expect(legacyArgType({ scalarType: "datetime", arity: "scalar" })).toBe("DateTime");
    expect(legacyArgType({ scalarType: "bytes", arity: "scalar" })).toBe("Bytes");
    expect(legacyArgType({ scalarType: "enum", arity: "list" })).toBe("EnumArray");
    expect(legacyArgType({ scalarType: "string", arity: "list" })).toBe("Array");
  });
});
