/**
 * What may be sent in a parcel, to whom and how much (DOMAIN.md, "Parcels").
 * Pure: the parcel page computes the verdict live in the browser, the server
 * action and `npm run admin -- parcel:check` compute it from the same inputs, so
 * all three say the same thing. Each problem is a code with parameters; the
 * words are in app/parcels/messages.ts (every language).
 *
 * The rules, in order:
 *  1. The person: a known place of detention; not released; not someone who asked
 *     not to be contacted.
 *  2. The sender: colonies and prisons take parcels from relatives only; from
 *     abroad, only facilities that accept parcels from abroad (in practice SIZOs),
 *     and only for pre-trial detainees whose sentence is not in force.
 *  3. The quota: parcels and small packages per calendar year at this facility,
 *     counting those already sent to the person this year; the parcel quota by the
 *     person's conditions of detention where the facility holds one per conditions
 *     (the strictest while the conditions are not known).
 *  4. Weight: per parcel; per calendar month across the person's parcels (SIZO:
 *     30 kg); a small package at most 2 kg.
 *  5. The contents: something in it; no perishables; no catalogue item banned at
 *     this type of facility; no free-text item matching a banned term; no
 *     free-text item described only as "gift" (customs refuse it); every
 *     free-text item with an English line (the customs form prints it).
 */

import {
  DETENTION_CONDITIONS,
  isReachable,
  type DetentionConditionsName,
  type PrisonerStatusName,
} from "#app/schemas/prisoners.ts";

export const FACILITY_TYPE_NAMES = [
  "sizo",
  "colony",
  "prison",
  "open_institution",
  "home_confinement",
  "juvenile_colony",
  "police_jail",
  "psychiatric_hospital",
] as const;
export type FacilityTypeName = (typeof FACILITY_TYPE_NAMES)[number];
export const PACKAGE_KINDS = ["parcel", "small_package"] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];
export const SENDER_KINDS = ["volunteer", "relative", "fund"] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** Facilities that take parcels from relatives only (colonies, prisons). */
export const RELATIVES_ONLY_FACILITY_TYPES: readonly FacilityTypeName[] = ["colony", "juvenile_colony", "prison"];

/** Letter-post small packets: at most 2 kg (UPU). */
export const SMALL_PACKAGE_MAX_GRAMS = 2000;

/**
 * Customs form: CN22 for a small package worth at most €300 and weighing at most
 * 2 kg; CN23 for everything else, and always for parcels (UPU: CN22 is for
 * letter-post items up to 300 SDR; postal parcels always carry a CN23). €300 is
 * below 300 SDR at any recent exchange rate, so the threshold is safe.
 */
export const CN22_MAX_VALUE_CENTS = 30_000;
export const CN22_MAX_WEIGHT_GRAMS = 2000;

export interface RuleFacility {
  type: FacilityTypeName;
  parcelsFromAbroad: boolean;
  /** Facility data a coordinator edits: parcels from relatives only. Left out: decided by the type, as before. */
  parcelsRelativesOnly?: boolean;
  parcelQuotaPerYear: number | null;
  /**
   * Parcels a year by the person's conditions of detention (обычные, облегчённые,
   * строгие); a condition left null (or the whole object left out) falls back to
   * parcelQuotaPerYear.
   */
  parcelQuotaByConditions?: Partial<Record<DetentionConditionsName, number | null>> | null;
  smallPackageQuotaPerYear: number | null;
  parcelWeightLimitGrams: number | null;
  parcelMonthlyWeightLimitGrams: number | null;
}

export interface RulePrisoner {
  status: PrisonerStatusName;
  /** False when letters and parcels cannot reach the person now (omit: they can). */
  canWrite?: boolean;
  sentenceInForce: boolean | null;
  doNotWrite: boolean;
  /** Conditions of detention; null or left out: not known. */
  conditions?: DetentionConditionsName | null;
}

export interface RuleItem {
  catalogItemId: string | null;
  /** Names for messages and the customs form; a free-text item has its text and its English line. */
  nameRu: string;
  nameEn: string;
  freeText: string | null;
  /** The sender's English line for a free-text item (required: the customs form prints it). */
  freeTextEn?: string | null;
  quantity: number;
  unitWeightGrams: number;
  unitValueCents: number;
  perishable: boolean;
  bannedFacilityTypes: readonly FacilityTypeName[];
}

/** What was already sent to the person (parcels in state sent or closed). */
export interface RuleHistory {
  /** The calendar year and month (UTC) the counts are for: "2026", "2026-11". */
  year: number;
  month: string;
  sentThisYear: Record<PackageKind, number>;
  gramsThisMonth: number;
}

export interface RuleBannedTerm {
  term: string;
  reason?: string | null;
}

export interface ParcelCheckInput {
  prisoner: RulePrisoner;
  facility: RuleFacility | null;
  /**
   * boxWeightGrams: the packaging, counted in the gross weight the limits apply
   * to (default 0). domestic: sender and facility in the same country (no
   * customs declaration). destination: the facility's country (EAEU duty-free
   * warning for items from abroad).
   */
  parcel: {
    packageKind: PackageKind;
    senderKind: SenderKind;
    fromAbroad: boolean;
    boxWeightGrams?: number;
    domestic?: boolean;
    destination?: "BY" | "RU";
    senderDetails?: string | null;
  };
  items: RuleItem[];
  history: RuleHistory;
  bannedTerms: readonly RuleBannedTerm[];
  /** Whether an active routing service carries parcels to this country (omit: not checked). */
  routeAvailable?: boolean;
}

export const PROBLEM_CODES = [
  "noFacility",
  "released",
  "doNotWrite",
  "relativesOnly",
  "abroadNotAccepted",
  "abroadNotPretrial",
  "noRoute",
  "quota",
  "weight",
  "monthlyWeight",
  "smallPackageWeight",
  "empty",
  "perishable",
  "bannedItem",
  "bannedTerm",
  "vague",
  "senderAddress",
  "englishMissing",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ParcelProblem {
  code: ProblemCode;
  /** Numbers and words the message needs; item problems carry itemRu/itemEn. */
  params: Record<string, string | number>;
  /** Index of the item the problem is about. */
  item?: number;
}

export interface ParcelTotals {
  /** The items' weight (net). */
  weightGrams: number;
  /** Items plus the box: what the post office weighs and the limits apply to. */
  grossWeightGrams: number;
  valueCents: number;
  /** Number of units (sum of quantities). */
  units: number;
}

/** Advice that does not stop the parcel. */
export interface ParcelWarning {
  code: "dutyFree" | "conditionsUnknown";
  params: Record<string, string | number>;
}

export interface ParcelQuota {
  quota: number | null;
  /** The conditions whose quota applies (null: the facility's general quota). */
  conditions: DetentionConditionsName | null;
  /** True when the person's conditions are not known and the strictest quota is assumed. */
  assumedStrictest: boolean;
}

/**
 * The yearly parcel quota for this person at this facility. When the facility
 * holds quotas per conditions of detention, the person's conditions pick one; if
 * their conditions are not known, the strictest (smallest) of them applies, so a
 * parcel is never let through on a guess. A condition without a quota of its own,
 * and a facility without any, use the general quota.
 */
export function parcelQuotaFor(
  facility: Pick<RuleFacility, "parcelQuotaPerYear" | "parcelQuotaByConditions">,
  prisoner: Pick<RulePrisoner, "conditions">,
): ParcelQuota {
  const general: ParcelQuota = { quota: facility.parcelQuotaPerYear, conditions: null, assumedStrictest: false };
  const byConditions = facility.parcelQuotaByConditions ?? {};
  const set = DETENTION_CONDITIONS.flatMap((c) => {
    const quota = byConditions[c];
    return quota === null || quota === undefined ? [] : [{ conditions: c, quota }];
  });
  if (set.length === 0) return general;
  const own = prisoner.conditions ? set.find((s) => s.conditions === prisoner.conditions) : undefined;
  if (own) return { ...own, assumedStrictest: false };
  if (prisoner.conditions) return general;
  const strictest = set.reduce((a, b) => (b.quota < a.quota ? b : a));
  // The general quota, when set and smaller, is stricter still.
  if (general.quota !== null && general.quota < strictest.quota) return { ...general, assumedStrictest: true };
  return { ...strictest, assumedStrictest: true };
}

export interface ParcelVerdict {
  ok: boolean;
  problems: ParcelProblem[];
  warnings: ParcelWarning[];
  totals: ParcelTotals;
  customsForm: "CN22" | "CN23";
  /** What goes with the parcel: a customs declaration from abroad, an inventory (Russia: form 107) within the country. */
  customsDocument: CustomsDocument;
}

export type CustomsDocument = "CN22" | "CN23" | "inventory";

/**
 * EAEU duty-free limit for postal items to individuals (Belarus and Russia):
 * 200 EUR and 31 kg gross. A detainee cannot pay duty, so above it the parcel
 * risks being held.
 */
export const EAEU_DUTY_FREE_CENTS = 20_000;
export const EAEU_DUTY_FREE_GRAMS = 31_000;

export function parcelTotals(
  items: readonly Pick<RuleItem, "quantity" | "unitWeightGrams" | "unitValueCents">[],
  boxWeightGrams = 0,
): ParcelTotals {
  const net = items.reduce(
    (t, i) => ({
      weightGrams: t.weightGrams + i.quantity * i.unitWeightGrams,
      valueCents: t.valueCents + i.quantity * i.unitValueCents,
      units: t.units + i.quantity,
    }),
    { weightGrams: 0, valueCents: 0, units: 0 },
  );
  return { ...net, grossWeightGrams: net.weightGrams + (net.units > 0 ? boxWeightGrams : 0) };
}

/** No customs declaration for a domestic parcel (an inventory is enough); otherwise CN 22 or CN 23. */
export function customsDocumentFor(
  packageKind: PackageKind,
  totals: Pick<ParcelTotals, "weightGrams" | "valueCents">,
  domestic: boolean,
): CustomsDocument {
  return domestic ? "inventory" : customsFormFor(packageKind, totals);
}

export function customsFormFor(
  packageKind: PackageKind,
  totals: Pick<ParcelTotals, "weightGrams" | "valueCents">,
): "CN22" | "CN23" {
  return packageKind === "small_package" &&
    totals.valueCents <= CN22_MAX_VALUE_CENTS &&
    totals.weightGrams <= CN22_MAX_WEIGHT_GRAMS
    ? "CN22"
    : "CN23";
}

/** A pre-trial detainee, or someone convicted whose sentence is not yet in force (under appeal). */
export function sentenceNotInForce(prisoner: Pick<RulePrisoner, "status" | "sentenceInForce">): boolean {
  if (prisoner.sentenceInForce === true) return false;
  return prisoner.status === "pretrial" || (prisoner.status === "convicted" && prisoner.sentenceInForce === false);
}

// ───────────────────────────── Banned terms ─────────────────────────────

/** Lower case, ё → е, every run of non-letters/digits one space, padded: " word word ". */
export function normalizeForMatching(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return ` ${words.join(" ")} `;
}

/**
 * A term matches at the start of a word, so a stem matches every form ("алкогол"
 * matches "алкоголь", "алкогольный"; "knife" matches "knifes") but not the middle
 * of another word. A term written in capitals ("SIM") matches only the whole word.
 * Case never matters in the text.
 */
export function bannedTermMatches(text: string, term: string): boolean {
  const normalizedTerm = normalizeForMatching(term).trim();
  if (!normalizedTerm) return false;
  const letters = term.replace(/[^\p{L}]/gu, "");
  const wholeWord = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const haystack = normalizeForMatching(text);
  return haystack.includes(wholeWord ? ` ${normalizedTerm} ` : ` ${normalizedTerm}`);
}

export function findBannedTerm<T extends RuleBannedTerm>(text: string, terms: readonly T[]): T | null {
  return terms.find((t) => bannedTermMatches(text, t.term)) ?? null;
}

/** Words that say nothing about what is inside: customs refuse "gift" alone. */
const VAGUE_WORDS = new Set([
  "gift",
  "gifts",
  "present",
  "presents",
  "parcel",
  "package",
  "stuff",
  "things",
  "items",
  "goods",
  "misc",
  "miscellaneous",
  "various",
  "other",
  "personal",
  "подарок",
  "подарки",
  "подарков",
  "посылка",
  "посылки",
  "передача",
  "вещи",
  "разное",
  "прочее",
  "товары",
  "личные",
  "сувенир",
  "сувениры",
  "падарунак",
  "падарункі",
  "рэчы",
  "пасылка",
]);
const FILLER_WORDS = new Set(["a", "an", "the", "some", "and", "for", "of", "и", "для", "с", "i", "і", "на"]);

/** True when a free-text description is only words like "gift" or "things". */
export function isVagueDescription(text: string): boolean {
  const words = normalizeForMatching(text)
    .trim()
    .split(" ")
    .filter((w) => w && !FILLER_WORDS.has(w));
  return words.length === 0 || words.every((w) => VAGUE_WORDS.has(w));
}

// ───────────────────────────── The verdict ─────────────────────────────

function itemParams(item: RuleItem): Record<string, string> {
  return { itemRu: item.nameRu, itemEn: item.nameEn };
}

/** Sender details hold a name and at least one address line (a relay address is fine). */
export function hasSenderAddress(details: string | null): boolean {
  const lines = (details ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length >= 2;
}

export function checkParcel(input: ParcelCheckInput): ParcelVerdict {
  const { prisoner, facility, parcel, items, history } = input;
  const problems: ParcelProblem[] = [];
  const add = (code: ProblemCode, params: Record<string, string | number> = {}, item?: number) =>
    problems.push(item === undefined ? { code, params } : { code, params, item });
  const totals = parcelTotals(items, parcel.boxWeightGrams ?? 0);
  const gross = totals.grossWeightGrams;
  const warnings: ParcelWarning[] = [];

  // 1. The person.
  if (!isReachable({ status: prisoner.status, canWrite: prisoner.canWrite ?? true })) add("released");
  else if (prisoner.doNotWrite) add("doNotWrite");
  if (!facility) add("noFacility");

  if (facility) {
    // 2. Who may send.
    const relativesOnly = facility.parcelsRelativesOnly ?? RELATIVES_ONLY_FACILITY_TYPES.includes(facility.type);
    if (relativesOnly && parcel.senderKind !== "relative") add("relativesOnly");
    if (parcel.fromAbroad) {
      if (!facility.parcelsFromAbroad) add("abroadNotAccepted");
      else if (!sentenceNotInForce(prisoner)) add("abroadNotPretrial");
    }
  }
  if (input.routeAvailable === false) add("noRoute");

  if (facility) {
    // 3. The yearly quota for this kind of package (parcels: by the person's conditions of detention).
    const parcelQuota = parcelQuotaFor(facility, prisoner);
    const quota = parcel.packageKind === "small_package" ? facility.smallPackageQuotaPerYear : parcelQuota.quota;
    const used = history.sentThisYear[parcel.packageKind] ?? 0;
    if (quota !== null && used + 1 > quota) {
      const conditions = parcel.packageKind === "parcel" && parcelQuota.conditions ? parcelQuota.conditions : null;
      add("quota", {
        kind: parcel.packageKind,
        quota,
        used,
        year: history.year,
        ...(conditions ? { conditions, assumed: parcelQuota.assumedStrictest ? 1 : 0 } : {}),
      });
    }
    if (parcel.packageKind === "parcel" && parcelQuota.assumedStrictest && quota !== null)
      warnings.push({ code: "conditionsUnknown", params: { quota } });

    // 4. Weight.
    // 4. Weight: whole grams, gross (items and box), never rounded before comparing.
    if (facility.parcelWeightLimitGrams !== null && gross > facility.parcelWeightLimitGrams) {
      add("weight", { weightGrams: gross, limitGrams: facility.parcelWeightLimitGrams });
    }
    const monthly = facility.parcelMonthlyWeightLimitGrams;
    if (monthly !== null && totals.weightGrams > 0 && history.gramsThisMonth + gross > monthly) {
      add("monthlyWeight", {
        weightGrams: gross,
        alreadyGrams: history.gramsThisMonth,
        limitGrams: monthly,
        month: history.month,
      });
    }
  }
  if (parcel.packageKind === "small_package" && gross > SMALL_PACKAGE_MAX_GRAMS) {
    add("smallPackageWeight", { weightGrams: gross, limitGrams: SMALL_PACKAGE_MAX_GRAMS });
  }

  // 5. The contents.
  if (items.length === 0) add("empty");
  items.forEach((item, index) => {
    if (item.perishable) add("perishable", itemParams(item), index);
    if (facility && item.catalogItemId && item.bannedFacilityTypes.includes(facility.type))
      add("bannedItem", { ...itemParams(item), facilityType: facility.type }, index);
    if (item.freeText !== null) {
      const english = item.freeTextEn?.trim() ?? "";
      const banned =
        findBannedTerm(item.freeText, input.bannedTerms) ??
        (english ? findBannedTerm(english, input.bannedTerms) : null);
      if (banned) add("bannedTerm", { ...itemParams(item), term: banned.term }, index);
      // "Gift" in the English line is what the customs officer reads: as vague as in Russian.
      if (isVagueDescription(item.freeText) || (english && isVagueDescription(english)))
        add("vague", itemParams(item), index);
      // A draft saved before the English line was required (the form asks for it now).
      if (!english) add("englishMissing", itemParams(item), index);
    }
  });

  const domestic = parcel.domestic ?? false;
  // 6. A customs declaration (CN 22 or CN 23) names the sender with an address: a name alone is refused.
  if (!domestic && parcel.senderDetails !== undefined && !hasSenderAddress(parcel.senderDetails)) {
    add("senderAddress", { form: customsFormFor(parcel.packageKind, totals) });
  }

  if (!domestic && parcel.destination && (totals.valueCents > EAEU_DUTY_FREE_CENTS || gross > EAEU_DUTY_FREE_GRAMS)) {
    warnings.push({
      code: "dutyFree",
      params: {
        valueCents: totals.valueCents,
        limitCents: EAEU_DUTY_FREE_CENTS,
        weightGrams: gross,
        limitGrams: EAEU_DUTY_FREE_GRAMS,
      },
    });
  }

  return {
    ok: problems.length === 0,
    problems,
    warnings,
    totals,
    customsForm: customsFormFor(parcel.packageKind, totals),
    customsDocument: customsDocumentFor(parcel.packageKind, totals, domestic),
  };
}

// ───────────────────────────── Quota year ─────────────────────────────

/** Russian regions outside Moscow time, by a word of the region's name (Cyrillic, lower case). */
const RUSSIAN_ZONES: readonly [string, string][] = [
  ["калинингр", "Europe/Kaliningrad"],
  ["самар", "Europe/Samara"],
  ["удмурт", "Europe/Samara"],
  ["ульянов", "Europe/Ulyanovsk"],
  ["астрахан", "Europe/Astrakhan"],
  ["саратов", "Europe/Saratov"],
  ["свердлов", "Asia/Yekaterinburg"],
  ["челябин", "Asia/Yekaterinburg"],
  ["курган", "Asia/Yekaterinburg"],
  ["тюмен", "Asia/Yekaterinburg"],
  ["оренбург", "Asia/Yekaterinburg"],
  ["башк", "Asia/Yekaterinburg"],
  ["перм", "Asia/Yekaterinburg"],
  ["ханты", "Asia/Yekaterinburg"],
  ["ямал", "Asia/Yekaterinburg"],
  ["омск", "Asia/Omsk"],
  ["новосиб", "Asia/Novosibirsk"],
  ["томск", "Asia/Tomsk"],
  ["алтай", "Asia/Barnaul"],
  ["кемеров", "Asia/Novokuznetsk"],
  ["кузбасс", "Asia/Novokuznetsk"],
  ["красноярск", "Asia/Krasnoyarsk"],
  ["хакас", "Asia/Krasnoyarsk"],
  ["тыва", "Asia/Krasnoyarsk"],
  ["иркутск", "Asia/Irkutsk"],
  ["бурят", "Asia/Irkutsk"],
  ["забайкал", "Asia/Chita"],
  ["амур", "Asia/Yakutsk"],
  ["якут", "Asia/Yakutsk"],
  ["саха", "Asia/Yakutsk"],
  ["примор", "Asia/Vladivostok"],
  ["хабаров", "Asia/Vladivostok"],
  ["еврейск", "Asia/Vladivostok"],
  ["магадан", "Asia/Magadan"],
  ["сахалин", "Asia/Sakhalin"],
  ["камчат", "Asia/Kamchatka"],
  ["чукот", "Asia/Anadyr"],
];

/** The facility's time zone: Belarus is Europe/Minsk; Russia Europe/Moscow unless its region lies in another zone. */
export function facilityTimeZone(country: "BY" | "RU", region: string | null | undefined): string {
  if (country === "BY") return "Europe/Minsk";
  const r = (region ?? "").toLowerCase();
  // "Омск" must not catch "Томск": check the longer names first.
  const hit = [...RUSSIAN_ZONES].sort((a, b) => b[0].length - a[0].length).find(([word]) => r.includes(word));
  return hit ? hit[1] : "Europe/Moscow";
}

/** The calendar year and month of a moment in a time zone: { year: 2026, month: "2026-12" }. */
export function localYearMonth(at: Date, timeZone: string): { year: number; month: string } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = parts.find((p) => p.type === "month")?.value ?? "01";
  return { year, month: `${year}-${month}` };
}

/** Final statuses of a parcel that never reached the person: such parcels do not count against a quota. */
export const NOT_RECEIVED_STATUSES: readonly string[] = ["returned", "refused"];

/**
 * Whether an earlier parcel counts against the quota the person has now: it
 * went to the current facility, during the current stay there (parcels received
 * in pre-trial detention elsewhere do not count against the colony's quota),
 * and it was not returned or refused.
 */
export function countsTowardQuota(
  parcel: { facilityId: string | null; status: string | null; sentAt: Date | null },
  current: { facilityId: string; stayStartedAt: Date | null },
): boolean {
  if (parcel.facilityId !== current.facilityId || !parcel.sentAt) return false;
  if (parcel.status !== null && NOT_RECEIVED_STATUSES.includes(parcel.status)) return false;
  return current.stayStartedAt === null || parcel.sentAt >= current.stayStartedAt;
}

// ───────────────────────────── One verdict for the page, the action and the CLI ─────────────────────────────

/** A catalogue entry as the rules see it. */
export interface RuleCatalogEntry {
  id: string;
  nameRu: string;
  nameEn: string;
  unitWeightGrams: number;
  typicalValueCents: number;
  perishable: boolean;
  bannedFacilityTypes: readonly FacilityTypeName[];
}

/** An item as stored: weight and value per unit, copied from the catalogue for a catalogue item. */
export interface StoredItem {
  catalogItemId: string | null;
  freeText: string | null;
  freeTextEn: string | null;
  quantity: number;
  unitWeightGrams: number;
  unitValueCents: number;
}

/**
 * An item as a form or a file gives it → as it is stored: a catalogue item takes
 * the catalogue's weight and value (null when the catalogue has no such item); a
 * free-text item keeps its own.
 */
export function storedItem(
  input: {
    catalogItemId: string | null;
    freeText: string | null;
    freeTextEn?: string | null;
    quantity: number;
    unitWeightGrams: number | null;
    unitValueCents: number | null;
  },
  catalog: ReadonlyMap<string, RuleCatalogEntry>,
): StoredItem | null {
  if (input.catalogItemId) {
    const entry = catalog.get(input.catalogItemId);
    if (!entry) return null;
    return {
      catalogItemId: entry.id,
      freeText: null,
      freeTextEn: null,
      quantity: input.quantity,
      unitWeightGrams: entry.unitWeightGrams,
      unitValueCents: entry.typicalValueCents,
    };
  }
  return {
    catalogItemId: null,
    freeText: input.freeText,
    freeTextEn: input.freeTextEn?.trim() || null,
    quantity: input.quantity,
    unitWeightGrams: input.unitWeightGrams ?? 0,
    unitValueCents: input.unitValueCents ?? 0,
  };
}

/** A stored item → what the rules check: names, perishability and bans come from its catalogue entry. */
export function ruleItem(
  item: Omit<StoredItem, "freeTextEn"> & { freeTextEn?: string | null },
  catalog: Pick<RuleCatalogEntry, "id" | "nameRu" | "nameEn" | "perishable" | "bannedFacilityTypes"> | null | undefined,
): RuleItem {
  if (catalog) {
    return {
      catalogItemId: catalog.id,
      nameRu: catalog.nameRu,
      nameEn: catalog.nameEn,
      freeText: null,
      quantity: item.quantity,
      unitWeightGrams: item.unitWeightGrams,
      unitValueCents: item.unitValueCents,
      perishable: catalog.perishable,
      bannedFacilityTypes: catalog.bannedFacilityTypes,
    };
  }
  const text = item.freeText ?? "";
  const english = item.freeTextEn?.trim() || null;
  return {
    catalogItemId: null,
    nameRu: text,
    nameEn: english ?? text,
    freeText: text,
    freeTextEn: english,
    quantity: item.quantity,
    unitWeightGrams: item.unitWeightGrams,
    unitValueCents: item.unitValueCents,
    perishable: false,
    bannedFacilityTypes: [],
  };
}

/**
 * What the verdict needs about the person besides the parcel: the server reads it
 * from the database (ruleContext in app/models/parcels.server.ts), the parcel page
 * gets the same object from its loader and checks in the browser as the person types.
 */
export interface VerdictContext {
  country: "BY" | "RU";
  prisoner: RulePrisoner;
  facility: RuleFacility | null;
  history: RuleHistory;
  bannedTerms: readonly RuleBannedTerm[];
  routes: readonly unknown[];
  /** The box every parcel is packed in (the coordinators' setting), counted in the gross weight. */
  boxWeightGrams?: number;
}

export function verdictFor(
  context: VerdictContext,
  parcel: { packageKind: PackageKind; senderKind: SenderKind; fromAbroad: boolean },
  items: RuleItem[],
  /** The decrypted sender details when they are known (a customs declaration needs an address). */
  senderDetails?: string | null,
): ParcelVerdict {
  return checkParcel({
    prisoner: context.prisoner,
    facility: context.facility,
    parcel: {
      packageKind: parcel.packageKind,
      senderKind: parcel.senderKind,
      fromAbroad: parcel.fromAbroad,
      boxWeightGrams: context.boxWeightGrams ?? 0,
      // Sent from inside the country: no customs declaration; from abroad: the EAEU duty-free limit applies.
      domestic: !parcel.fromAbroad,
      destination: context.country,
      senderDetails,
    },
    items,
    history: context.history,
    bannedTerms: context.bannedTerms,
    routeAvailable: context.routes.length > 0,
  });
}
