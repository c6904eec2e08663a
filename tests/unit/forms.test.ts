import { describe, expect, test } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, formDataToObject, parseWithSchema } from "#app/utils/forms.ts";
import { codeSchema, profileSchema, signInSchema, signUpSchema, totpSchema } from "#app/schemas/account.ts";
import { isMessageKey } from "#app/i18n/i18n.ts";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function errorsOf(result: ReturnType<typeof parseWithSchema>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("unreachable");
  for (const message of Object.values(result.fieldErrors)) expect(isMessageKey(message), message).toBe(true);
  return result.fieldErrors;
}

describe("signInSchema", () => {
  test.each(["not-an-email", "a@", "@example.org", "a b@example.org", `${"a".repeat(250)}@example.org`])(
    "%j → validation.email",
    (email) => {
      expect(errorsOf(parseWithSchema(signInSchema, form([["email", email]])))).toEqual({ email: "validation.email" });
    },
  );

  test("empty or missing → validation.required", () => {
    expect(errorsOf(parseWithSchema(signInSchema, form([["email", "   "]])))).toEqual({ email: "validation.required" });
    expect(errorsOf(parseWithSchema(signInSchema, form([])))).toEqual({ email: "validation.required" });
  });

  test("a valid address is trimmed and passes with its redirect", () => {
    const result = parseWithSchema(
      signInSchema,
      form([
        ["email", "  Ola@Example.org "],
        ["redirectTo", "/prisoners"],
      ]),
    );
    expect(result).toEqual({ ok: true, data: { email: "Ola@Example.org", redirectTo: "/prisoners" } });
  });
});

describe("codeSchema and totpSchema", () => {
  test.each(["12345", "1234567", "12a456", ""])("code %j is refused", (code) => {
    const errors = errorsOf(
      parseWithSchema(
        codeSchema,
        form([
          ["email", "a@example.org"],
          ["code", code],
        ]),
      ),
    );
    expect(errors.code).toBe("validation.code");
    expect(errorsOf(parseWithSchema(totpSchema, form([["code", code]]))).code).toBe("validation.code");
  });

  test("a six-digit code with spaces around passes, trimmed", () => {
    const result = parseWithSchema(
      codeSchema,
      form([
        ["email", "a@example.org"],
        ["code", " 012345 "],
      ]),
    );
    expect(result.ok && result.data.code).toBe("012345");
  });
});

describe("signUpSchema", () => {
  test("repeated writesIn fields become an array", () => {
    const result = parseWithSchema(
      signUpSchema,
      form([
        ["pseudonym", "Forest Bird"],
        ["writesIn", "ru"],
        ["writesIn", "be"],
        ["acceptRules", "on"],
      ]),
      ["writesIn"],
    );
    expect(result).toEqual({ ok: true, data: { pseudonym: "Forest Bird", writesIn: ["ru", "be"], acceptRules: "on" } });
  });

  test("a single writesIn field is still an array", () => {
    const result = parseWithSchema(
      signUpSchema,
      form([
        ["pseudonym", "Forest Bird"],
        ["writesIn", "en"],
        ["acceptRules", "on"],
      ]),
      ["writesIn"],
    );
    expect(result.ok && result.data.writesIn).toEqual(["en"]);
  });

  test("no language chosen → validation.languages; rules not accepted → validation.rules", () => {
    const errors = errorsOf(parseWithSchema(signUpSchema, form([["pseudonym", "Forest Bird"]]), ["writesIn"]));
    expect(errors).toEqual({ writesIn: "validation.languages", acceptRules: "validation.rules" });
  });

  test("a language we do not offer is refused", () => {
    const errors = errorsOf(
      parseWithSchema(
        signUpSchema,
        form([
          ["pseudonym", "Forest Bird"],
          ["writesIn", "ru"],
          ["writesIn", "xx"],
          ["acceptRules", "on"],
        ]),
        ["writesIn"],
      ),
    );
    expect(Object.entries(errors)).toEqual([[expect.stringMatching(/^writesIn/), "validation.languages"]]);
  });

  test.each([
    ["A", "validation.pseudonymLength"],
    ["x".repeat(41), "validation.pseudonymLength"],
    ["<script>", "validation.pseudonymChars"],
    ["bird@example.org", "validation.pseudonymChars"],
  ])("pseudonym %j → %s", (pseudonym, message) => {
    const errors = errorsOf(
      parseWithSchema(
        signUpSchema,
        form([
          ["pseudonym", pseudonym],
          ["writesIn", "ru"],
          ["acceptRules", "on"],
        ]),
        ["writesIn"],
      ),
    );
    expect(errors).toEqual({ pseudonym: message });
  });

  test("Cyrillic pseudonyms with apostrophes and hyphens are fine", () => {
    const result = parseWithSchema(
      signUpSchema,
      form([
        ["pseudonym", "Лясная Птушка-д’Арт"],
        ["writesIn", "be"],
        ["acceptRules", "on"],
      ]),
      ["writesIn"],
    );
    expect(result.ok).toBe(true);
  });
});

describe("profileSchema", () => {
  test("an unsupported interface language → validation.locale", () => {
    const errors = errorsOf(
      parseWithSchema(
        profileSchema,
        form([
          ["pseudonym", "Forest Bird"],
          ["writesIn", "ru"],
          ["locale", "de"],
        ]),
        ["writesIn"],
      ),
    );
    expect(errors).toEqual({ locale: "validation.locale" });
  });
});

describe("formDataToObject", () => {
  test("keeps the first of repeated plain fields, ignores files, and defaults array fields to []", () => {
    const data = form([
      ["a", "1"],
      ["a", "2"],
      ["upload", new Blob(["x"])],
    ]);
    expect(formDataToObject(data, ["tags"])).toEqual({ a: "1", upload: undefined, tags: [] });
  });
});

describe("field errors keep their full path", () => {
  test("a nested field's error is named by its path; a checkbox group's values fold onto the group", () => {
    const schema = z.object({
      rows: z.array(z.object({ quantity: z.string().regex(/^\d+$/, "parcels.validation.quantity") })),
      tags: z.array(z.enum(["a", "b"], { error: "validation.required" })),
    });
    const errors = fieldErrorsOf(
      schema.safeParse({ rows: [{ quantity: "1" }, { quantity: "x" }], tags: ["c"] }).error!.issues,
      ["tags"],
    );
    expect(errors).toEqual({ "rows.1.quantity": "parcels.validation.quantity", tags: "validation.required" });
  });
});
