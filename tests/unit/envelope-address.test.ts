import { describe, expect, test } from "vitest";
import { addressProblems, addressRefusal, envelopeAddressLines, type EnvelopeName } from "#app/models/envelope.ts";

const ru: EnvelopeName[] = [
  { surname: "Севастьянов", givenName: "Сергей", patronymic: "Сергеевич", script: "cyrillic_ru" },
];
const be: EnvelopeName[] = [
  { surname: "Бабарико", givenName: "Виктор", patronymic: "Дмитриевич", script: "cyrillic_ru" },
];

describe("envelope address layout", () => {
  test("Russia: name and year of birth; institution; street; locality; district; region; postcode; country last", () => {
    const lines = envelopeAddressLines({
      country: "RU",
      names: ru,
      birthDate: new Date("1980-05-01T00:00:00Z"),
      facility: {
        name: "ИК-2",
        street: "ул. Франца Штольверка, 2",
        postcode: "601120",
        city: "г. Покров",
        district: "Петушинский р-н",
        region: "Владимирская обл.",
      },
    });
    expect(lines).toEqual([
      "Севастьянову Сергею Сергеевичу, 1980 г.р.",
      "ИК-2",
      "ул. Франца Штольверка, 2",
      "г. Покров",
      "Петушинский р-н",
      "Владимирская обл.",
      "601120",
      "RUSSIAN FEDERATION",
    ]);
  });

  test("Russia: a settlement without a street keeps its district and region", () => {
    const lines = envelopeAddressLines({
      country: "RU",
      names: ru,
      birthDate: null,
      facility: {
        name: "ИК-11",
        street: "",
        postcode: "431120",
        city: "п. Ударный",
        district: "Зубово-Полянский р-н",
        region: "Республика Мордовия",
      },
    });
    expect(lines).toEqual([
      "Севастьянову Сергею Сергеевичу",
      "ИК-11",
      "п. Ударный",
      "Зубово-Полянский р-н",
      "Республика Мордовия",
      "431120",
      "RUSSIAN FEDERATION",
    ]);
    expect(addressProblems({ postcode: "431120", city: "п. Ударный", street: "" })).toEqual([]);
  });

  test("Belarus: postcode and locality on one line; district and oblast only below an oblast centre", () => {
    const town = envelopeAddressLines({
      country: "BY",
      names: be,
      birthDate: new Date("1963-11-09T00:00:00Z"),
      facility: {
        name: "ИК-1",
        street: "ул. Катина, 5",
        postcode: "211440",
        city: "г. Новополоцк",
        district: "Полоцкий р-н",
        region: "Витебская обл.",
      },
    });
    expect(town).toEqual([
      "Бабарико Виктор Дмитриевич",
      "ИК-1",
      "ул. Катина, 5",
      "211440 г. Новополоцк",
      "Полоцкий р-н, Витебская обл.",
      "REPUBLIC OF BELARUS",
    ]);
    const centre = envelopeAddressLines({
      country: "BY",
      names: be,
      birthDate: null,
      facility: {
        name: "СИЗО-1",
        street: "ул. Володарского, 2",
        postcode: "220030",
        city: "г. Минск",
        district: null,
        region: "г. Минск",
      },
    });
    expect(centre).toEqual([
      "Бабарико Виктор Дмитриевич",
      "СИЗО-1",
      "ул. Володарского, 2",
      "220030 г. Минск",
      "REPUBLIC OF BELARUS",
    ]);
  });

  test("a street line that starts with the facility name does not print the name twice", () => {
    const lines = envelopeAddressLines({
      country: "BY",
      names: be,
      birthDate: null,
      facility: {
        name: "ИК-1",
        street: "ИК-1, ул. Катина, 5",
        postcode: "211440",
        city: "г. Новополоцк",
        region: "Витебская обл.",
      },
    });
    expect(lines.filter((l) => l.includes("ИК-1"))).toEqual(["ИК-1"]);
    expect(lines).toContain("ул. Катина, 5");
  });

  test("an address without postcode, locality or street is not printable, and says why", () => {
    expect(addressProblems({ postcode: "", city: "", street: "" })).toEqual(["postcode", "locality", "street"]);
    expect(addressProblems({ postcode: "211440", city: "г. Новополоцк", street: "" })).toEqual(["street"]);
    expect(addressProblems({ postcode: "2114", city: "г. Новополоцк", street: "ул. Катина, 5" })).toEqual(["postcode"]);
    expect(addressProblems({ postcode: "211440", city: "г. Новополоцк", street: "ул. Катина, 5" })).toEqual([]);
  });
});

describe("refusing an envelope the post cannot deliver", () => {
  test("the reason names what is missing, in the person's language", () => {
    expect(addressRefusal("en", ["postcode", "street"])).toBe(
      "No envelope can be printed for this address (postcode, street missing): the post could not deliver it. Send the letter through a service that knows the person, or keep it in the letter bank.",
    );
    expect(addressRefusal("ru", ["postcode", "locality", "street"])).toContain(
      "не хватает: индекс, населённый пункт, улица",
    );
    expect(addressRefusal("be", ["street"])).toContain("не хапае: вуліца");
  });
});

describe("the recipient's name on Russian envelopes", () => {
  const facility = {
    name: "ИК-2",
    street: "ул. Лесная, 1",
    postcode: "601120",
    city: "г. Покров",
    district: null,
    region: "Владимирская обл.",
  };
  test("in the dative; a coordinator's form wins; Belarusian envelopes keep the nominative", () => {
    expect(envelopeAddressLines({ country: "RU", names: ru, birthDate: null, facility })[0]).toBe(
      "Севастьянову Сергею Сергеевичу",
    );
    expect(
      envelopeAddressLines({
        country: "RU",
        names: ru,
        birthDate: null,
        facility,
        dativeOverride: "Севастьянов Сергей Сергеевич",
      })[0],
    ).toBe("Севастьянов Сергей Сергеевич");
    expect(envelopeAddressLines({ country: "BY", names: ru, birthDate: null, facility })[0]).toBe(
      "Севастьянов Сергей Сергеевич",
    );
  });
  test("no patronymic: the recorded gender decides, and without it the nominative is printed", () => {
    const names: EnvelopeName[] = [{ surname: "Смирнова", givenName: "Анна", script: "cyrillic_ru" }];
    expect(envelopeAddressLines({ country: "RU", names, birthDate: null, facility, gender: "female" })[0]).toBe(
      "Смирновой Анне",
    );
    expect(envelopeAddressLines({ country: "RU", names, birthDate: null, facility })[0]).toBe("Смирнова Анна");
  });
});
