import { describe, expect, test } from "vitest";
import {
  GIVEN_NAME_KEYS,
  detectScript,
  editDistance,
  givenNameKey,
  knownGivenNameKey,
  nameMatchKeys,
  normalizeExact,
  personMatchKey,
  queryKeys,
  skeletonsNear,
  splitFullName,
  tokenSkeleton,
  type PersonName,
} from "#app/names/match-keys.ts";

/** Whether every word of the query has at least one key among the stored keys of the person. */
function queryMatches(query: string, name: PersonName): boolean {
  const stored = new Set(nameMatchKeys(name));
  const { tokens } = queryKeys(query);
  return tokens.length > 0 && tokens.every((options) => options.some((k) => stored.has(k)));
}

function personKey(name: PersonName): string | undefined {
  return nameMatchKeys(name).find((k) => k.startsWith("person:"));
}

// [Cyrillic, Latin] pairs per transliteration system. Each pair must meet both ways.
const NATIONAL: [string, string][] = [
  ["Лукашэнка", "Lukašenka"],
  ["Кастусёў", "Kastusioŭ"],
  ["Рыгор", "Ryhor"],
  ["Ціханоўская", "Cichanoŭskaja"],
  ["Калеснікава", "Kaliesnikava"],
  ["Бяляцкі", "Bialiacki"],
  ["Статкевіч", "Statkievič"],
  ["Пратасевіч", "Pratasievič"],
  ["Бабарыка", "Babaryka"],
  ["Лосік", "Losik"],
  ["Севярынец", "Sieviaryniec"],
  ["Дзядок", "Dziadok"],
  ["Шчарбакоў", "Ščarbakoŭ"],
  ["Кудраўцаў", "Kudraŭcaŭ"],
  ["Аляксандр", "Aliaksandr"],
  ["Святлана", "Sviatlana"],
  ["Сяргей", "Siarhiej"],
  ["Таццяна", "Tacciana"],
  ["Яўген", "Jaŭhien"],
  ["Генадзь", "Hienadź"],
  ["Зміцер", "Zmicier"],
  ["Юрый", "Juryj"],
  ["Кацярына", "Kaciaryna"],
  ["Дар'я", "Darja"],
  ["Марыя", "Maryja"],
  ["Цімафей", "Cimafiej"],
  ["Уладзіслаў", "Uladzislaŭ"],
  ["Вольга", "Vol'ha"],
];

const BGN_PCGN: [string, string][] = [
  ["Лукашэнка", "Lukashenka"],
  ["Кастусёў", "Kastusyow"],
  ["Кастусёў", "Kastusiou"],
  ["Рыгор", "Ryhor"],
  ["Ціханоўская", "Tsikhanowskaya"],
  ["Ціханоўская", "Tsikhanouskaya"],
  ["Калеснікава", "Kalyesnikava"],
  ["Калеснікава", "Kalesnikava"],
  ["Бяляцкі", "Byalyatski"],
  ["Бяляцкі", "Bialiatski"],
  ["Статкевіч", "Statkyevich"],
  ["Пратасевіч", "Pratasyevich"],
  ["Севярынец", "Syevyarynyets"],
  ["Дзядок", "Dzyadok"],
  ["Шчарбакоў", "Shcharbakow"],
  ["Аляксандр", "Alyaksandr"],
  ["Аляксандр", "Aliaksandr"],
  ["Сяргей", "Syarhyey"],
  ["Сяргей", "Siarhei"],
  ["Таццяна", "Tatstsyana"],
  ["Таццяна", "Tatsiana"],
  ["Яўген", "Yawhyen"],
  ["Яўген", "Yauhen"],
  ["Кацярына", "Katsyaryna"],
  ["Кацярына", "Katsiaryna"],
  ["Дзмітрый", "Dzmitryy"],
  ["Дзмітрый", "Dzmitry"],
  ["Марыя", "Maryya"],
  ["Марыя", "Maryia"],
  ["Уладзімір", "Uladzimir"],
  ["Юрый", "Yuryy"],
  ["Вольга", "Volha"],
  ["Сяргееў", "Syarheyew"],
];

const LACINKA: [string, string][] = [
  ["Лукашэнка", "Łukašenka"],
  ["Кастусёў", "Kastusioŭ"],
  ["Ціханоўская", "Cichanoŭskaja"],
  ["Ціханоўскі", "Cichanoŭski"],
  ["Калеснікава", "Kaleśnikava"],
  ["Бяляцкі", "Bialacki"],
  ["Статкевіч", "Statkievič"],
  ["Пратасевіч", "Pratasievič"],
  ["Лосік", "Łosik"],
  ["Севярынец", "Sieviarynec"],
  ["Шчарбакоў", "Ščarbakoŭ"],
  ["Мікалай", "Mikałaj"],
  ["Мікола", "Mikoła"],
  ["Алесь", "Aleś"],
  ["Святлана", "Śviatłana"],
  ["Людміла", "Ludmiła"],
  ["Міхась", "Michaś"],
  ["Генадзь", "Hienadź"],
  ["Таццяна", "Tacciana"],
  ["Яўген", "Jaŭhien"],
  ["Уладзіслаў", "Uładzisłaŭ"],
  ["Юрась", "Juraś"],
  ["Наталля", "Natalla"],
  ["Сяргееў", "Siarhiejeŭ"],
];

const ICAO: [string, string][] = [
  ["Лукашенко", "Lukashenko"],
  ["Костусев", "Kostusev"],
  ["Григорий", "Grigorii"],
  ["Тихановская", "Tikhanovskaia"],
  ["Колесникова", "Kolesnikova"],
  ["Беляцкий", "Beliatskii"],
  ["Статкевич", "Statkevich"],
  ["Протасевич", "Protasevich"],
  ["Бабарико", "Babariko"],
  ["Лосик", "Losik"],
  ["Щербаков", "Shcherbakov"],
  ["Кудрявцев", "Kudriavtsev"],
  ["Зайцев", "Zaitsev"],
  ["Юлия", "Iuliia"],
  ["Мария", "Mariia"],
  ["Наталья", "Natalia"],
  ["Татьяна", "Tatiana"],
  ["Евгений", "Evgenii"],
  ["Алексей", "Aleksei"],
  ["Сергей", "Sergei"],
  ["Ксения", "Kseniia"],
  ["Анастасия", "Anastasiia"],
  ["Фёдор", "Fedor"],
  ["Пётр", "Petr"],
  ["Дмитрий", "Dmitrii"],
  ["Юрий", "Iurii"],
  ["Михаил", "Mikhail"],
  ["Сергеев", "Sergeev"],
];

const ISO9: [string, string][] = [
  ["Лукашенко", "Lukašenko"],
  ["Костусев", "Kostusev"],
  ["Григорий", "Grigorij"],
  ["Тихановская", "Tihanovskaâ"],
  ["Беляцкий", "Belâckij"],
  ["Статкевич", "Statkevič"],
  ["Протасевич", "Protasevič"],
  ["Щербаков", "Ŝerbakov"],
  ["Кудрявцев", "Kudrâvcev"],
  ["Зайцев", "Zajcev"],
  ["Юлия", "Ûliâ"],
  ["Фёдор", "Fëdor"],
  ["Пётр", "Pëtr"],
  ["Ковалёв", "Kovalëv"],
  ["Дарья", "Darʹâ"],
  ["Татьяна", "Tatʹâna"],
  ["Хрущёв", "Hruŝëv"],
  ["Дмитрий", "Dmitrij"],
  ["Сергей", "Sergej"],
  ["Лукашэнка", "Lukašènka"],
  ["Ціханоўская", "Cìhanoǔskaâ"],
];

const PRESS: [string, string][] = [
  ["Лукашенко", "Lukashenko"],
  ["Ціханоўская", "Tsikhanouskaya"],
  ["Тихановская", "Tikhanovskaya"],
  ["Тихановский", "Tikhanovsky"],
  ["Колесникова", "Kolesnikova"],
  ["Бяляцкі", "Bialiatski"],
  ["Беляцкий", "Belyatsky"],
  ["Бабарико", "Babariko"],
  ["Статкевич", "Statkevich"],
  ["Протасевич", "Protasevich"],
  ["Лосік", "Losik"],
  ["Знак", "Znak"],
  ["Костусев", "Kostusev"],
  ["Кастусёў", "Kastusiov"],
  ["Григорий", "Grigory"],
  ["Юрий", "Yuri"],
  ["Дмитрий", "Dmitry"],
  ["Алексей", "Alexei"],
  ["Алексей", "Alexey"],
  ["Евгений", "Yevgeny"],
  ["Татьяна", "Tatyana"],
  ["Наталья", "Natalya"],
  ["Дарья", "Darya"],
  ["Елена", "Yelena"],
  ["Екатерина", "Yekaterina"],
  ["Пётр", "Pyotr"],
  ["Фёдор", "Fyodor"],
  ["Максим", "Maxim"],
  ["Щербаков", "Shcherbakov"],
  ["Кудрявцев", "Kudryavtsev"],
  ["Хрущёв", "Khrushchev"],
  ["Горбачёв", "Gorbachev"],
  ["Сергей", "Sergey"],
  ["Ігар", "Ihar"],
  ["Виктор", "Victor"],
];

const SYSTEMS: [string, [string, string][]][] = [
  ["Belarusian national (2007/2023)", NATIONAL],
  ["BGN/PCGN and Belarusian passport", BGN_PCGN],
  ["Łacinka", LACINKA],
  ["Russian ICAO passport (2013)", ICAO],
  ["ISO 9 / GOST 7.79", ISO9],
  ["English press", PRESS],
];

describe("tokenSkeleton: Cyrillic and each Latin system meet", () => {
  for (const [system, pairs] of SYSTEMS) {
    test(`${system}: at least 10 examples`, () => {
      expect(pairs.length).toBeGreaterThanOrEqual(10);
    });
    test.each(pairs)(`${system}: %s ↔ %s`, (cyrillic, latin) => {
      const fromCyrillic = tokenSkeleton(cyrillic);
      const fromLatin = tokenSkeleton(latin);
      expect(fromCyrillic).not.toBe("");
      expect(fromLatin, `${latin} → Cyrillic ${cyrillic}`).toBe(fromCyrillic);
      expect(fromCyrillic, `${cyrillic} → Latin ${latin}`).toBe(fromLatin);
    });
  }
});

describe("tokenSkeleton: Belarusian and Russian forms of one surname meet", () => {
  const families: string[][] = [
    ["Kastusiou", "Kostusev", "Kastusioŭ", "Kastusiov", "Кастусёў", "Костусев", "Касцюсёў", "Костюсев", "Kastusyow"],
    ["Lukashenka", "Lukashenko", "Лукашэнка", "Лукашенко", "Łukašenka", "Lukašenko", "Łukaszenka"],
    [
      "Tsikhanouskaya",
      "Tikhanovskaya",
      "Ціханоўская",
      "Тихановская",
      "Cichanoŭskaja",
      "Tikhanovskaia",
      "Tihanovskaâ",
      "Cichanouskaja",
    ],
    ["Bialiatski", "Beliatskii", "Бяляцкі", "Беляцкий", "Bialiacki", "Belyatsky", "Byalyatski"],
    ["Statkevich", "Statkievič", "Статкевіч", "Статкевич"],
    ["Pratasevich", "Protasevich", "Пратасевіч", "Протасевич"],
    ["Kolesnikova", "Kalesnikava", "Калеснікава", "Колесникова"],
    ["Babaryka", "Babariko", "Бабарыка", "Бабарико"],
    ["Losik", "Лосік", "Лосик"],
    ["Dziadok", "Dedok", "Дзядок", "Дедок"],
    ["Seviarynets", "Severinets", "Севярынец", "Северинец"],
    ["Zaitsau", "Zaitsev", "Зайцаў", "Зайцев"],
    ["Shcharbakou", "Shcherbakov", "Шчарбакоў", "Щербаков"],
    ["Siarheyeu", "Sergeyev", "Сяргееў", "Сергеев"],
  ];
  test.each(families.map((f) => [f[0] ?? "", f] as const))("%s", (_label, family) => {
    const skeletons = new Set(family.map((w) => tokenSkeleton(w)));
    expect([...skeletons], family.join(", ")).toHaveLength(1);
  });

  test("ignores case, stress marks, hyphens, and Latin look-alike letters inside Cyrillic", () => {
    expect(tokenSkeleton("LUKASHENKO")).toBe(tokenSkeleton("лукашэнка"));
    expect(tokenSkeleton("Рыго́р")).toBe(tokenSkeleton("Рыгор"));
    expect(tokenSkeleton("Ивaнов")).toBe(tokenSkeleton("Иванов")); // Latin "a"
    expect(tokenSkeleton("Rimsky-Korsakov")).toBe(tokenSkeleton("Римский-Корсаков"));
    expect(tokenSkeleton("")).toBe("");
    expect(tokenSkeleton("1985")).toBe("");
  });
});

describe("tokenSkeleton: different surnames stay different", () => {
  const DISTINCT = [
    "Babaryka",
    "Kalesnikava",
    "Tsikhanouski",
    "Tsikhanouskaya",
    "Bialiatski",
    "Losik",
    "Statkevich",
    "Pratasevich",
    "Znak",
    "Lukashenka",
    "Kastusiou",
    "Dziadok",
    "Seviarynets",
    "Ivanov",
    "Ivanova",
    "Petrov",
    "Sidorov",
    "Smirnov",
    "Kuznetsov",
    "Popov",
    "Vasiliev",
    "Novikov",
    "Fedorov",
    "Morozov",
    "Volkov",
    "Alekseev",
    "Lebedev",
    "Semenov",
    "Egorov",
    "Pavlov",
    "Kozlov",
    "Stepanov",
    "Nikolaev",
    "Orlov",
    "Andreev",
    "Makarov",
    "Nikitin",
    "Zakharov",
    "Zaitsev",
    "Soloviev",
    "Borisov",
    "Yakovlev",
    "Grigoriev",
    "Romanov",
    "Vorobiev",
    "Sergeev",
    "Kuzmin",
    "Frolov",
    "Dmitriev",
    "Korolev",
    "Gusev",
    "Kiselev",
    "Ilyin",
    "Belov",
    "Belyaev",
    "Medvedev",
    "Antonov",
    "Tarasov",
    "Zhukov",
    "Baranov",
    "Komarov",
    "Bogdanov",
    "Osipov",
    "Titov",
    "Markov",
    "Mironov",
    "Krylov",
    "Karpov",
    "Melnikov",
    "Tikhonov",
    "Shcherbakov",
    "Chernov",
    "Bykov",
    "Maslov",
    "Voronin",
    "Gromov",
    "Sobolev",
    "Kovalev",
    "Kotov",
    "Kudryavtsev",
    "Levchenko",
    "Bondarenko",
    "Kravchenko",
    "Shevchenko",
    "Tkachenko",
    "Kovalenko",
    "Lysenko",
    "Marchenko",
    "Sheremet",
    "Hancharyk",
    "Savchuk",
    "Pauliuk",
    "Latushka",
    "Sakharau",
    "Kuzmich",
    "Hubarevich",
    "Chernyshev",
  ];

  test("at least 40 real-shaped surnames, pairwise distinct", () => {
    expect(DISTINCT.length).toBeGreaterThanOrEqual(40);
    const seen = new Map<string, string>();
    for (const surname of DISTINCT) {
      const sk = tokenSkeleton(surname);
      expect(seen.get(sk), `${surname} collides with ${seen.get(sk)} as "${sk}"`).toBeUndefined();
      seen.set(sk, surname);
    }
  });

  test("Cyrillic forms of different surnames stay distinct too", () => {
    const cyr = [
      "Иванов",
      "Иванова",
      "Петров",
      "Лосік",
      "Знак",
      "Бабарыка",
      "Статкевіч",
      "Пратасевіч",
      "Бяляцкі",
      "Калеснікава",
      "Лукашэнка",
      "Кастусёў",
      "Беляев",
      "Белов",
      "Зайцаў",
      "Кудраўцаў",
    ];
    expect(new Set(cyr.map((w) => tokenSkeleton(w))).size).toBe(cyr.length);
  });

  test("gender forms differ: Ivanov ≠ Ivanova, Tsikhanouski ≠ Tsikhanouskaya", () => {
    expect(tokenSkeleton("Ivanov")).not.toBe(tokenSkeleton("Ivanova"));
    expect(tokenSkeleton("Иванов")).not.toBe(tokenSkeleton("Іванова"));
    expect(tokenSkeleton("Тихановский")).not.toBe(tokenSkeleton("Ціханоўская"));
    expect(tokenSkeleton("Znak")).not.toBe(tokenSkeleton("Losik"));
    expect(tokenSkeleton("Znak")).not.toBe(tokenSkeleton("Zenk"));
  });
});

describe("givenNameKey", () => {
  const EQUIVALENT: [string, string][] = [
    ["Рыгор", "Григорий"],
    ["Ryhor", "Grigory"],
    ["Hryhor", "Grigorii"],
    ["Ryhor", "Grigorij"],
    ["Алесь", "Александр"],
    ["Аляксандр", "Alexander"],
    ["Ales", "Aleksandr"],
    ["Зміцер", "Дмитрий"],
    ["Дзмітрый", "Dmitry"],
    ["Zmitser", "Dmitrii"],
    ["Янка", "Иван"],
    ["Іван", "Ivan"],
    ["Ігар", "Игорь"],
    ["Ihar", "Igor"],
    ["Сяргей", "Сергей"],
    ["Siarhei", "Sergei"],
    ["Siarhei", "Sergey"],
    ["Вольга", "Ольга"],
    ["Volha", "Olga"],
    ["Алена", "Елена"],
    ["Alena", "Yelena"],
    ["Кацярына", "Екатерина"],
    ["Katsiaryna", "Ekaterina"],
    ["Ганна", "Анна"],
    ["Hanna", "Anna"],
    ["Яўген", "Евгений"],
    ["Yauhen", "Evgeny"],
    ["Yauheni", "Yevgeniy"],
    ["Уладзімір", "Владимир"],
    ["Uladzimir", "Vladimir"],
    ["Мікалай", "Николай"],
    ["Мікола", "Nikolai"],
    ["Mikalai", "Nikolay"],
    ["Юрый", "Юрий"],
    ["Юры", "Yuri"],
    ["Jury", "Iurii"],
    ["Алег", "Олег"],
    ["Aleh", "Oleg"],
    ["Віктар", "Виктор"],
    ["Viktar", "Victor"],
    ["Аляксей", "Алексей"],
    ["Aliaksei", "Alexey"],
    ["Васіль", "Василий"],
    ["Vasil", "Vasily"],
    ["Генадзь", "Геннадий"],
    ["Henadz", "Gennady"],
    ["Уладзіслаў", "Владислав"],
    ["Uladzislau", "Vladislav"],
    ["Цімафей", "Тимофей"],
    ["Tsimafei", "Timofey"],
    ["Сцяпан", "Степан"],
    ["Stsiapan", "Stepan"],
    ["Кірыл", "Кирилл"],
    ["Kiryl", "Kirill"],
    ["Максім", "Максим"],
    ["Maxim", "Maksim"],
    ["Раман", "Роман"],
    ["Пятро", "Пётр"],
    ["Piatro", "Pyotr"],
    ["Павел", "Павел"],
    ["Paval", "Pavel"],
    ["Міхаіл", "Михаил"],
    ["Міхась", "Михаил"],
    ["Mikhas", "Mikhail"],
    ["Марыя", "Мария"],
    ["Maryia", "Maria"],
    ["Наталля", "Наталья"],
    ["Natallia", "Natalya"],
    ["Таццяна", "Татьяна"],
    ["Tatsiana", "Tatiana"],
    ["Святлана", "Светлана"],
    ["Sviatlana", "Svetlana"],
    ["Людміла", "Людмила"],
    ["Liudmila", "Lyudmila"],
    ["Ірына", "Ирина"],
    ["Iryna", "Irina"],
    ["Вераніка", "Вероника"],
    ["Дар'я", "Дарья"],
    ["Darya", "Daria"],
    ["Ксенія", "Ксения"],
    ["Ksenia", "Kseniya"],
    ["Настасся", "Анастасия"],
    ["Nastassia", "Anastasia"],
    ["Ігнат", "Игнатий"],
    ["Ihnat", "Ignat"],
    ["Аліна", "Alina"],
    ["Яна", "Yana"],
  ];

  test("at least 25 equivalence pairs are covered", () => {
    expect(EQUIVALENT.length).toBeGreaterThanOrEqual(25);
  });

  test.each(EQUIVALENT)("%s = %s (both directions)", (a, b) => {
    expect(givenNameKey(a)).not.toBe("");
    expect(givenNameKey(a)).toBe(givenNameKey(b));
    expect(givenNameKey(b)).toBe(givenNameKey(a));
  });

  test("the dictionary covers at least 80 names, each with its own key", () => {
    expect(GIVEN_NAME_KEYS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(GIVEN_NAME_KEYS).size).toBe(GIVEN_NAME_KEYS.length);
  });

  test("Алена, Алёна and Елена are one name (ICAO writes Алёна as ALENA)", () => {
    expect(givenNameKey("Алёна")).toBe(givenNameKey("Елена"));
    expect(givenNameKey("Alyona")).toBe(givenNameKey("Алена"));
  });

  test("different names stay different", () => {
    expect(givenNameKey("Sergei")).not.toBe(givenNameKey("Serafim"));
    expect(givenNameKey("Яна")).not.toBe(givenNameKey("Анна"));
    expect(givenNameKey("Yana")).not.toBe(givenNameKey("Hanna"));
    expect(givenNameKey("Егор")).not.toBe(givenNameKey("Игорь"));
    expect(givenNameKey("Ян")).not.toBe(givenNameKey("Иван"));
    expect(givenNameKey("Юрий")).not.toBe(givenNameKey("Георгий"));
    expect(givenNameKey("Alina")).not.toBe(givenNameKey("Alena"));
    expect(givenNameKey("Марина")).not.toBe(givenNameKey("Мария"));
    expect(givenNameKey("Евгений")).not.toBe(givenNameKey("Евгения"));
    expect(givenNameKey("Александр")).not.toBe(givenNameKey("Александра"));
  });

  test("unknown names fall back to tokenSkeleton", () => {
    expect(knownGivenNameKey("Serafim")).toBeNull();
    expect(givenNameKey("Serafim")).toBe(tokenSkeleton("Серафим"));
    expect(givenNameKey("Lihor")).toBe(tokenSkeleton("Lihor"));
    expect(givenNameKey("")).toBe("");
  });
});

describe("nameMatchKeys", () => {
  const ryhor: PersonName = { surname: "Kastusiou", givenName: "Ryhor" };
  const grigory: PersonName = { surname: "Костусев", givenName: "Григорий", patronymic: "Иванович" };

  test("the sources' pair: Ryhor Kastusiou and Григорий Иванович Костусев share the person key", () => {
    const split = splitFullName("Ryhor Kastusiou");
    expect(split).toEqual({ surname: "Kastusiou", givenName: "Ryhor", patronymic: null });
    const a = nameMatchKeys(split as PersonName);
    const b = nameMatchKeys(grigory);
    const personA = a.filter((k) => k.startsWith("person:"));
    expect(personA).toHaveLength(1);
    expect(b).toContain(personA[0]);
    expect(personA[0]).toBe(`person:${tokenSkeleton("Kastusiou")}|${givenNameKey("Григорий")}`);
  });

  test("also meets the Belarusian Cyrillic and Latin forms of the same man", () => {
    const key = personKey(ryhor);
    expect(personKey({ surname: "Кастусёў", givenName: "Рыгор", patronymic: "Іванавіч" })).toBe(key);
    expect(personKey({ surname: "Kostusev", givenName: "Grigorii" })).toBe(key);
    expect(personKey({ surname: "Kostusev", givenName: "Grigorij", patronymic: "Ivanovič" })).toBe(key);
    expect(personKey({ surname: "Kastusioŭ", givenName: "Hryhor" })).toBe(key);
  });

  test("Lukashenka / Lukashenko and other famous pairs share the person key", () => {
    expect(personKey({ surname: "Лукашэнка", givenName: "Аляксандр" })).toBe(
      personKey({ surname: "Lukashenko", givenName: "Alexander" }),
    );
    expect(personKey({ surname: "Ціханоўская", givenName: "Святлана" })).toBe(
      personKey({ surname: "Tikhanovskaya", givenName: "Svetlana" }),
    );
    expect(personKey({ surname: "Калеснікава", givenName: "Марыя", patronymic: "Аляксандраўна" })).toBe(
      personKey({ surname: "Kolesnikova", givenName: "Maria" }),
    );
    expect(personKey({ surname: "Бяляцкі", givenName: "Алесь" })).toBe(
      personKey({ surname: "Беляцкий", givenName: "Александр" }),
    );
    expect(personKey({ surname: "Дзядок", givenName: "Мікола" })).toBe(
      personKey({ surname: "Dedok", givenName: "Nikolai" }),
    );
  });

  test("Ivanov ≠ Ivanova, and different given names give different persons", () => {
    expect(personKey({ surname: "Ivanov", givenName: "Sergei" })).not.toBe(
      personKey({ surname: "Ivanova", givenName: "Sergei" }),
    );
    expect(personKey({ surname: "Ivanov", givenName: "Sergei" })).not.toBe(
      personKey({ surname: "Ivanov", givenName: "Serafim" }),
    );
  });

  test("contains exact keys in both orders, token keys, and no duplicates", () => {
    const keys = nameMatchKeys(grigory);
    expect(keys).toContain("exact:костусев григорий иванович");
    expect(keys).toContain("exact:григорий иванович костусев");
    expect(keys).toContain(`token:${tokenSkeleton("Костусев")}`);
    expect(keys).toContain(`token:${tokenSkeleton("Григорий")}`);
    expect(keys).toContain(`token:${tokenSkeleton("Иванович")}`);
    expect(keys).toContain(`token:${givenNameKey("Григорий")}`);
    expect(new Set(keys).size).toBe(keys.length);

    const latin = nameMatchKeys(ryhor);
    expect(latin).toContain("exact:kastusiou ryhor");
    expect(latin).toContain("exact:ryhor kastusiou");
    expect(latin).toContain(`token:${tokenSkeleton("Ryhor")}`);
    expect(latin).toContain(`token:${givenNameKey("Ryhor")}`);
    expect(new Set(latin).size).toBe(latin.length);
  });

  test("exact keys normalise ё, case and punctuation", () => {
    const keys = nameMatchKeys({ surname: "КАСТУСЁЎ", givenName: "Рыгор", patronymic: null });
    expect(keys).toContain("exact:кастусеў рыгор");
  });

  test("no person key without a given name", () => {
    const keys = nameMatchKeys({ surname: "Kastusiou", givenName: "" });
    expect(keys.some((k) => k.startsWith("person:"))).toBe(false);
    expect(keys).toContain(`token:${tokenSkeleton("Kastusiou")}`);
  });
});

describe("queryKeys", () => {
  test("one surname", () => {
    expect(queryKeys("Kastusiou")).toEqual({ exact: "kastusiou", tokens: [[`token:${tokenSkeleton("Kastusiou")}`]] });
  });

  test("a known given name offers its skeleton and its name key", () => {
    const { exact, tokens } = queryKeys("Ryhor Kastusiou");
    expect(exact).toBe("ryhor kastusiou");
    expect(tokens).toEqual([
      [`token:${tokenSkeleton("Ryhor")}`, `token:${givenNameKey("Григорий")}`],
      [`token:${tokenSkeleton("Kastusiou")}`],
    ]);
  });

  test("queries in any script and order find the stored person", () => {
    const russian: PersonName = { surname: "Костусев", givenName: "Григорий", patronymic: "Иванович" };
    const belarusianLatin: PersonName = { surname: "Kastusiou", givenName: "Ryhor" };
    for (const q of [
      "Kastusiou",
      "Ryhor Kastusiou",
      "Касцюсёў Рыгор",
      "Кастусёў Рыгор",
      "grigory kostusev",
      "KOSTUSEV GRIGORII",
      "Kastusioŭ",
      "Kastusiov",
    ]) {
      expect(queryMatches(q, russian), `${q} → ${russian.surname}`).toBe(true);
      expect(queryMatches(q, belarusianLatin), `${q} → ${belarusianLatin.surname}`).toBe(true);
    }
    expect(queryMatches("Lukashenko", { surname: "Лукашэнка", givenName: "Аляксандр" })).toBe(true);
    expect(queryMatches("Лукашенко Александр", { surname: "Lukashenka", givenName: "Aliaksandr" })).toBe(true);
  });

  test("a different person is not found", () => {
    expect(queryMatches("Ivanova", { surname: "Ivanov", givenName: "Ivan" })).toBe(false);
    expect(queryMatches("Serafim Kostusev", { surname: "Костусев", givenName: "Сергей" })).toBe(false);
    expect(queryMatches("Znak", { surname: "Лосік", givenName: "Ігар" })).toBe(false);
  });

  test("press misspelling: the surname meets exactly and the given name is near", () => {
    const { tokens } = queryKeys("Lihor Kastusiov");
    const stored = new Set(nameMatchKeys({ surname: "Костусев", givenName: "Григорий" }));
    expect(tokens[1]?.some((k) => stored.has(k))).toBe(true);
    expect(skeletonsNear(tokenSkeleton("Lihor"), tokenSkeleton("Ryhor"))).toBe(true);
  });

  test("empty and punctuation-only queries give no tokens", () => {
    expect(queryKeys("")).toEqual({ exact: "", tokens: [] });
    expect(queryKeys("  ,  - ")).toEqual({ exact: "", tokens: [] });
  });
});

describe("normalizeExact", () => {
  test("lower-cases, folds ё, drops apostrophes and punctuation, collapses whitespace", () => {
    expect(normalizeExact("  Кастусёў   Рыгор ")).toBe("кастусеў рыгор");
    expect(normalizeExact("Дар'я")).toBe("даря");
    expect(normalizeExact("Дар’я")).toBe("даря");
    expect(normalizeExact("O'Brien-Smith, John.")).toBe("obrien smith john");
    expect(normalizeExact("ЁЛКИН")).toBe("елкин");
  });

  test("NFC and stress marks", () => {
    expect(normalizeExact("Сергии\u0306")).toBe("сергий"); // decomposed й
    expect(normalizeExact("Рыго\u0301р")).toBe("рыгор");
    expect(normalizeExact("Łukas\u030Cenka")).toBe("łukašenka");
  });
});

describe("splitFullName", () => {
  test("three words: surname given patronymic", () => {
    expect(splitFullName("Костусев Григорий Иванович")).toEqual({
      surname: "Костусев",
      givenName: "Григорий",
      patronymic: "Иванович",
    });
    expect(splitFullName("Kastusiou Ryhor Ivanavich")).toEqual({
      surname: "Kastusiou",
      givenName: "Ryhor",
      patronymic: "Ivanavich",
    });
    expect(splitFullName("Пратасевіч Раман Дзмітрыевіч")).toEqual({
      surname: "Пратасевіч",
      givenName: "Раман",
      patronymic: "Дзмітрыевіч",
    });
  });

  test("three words starting with a given name and a patronymic", () => {
    expect(splitFullName("Рыгор Іванавіч Кастусёў")).toEqual({
      surname: "Кастусёў",
      givenName: "Рыгор",
      patronymic: "Іванавіч",
    });
  });

  test("two words: Cyrillic surname first, Latin given name first", () => {
    expect(splitFullName("Кастусёў Рыгор")).toEqual({ surname: "Кастусёў", givenName: "Рыгор", patronymic: null });
    expect(splitFullName("Лукашэнка Аляксандр")).toEqual({
      surname: "Лукашэнка",
      givenName: "Аляксандр",
      patronymic: null,
    });
    expect(splitFullName("Ryhor Kastusiou")).toEqual({ surname: "Kastusiou", givenName: "Ryhor", patronymic: null });
    expect(splitFullName("Grigory  Kostusev")).toEqual({
      surname: "Kostusev",
      givenName: "Grigory",
      patronymic: null,
    });
  });

  test("two words: ALL-CAPS surname, or an obvious given name, reverses the default", () => {
    expect(splitFullName("KASTUSIOU Ryhor")).toEqual({ surname: "KASTUSIOU", givenName: "Ryhor", patronymic: null });
    expect(splitFullName("Рыгор КАСТУСЁЎ")).toEqual({ surname: "КАСТУСЁЎ", givenName: "Рыгор", patronymic: null });
    expect(splitFullName("Рыгор Кастусёў")).toEqual({ surname: "Кастусёў", givenName: "Рыгор", patronymic: null });
    expect(splitFullName("Kastusiou Ryhor")).toEqual({ surname: "Kastusiou", givenName: "Ryhor", patronymic: null });
  });

  test("Surname, Given [Patronymic]", () => {
    expect(splitFullName("Kastusiou, Ryhor")).toEqual({ surname: "Kastusiou", givenName: "Ryhor", patronymic: null });
    expect(splitFullName("Костусев, Григорий Иванович")).toEqual({
      surname: "Костусев",
      givenName: "Григорий",
      patronymic: "Иванович",
    });
  });

  test("empty, one word, many words", () => {
    expect(splitFullName("")).toBeNull();
    expect(splitFullName("   ")).toBeNull();
    expect(splitFullName(", Ryhor")).toBeNull();
    expect(splitFullName("Kastusiou")).toEqual({ surname: "Kastusiou", givenName: "", patronymic: null });
    expect(splitFullName("Maria Anna Sofia Kolesnikova")).toEqual({
      surname: "Kolesnikova",
      givenName: "Maria",
      patronymic: "Anna Sofia",
    });
    expect(splitFullName("Кастусёў Рыгор Іван Іванавіч")).toEqual({
      surname: "Кастусёў",
      givenName: "Рыгор",
      patronymic: "Іван Іванавіч",
    });
  });
});

describe("detectScript", () => {
  test.each([
    ["Ryhor Kastusiou", "latin"],
    ["Łukašenka", "latin"],
    ["Grigory Kostusev", "latin"],
    ["Рыгор Кастусёў", "cyrillic_be"],
    ["Лосік", "cyrillic_be"],
    ["Аляксандр Лукашэнка", "cyrillic_be"],
    ["Таццяна", "cyrillic_be"],
    ["Дар'я", "cyrillic_be"],
    ["Дзмітрыевіч", "cyrillic_be"],
    ["Григорий Костусев", "cyrillic_ru"],
    ["Щербаков", "cyrillic_ru"],
    ["Подъячев", "cyrillic_ru"],
    ["Бабарыка", "cyrillic_ru"], // no Belarusian marker: falls back to Russian
  ] as const)("%s → %s", (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});

describe("editDistance and skeletonsNear", () => {
  test("Levenshtein distance", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("sitting", "kitten")).toBe(3);
    expect(editDistance("rigar", "ligar")).toBe(1);
    expect(editDistance("kastusav", "kastusav")).toBe(0);
  });

  test("near skeletons for press misspellings, not for different names", () => {
    expect(skeletonsNear("rigar", "ligar")).toBe(true);
    expect(skeletonsNear("lasik", "znak")).toBe(false);
    expect(skeletonsNear("an", "in")).toBe(false);
    expect(skeletonsNear("kalasnikava", "kalesnikova")).toBe(true);
  });
});

// How fast keys are computed for 20,000 rows is measured by `npm run bench:parse`, not here.
describe("keys for many rows", () => {
  test("every row of a long list in several scripts gets its keys", () => {
    const surnames = ["Kastusiou", "Лукашэнка", "Tikhanovskaya", "Бяляцкі", "Statkevich", "Знак", "Losik"];
    const givens = ["Ryhor", "Аляксандр", "Sviatlana", "Алесь", "Mikalai", "Максім", "Ihar"];
    let count = 0;
    for (let i = 0; i < 2_000; i++) {
      const surname = `${surnames[i % surnames.length]}${String.fromCharCode(97 + (i % 26))}${i % 100}`;
      const keys = nameMatchKeys({ surname, givenName: givens[i % givens.length] ?? "", patronymic: "Іванавіч" });
      // The import's shortcut for the person key gives the key nameMatchKeys stores.
      expect(keys.filter((k) => k.startsWith("person:"))).toEqual([
        `person:${personMatchKey({ surname, givenName: givens[i % givens.length] ?? "" })}`,
      ]);
      count += keys.length;
    }
    expect(count).toBeGreaterThan(2_000);
  });
});

describe("spellings found in the real world (issue 13)", () => {
  test.each([
    ["Łacinka without diacritics", "Sydlouski", { surname: "Сідлоўскі", givenName: "Андрэй" }],
    ["Łacinka without diacritics (š and č as s and c)", "Lukasevic", { surname: "Лукашэвіч", givenName: "Мікола" }],
    ["the same against a Russian spelling", "Lukasevic", { surname: "Лукашевич", givenName: "Николай" }],
    ["GOST 7.79 system B (x is х)", "Zavarzin Mixail", { surname: "Заварзин", givenName: "Михаил" }],
    ["German press (sch is ш)", "Schestakow", { surname: "Шестаков", givenName: "Павел" }],
    ["German press, Polish-looking surname", "Schidlowski", { surname: "Шидловский", givenName: "Олег" }],
    ["German tsch is ч", "Tschernow", { surname: "Чарноў", givenName: "Ігар" }],
    ["GOST 7.79 system B shh is щ", "Shhukin", { surname: "Щукин", givenName: "Иван" }],
  ])("%s: %s", (_system, query, name) => {
    expect(queryMatches(query, name)).toBe(true);
  });

  test("the Łacinka reading does not merge different people when the full name is known", () => {
    expect(personKey({ surname: "Лукашэвіч", givenName: "Мікола" })).not.toBe(
      personKey({ surname: "Лукасевич", givenName: "Николай" }),
    );
    expect(queryMatches("Lukasevic Mikola", { surname: "Лукашэвіч", givenName: "Мікола" })).toBe(true);
  });

  test("an English x stays кс, a GOST x also reads as х", () => {
    expect(queryMatches("Maxim", { surname: "Иванов", givenName: "Максим" })).toBe(true);
    expect(knownGivenNameKey("Mixail")).toBe(givenNameKey("Михаил"));
    expect(knownGivenNameKey("Maxim")).toBe(givenNameKey("Максим"));
  });

  test("short forms find the full names: Саша both Александр and Александра, Маша Мария", () => {
    expect(queryMatches("Саша", { surname: "Иванов", givenName: "Александр" })).toBe(true);
    expect(queryMatches("Саша", { surname: "Иванова", givenName: "Александра" })).toBe(true);
    expect(queryMatches("Sasha", { surname: "Іваноў", givenName: "Аляксандр" })).toBe(true);
    expect(queryMatches("Маша", { surname: "Колесникова", givenName: "Мария" })).toBe(true);
    expect(queryMatches("Masha Kalesnikava", { surname: "Калеснікава", givenName: "Марыя" })).toBe(true);
    expect(queryMatches("Маша", { surname: "Иванова", givenName: "Марина" })).toBe(false);
    // A person recorded by the short form is found by the full name too.
    expect(queryMatches("Александр Петров", { surname: "Петров", givenName: "Саша" })).toBe(true);
    expect(knownGivenNameKey("Маша")).toBe(givenNameKey("Мария"));
    // Саша stands for two names: no single key.
    expect(knownGivenNameKey("Саша")).toBeNull();
  });

  test("Belarusian and Russian pairs: Сымон ↔ Семён, Лявон ↔ Леонид", () => {
    expect(givenNameKey("Сымон")).toBe(givenNameKey("Семён"));
    expect(givenNameKey("Лявон")).toBe(givenNameKey("Леонид"));
    expect(queryMatches("Symon", { surname: "Сямёнаў", givenName: "Сымон" })).toBe(true);
    expect(personKey({ surname: "Барысевіч", givenName: "Лявон" })).toBe(
      personKey({ surname: "Борисевич", givenName: "Леонид" }),
    );
  });

  test("the press's Lihor is one letter from Ryhor: a near miss, whatever the first letter", () => {
    expect(skeletonsNear(tokenSkeleton("Lihor"), tokenSkeleton("Рыгор"))).toBe(true);
    expect(tokenSkeleton("Kastusiov")).toBe(tokenSkeleton("Кастусёў"));
  });
});
