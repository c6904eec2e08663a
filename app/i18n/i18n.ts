import { en, type MessageKey } from "./catalogs/en";
import { ru } from "./catalogs/ru";
import { be } from "./catalogs/be";

export type { MessageKey };
export const SUPPORTED_LOCALES = ["en", "ru", "be"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ru: "Русский",
  be: "Беларуская",
};

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ru, be };

export type MessageParams = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(en, value);
}

/**
 * Russian and Belarusian share one plural rule, written out here: a browser without
 * Belarusian data would pick English forms and disagree with the server.
 */
function slavicPlural(n: number): Intl.LDMLPluralRule {
  if (!Number.isInteger(n)) return "other";
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  if (mod10 === 1 && mod100 !== 11) return "one";
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "few";
  return "many";
}

// Made once: constructing Intl objects is slow, and translate() runs hundreds of times per page.
let englishPlurals: Intl.PluralRules | undefined;
const slavicPlurals = { select: slavicPlural };

function pluralRules(locale: Locale): { select: (n: number) => Intl.LDMLPluralRule } {
  if (locale !== "en") return slavicPlurals;
  englishPlurals ??= new Intl.PluralRules("en");
  return englishPlurals;
}

/**
 * `{name}` placeholders are filled from params; `{count|one|few|many|other}`
 * picks a plural form by the locale's rules (Russian and Belarusian need three).
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? en[key] ?? key;
  // Most messages have no placeholder: nothing to fill.
  if (!template.includes("{")) return template;
  const plurals = pluralRules(locale);
  return template.replace(/\{(\w+)(\|[^}]*)?\}/g, (match, name: string, forms?: string) => {
    const value = params[name];
    if (value === undefined) return match;
    if (!forms) return String(value);
    const [one, few, many, other] = forms.slice(1).split("|");
    const category = plurals.select(Number(value));
    const chosen = { one, few, many, other, zero: other, two: other }[category] ?? other ?? many;
    return (chosen ?? "").replace("#", String(value));
  });
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number.parseFloat(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
