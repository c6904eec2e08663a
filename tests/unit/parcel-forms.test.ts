import { describe, expect, test } from "vitest";
import { parseMoneyToCents, parseParcelForm, trackingNumberSchema } from "#app/schemas/parcels.ts";
import { facilityEditSchema } from "#app/schemas/prisoners.ts";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe("parcel form", () => {
  test("rows become items; blank rows are ignored; catalogue rows keep no weight or value of their own", () => {
    const parsed = parseParcelForm(
      form({
        packageKind: "parcel",
        fromAbroad: "on",
        senderDetails: "  Forest Bird  ",
        "items.0.catalogItemId": "tea",
        "items.0.quantity": "3",
        "items.0.freeText": "ignored for a catalogue item",
        "items.1.catalogItemId": "",
        "items.1.freeText": "Шерстяные носки",
        "items.1.freeTextEn": "  Wool socks ",
        "items.1.quantity": "2",
        "items.1.unitWeightGrams": "120",
        "items.1.unitValue": "8,5",
        "items.2.catalogItemId": "",
        "items.2.quantity": "1",
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      data: {
        packageKind: "parcel",
        fromAbroad: true,
        senderKind: "volunteer",
        onBehalfOf: null,
        senderDetails: "Forest Bird",
        routeId: null,
        items: [
          {
            catalogItemId: "tea",
            freeText: null,
            freeTextEn: null,
            quantity: 3,
            unitWeightGrams: null,
            unitValueCents: null,
          },
          {
            catalogItemId: null,
            freeText: "Шерстяные носки",
            freeTextEn: "Wool socks",
            quantity: 2,
            unitWeightGrams: 120,
            unitValueCents: 850,
          },
        ],
      },
    });
  });

  test("each row's errors keep their row", () => {
    const parsed = parseParcelForm(
      form({
        packageKind: "parcel",
        "items.0.catalogItemId": "tea",
        "items.0.quantity": "0",
        "items.1.freeText": "Socks",
        "items.1.quantity": "1",
        "items.1.unitWeightGrams": "heavy",
        "items.1.unitValue": "",
        senderKind: "relative",
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        "items.0.quantity": "parcels.validation.quantity",
        "items.1.freeTextEn": "parcels.validation.englishRequired",
        "items.1.unitWeightGrams": "parcels.validation.weight",
        "items.1.unitValue": "parcels.validation.value",
        onBehalfOf: "parcels.validation.onBehalfOf",
      },
    });
  });

  test.each([
    ["", "parcels.validation.englishRequired"],
    ["   ", "parcels.validation.englishRequired"],
    ["Шерстяные носки", "parcels.validation.englishLatin"],
    ["Wool носки", "parcels.validation.englishLatin"],
    ["5", "parcels.validation.englishLatin"],
    ["Wool socks, 2 pairs", null],
    ["Chaussettes en laine", null],
  ])("a described item's English line %j → %j", (english, error) => {
    const parsed = parseParcelForm(
      form({
        packageKind: "parcel",
        "items.0.freeText": "Шерстяные носки",
        "items.0.freeTextEn": english,
        "items.0.quantity": "1",
        "items.0.unitWeightGrams": "120",
        "items.0.unitValue": "8",
      }),
    );
    if (error === null) {
      expect(parsed.ok && parsed.data.items[0].freeTextEn).toBe(english);
    } else {
      expect(parsed).toEqual({ ok: false, fieldErrors: { "items.0.freeTextEn": error } });
    }
  });

  test("a catalogue item needs no English line of its own (the catalogue has one)", () => {
    const parsed = parseParcelForm(
      form({ packageKind: "parcel", "items.0.catalogItemId": "tea", "items.0.quantity": "1" }),
    );
    expect(parsed.ok && parsed.data.items).toEqual([
      {
        catalogItemId: "tea",
        freeText: null,
        freeTextEn: null,
        quantity: 1,
        unitWeightGrams: null,
        unitValueCents: null,
      },
    ]);
  });

  test.each([
    ["3", 300],
    ["3.5", 350],
    ["3,50", 350],
    ["0.05", 5],
    ["12345", 1_234_500],
    ["3.555", null],
    ["-3", null],
    ["abc", null],
    ["", null],
  ])("money %j → %j cents", (input, cents) => {
    expect(parseMoneyToCents(input)).toBe(cents);
  });

  test("the tracking number is normalised, or refused with the part that is wrong", () => {
    expect(trackingNumberSchema.parse({ trackingNumber: "rr 473124829 gb" })).toEqual({
      trackingNumber: "RR473124829GB",
    });
    const wrong = trackingNumberSchema.safeParse({ trackingNumber: "RR473124828GB" });
    expect(wrong.success ? null : wrong.error.issues[0].message).toBe("parcels.s10.checkDigit");
    const short = trackingNumberSchema.safeParse({ trackingNumber: "RR4731GB" });
    expect(short.success ? null : short.error.issues[0].message).toBe("parcels.s10.length");
  });
});

describe("facility parcel rules form", () => {
  const base = {
    name: "СИЗО №1",
    type: "sizo",
    street: "ул. Володарского, 2",
    postcode: "220030",
    city: "г. Минск",
    languages: ["ru"],
  };

  test("weights are typed in kilograms and kept in grams; empty means no limit", () => {
    expect(
      facilityEditSchema.parse({
        ...base,
        parcelWeightLimitGrams: "30",
        parcelMonthlyWeightLimitGrams: "2,5",
        smallPackageQuotaPerYear: "2",
      }),
    ).toMatchObject({
      parcelWeightLimitGrams: 30_000,
      parcelMonthlyWeightLimitGrams: 2500,
      smallPackageQuotaPerYear: 2,
    });
    expect(
      facilityEditSchema.parse({ ...base, parcelWeightLimitGrams: "", parcelMonthlyWeightLimitGrams: "" }),
    ).toMatchObject({
      parcelWeightLimitGrams: null,
      parcelMonthlyWeightLimitGrams: null,
      smallPackageQuotaPerYear: null,
    });
    const wrong = facilityEditSchema.safeParse({ ...base, parcelMonthlyWeightLimitGrams: "30 kg" });
    expect(wrong.success ? null : wrong.error.issues[0].message).toBe("validation.kilograms");
  });
});
