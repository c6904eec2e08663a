/**
 * One facility is one row, however a list spells it: "IK-2 Babrujsk",
 * "ИК №2, г. Бобруйск" and "ИК-2 г. Бобруйск" share one identity key. The key is
 * the facility type, its number and its city, the city compared with the same
 * transliteration-proof skeletons as people's names (app/names/match-keys.ts).
 * A facility without a number keys on its name instead. The country is not part
 * of the key; the caller stores the key next to the country. Pure.
 */
import type { FacilityType } from "#app/generated/prisma/enums.ts";
import { normalizeExact, tokenSkeleton } from "#app/names/match-keys.ts";

export interface FacilityIdentityInput {
  type: FacilityType | null;
  number: string | null;
  city: string | null;
  name: string;
}

/** Words that carry no identity: "г.", legal forms, "№". */
const NOISE = new Set([
  "г",
  "гор",
  "город",
  "горад",
  "no",
  "n",
  "nr",
  "номер",
  "нумар",
  "фку",
  "фгу",
  "фбу",
  "гу",
  "ку",
  "уо",
  "гуо",
]);

/** Each word's skeleton ("Бобруйск", "Babrujsk", "Babruysk" -> one skeleton); numbers kept as digits. */
function skeletonOf(text: string | null): string {
  if (!text) return "";
  return normalizeExact(text.replace(/№/g, " "))
    .split(" ")
    .filter((word) => word && !NOISE.has(word))
    .map((word) => (/^\d+$/.test(word) ? word : tokenSkeleton(word)))
    .filter(Boolean)
    .join(" ");
}

/**
 * A city's skeleton without a final vowel, so that the genitive lists often use
 * ("СИЗО №1 г. Минска", "ИК-2 г. Бобруйска", "Гродна" / "Гродно") meets the nominative.
 */
function citySkeleton(city: string | null): string {
  return skeletonOf(city)
    .split(" ")
    .map((word) => (word.length > 3 ? word.replace(/[aiu]$/, "") : word))
    .join(" ");
}

/** Transliteration-proof identity of a facility: `type|number|city`, or `type|name:<skeleton>|city` without a number. */
export function facilityIdentityKey(facility: FacilityIdentityInput): string {
  const type = facility.type ?? "unknown";
  const city = citySkeleton(facility.city);
  const number = facility.number
    ? facility.number
        .trim()
        .toLowerCase()
        .replace(/^0+(?=\d)/, "")
    : "";
  if (number) return `${type}|${number}|${city}`;
  return `${type}|name:${skeletonOf(facility.name)}|${city}`;
}
