import { describe, expect, test } from "vitest";
import {
  bannedTermMatches,
  checkParcel,
  countsTowardQuota,
  customsDocumentFor,
  customsFormFor,
  facilityTimeZone,
  findBannedTerm,
  isVagueDescription,
  localYearMonth,
  parcelQuotaFor,
  sentenceNotInForce,
  type ParcelCheckInput,
  type RuleFacility,
  type RuleItem,
} from "#app/parcels/rules.ts";
import { describeProblem, describeWarning } from "#app/parcels/messages.ts";
import { DEFAULT_BANNED_TERMS } from "#app/parcels/defaults.ts";
import { defaultFacilityRules } from "#app/facilities/default-rules.ts";

const SIZO: RuleFacility = {
  type: "sizo",
  parcelsFromAbroad: true,
  parcelQuotaPerYear: null,
  smallPackageQuotaPerYear: null,
  parcelWeightLimitGrams: 30_000,
  parcelMonthlyWeightLimitGrams: 30_000,
};

const TEA: RuleItem = {
  catalogItemId: "tea",
  nameRu: "Чай чёрный, 100 г",
  nameEn: "Black tea, 100 g",
  freeText: null,
  quantity: 2,
  unitWeightGrams: 100,
  unitValueCents: 250,
  perishable: false,
  bannedFacilityTypes: ["police_jail"],
};
const SUGAR: RuleItem = {
  ...TEA,
  catalogItemId: "sugar",
  nameRu: "Сахар, 1 кг",
  nameEn: "Sugar, 1 kg",
  quantity: 1,
  unitWeightGrams: 1000,
  unitValueCents: 120,
};
const free = (text: string, quantity = 1, grams = 100, cents = 500): RuleItem => ({
  catalogItemId: null,
  nameRu: text,
  nameEn: text,
  freeText: text,
  freeTextEn: text,
  quantity,
  unitWeightGrams: grams,
  unitValueCents: cents,
  perishable: false,
  bannedFacilityTypes: [],
});

function input(over: Partial<ParcelCheckInput> = {}): ParcelCheckInput {
  return {
    prisoner: { status: "pretrial", sentenceInForce: null, doNotWrite: false },
    facility: SIZO,
    parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: true },
    items: [TEA, SUGAR],
    history: { year: 2026, month: "2026-11", sentThisYear: { parcel: 0, small_package: 0 }, gramsThisMonth: 0 },
    bannedTerms: DEFAULT_BANNED_TERMS,
    routeAvailable: true,
    ...over,
  };
}

const codes = (i: ParcelCheckInput) => checkParcel(i).problems.map((p) => p.code);

describe("checkParcel", () => {
  test("a SIZO parcel from abroad for a pre-trial detainee passes, with totals and a CN 23", () => {
    const verdict = checkParcel(input());
    expect(verdict).toEqual({
      ok: true,
      problems: [],
      warnings: [],
      totals: { weightGrams: 1200, grossWeightGrams: 1200, valueCents: 620, units: 3 },
      customsForm: "CN23",
      customsDocument: "CN23",
    });
  });

  test("the person: no facility, released, asked not to be contacted", () => {
    expect(codes(input({ facility: null }))).toEqual(["noFacility"]);
    expect(codes(input({ prisoner: { status: "released", sentenceInForce: true, doNotWrite: false } }))).toContain(
      "released",
    );
    expect(codes(input({ prisoner: { status: "pretrial", sentenceInForce: null, doNotWrite: true } }))).toEqual([
      "doNotWrite",
    ]);
  });

  test("from abroad: only facilities that accept it, only pre-trial detainees whose sentence is not in force", () => {
    expect(codes(input({ facility: { ...SIZO, parcelsFromAbroad: false } }))).toEqual(["abroadNotAccepted"]);
    expect(codes(input({ prisoner: { status: "convicted", sentenceInForce: true, doNotWrite: false } }))).toEqual([
      "abroadNotPretrial",
    ]);
    // Convicted, under appeal: the sentence is not in force yet.
    expect(codes(input({ prisoner: { status: "convicted", sentenceInForce: false, doNotWrite: false } }))).toEqual([]);
    expect(codes(input({ prisoner: { status: "unknown", sentenceInForce: null, doNotWrite: false } }))).toEqual([
      "abroadNotPretrial",
    ]);
    // Not from abroad: the SIZO takes it from anyone.
    expect(
      codes(
        input({
          facility: { ...SIZO, parcelsFromAbroad: false },
          parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: false },
        }),
      ),
    ).toEqual([]);
  });

  test("colonies and prisons take parcels from relatives only", () => {
    const colony: RuleFacility = { ...SIZO, type: "colony", parcelsFromAbroad: false };
    const convicted = { status: "convicted" as const, sentenceInForce: true, doNotWrite: false };
    expect(
      codes(
        input({
          facility: colony,
          prisoner: convicted,
          parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: false },
        }),
      ),
    ).toEqual(["relativesOnly"]);
    expect(
      codes(
        input({
          facility: colony,
          prisoner: convicted,
          parcel: { packageKind: "parcel", senderKind: "fund", fromAbroad: false },
        }),
      ),
    ).toEqual(["relativesOnly"]);
    expect(
      codes(
        input({
          facility: colony,
          prisoner: convicted,
          parcel: { packageKind: "parcel", senderKind: "relative", fromAbroad: false },
        }),
      ),
    ).toEqual([]);
    expect(
      codes(
        input({
          facility: colony,
          prisoner: convicted,
          parcel: { packageKind: "parcel", senderKind: "relative", fromAbroad: true },
        }),
      ),
    ).toEqual(["abroadNotAccepted"]);
  });

  test("who may send is the facility's data: a Russian colony takes parcels from anyone within the quota, a Belarusian one from relatives", () => {
    const convicted = { status: "convicted" as const, sentenceInForce: true, doNotWrite: false };
    const volunteer = { packageKind: "parcel" as const, senderKind: "volunteer" as const, fromAbroad: false };
    const russianColony: RuleFacility = {
      ...SIZO,
      type: "colony",
      parcelsFromAbroad: false,
      parcelsRelativesOnly: false,
    };
    const belarusianColony: RuleFacility = {
      ...SIZO,
      type: "colony",
      parcelsFromAbroad: false,
      parcelsRelativesOnly: true,
    };
    expect(codes(input({ facility: russianColony, prisoner: convicted, parcel: volunteer }))).toEqual([]);
    expect(codes(input({ facility: belarusianColony, prisoner: convicted, parcel: volunteer }))).toEqual([
      "relativesOnly",
    ]);
    // A coordinator can say so of any facility, a SIZO included.
    expect(
      codes(input({ facility: { ...SIZO, parcelsRelativesOnly: true }, parcel: { ...volunteer, fromAbroad: true } })),
    ).toEqual(["relativesOnly"]);
    expect(defaultFacilityRules("colony", "BY").parcelsRelativesOnly).toBe(true);
    expect(defaultFacilityRules("colony", "RU").parcelsRelativesOnly).toBe(false);
  });

  test("no routing service for parcels", () => {
    expect(codes(input({ routeAvailable: false }))).toEqual(["noRoute"]);
  });

  test("yearly quotas count parcels and small packages separately", () => {
    const juvenile: RuleFacility = {
      ...SIZO,
      type: "juvenile_colony",
      parcelsFromAbroad: false,
      parcelQuotaPerYear: 6,
      smallPackageQuotaPerYear: 2,
    };
    const base = input({
      facility: juvenile,
      parcel: { packageKind: "parcel", senderKind: "relative", fromAbroad: false },
    });
    expect(codes({ ...base, history: { ...base.history, sentThisYear: { parcel: 5, small_package: 2 } } })).toEqual([]);
    const full = checkParcel({ ...base, history: { ...base.history, sentThisYear: { parcel: 6, small_package: 0 } } });
    expect(full.problems).toEqual([{ code: "quota", params: { kind: "parcel", quota: 6, used: 6, year: 2026 } }]);
    expect(describeProblem("en", full.problems[0])).toBe(
      "The yearly quota is used up: 6 of 6 parcels were already sent to this person in 2026.",
    );
    const small = { ...base, parcel: { ...base.parcel, packageKind: "small_package" as const }, items: [TEA] };
    expect(codes({ ...small, history: { ...base.history, sentThisYear: { parcel: 6, small_package: 1 } } })).toEqual(
      [],
    );
    expect(codes({ ...small, history: { ...base.history, sentThisYear: { parcel: 0, small_package: 2 } } })).toEqual([
      "quota",
    ]);
    expect(
      describeProblem(
        "ru",
        checkParcel({ ...small, history: { ...base.history, sentThisYear: { parcel: 0, small_package: 2 } } })
          .problems[0],
      ),
    ).toContain("мелких пакетов");
  });

  test("weight per parcel and per calendar month", () => {
    const heavy = checkParcel(input({ items: [{ ...SUGAR, quantity: 31 }] }));
    expect(heavy.problems.map((p) => p.code)).toEqual(["weight", "monthlyWeight"]);
    expect(describeProblem("en", heavy.problems[0])).toBe(
      "The parcel weighs 31 kg; this facility accepts at most 30 kg in one parcel.",
    );
    expect(describeProblem("ru", heavy.problems[0])).toBe(
      "Посылка весит 31 кг; это учреждение принимает не больше 30 кг в одной посылке.",
    );
    // Exactly at the limit is fine.
    expect(codes(input({ items: [{ ...SUGAR, quantity: 30 }] }))).toEqual([]);
    // 25 kg already this month: 6 kg more is over 30.
    const month = input({
      items: [{ ...SUGAR, quantity: 6 }],
      history: { year: 2026, month: "2026-11", sentThisYear: { parcel: 2, small_package: 0 }, gramsThisMonth: 25_000 },
    });
    const verdict = checkParcel(month);
    expect(verdict.problems).toEqual([
      {
        code: "monthlyWeight",
        params: { weightGrams: 6000, alreadyGrams: 25_000, limitGrams: 30_000, month: "2026-11" },
      },
    ]);
    expect(describeProblem("en", verdict.problems[0])).toBe(
      "This month's parcels to this person would weigh 31 kg (25 kg already sent and 6 kg in this one); the limit is 30 kg a month.",
    );
    expect(codes({ ...month, items: [{ ...SUGAR, quantity: 5 }] })).toEqual([]);
    // No limits set: no weight problems.
    expect(
      codes(
        input({
          facility: { ...SIZO, parcelWeightLimitGrams: null, parcelMonthlyWeightLimitGrams: null },
          items: [{ ...SUGAR, quantity: 100 }],
        }),
      ),
    ).toEqual([]);
  });

  test("a small package weighs at most 2 kg", () => {
    const small = input({
      parcel: { packageKind: "small_package", senderKind: "volunteer", fromAbroad: true },
      items: [{ ...SUGAR, quantity: 3 }],
    });
    expect(codes(small)).toEqual(["smallPackageWeight"]);
    expect(describeProblem("en", checkParcel(small).problems[0])).toBe(
      "A small package may weigh at most 2 kg; this one weighs 3 kg. Send it as a parcel.",
    );
  });

  test("a described item needs its English line; the line is checked like the description", () => {
    const socks = (freeTextEn: string | null): RuleItem => ({
      ...free("Шерстяные носки"),
      nameEn: freeTextEn ?? "Шерстяные носки",
      freeTextEn,
    });
    const missing = checkParcel(input({ items: [TEA, socks(null)] }));
    expect(missing.problems).toEqual([
      { code: "englishMissing", params: { itemRu: "Шерстяные носки", itemEn: "Шерстяные носки" }, item: 1 },
    ]);
    expect(describeProblem("en", missing.problems[0])).toContain("has no English line");
    expect(describeProblem("ru", missing.problems[0])).toContain("нет описания по-английски");
    expect(describeProblem("be", missing.problems[0])).toContain("няма апісання па-англійску");
    expect(codes(input({ items: [TEA, socks("  ")] }))).toEqual(["englishMissing"]);
    expect(codes(input({ items: [TEA, socks("Wool socks")] }))).toEqual([]);
    // "Gift" is what the customs officer would read; a banned word in English is banned too.
    expect(codes(input({ items: [TEA, socks("Gift")] }))).toEqual(["vague"]);
    expect(codes(input({ items: [TEA, socks("Socks with a knife")] }))).toEqual(["bannedTerm"]);
  });

  test("contents: empty, perishable, banned at this facility type, banned words, vague descriptions", () => {
    expect(codes(input({ items: [] }))).toEqual(["empty"]);
    const apples: RuleItem = {
      ...SUGAR,
      catalogItemId: "apples",
      nameEn: "Fresh apples, 1 kg",
      nameRu: "Яблоки свежие, 1 кг",
      perishable: true,
    };
    const cannedMeat: RuleItem = {
      ...SUGAR,
      catalogItemId: "meat",
      nameEn: "Canned meat",
      nameRu: "Тушёнка",
      bannedFacilityTypes: ["sizo", "police_jail"],
    };
    const verdict = checkParcel(input({ items: [TEA, apples, cannedMeat, free("Kitchen knife"), free("Подарок")] }));
    expect(verdict.problems.map((p) => [p.code, p.item])).toEqual([
      ["perishable", 1],
      ["bannedItem", 2],
      ["bannedTerm", 3],
      ["vague", 4],
    ]);
    expect(describeProblem("en", verdict.problems[0])).toBe(
      "“Fresh apples, 1 kg” is perishable. Perishable food is not accepted.",
    );
    expect(describeProblem("ru", verdict.problems[0])).toBe(
      "«Яблоки свежие, 1 кг» — скоропортящийся продукт. Скоропортящееся не принимают.",
    );
    expect(describeProblem("en", verdict.problems[1])).toBe("“Canned meat” is not accepted at this type of facility.");
    expect(describeProblem("en", verdict.problems[2])).toBe(
      "“Kitchen knife” is not allowed: it matches the banned word “knife”.",
    );
    expect(describeProblem("be", verdict.problems[2])).toBe(
      "«Kitchen knife» нельга адправіць: супадае з забароненым словам «knife».",
    );
    // The same canned meat is fine in a colony (sent by a relative).
    expect(
      codes(
        input({
          facility: { ...SIZO, type: "colony", parcelsFromAbroad: false },
          parcel: { packageKind: "parcel", senderKind: "relative", fromAbroad: false },
          items: [cannedMeat],
        }),
      ),
    ).toEqual([]);
  });

  test("catalogue items are judged by their facility types, not by the banned words", () => {
    // "Vitamins (tablets)" contains the banned stem "tablet" but comes from the catalogue.
    const vitamins: RuleItem = {
      ...TEA,
      catalogItemId: "vitamins",
      nameEn: "Vitamins (tablets)",
      nameRu: "Витамины (таблетки)",
      bannedFacilityTypes: [],
    };
    expect(codes(input({ items: [vitamins] }))).toEqual([]);
    expect(codes(input({ items: [free("Vitamins (tablets)")] }))).toEqual(["bannedTerm"]);
  });
});

describe("banned words", () => {
  test.each([
    ["Алкогольный напиток", "алкогол", true],
    ["АЛКОГОЛЬ", "алкогол", true],
    ["безалкогольное пиво", "алкогол", false], // the stem must start a word…
    ["безалкогольное пиво", "пиво", true], // …but the beer is still beer
    ["Сим-карта МТС", "сим-карт", true],
    ["симкарта", "симкарт", true],
    ["SIM card", "SIM", true],
    ["sim", "SIM", true],
    ["Simple notebook", "SIM", false], // capitals: whole word only
    ["Cash", "CASH", true],
    ["cashmere socks", "CASH", false],
    ["cashmere socks", "cash", true], // a stem matches from the start of a word
    ["pillow case", "PILL", false],
    ["Kitchen KNIFE", "knife", true],
    ["Ножницы маникюрные", "ножниц", true],
    ["Кухонный нож", "НОЖ", true],
    ["Куриные ножки", "НОЖ", false],
    ["Подножка", "нож", false],
    ["Ёлочная игрушка", "елоч", true], // ё and е are one letter
    ["mobile phone", "phone", true],
    ["smartphone", "phone", false],
    ["smartphone", "smartphone", true],
    ["USB flash drive", "flash drive", true],
    ["usb-кабель", "USB", true],
    ["Вино", "ВИНО", true],
    ["Виноград сушёный", "ВИНО", false],
  ])("%j with %j → %s", (text, term, expected) => {
    expect(bannedTermMatches(text, term)).toBe(expected);
  });

  test("every default term catches an obvious item and none catches the default catalogue names of food, clothes and stationery", () => {
    const innocent = [
      "Black tea, loose leaf, 100 g",
      "Sugar, 1 kg",
      "Cotton socks, dark, one pair",
      "Cashmere scarf",
      "Pillow case",
      "Notebook, 48 sheets",
      "Тетрадь, 48 листов",
      "Зубная щётка",
      "Мыло туалетное",
      "Виноград сушёный",
      "Куриные ножки в желе",
      "Безалкогольный бальзам для губ",
    ];
    for (const text of innocent)
      expect(
        DEFAULT_BANNED_TERMS.filter((t) => bannedTermMatches(text, t.term)).map((t) => t.term),
        text,
      ).toEqual([]);
    for (const { term } of DEFAULT_BANNED_TERMS)
      expect(bannedTermMatches(`x ${term}x y`, term) || bannedTermMatches(`x ${term} y`, term), term).toBe(true);
  });
});

describe("vague descriptions", () => {
  test.each([
    ["gift", true],
    ["Gifts", true],
    ["a present", true],
    ["Подарок", true],
    ["подарки и вещи", true],
    ["Падарунак", true],
    ["Gift: wool socks", false],
    ["Personal hygiene kit: soap, toothbrush", false],
    ["Шерстяные носки", false],
  ])("%j → %s", (text, vague) => {
    expect(isVagueDescription(text)).toBe(vague);
  });
});

describe("customs form", () => {
  test("CN 22 only for a small package of at most €300 and 2 kg; parcels always CN 23", () => {
    expect(customsFormFor("small_package", { weightGrams: 2000, valueCents: 30_000 })).toBe("CN22");
    expect(customsFormFor("small_package", { weightGrams: 2001, valueCents: 100 })).toBe("CN23");
    expect(customsFormFor("small_package", { weightGrams: 100, valueCents: 30_001 })).toBe("CN23");
    expect(customsFormFor("parcel", { weightGrams: 100, valueCents: 100 })).toBe("CN23");
  });
});

describe("sentence not in force", () => {
  test.each([
    ["pretrial", null, true],
    ["pretrial", false, true],
    ["pretrial", true, false],
    ["convicted", false, true],
    ["convicted", null, false],
    ["convicted", true, false],
    ["released", null, false],
    ["unknown", null, false],
  ] as const)("%s, in force %s → %s", (status, sentenceInForce, expected) => {
    expect(sentenceNotInForce({ status, sentenceInForce })).toBe(expected);
  });
});

describe("issue 13: weights, customs, duty-free limit, quota year", () => {
  test("the gross weight (items and box) is compared in grams, one gram over is over", () => {
    const limit = { ...SIZO, parcelWeightLimitGrams: 30_000, parcelMonthlyWeightLimitGrams: null };
    const sugar = { ...SUGAR, quantity: 29, unitWeightGrams: 1000 };
    const exact = checkParcel(
      input({
        facility: limit,
        items: [sugar],
        parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: true, boxWeightGrams: 1000 },
      }),
    );
    expect(exact.totals).toMatchObject({ weightGrams: 29_000, grossWeightGrams: 30_000 });
    expect(exact.problems).toEqual([]);
    const over = checkParcel(
      input({
        facility: limit,
        items: [sugar],
        parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: true, boxWeightGrams: 1001 },
      }),
    );
    expect(over.problems).toEqual([{ code: "weight", params: { weightGrams: 30_001, limitGrams: 30_000 } }]);
    expect(describeProblem("en", over.problems[0])).toContain("30.001 kg");
    expect(describeProblem("en", over.problems[0])).toContain("30 kg");
    expect(describeProblem("ru", over.problems[0])).toContain("30,001");
  });

  test("customs: a domestic parcel gets an inventory, a parcel from abroad a CN 23, a small one a CN 22", () => {
    expect(customsDocumentFor("parcel", { weightGrams: 5000, valueCents: 5000 }, true)).toBe("inventory");
    expect(customsDocumentFor("small_package", { weightGrams: 500, valueCents: 5000 }, true)).toBe("inventory");
    expect(customsDocumentFor("parcel", { weightGrams: 5000, valueCents: 5000 }, false)).toBe("CN23");
    expect(customsDocumentFor("small_package", { weightGrams: 500, valueCents: 5000 }, false)).toBe("CN22");
  });

  test("above the EAEU duty-free limit (200 EUR or 31 kg) a parcel from abroad gets a warning, a domestic one not", () => {
    const pricey = { ...TEA, quantity: 1, unitValueCents: 20_001 };
    const abroad = {
      packageKind: "parcel" as const,
      senderKind: "volunteer" as const,
      fromAbroad: true,
      destination: "BY" as const,
    };
    expect(checkParcel(input({ items: [pricey], parcel: abroad })).warnings).toEqual([
      { code: "dutyFree", params: { valueCents: 20_001, limitCents: 20_000, weightGrams: 100, limitGrams: 31_000 } },
    ]);
    expect(
      checkParcel(input({ items: [{ ...TEA, unitValueCents: 20_000, quantity: 1 }], parcel: abroad })).warnings,
    ).toEqual([]);
    expect(
      checkParcel(input({ items: [pricey], parcel: { ...abroad, fromAbroad: false, domestic: true } })).warnings,
    ).toEqual([]);
    const heavy = { ...SUGAR, quantity: 31, unitWeightGrams: 1000, unitValueCents: 100 };
    expect(
      checkParcel(input({ items: [heavy], parcel: { ...abroad, boxWeightGrams: 1 } })).warnings.map((w) => w.code),
    ).toEqual(["dutyFree"]);
  });

  test("the quota year is the facility's: 31 December 21:30 UTC is already next year in Minsk, not yet in Moscow's west", () => {
    const at = new Date("2026-12-31T21:30:00Z");
    expect(localYearMonth(at, facilityTimeZone("BY", null))).toEqual({ year: 2027, month: "2027-01" });
    expect(localYearMonth(at, facilityTimeZone("RU", "Калининградская область"))).toEqual({
      year: 2026,
      month: "2026-12",
    });
    expect(facilityTimeZone("RU", "Владимирская обл.")).toBe("Europe/Moscow");
    expect(facilityTimeZone("RU", "Томская область")).toBe("Asia/Tomsk");
    expect(facilityTimeZone("RU", "Омская область")).toBe("Asia/Omsk");
    expect(facilityTimeZone("RU", "Приморский край")).toBe("Asia/Vladivostok");
  });

  test("what counts toward the quota: this facility, this stay, not returned or refused", () => {
    const current = { facilityId: "colony", stayStartedAt: new Date("2027-03-01T00:00:00Z") };
    const sent = new Date("2027-04-01T00:00:00Z");
    expect(countsTowardQuota({ facilityId: "colony", status: "delivered", sentAt: sent }, current)).toBe(true);
    expect(countsTowardQuota({ facilityId: "sizo", status: "delivered", sentAt: sent }, current)).toBe(false);
    expect(countsTowardQuota({ facilityId: "colony", status: "returned", sentAt: sent }, current)).toBe(false);
    expect(countsTowardQuota({ facilityId: "colony", status: "refused", sentAt: sent }, current)).toBe(false);
    expect(
      countsTowardQuota(
        { facilityId: "colony", status: "delivered", sentAt: new Date("2026-12-01T00:00:00Z") },
        current,
      ),
    ).toBe(false);
  });

  test.each([
    ["мабільны тэлефон", true],
    ["Нажніцы", true],
    ["гарэлка", true],
    ["Банка са шклом", true],
    ["glass jar", true],
    ["стеклянная банка", true],
    ["письмо для Саши", true],
    ["ліст", true],
    ["a letter inside", true],
    ["шклянка", true],
    ["чай у пакеціках", false],
    ["шкарпэткі", false],
    ["пластиковая кружка", false],
  ])("banned in Belarusian, glass and hidden letters: %s → %s", (text, banned) => {
    expect(findBannedTerm(text, DEFAULT_BANNED_TERMS) !== null).toBe(banned);
  });
});

describe("quota by conditions of detention", () => {
  const COLONY: RuleFacility = {
    ...SIZO,
    type: "colony",
    parcelsFromAbroad: false,
    parcelsRelativesOnly: false,
    parcelQuotaPerYear: null,
    parcelQuotaByConditions: { ordinary: 6, lightened: 12, strict: 3 },
  };
  const colonyInput = (conditions: "ordinary" | "lightened" | "strict" | null, used: number) =>
    input({
      prisoner: { status: "convicted", sentenceInForce: true, doNotWrite: false, conditions },
      facility: COLONY,
      parcel: { packageKind: "parcel", senderKind: "volunteer", fromAbroad: false },
      history: {
        year: 2027,
        month: "2027-03",
        sentThisYear: { parcel: used, small_package: 0 },
        gramsThisMonth: 0,
      },
    });

  test("the person's conditions pick the facility's quota", () => {
    expect(checkParcel(colonyInput("ordinary", 5)).ok).toBe(true);
    const over = checkParcel(colonyInput("ordinary", 6));
    expect(over.problems).toEqual([
      { code: "quota", params: { kind: "parcel", quota: 6, used: 6, year: 2027, conditions: "ordinary", assumed: 0 } },
    ]);
    expect(describeProblem("en", over.problems[0])).toContain(
      "This is the quota for ordinary conditions of detention.",
    );
    expect(describeProblem("ru", over.problems[0])).toContain("обычные условия");
    expect(over.warnings).toEqual([]);
    // Lightened conditions allow more; strict fewer.
    expect(checkParcel(colonyInput("lightened", 11)).ok).toBe(true);
    expect(codes(colonyInput("strict", 3))).toEqual(["quota"]);
    expect(parcelQuotaFor(COLONY, { conditions: "lightened" })).toEqual({
      quota: 12,
      conditions: "lightened",
      assumedStrictest: false,
    });
  });

  test("unknown conditions: the strictest quota, and the page says so", () => {
    const within = checkParcel(colonyInput(null, 2));
    expect(within.ok).toBe(true);
    expect(within.warnings).toEqual([{ code: "conditionsUnknown", params: { quota: 3 } }]);
    expect(describeWarning("en", within.warnings[0])).toBe(
      "This person’s conditions of detention are not recorded: the check uses the facility’s strictest quota, 3 parcels a year. A coordinator can record them on the person’s edit page.",
    );
    expect(describeWarning("be", within.warnings[0])).toContain("самы строгі ліміт");
    const over = checkParcel(colonyInput(null, 3));
    expect(over.problems.map((p) => [p.code, p.params.quota, p.params.conditions, p.params.assumed])).toEqual([
      ["quota", 3, "strict", 1],
    ]);
    expect(describeProblem("en", over.problems[0])).toContain(
      "The person’s conditions of detention are not recorded, so the strictest quota of this facility is used (strict conditions).",
    );
    // The strictest is the smallest number, whichever condition holds it; a smaller general quota is stricter still.
    expect(
      parcelQuotaFor({ parcelQuotaPerYear: null, parcelQuotaByConditions: { ordinary: 2, strict: 4 } }, {}),
    ).toEqual({ quota: 2, conditions: "ordinary", assumedStrictest: true });
    expect(
      parcelQuotaFor({ parcelQuotaPerYear: 1, parcelQuotaByConditions: { strict: 4 } }, { conditions: null }),
    ).toEqual({ quota: 1, conditions: null, assumedStrictest: true });
  });

  test("no quota for the person's conditions, or none per conditions at all: the general quota", () => {
    const onlyStrict: RuleFacility = { ...COLONY, parcelQuotaPerYear: 8, parcelQuotaByConditions: { strict: 3 } };
    expect(parcelQuotaFor(onlyStrict, { conditions: "ordinary" })).toEqual({
      quota: 8,
      conditions: null,
      assumedStrictest: false,
    });
    const general: RuleFacility = { ...COLONY, parcelQuotaPerYear: 8, parcelQuotaByConditions: null };
    const verdict = checkParcel({ ...colonyInput(null, 7), facility: general });
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings).toEqual([]);
    expect(codes({ ...colonyInput(null, 8), facility: general })).toEqual(["quota"]);
    expect(checkParcel({ ...colonyInput(null, 8), facility: general }).problems[0].params).not.toHaveProperty(
      "conditions",
    );
  });

  test("small packages keep their own quota whatever the conditions", () => {
    const small = { ...COLONY, smallPackageQuotaPerYear: 2 };
    const i = colonyInput(null, 0);
    const verdict = checkParcel({
      ...i,
      facility: small,
      parcel: { ...i.parcel, packageKind: "small_package" },
      items: [TEA],
      history: { ...i.history, sentThisYear: { parcel: 10, small_package: 1 } },
    });
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings).toEqual([]);
  });
});
