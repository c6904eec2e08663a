import { describe, expect, test } from "vitest";
import { unfilledBlanks } from "#app/letters/blanks.ts";

describe("a template's blanks", () => {
  test("every unfilled blank of a template is found", () => {
    expect(unfilledBlanks("Здравствуйте, …!\n\nМеня зовут … .\n\nС теплом, …")).toHaveLength(3);
    expect(unfilledBlanks("Hello, …! I love … and … .")).toHaveLength(3);
    expect(unfilledBlanks("… и вот")).toHaveLength(1);
  });

  test("a filled template, or an ellipsis inside writing, is not a blank", () => {
    expect(unfilledBlanks("Здравствуйте, Светлана!\n\nМеня зовут Аня.\n\nС теплом, Аня")).toEqual([]);
    expect(unfilledBlanks("Я думаю… и жду весну.")).toEqual([]);
    expect(unfilledBlanks("Hmm... well.")).toEqual([]);
  });
});
