import { describe, expect, test } from "vitest";
import { defaultFacilityRules } from "#app/facilities/default-rules.ts";
import { checkParcel, type ParcelCheckInput } from "#app/parcels/rules.ts";
import { isReachable, PRISONER_STATUSES } from "#app/schemas/prisoners.ts";
import { routeEligibility, type RouteInfo } from "#app/letters/route-eligibility.ts";
import { DEFAULT_BANNED_TERMS } from "#app/parcels/defaults.ts";
import { situationTimeline } from "#app/models/situation-timeline.ts";

const TEA = {
  catalogItemId: "tea",
  nameRu: "Чай чёрный, 100 г",
  nameEn: "Black tea, 100 g",
  freeText: null,
  quantity: 2,
  unitWeightGrams: 100,
  unitValueCents: 250,
  perishable: false,
  bannedFacilityTypes: [],
};

function parcelTo(
  type: "open_institution" | "home_confinement" | "colony" | "sizo",
  over: Partial<ParcelCheckInput> = {},
): ParcelCheckInput {
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
    expect(reachable).toEqual([
      "pretrial",
      "convicted",
      "open_institution",
      "restricted_at_home",
      "house_arrest",
      "compulsory_treatment",
      "at_liberty",
      "unknown",
    ]);
    expect(isReachable({ status: "convicted", canWrite: false })).toBe(false);
  });

  test("no route carries a letter to someone letters cannot reach now", () => {
    const route: RouteInfo = {
      id: "r",
      slug: "bank",
      name: "Bank",
      countries: ["BY"],
      itemKinds: ["letter"],
      languages: ["ru"],
      translates: false,
      handover: "bank",
      handoverEmail: null,
      active: true,
      position: 0,
    };
    const ctx = { country: "BY" as const, kind: "letter" as const, language: "ru", facility: null };
    const prisoner = { doNotWrite: false, incommunicado: false, relativesOnly: false };
    expect(
      routeEligibility([route], { ...ctx, prisoner: { ...prisoner, status: "restricted_at_home", canWrite: true } })
        .verdicts[0].eligible,
    ).toBe(true);
    expect(
      routeEligibility([route], { ...ctx, prisoner: { ...prisoner, status: "deceased", canWrite: true } }).verdicts[0]
        .refusals,
    ).toEqual(["released"]);
    expect(
      routeEligibility([route], { ...ctx, prisoner: { ...prisoner, status: "convicted", canWrite: false } }).verdicts[0]
        .refusals,
    ).toEqual(["released"]);
  });

  test("no parcel goes to a deceased person or one letters cannot reach", () => {
    expect(
      codes(parcelTo("sizo", { prisoner: { status: "deceased", sentenceInForce: null, doNotWrite: false } })),
    ).toContain("released");
    expect(
      codes(
        parcelTo("sizo", {
          prisoner: { status: "pretrial", canWrite: false, sentenceInForce: null, doNotWrite: false },
        }),
      ),
    ).toContain("released");
  });
});

describe("default facility rules", () => {
  test("an open-type institution takes letters and parcels from anyone inside the country, with no quota", () => {
    expect(defaultFacilityRules("open_institution", "BY")).toMatchObject({
      acceptsNonRelativeLetters: true,
      parcelsFromAbroad: false,
      parcelQuotaPerYear: null,
      languages: ["ru", "be"],
    });
    const domestic = { packageKind: "parcel" as const, senderKind: "volunteer" as const, fromAbroad: false };
    expect(codes(parcelTo("open_institution", { parcel: domestic }))).toEqual([]);
    expect(codes(parcelTo("colony", { parcel: domestic }))).toEqual(["relativesOnly"]);
  });

  test("home restriction takes no parcels through the platform; a colony none from a volunteer abroad", () => {
    expect(codes(parcelTo("home_confinement"))).toContain("quota");
    expect(codes(parcelTo("colony"))).toEqual(expect.arrayContaining(["relativesOnly", "abroadNotAccepted"]));
  });

  test("a SIZO takes parcels from abroad up to 30 kg a month; Russian facilities default to Russian", () => {
    expect(defaultFacilityRules("sizo", "RU")).toMatchObject({
      parcelsFromAbroad: true,
      parcelMonthlyWeightLimitGrams: 30_000,
      languages: ["ru"],
    });
    expect(defaultFacilityRules("juvenile_colony", "BY")).toMatchObject({
      parcelQuotaPerYear: 6,
      smallPackageQuotaPerYear: 2,
    });
  });
});

describe("the situation timeline", () => {
  test("arrest, verdict, places, changes, release and death in the order they happened", () => {
    const events = situationTimeline({
      detainedOn: "2022-03-02",
      verdictOn: "2022-06-14",
      releasedOn: "2024-03-01",
      releaseKind: "pardon",
      diedOn: null,
      status: "released",
      stays: [
        { facility: "ИК №4, Гомель", from: "2022-07-20", to: "2024-03-01" },
        { facility: "СИЗО №1, Минск", from: "2022-03-04", to: "2022-07-01" },
      ],
      changes: [
        { status: "convicted", occurredOn: null, recordedOn: "2022-06-20", releaseKind: null, note: null },
        { status: "released", occurredOn: "2024-03-01", recordedOn: "2024-03-05", releaseKind: "pardon", note: "wave" },
      ],
    });
    expect(events.map((e) => [e.kind, e.on])).toEqual([
      ["arrest", "2022-03-02"],
      ["facility", "2022-03-04"],
      ["verdict", "2022-06-14"],
      ["situation", "2022-06-20"],
      ["facility", "2022-07-20"],
      ["release", "2024-03-01"],
    ]);
    expect(events.filter((e) => e.kind === "facility").map((e) => e.kind === "facility" && e.first)).toEqual([
      true,
      false,
    ]);
    expect(events.at(-1)).toMatchObject({ kind: "release", releaseKind: "pardon", note: "wave" });
  });

  test("a release or death known only from the record is still shown, once", () => {
    const base = { detainedOn: null, verdictOn: null, releaseKind: null, stays: [], changes: [] };
    expect(situationTimeline({ ...base, status: "deceased", releasedOn: null, diedOn: "2026-02-19" })).toEqual([
      { kind: "death", on: "2026-02-19", note: null, sortOn: "2026-02-19" },
    ]);
    expect(
      situationTimeline({
        ...base,
        status: "released",
        releasedOn: "2025-05-24",
        releaseKind: "sentence_served",
        diedOn: null,
      }),
    ).toHaveLength(1);
    expect(situationTimeline({ ...base, status: "convicted", releasedOn: "2025-05-24", diedOn: null })).toEqual([]);
  });
});
