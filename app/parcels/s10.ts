/**
 * UPU S10 item identifiers (tracking numbers): two service-indicator letters,
 * an eight-digit serial number, a check digit and the ISO 3166-1 alpha-2 code of
 * the issuing postal operator's country, e.g. `RR473124829GB`.
 *
 * Check digit: the eight digits are weighted 8 6 4 2 3 5 9 7 and summed; the
 * check digit is 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5.
 *
 * Service indicators (the two letters): only the series S10 assigns to
 * international mail are accepted (A, C, E, H, L, M, R, U, V and QA–QM);
 * JA–JZ, KA–KZ, QN–QZ, XA–XZ and ZA–ZZ are reserved, and the other letters
 * are not used, so such a "number" is a typo or not a postal number at all.
 *
 * Russian Post domestic items carry 14 digits instead: the six-digit postcode
 * of the accepting office, two digits of the month, a five-digit serial and a
 * check digit (odd positions weighted 3, even positions 1; the check digit
 * makes the sum a multiple of 10). validateTrackingNumber accepts both.
 *
 * Pure: the tracking-number form (in the browser), the server action and the
 * tests all use it. Input is normalised first: spaces, hyphens, dots and
 * invisible characters pasted with the number (no-break space, zero-width
 * space, soft hyphen, byte-order mark) are dropped and letters upper-cased,
 * so "rr 473 124 829 gb" is accepted as RR473124829GB.
 */

export const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** ISO 3166-1 alpha-2 codes (officially assigned), the country part of an S10 number. */
const ISO_COUNTRIES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
    "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
    "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
    "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

export type S10Problem =
  /** Nothing entered. */
  | { code: "empty" }
  /** Not 13 characters (after dropping spaces and hyphens). */
  | { code: "length"; length: number }
  /** Characters 1–2 are not letters A–Z. */
  | { code: "serviceLetters" }
  /** Service letters S10 reserves (JA–JZ, KA–KZ, QN–QZ, XA–XZ, ZA–ZZ). */
  | { code: "serviceReserved"; service: string }
  /** Service letters S10 does not use for international mail. */
  | { code: "serviceUnused"; service: string }
  /** 14 digits (Russian Post domestic) whose check digit does not match. */
  | { code: "domesticCheckDigit" }
  /** Characters 3–11 are not all digits. */
  | { code: "digits" }
  /** Characters 12–13 are not letters A–Z. */
  | { code: "countryLetters" }
  /** Two letters, but not a country code. */
  | { code: "unknownCountry"; country: string }
  /** The check digit (character 11) does not match the serial number. */
  | { code: "checkDigit" };

export type S10Result =
  { valid: true; number: string; country: string } | { valid: false; normalized: string; problem: S10Problem };

/** Upper-cases and drops spaces, hyphens and dots people type in for readability, and invisible characters pasted with the number. */
export function normalizeS10(input: string): string {
  return input.replace(/[\s\-.\u00A0\u00AD\u200B-\u200F\u2010-\u2015\u2060\u202F\uFEFF]+/g, "").toUpperCase();
}

/** First letters of the series used for international mail (plus QA–QM, international business reply). */
const INTERNATIONAL_SERIES = new Set(["A", "C", "E", "H", "L", "M", "R", "U", "V"]);
const RESERVED_SERIES = new Set(["J", "K", "X", "Z"]);

/** Why the two service letters cannot start an international item's number, or null when they can. */
export function serviceProblem(service: string): S10Problem | null {
  const [first, second] = service;
  if (INTERNATIONAL_SERIES.has(first)) return null;
  if (first === "Q") return second <= "M" ? null : { code: "serviceReserved", service };
  if (RESERVED_SERIES.has(first)) return { code: "serviceReserved", service };
  return { code: "serviceUnused", service };
}

/** The check digit for an eight-digit serial number. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error("An S10 serial number has exactly eight digits");
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * S10_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export function validateS10(input: string): S10Result {
  const normalized = normalizeS10(input);
  const fail = (problem: S10Problem): S10Result => ({ valid: false, normalized, problem });
  if (normalized.length === 0) return fail({ code: "empty" });
  if (normalized.length !== 13) return fail({ code: "length", length: normalized.length });
  if (!/^[A-Z]{2}$/.test(normalized.slice(0, 2))) return fail({ code: "serviceLetters" });
  const service = serviceProblem(normalized.slice(0, 2));
  if (service) return fail(service);
  if (!/^\d{9}$/.test(normalized.slice(2, 11))) return fail({ code: "digits" });
  const country = normalized.slice(11);
  if (!/^[A-Z]{2}$/.test(country)) return fail({ code: "countryLetters" });
  if (!ISO_COUNTRIES.has(country)) return fail({ code: "unknownCountry", country });
  if (s10CheckDigit(normalized.slice(2, 10)) !== Number(normalized[10])) return fail({ code: "checkDigit" });
  return { valid: true, number: normalized, country };
}

export function isValidS10(input: string): boolean {
  return validateS10(input).valid;
}

/** The check digit of a Russian Post domestic number from its first 13 digits. */
export function russianDomesticCheckDigit(first13: string): number {
  if (!/^\d{13}$/.test(first13)) throw new Error("A Russian Post domestic number has 13 digits before its check digit");
  const sum = [...first13].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

export type TrackingResult =
  | { valid: true; number: string; kind: "s10"; country: string }
  | { valid: true; number: string; kind: "russian-domestic"; country: "RU" }
  | { valid: false; normalized: string; problem: S10Problem };

/** A UPU S10 number, or a Russian Post 14-digit domestic number. */
export function validateTrackingNumber(input: string): TrackingResult {
  const normalized = normalizeS10(input);
  if (/^\d{14}$/.test(normalized)) {
    if (russianDomesticCheckDigit(normalized.slice(0, 13)) !== Number(normalized[13]))
      return { valid: false, normalized, problem: { code: "domesticCheckDigit" } };
    return { valid: true, number: normalized, kind: "russian-domestic", country: "RU" };
  }
  if (/^\d+$/.test(normalized))
    return { valid: false, normalized, problem: { code: "length", length: normalized.length } };
  const result = validateS10(input);
  return result.valid ? { ...result, kind: "s10" } : result;
}
