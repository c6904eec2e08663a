import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { en } from "#app/i18n/catalogs/en.ts";
import { ru } from "#app/i18n/catalogs/ru.ts";
import { be } from "#app/i18n/catalogs/be.ts";
import { isMessageKey, negotiateLocale, translate, type MessageKey } from "#app/i18n/i18n.ts";
import { WRITING_LANGUAGES } from "#app/schemas/account.ts";
import { PrisonerStatus, Role, VettingState } from "#app/generated/prisma/enums.ts";

const APP_DIR = path.resolve("app");
const enKeys = Object.keys(en).sort();
const others = { ru, be } as Record<string, Record<string, string>>;

interface Placeholder {
  name: string;
  plural: boolean;
  forms: string[];
}

/** `{name}` and `{name|one|few|many|other}` placeholders of a message. */
function placeholders(message: string): Placeholder[] {
  return [...message.matchAll(/\{(\w+)(\|[^}]*)?\}/g)].map(([, name, forms]) => ({
    name,
    plural: Boolean(forms),
    forms: forms ? forms.slice(1).split("|") : [],
  }));
}

function signature(message: string): string[] {
  return placeholders(message)
    .map((p) => `${p.name}${p.plural ? "|plural" : ""}`)
    .sort();
}

describe("catalogues", () => {
  test.each(Object.keys(others))("%s has exactly the keys of en", (locale) => {
    const keys = Object.keys(others[locale]).sort();
    expect(
      keys.filter((k) => !Object.hasOwn(en, k)),
      "keys missing from en",
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !Object.hasOwn(others[locale], k)),
      `keys missing from ${locale}`,
    ).toEqual([]);
  });

  test.each(["en", "ru", "be"])("no %s message is empty", (locale) => {
    const catalog = locale === "en" ? (en as Record<string, string>) : others[locale];
    const empty = Object.entries(catalog).filter(([, message]) => typeof message !== "string" || message.trim() === "");
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  test.each(Object.keys(others))("%s messages use the same placeholders as en", (locale) => {
    const mismatches = enKeys
      .filter((key) => Object.hasOwn(others[locale], key))
      .filter((key) => signature(others[locale][key]).join() !== signature(en[key as MessageKey]).join())
      .map(
        (key) => `${key}: en {${signature(en[key as MessageKey])}} vs ${locale} {${signature(others[locale][key])}}`,
      );
    expect(mismatches).toEqual([]);
  });

  test.each(["en", "ru", "be"])("every %s plural has four forms (one|few|many|other)", (locale) => {
    const catalog = locale === "en" ? (en as Record<string, string>) : others[locale];
    const wrong = Object.entries(catalog).flatMap(([key, message]) =>
      placeholders(message)
        .filter((p) => p.plural && (p.forms.length !== 4 || p.forms.some((f) => f.trim() === "")))
        .map((p) => `${key}: ${p.forms.length} forms`),
    );
    expect(wrong).toEqual([]);
  });

  test("the catalogue really has plurals and placeholders to check", () => {
    // Guards the checks above against a regex that silently matches nothing.
    const all = Object.values(en).flatMap(placeholders);
    expect(all.filter((p) => p.plural).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((p) => !p.plural).length).toBeGreaterThanOrEqual(5);
  });
});

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((file) => path.join(dir, file))
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .filter(
      (file) => !file.includes(`${path.sep}generated${path.sep}`) && !file.includes(`${path.sep}catalogs${path.sep}`),
    );
}

describe("keys used in the source", () => {
  const files = sourceFiles(APP_DIR).map((file) => ({
    file: path.relative(process.cwd(), file),
    text: fs.readFileSync(file, "utf8"),
  }));
  const namespaces = new Set(enKeys.map((key) => key.split(".")[0]));

  test('every literal t("…") and t(`…`) key exists in en', () => {
    const used: { file: string; key: string }[] = [];
    for (const { file, text } of files) {
      for (const match of text.matchAll(/\bt\(\s*"([^"]+)"|\bt\(\s*'([^']+)'|\bt\(\s*`([^`$]+)`/g)) {
        used.push({ file, key: match[1] ?? match[2] ?? match[3] });
      }
    }
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(({ key }) => !isMessageKey(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  test("every t(`prefix.${…}`) template has keys with that prefix", () => {
    const prefixes: string[] = [];
    for (const { text } of files) {
      for (const match of text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) prefixes.push(match[1]);
    }
    expect(prefixes.length).toBeGreaterThan(0);
    expect(prefixes.filter((prefix) => !enKeys.some((key) => key.startsWith(prefix)))).toEqual([]);
  });

  test("the values those templates take all have a key", () => {
    const needed = [
      ...WRITING_LANGUAGES.map((code) => `language.${code}`),
      ...Object.values(Role).map((role) => `role.${role}`),
      ...Object.values(VettingState).map((state) => `vetting.${state}`),
      ...Object.values(PrisonerStatus).map((status) => `prisonerStatus.${status}`),
    ];
    expect(needed.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  test("every validation message in app/schemas is a key", () => {
    const schemaFiles = files.filter(({ file }) => file.startsWith(path.join("app", "schemas")));
    const messages = schemaFiles.flatMap(({ file, text }) =>
      [...text.matchAll(/["'`](validation\.[\w.]+)["'`]/g)].map((m) => ({ file, key: m[1] })),
    );
    expect(messages.length).toBeGreaterThanOrEqual(5);
    expect(messages.filter(({ key }) => !isMessageKey(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  test("every other string literal in a catalogue namespace is a key (meta titles, error maps, casts)", () => {
    const suspicious: string[] = [];
    for (const { file, text } of files) {
      for (const match of text.matchAll(/["'`]([a-z][a-zA-Z]*)\.([a-zA-Z0-9.]+)["'`]/g)) {
        const [, namespace] = match;
        const key = `${match[1]}.${match[2]}`;
        if (!namespaces.has(namespace) || /\.(css|js|ts|tsx|json|sql|svg|png|ico|html|txt|csv|md)$/.test(key)) continue;
        if (!isMessageKey(key)) suspicious.push(`${file}: ${key}`);
      }
    }
    expect(suspicious).toEqual([]);
  });
});

describe("translate", () => {
  test("fills named placeholders", () => {
    expect(translate("en", "login.sent.body", { email: "a@example.org", minutes: 15 })).toBe(
      "If the address is valid, a code is on its way to a@example.org. It is valid for 15 minutes.",
    );
    expect(translate("ru", "home.title", { pseudonym: "Лесная птица" })).toContain("Лесная птица");
  });

  test("leaves a placeholder without a value visible rather than inventing one", () => {
    expect(translate("en", "home.title")).toBe("Welcome, {pseudonym}");
  });

  test.each([
    [1, "1 минуту"],
    [2, "2 минуты"],
    [4, "4 минуты"],
    [5, "5 минут"],
    [11, "11 минут"],
    [12, "12 минут"],
    [21, "21 минуту"],
    [22, "22 минуты"],
    [25, "25 минут"],
    [111, "111 минут"],
  ])("Russian plural for %i minutes: %s", (minutes, expected) => {
    expect(translate("ru", "login.rateLimited", { minutes })).toBe(
      `Слишком много попыток. Пожалуйста, попробуйте снова через ${expected}.`,
    );
  });

  test("Russian fractional numbers take the 'other' form", () => {
    expect(translate("ru", "login.rateLimited", { minutes: 1.5 })).toContain("через 1.5 минуты.");
  });

  test.each([
    [1, "1 хвіліну"],
    [3, "3 хвіліны"],
    [5, "5 хвілін"],
    [21, "21 хвіліну"],
  ])("Belarusian plural for %i minutes: %s", (minutes, expected) => {
    expect(translate("be", "login.rateLimited", { minutes })).toContain(`праз ${expected}.`);
  });

  test("English plural: one and other", () => {
    expect(translate("en", "common.results", { count: 1 })).toBe("1 result");
    expect(translate("en", "common.results", { count: 0 })).toBe("0 results");
    expect(translate("en", "common.results", { count: 7 })).toBe("7 results");
  });
});

describe("negotiateLocale", () => {
  test.each([
    ["be-BY,be;q=0.9,ru;q=0.8", "be"],
    ["ru-RU,ru;q=0.9,en;q=0.5", "ru"],
    ["de-DE", "en"],
    ["de-DE,de;q=0.9,ru;q=0.3", "ru"],
    ["en;q=0.2, ru;q=0.7, be;q=0.5", "ru"],
    ["ru;q=0.5, be", "be"],
    ["BE-by", "be"],
    ["be;q=0, ru;q=0.1", "ru"],
    ["*", "en"],
    ["", "en"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  test("no header → en", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
});
