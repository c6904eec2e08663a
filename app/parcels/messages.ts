import { translate, type Locale, type MessageKey } from "#app/i18n/i18n.ts";
import type { ParcelProblem, ParcelWarning, ProblemCode } from "./rules.ts";
import { DETENTION_CONDITIONS, type DetentionConditionsName } from "#app/schemas/prisoners.ts";

/**
 * The words for a parcel verdict, in the reader's language: the parcel page, the
 * server's answer and the command line all describe problems with this.
 */

const PROBLEM_KEYS: Record<ProblemCode, MessageKey> = {
  noFacility: "parcels.problem.noFacility",
  released: "parcels.problem.released",
  doNotWrite: "parcels.problem.doNotWrite",
  relativesOnly: "parcels.problem.relativesOnly",
  abroadNotAccepted: "parcels.problem.abroadNotAccepted",
  abroadNotPretrial: "parcels.problem.abroadNotPretrial",
  noRoute: "parcels.problem.noRoute",
  quota: "parcels.problem.quota",
  weight: "parcels.problem.weight",
  monthlyWeight: "parcels.problem.monthlyWeight",
  smallPackageWeight: "parcels.problem.smallPackageWeight",
  empty: "parcels.problem.empty",
  perishable: "parcels.problem.perishable",
  bannedItem: "parcels.problem.bannedItem",
  bannedTerm: "parcels.problem.bannedTerm",
  vague: "parcels.problem.vague",
  senderAddress: "parcels.problem.senderAddress",
  englishMissing: "parcels.problem.englishMissing",
};

/**
 * Browsers carry no Belarusian number data (server and browser would disagree):
 * Belarusian writes numbers and amounts as Russian does.
 */
const numberLocale = (locale: Locale) => (locale === "be" ? "ru" : locale);

/** Kilograms to the gram, never rounded, in the locale's digits ("30.001", "2,5"). */
export function formatKg(locale: Locale, grams: number): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 3 }).format(grams / 1000);
}

/** An amount in euros ("€12.50", "12,50 €"). */
export function formatMoney(locale: Locale, cents: number, currency = "EUR"): string {
  return new Intl.NumberFormat(numberLocale(locale), { style: "currency", currency }).format(cents / 100);
}

/** The name of an item in the reader's language (Russian for Russian and Belarusian readers). */
export function itemName(locale: Locale, names: { nameRu: string; nameEn: string }): string {
  return locale === "en" ? names.nameEn : names.nameRu;
}

function isConditions(value: unknown): value is DetentionConditionsName {
  return typeof value === "string" && (DETENTION_CONDITIONS as readonly string[]).includes(value);
}

/** "strict conditions", "строгие условия". */
export function conditionsName(locale: Locale, conditions: DetentionConditionsName): string {
  return translate(locale, `parcels.conditions.${conditions}`);
}

/** Advice that does not stop the parcel, in the reader's language. */
export function describeWarning(locale: Locale, warning: ParcelWarning): string {
  const p = warning.params;
  if (warning.code === "conditionsUnknown") return translate(locale, "parcels.conditionsUnknown", { quota: p.quota });
  return translate(locale, "parcels.dutyFree", {
    value: formatMoney(locale, Number(p.valueCents)),
    limitValue: formatMoney(locale, Number(p.limitCents)),
    weight: formatKg(locale, Number(p.weightGrams)),
    limitWeight: formatKg(locale, Number(p.limitGrams)),
  });
}

export function describeProblem(locale: Locale, problem: ParcelProblem): string {
  const p = problem.params;
  const kg = (name: string) => formatKg(locale, Number(p[name] ?? 0));
  const item =
    typeof p.itemEn === "string" ? itemName(locale, { nameRu: String(p.itemRu), nameEn: String(p.itemEn) }) : "";
  switch (problem.code) {
    case "quota": {
      const base = translate(
        locale,
        p.kind === "small_package" ? "parcels.problem.quotaSmall" : "parcels.problem.quota",
        { quota: p.quota, used: p.used, year: p.year },
      );
      if (!isConditions(p.conditions)) return base;
      const conditions = conditionsName(locale, p.conditions);
      return `${base} ${translate(locale, p.assumed ? "parcels.problem.quotaAssumed" : "parcels.problem.quotaConditions", { conditions })}`;
    }
    case "weight":
    case "smallPackageWeight":
      return translate(locale, PROBLEM_KEYS[problem.code], { weight: kg("weightGrams"), limit: kg("limitGrams") });
    case "monthlyWeight":
      return translate(locale, PROBLEM_KEYS.monthlyWeight, {
        weight: kg("weightGrams"),
        already: kg("alreadyGrams"),
        total: formatKg(locale, Number(p.alreadyGrams) + Number(p.weightGrams)),
        limit: kg("limitGrams"),
      });
    case "bannedTerm":
      return translate(locale, PROBLEM_KEYS.bannedTerm, { item, term: p.term });
    case "senderAddress":
      return translate(locale, PROBLEM_KEYS.senderAddress, { form: String(p.form ?? "CN23").replace(/^CN/, "CN ") });
    default:
      return translate(locale, PROBLEM_KEYS[problem.code], { item });
  }
}
