import { describe, expect, test } from "vitest";
import { defaultFacilityRules } from "#app/facilities/default-rules.ts";
import { checkParcel, type ParcelCheckInput } from "#app/parcels/rules.ts";
import { isReachable, PRISONER_STATUSES } from "#app/schemas/prisoners.ts";
import { routeEligibility, type RouteInfo } from "#app/letters/route-eligibility.ts";
import { DEFAULT_BANNED_TERMS } from "#app/parcels/defaults.ts";

const TEA = { catalogItemId: "tea", nameRu: "Чай чёрный, 100 г", nameEn: "Black tea, 100 g", freeText: null, quantity: 2, unitWeightGrams: 100, unitValueCents: 250, perishable: false, bannedFacilityTypes: [] };

function parcelTo(type: "open_institution" | "home_confinement" | "colony" | "sizo", over: Partial<ParcelCheckInput> = {}): ParcelCheckInput {
  const rules = defaultFacilityRules(type, "BY");
  return {
    prisoner: { status: "convicted", sentenceInForce: true, doNotWrite: false },
    facility: { type, ...rules },
    parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: true },
    items: [TEA],
    history: { year: 2026, month: "2026-11", sentThisYear: { parcel: 0, small_package: 0 }, gramsThisMonth: 0 },
    bannedTerms: DEFAULT_BANNED_TERMS,
    routeAvailable: true,
    ...over,
  };
}

const codes = (i: ParcelCheckInput) => checkParcel(i).problems.map((p) => p.code);

describe("who may be offered", () => {
  test("released, deceased and cannot-write people are not; everyone else is, at home or held", () => {
    const reachable = PRISONER_STATUSES.filter((status) => isReachable({ status, canWrite: true }));
    expect(reachable).toEqual(["pretrial", "convicted", "open_institution", "restricted_at_home", "house_arrest", "compulsory_treatment", "at_liberty", "unknown"]);
    expect(isReachable({ status: "convicted", canWrite: false })).toBe(false);
  });

  test("no route carries a letter to someone letters cannot reach now", () => {
    const route: RouteInfo = { id: "r", slug: "bank", name: "Bank", countries: ["BY"], itemKinds: ["letter"], languages: ["ru"], translates: false, handover: "bank", handoverEmail: null, active: true, position: 0 };
    const ctx = { country: "BY" as const, kind: "letter" as const, language: "ru", facility: null };
    const prisoner = { doNotWrite: false, incommunicado: false, relativesOnly: false };
    expect(routeEligibility([route], { ...ctx, prisoner: { ...prisoner, status: "restricted_at_home", canWrite: true } }).verdicts[0].eligible).toBe(true);
    expect(routeEligibility([route], { ...ctx, prisoner: { ...prisoner, status: "deceased", canWrite: true } }).verdicts[0].refusals).toEqual(["released"]);
    expect(routeEligibility([route], { ...ctx, prisoner: { ...prisoner, status: "convicted", canWrite: false } }).verdicts[0].refusals).toEqual(["released"]);
  });

  test("no parcel goes to a deceased person or one letters cannot reach", () => {
    expect(codes(parcelTo("sizo", { prisoner: { status: "deceased", sentenceInForce: null, doNotWrite: false } }))).toContain("released");
    expect(codes(parcelTo("sizo", { prisoner: { status: "pretrial", canWrite: false, sentenceInForce: null, doNotWrite: false } }))).toContain("released");
  });
});

describe("default facility rules", () => {
  test("an open-type institution takes letters and parcels from anyone inside the country, with no quota", () => {
    expect(defaultFacilityRules("open_institution", "BY")).toMatchObject({ acceptsNonRelativeLetters: true, parcelsFromAbroad: false, parcelQuotaPerYear: null, languages: ["ru", "be"] });
    const domestic = { packageKind: "parcel" as const, senderKind: "volunteer" as const, fromAbroad: false };
    expect(codes(parcelTo("open_institution", { parcel: domestic }))).toEqual([]);
    expect(codes(parcelTo("colony", { parcel: domestic }))).toEqual(["relativesOnly"]);
  });

  test("home restriction takes no parcels through the platform; a colony none from a volunteer abroad", () => {
    expect(codes(parcelTo("home_confinement"))).toContain("quota");
    expect(codes(parcelTo("colony"))).toEqual(expect.arrayContaining(["relativesOnly", "abroadNotAccepted"]));
  });

  test("a SIZO takes parcels from abroad up to 30 kg a month; Russian facilities default to Russian", () => {
    expect(defaultFacilityRules("sizo", "RU")).toMatchObject({ parcelsFromAbroad: true, parcelMonthlyWeightLimitGrams: 30_000, languages: ["ru"] });
    expect(defaultFacilityRules("juvenile_colony", "BY")).toMatchObject({ parcelQuotaPerYear: 6, smallPackageQuotaPerYear: 2 });
  });
});
