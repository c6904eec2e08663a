import { describe, expect, test } from "vitest";
import { facilityIdentityKey } from "#app/facilities/identity.ts";
import { inferFacilityType, libertyHint, parseAddress, parseFacility } from "#app/facilities/parse.ts";

describe("parseFacility", () => {
  test.each([
    ["ИК-2", "ИК-2", "colony", "2"],
    ["ИК №2", "ИК №2", "colony", "2"],
    ["исправительная колония № 2", "исправительная колония № 2", "colony", "2"],
    ["ПК-2", "ПК-2", "colony", "2"],
    ["Penal colony No. 2", "Penal colony No. 2", "colony", "2"],
    ["СИЗО-1", "СИЗО-1", "sizo", "1"],
    ["Тюрьма №1", "Тюрьма №1", "prison", "1"],
    ["ИУОТ №2", "ИУОТ №2", "open_institution", "2"],
    ["Open-type correctional institution No. 2", "Open-type correctional institution No. 2", "open_institution", "2"],
    ["ЛИУ-3", "ЛИУ-3", "colony", "3"],
    ["ИВС Фрунзенского РУВД", "ИВС Фрунзенского РУВД", "police_jail", null],
    ["Республиканская психиатрическая больница", "психиатрическая больница", "psychiatric_hospital", null],
    ["CИЗО №1", "СИЗО №1", "sizo", "1"],
  ])("%j -> name %j, type %s, number %s", (cell, name, type, number) => {
    expect(parseFacility(cell)).toMatchObject({ name, type, number });
  });

  test("Russian institution name: short envelope name; the authority is not an address", () => {
    expect(parseFacility("ФКУ ИК-7 УФСИН России по Республике Карелия")).toEqual({
      name: "ИК-7",
      type: "colony",
      number: "7",
      street: null,
      city: null,
      postcode: null,
      district: null,
      region: null,
    });
  });

  test("the facility on line 1 and its address below", () => {
    expect(parseFacility("ИК-9 г. Горки\n213410, г. Горки, ул. Дзержинского, 1")).toEqual({
      name: "ИК-9",
      type: "colony",
      number: "9",
      street: "ул. Дзержинского, 1",
      city: "Горки",
      postcode: "213410",
      district: null,
      region: null,
    });
  });

  test("address_for_letters: postcode first, institution last", () => {
    expect(
      parseFacility(
        "186420, Республика Карелия, г. Сегежа, ул. Лесная, д. 4, ФКУ ИК-7 УФСИН России по Республике Карелия",
      ),
    ).toEqual({
      name: "ИК-7",
      type: "colony",
      number: "7",
      street: "ул. Лесная, д. 4",
      city: "Сегежа",
      postcode: "186420",
      district: null,
      region: "Республика Карелия",
    });
  });

  test("short name cell plus address_for_letters cell", () => {
    expect(
      parseFacility(
        "ИК-2 Мордовия",
        "431130, Республика Мордовия, Зубово-Полянский р-н, п. Ударный, ул. Центральная, д. 5, ФКУ ИК-2 УФСИН России по Республике Мордовия",
      ),
    ).toMatchObject({
      name: "ИК-2",
      number: "2",
      city: "Ударный",
      district: "Зубово-Полянский р-н",
      region: "Республика Мордовия",
      street: "ул. Центральная, д. 5",
      postcode: "431130",
    });
  });

  test("a nickname is no address; the district after it is kept", () => {
    expect(parseFacility("ИК №22 «Волчьи норы», Ивацевичский р-н, п. Доманово")).toMatchObject({
      name: "ИК №22",
      number: "22",
      city: "Доманово",
      district: "Ивацевичский р-н",
      street: null,
    });
  });

  test("a facility without a number keeps its city apart", () => {
    expect(parseFacility("ИВС Фрунзенского РУВД г. Минска")).toMatchObject({
      name: "ИВС Фрунзенского РУВД",
      city: "Минска",
      type: "police_jail",
    });
  });

  test("district and region are kept", () => {
    expect(
      parseAddress("601144, Владимирская обл., Петушинский р-н, г. Покров, ул. Франца Штольверка, д. 100"),
    ).toEqual({
      postcode: "601144",
      region: "Владимирская обл.",
      district: "Петушинский р-н",
      city: "Покров",
      street: "ул. Франца Штольверка, д. 100",
    });
    expect(parseAddress("211440, Витебская обл., г. Новополоцк")).toMatchObject({
      region: "Витебская обл.",
      city: "Новополоцк",
    });
  });

  test.each([
    ["IK-2 Babrujsk", "IK-2", "Babrujsk"],
    ["ИК №2, г. Бобруйск", "ИК №2", "Бобруйск"],
    ["ИК №2, г. Бобруйск,", "ИК №2", "Бобруйск"],
    ["ИК-2 г. Бобруйск", "ИК-2", "Бобруйск"],
  ])("%j -> %j in %j", (cell, name, city) => {
    expect(parseFacility(cell)).toMatchObject({ name, number: "2", type: "colony", city });
  });

  test.each([
    "released",
    "освобожден",
    "освобождена",
    "Освобожден(а)",
    "вызвалены",
    "находится на свободе до начала отбывания наказания",
    "Домашний арест",
    "",
    "  ",
  ])("%j is no facility", (cell) => {
    expect(parseFacility(cell)).toBeNull();
  });

  test.each([
    ["released", "released"],
    ["Освобождён(а)", "released"],
    ["вызвалены", "released"],
    ["находится на свободе до начала отбывания наказания", "at_liberty"],
    ["домашний арест", "house_arrest"],
    ["домашняя химия", "restricted_at_home"],
    ["ИК-2", null],
    ["ИУОТ №2 (химия)", null],
  ])("liberty hint of %j is %s", (cell, hint) => {
    expect(libertyHint(cell)).toBe(hint);
  });

  test("psychiatric hospitals have their own type", () => {
    expect(inferFacilityType("Казанская психиатрическая больница специализированного типа")).toBe(
      "psychiatric_hospital",
    );
    expect(inferFacilityType("Рэспубліканская псіхіятрычная бальніца")).toBe("psychiatric_hospital");
  });
});

describe("facilityIdentityKey", () => {
  const key = (cell: string) => {
    const parsed = parseFacility(cell);
    if (!parsed) throw new Error(`no facility in ${cell}`);
    return facilityIdentityKey(parsed);
  };

  test("one facility, four spellings, one key", () => {
    const keys = [
      "IK-2 Babrujsk",
      "ИК №2, г. Бобруйск",
      "ИК №2, г. Бобруйск,",
      "ИК-2 г. Бобруйск",
      "IK-2 Babruysk",
      "Исправительная колония №2, г. Бобруйск",
    ].map(key);
    expect(new Set(keys).size).toBe(1);
  });

  test("another number, city or type is another facility", () => {
    const base = key("ИК-2 г. Бобруйск");
    expect(key("ИК-3 г. Бобруйск")).not.toBe(base);
    expect(key("ИК-2 г. Витебск")).not.toBe(base);
    expect(key("СИЗО-2 г. Бобруйск")).not.toBe(base);
  });

  test("a city in the genitive meets the nominative", () => {
    expect(key("СИЗО №1 г. Минска")).toBe(key("СІЗА-1 г. Мінск"));
    expect(key("ИК-2 г. Бобруйска")).toBe(key("IK-2 Babrujsk"));
    expect(key("Тюрьма №1 г. Гродно")).toBe(key("Турма №1 г. Гродна"));
  });

  test("the multi-line form and the short form meet", () => {
    expect(key("ИК-9 г. Горки\n213410, г. Горки, ул. Дзержинского, 1")).toBe(key("IK-9 Horki"));
  });

  test("a facility without a number keys on its name and city", () => {
    const a = facilityIdentityKey({ type: "police_jail", number: null, city: "Минск", name: "ИВС Фрунзенского РУВД" });
    const b = facilityIdentityKey({ type: "police_jail", number: null, city: "Minsk", name: "IVS Frunzenskogo RUVD" });
    const c = facilityIdentityKey({ type: "police_jail", number: null, city: "Минск", name: "ИВС Московского РУВД" });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
