import { describe, expect, test } from "vitest";
import { formatDate } from "#app/i18n/dates.ts";
import { checkParcel, type ParcelCheckInput } from "#app/parcels/rules.ts";
import { DEFAULT_BANNED_TERMS, DEFAULT_CATALOG } from "#app/parcels/defaults.ts";
import { offeredInParcel } from "#app/parcels/catalog-offer.ts";
import { describeProblem } from "#app/parcels/messages.ts";

describe("dates are formatted from bundled data, the same on the server and in any browser", () => {
  const moment = new Date("2026-12-04T13:05:09Z");
  test("a day in en, ru and be", () => {
    expect(formatDate("en", moment)).toBe("4 Dec 2026");
    expect(formatDate("ru", moment)).toBe("4 дек. 2026 г.");
    expect(formatDate("be", moment)).toBe("4 сне 2026 г.");
    expect(formatDate("be", moment, "long")).toBe("4 снежня 2026 г.");
    expect(formatDate("ru", moment, "monthYear")).toBe("Декабрь 2026");
  });
  test("a moment in the configured time zone, with 24-hour time in ru and be", () => {
    expect(formatDate("en", moment, "dateTime")).toBe("4 Dec 2026, 1:05 PM");
    expect(formatDate("be", moment, "dateTime", { timeZone: "Europe/Minsk" })).toBe("4 сне 2026 г., 16:05");
    expect(formatDate("ru", moment, "logTime")).toBe("04.12.2026, 13:05:09");
    // Just before midnight in UTC is already the next day in Minsk.
    expect(formatDate("ru", "2026-12-31T22:30:00Z", "date", { timeZone: "Europe/Minsk" })).toBe("1 янв. 2027 г.");
  });
  test("a calendar day stays the same day in every time zone", () => {
    expect(formatDate("en", "2026-12-04", "date", { timeZone: "America/Los_Angeles" })).toBe("4 Dec 2026");
    expect(
      formatDate("en", new Date("2026-12-04T00:00:00Z"), "date", {
        timeZone: "America/Los_Angeles",
        calendarDay: true,
      }),
    ).toBe("4 Dec 2026");
  });
  test("nothing for no date", () => {
    expect(formatDate("en", null)).toBe("");
    expect(formatDate("en", "not a date")).toBe("");
  });
});

describe("parcels", () => {
  const base: ParcelCheckInput = {
    prisoner: { status: "pretrial", sentenceInForce: null, doNotWrite: false },
    facility: {
      type: "sizo",
      parcelsFromAbroad: true,
      parcelQuotaPerYear: null,
      smallPackageQuotaPerYear: null,
      parcelWeightLimitGrams: 30_000,
      parcelMonthlyWeightLimitGrams: null,
    },
    parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: true },
    items: [
      {
        catalogItemId: "tea",
        nameRu: "Чай",
        nameEn: "Tea",
        freeText: null,
        quantity: 1,
        unitWeightGrams: 100,
        unitValueCents: 250,
        perishable: false,
        bannedFacilityTypes: [],
      },
    ],
    history: { year: 2026, month: "2026-12", sentThisYear: { parcel: 0, small_package: 0 }, gramsThisMonth: 0 },
    bannedTerms: DEFAULT_BANNED_TERMS,
    routeAvailable: true,
  };
  const codes = (senderDetails: string | null | undefined, domestic = false) =>
    checkParcel({ ...base, parcel: { ...base.parcel, domestic, fromAbroad: !domestic, senderDetails } }).problems.map(
      (p) => p.code,
    );

  test("a CN 23 without the sender's address is refused; a name with an address line passes", () => {
    expect(codes("Лясная птушка")).toEqual(["senderAddress"]);
    expect(codes(null)).toEqual(["senderAddress"]);
    expect(codes("Лясная птушка\nul. Prosta 1, 00-001 Warszawa, Poland")).toEqual([]);
    // A domestic parcel has no customs declaration.
    expect(codes("Лясная птушка", true)).toEqual([]);
    const problem = checkParcel({ ...base, parcel: { ...base.parcel, senderDetails: "Name" } }).problems[0];
    expect(describeProblem("en", problem)).toContain("CN 23");
  });

  test("an item every facility refuses is not offered; one the person's facility refuses is not either", () => {
    const vitamins = {
      bannedFacilityTypes: DEFAULT_CATALOG.find((c) => c.nameEn === "Vitamins (tablets)")!.bannedFacilityTypes ?? [],
    };
    expect(offeredInParcel(vitamins, "sizo")).toBe(false);
    expect(offeredInParcel(vitamins, null)).toBe(false);
    expect(offeredInParcel({ bannedFacilityTypes: ["police_jail"] }, "sizo")).toBe(true);
    expect(offeredInParcel({ bannedFacilityTypes: ["police_jail"] }, "police_jail")).toBe(false);
  });
});

describe("the organisation in the footer", () => {
  test("named and reachable through the environment; a wrong time zone stops the server with one sentence", async () => {
    const { organisation, ConfigurationError } = await import("#app/utils/config.server.ts");
    const saved = { ...process.env };
    try {
      delete process.env.ORGANISATION_NAME;
      delete process.env.ORGANISATION_CONTACT;
      delete process.env.APP_TIME_ZONE;
      expect(organisation()).toEqual({ name: "Solidarity Mail", contact: null, timeZone: "UTC" });
      process.env.ORGANISATION_NAME = "Letters for Freedom e.V.";
      process.env.ORGANISATION_CONTACT = "hello@example.org";
      process.env.APP_TIME_ZONE = "Europe/Warsaw";
      expect(organisation()).toEqual({
        name: "Letters for Freedom e.V.",
        contact: "hello@example.org",
        timeZone: "Europe/Warsaw",
      });
      process.env.APP_TIME_ZONE = "Mars/Olympus";
      expect(() => organisation()).toThrow(ConfigurationError);
    } finally {
      process.env = saved;
    }
  });
});

describe("plural forms without the runtime's locale data", () => {
  test("Russian and Belarusian forms as Intl gives them on the server", async () => {
    const { translate } = await import("#app/i18n/i18n.ts");
    for (const n of [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1.5]) {
      for (const locale of ["ru", "be"] as const) {
        const expected = new Intl.PluralRules(locale).select(n);
        const got = translate(locale, "items.stuckCount", { count: n });
        const forms = { ru: ["застряло", "застряли"], be: ["затрымалася", "затрымаліся"] }[locale];
        expect(got, `${locale} ${n} (${expected})`).toContain(expected === "one" ? forms[0] : forms[1]);
      }
    }
  });
});
