import type { Locale } from "#app/i18n/i18n.ts";
import { fullName, type NameScript } from "./match-keys.ts";

export interface DisplayableName {
  script: NameScript | string;
  system?: string | null;
  surname: string;
  givenName: string;
  patronymic?: string | null;
  isPrimary?: boolean;
}

/** The `lang` of a name written in a script (Latin spellings carry no language of their own). */
export const SCRIPT_LANG: Record<string, "be" | "ru" | undefined> = {
  cyrillic_be: "be",
  cyrillic_ru: "ru",
  latin: undefined,
};

/** The script a reader of the interface reads names in. */
const SCRIPT_FOR: Record<Locale, NameScript> = { en: "latin", ru: "cyrillic_ru", be: "cyrillic_be" };

/** Latin spellings an English reader knows best first: passports and the press, then the academic systems. */
const LATIN_SYSTEMS = ["passport", "icao", "press", "bgn", "national", "lacinka", "iso9"];
const systemRank = (system: string | null | undefined) => {
  const index = LATIN_SYSTEMS.indexOf(system ?? "");
  return index === -1 ? LATIN_SYSTEMS.length : index;
};

/**
 * The person's name in the interface's script when one is stored (Latin in English,
 * Russian spelling in Russian, Belarusian in Belarusian), else the primary spelling.
 */
export function nameForLocale<T extends DisplayableName>(names: readonly T[], locale: Locale): T | undefined {
  const wanted = names.filter((n) => n.script === SCRIPT_FOR[locale]);
  if (wanted.length > 0) {
    return [...wanted].sort(
      (a, b) =>
        Number(b.isPrimary ?? false) - Number(a.isPrimary ?? false) || systemRank(a.system) - systemRank(b.system),
    )[0];
  }
  return names.find((n) => n.isPrimary) ?? names[0];
}

/**
 * What a list or a heading shows: the name in the reader's script and, when that is
 * not the primary spelling, the primary one too (what goes on the envelope).
 */
export function displayName(
  names: readonly DisplayableName[],
  locale: Locale,
): { name: string; lang: "be" | "ru" | undefined; original: string | null; originalLang: "be" | "ru" | undefined } {
  const chosen = nameForLocale(names, locale);
  const primary = names.find((n) => n.isPrimary) ?? names[0];
  if (!chosen) return { name: "—", lang: undefined, original: null, originalLang: undefined };
  const name = fullName(chosen);
  const original = primary && fullName(primary) !== name ? fullName(primary) : null;
  return {
    name,
    lang: SCRIPT_LANG[chosen.script],
    original,
    originalLang: primary ? SCRIPT_LANG[primary.script] : undefined,
  };
}
