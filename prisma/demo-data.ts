/**
 * Demo data for the registry: the default routes, NGO sources, facilities
 * with their rules, fictional prisoners (names, stays, sources) and the parcel
 * catalogue. Called once on an empty database by the demo loader.
 *
 * The prisoners are invented: none of these names belongs to a real political
 * prisoner. Facility addresses are public institutional addresses; where we were
 * not sure of one, the rules note says so and a coordinator should confirm it.
 * PrisonerNameKey rows are not created here: the search module computes them.
 */
import type {
  Country,
  ColonyRegime,
  FacilityType,
  HumanitarianReason,
  NameScript,
  Prisma,
  PrismaClient,
  PrisonerStatus,
  ReleaseKind,
} from "#app/generated/prisma/client.ts";
import { DEFAULT_BANNED_TERMS, DEFAULT_CATALOG } from "#app/parcels/defaults.ts";
import { createDefaultRoutes } from "#app/tracking/default-routes.ts";
import { defaultFacilityRules } from "#app/facilities/default-rules.ts";

export const DEMO_SOURCE_SLUGS = ["viasna", "humanitarian-list", "memorial-ovd"] as const;

type SourceSlug = (typeof DEMO_SOURCE_SLUGS)[number];

/** A calendar date (for @db.Date columns and stay dates), at UTC midnight. */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

// ───────────────────────────── Sources ─────────────────────────────

const SOURCES: Array<{ slug: SourceSlug; name: string; country: Country; url: string | null }> = [
  { slug: "viasna", name: "Viasna political prisoners list", country: "BY", url: "https://prisoners.spring96.org" },
  { slug: "humanitarian-list", name: "Humanitarian list", country: "BY", url: null },
  { slug: "memorial-ovd", name: "Memorial / OVD-Info list", country: "RU", url: null },
];

// ───────────────────────────── Facilities ─────────────────────────────

const TO_CONFIRM = "Address to be confirmed by a coordinator.";

const SIZO_BY_NOTE =
  "Pre-trial detainees whose sentence is not yet in force may receive parcels, including from abroad. " +
  "Hand-delivered parcels are capped at 30 kg a month (no cap for minors, the seriously ill and pregnant women); no perishables. " +
  "Letters are censored arbitrarily, and a letter stays here if the person has been moved.";

const RELATIVES_ONLY_NOTE =
  "Since 2022 many convicted prisoners here receive letters only from close relatives or people they named; letters from others are often not handed over.";

const ADULT_QUOTA_NOTE = "Adult colony parcel quotas were not found: fill them in when known.";

const ENHANCED_REGIME_NOTE = "Regime: усиленный (enhanced), which has no value in the regime list yet.";

interface FacilitySeed {
  key: string;
  country: Country;
  type: FacilityType;
  regime: ColonyRegime | null;
  name: string;
  nameLatin: string;
  street: string;
  postcode: string;
  city: string;
  region: string | null;
  acceptsNonRelativeLetters: boolean;
  parcelsFromAbroad: boolean;
  parcelQuotaPerYear?: number;
  smallPackageQuotaPerYear?: number;
  parcelWeightLimitGrams?: number;
  parcelMonthlyWeightLimitGrams?: number;
  rulesNote: string | null;
}

const FACILITIES: FacilitySeed[] = [
  // ── Belarus ──
  {
    key: "by-sizo1",
    country: "BY",
    type: "sizo",
    regime: null,
    name: "СИЗО №1",
    nameLatin: "Pre-trial detention centre No. 1, Minsk (Valadarskaha St.)",
    street: "ул. Володарского, 2",
    postcode: "220030",
    city: "г. Минск",
    region: null,
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: true,
    parcelWeightLimitGrams: 30000,
    parcelMonthlyWeightLimitGrams: 30000,
    rulesNote: SIZO_BY_NOTE,
  },
  {
    key: "by-zhodino",
    country: "BY",
    type: "sizo",
    regime: null,
    name: "Тюрьма №8",
    nameLatin: "Prison No. 8, Zhodzina (used as a pre-trial jail)",
    street: "ул. Советская, 22а",
    postcode: "222163",
    city: "г. Жодино",
    region: "Минская обл.",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: true,
    parcelWeightLimitGrams: 30000,
    parcelMonthlyWeightLimitGrams: 30000,
    rulesNote: `Formally a prison, used mainly as a pre-trial jail for Minsk cases. ${SIZO_BY_NOTE} ${TO_CONFIRM}`,
  },
  {
    key: "by-okrestina",
    country: "BY",
    type: "police_jail",
    regime: null,
    name: "ЦИП ГУВД Мингорисполкома",
    nameLatin: "Akrescina detention centre (police jail), Minsk",
    street: "ул. Окрестина, 36",
    postcode: "220102",
    city: "г. Минск",
    region: null,
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote:
      "Short-term police detention (days to weeks). Letters usually arrive after the person has been moved or released: " +
      `write to the SIZO once the transfer is known. Parcels accepted, if at all, are limited to hygiene items. ${TO_CONFIRM}`,
  },
  {
    key: "by-ik2",
    country: "BY",
    type: "colony",
    regime: null,
    name: "ИК №2",
    nameLatin: "Penal colony No. 2, Babruisk",
    street: "ул. Сикорского, 1",
    postcode: "213800",
    city: "г. Бобруйск",
    region: "Могилёвская обл.",
    acceptsNonRelativeLetters: false,
    parcelsFromAbroad: false,
    rulesNote: `${RELATIVES_ONLY_NOTE} ${ENHANCED_REGIME_NOTE} ${ADULT_QUOTA_NOTE}`,
  },
  {
    key: "by-ik3",
    country: "BY",
    type: "colony",
    regime: null,
    name: "ИК №3",
    nameLatin: "Penal colony No. 3, Vitsba (Viciebsk region)",
    street: "пос. Витьба",
    postcode: "211322",
    city: "Витебский р-н",
    region: "Витебская обл.",
    acceptsNonRelativeLetters: false,
    parcelsFromAbroad: false,
    rulesNote: `${RELATIVES_ONLY_NOTE} ${ENHANCED_REGIME_NOTE} ${ADULT_QUOTA_NOTE}`,
  },
  {
    key: "by-ik4",
    country: "BY",
    type: "colony",
    regime: "general",
    name: "ИК №4",
    nameLatin: "Women's penal colony No. 4, Homiel",
    street: "ул. Антошкина, 3",
    postcode: "246035",
    city: "г. Гомель",
    region: "Гомельская обл.",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote:
      "Women's colony (general and strict regime units). Letters from non-relatives are accepted but heavily censored; many are not handed over. " +
      ADULT_QUOTA_NOTE,
  },
  {
    key: "by-ik13",
    country: "BY",
    type: "colony",
    regime: "special",
    name: "ИК №13",
    nameLatin: "Special-regime penal colony No. 13, Hlybokaje",
    street: "ул. Ленинская, 228",
    postcode: "211800",
    city: "г. Глубокое",
    region: "Витебская обл.",
    acceptsNonRelativeLetters: false,
    parcelsFromAbroad: false,
    rulesNote: `Considered one of the most closed colonies. ${RELATIVES_ONLY_NOTE} ${ADULT_QUOTA_NOTE} ${TO_CONFIRM}`,
  },
  {
    key: "by-ik15",
    country: "BY",
    type: "colony",
    regime: null,
    name: "ИК №15",
    nameLatin: "Penal colony No. 15, Mahiliou",
    street: "Славгородское ш., 183",
    postcode: "212013",
    city: "г. Могилёв",
    region: "Могилёвская обл.",
    acceptsNonRelativeLetters: false,
    parcelsFromAbroad: false,
    rulesNote: `${RELATIVES_ONLY_NOTE} ${ENHANCED_REGIME_NOTE} ${ADULT_QUOTA_NOTE} ${TO_CONFIRM}`,
  },
  {
    key: "by-ik17",
    country: "BY",
    type: "colony",
    regime: "general",
    name: "ИК №17",
    nameLatin: "Penal colony No. 17, Shklou",
    street: "ул. 1-я Заводская, 22",
    postcode: "213004",
    city: "г. Шклов",
    region: "Могилёвская обл.",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote:
      "Holds many political prisoners; letters from non-relatives are accepted but often delayed or withheld by the censor. " +
      `${ADULT_QUOTA_NOTE} ${TO_CONFIRM}`,
  },
  {
    key: "by-ik22",
    country: "BY",
    type: "colony",
    regime: "strict",
    name: "ИК №22",
    nameLatin: "Penal colony No. 22 'Vouchyja Nory', Ivacevichy district",
    street: "п/о Доманово",
    postcode: "225295",
    city: "Ивацевичский р-н",
    region: "Брестская обл.",
    acceptsNonRelativeLetters: false,
    parcelsFromAbroad: false,
    rulesNote: `Remote colony, mostly for people convicted under drug articles. ${RELATIVES_ONLY_NOTE} ${ADULT_QUOTA_NOTE}`,
  },
  {
    key: "by-prison1",
    country: "BY",
    type: "prison",
    regime: null,
    name: "Тюрьма №1",
    nameLatin: "Prison No. 1, Hrodna",
    street: "ул. Кирова, 1",
    postcode: "230023",
    city: "г. Гродно",
    region: "Гродненская обл.",
    acceptsNonRelativeLetters: false,
    parcelsFromAbroad: false,
    rulesNote:
      "Prison regime, the strictest: people are often moved here from colonies as a punishment. Correspondence is heavily restricted. " +
      RELATIVES_ONLY_NOTE,
  },
  {
    key: "by-vk2",
    country: "BY",
    type: "juvenile_colony",
    regime: null,
    name: "Воспитательная колония №2",
    nameLatin: "Juvenile colony No. 2, Babruisk",
    street: "ул. Бахарова, 180",
    postcode: "213826",
    city: "г. Бобруйск",
    region: "Могилёвская обл.",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    parcelQuotaPerYear: 6,
    smallPackageQuotaPerYear: 2,
    rulesNote: `Juvenile colony: 6 parcels and 2 small packages a year, mostly from relatives. ${TO_CONFIRM}`,
  },
  {
    key: "by-iuot",
    country: "BY",
    type: "open_institution",
    regime: null,
    name: "ИУОТ №2",
    nameLatin: "Open-type correctional institution No. 2, Mahiliou ('khimiya')",
    street: "ул. Челюскинцев, 60",
    postcode: "212030",
    city: "г. Могилёв",
    region: "Могилёвская обл.",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote:
      "Open-type institution ('химия'): people live in a dormitory under supervision and work; letters are far less restricted than in a colony. " +
      TO_CONFIRM,
  },
  {
    key: "by-home",
    country: "BY",
    type: "home_confinement",
    regime: null,
    name: "Домашний арест",
    nameLatin: "House arrest / restricted freedom at home",
    street: "По месту жительства (адрес не публикуется)",
    postcode: "",
    city: "—",
    region: null,
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote:
      "Not an institution: the person serves house arrest or restricted freedom at home. The home address is not published; " +
      "use the letter bank or ask a coordinator.",
  },
  // ── Russia ──
  {
    key: "ru-sizo1",
    country: "RU",
    type: "sizo",
    regime: null,
    name: "ФКУ СИЗО-1 УФСИН России по г. Москве",
    nameLatin: "Pre-trial detention centre No. 1, Moscow ('Matrosskaya Tishina')",
    street: "ул. Матросская Тишина, 18",
    postcode: "107076",
    city: "г. Москва",
    region: null,
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: true,
    parcelWeightLimitGrams: 30000,
    parcelMonthlyWeightLimitGrams: 30000,
    rulesNote:
      "Parcels for pre-trial detainees, capped at 30 kg a month; no perishables. FSIN-Pismo e-letters are available. " +
      "Write the recipient's year of birth after the name.",
  },
  {
    key: "ru-sizo6",
    country: "RU",
    type: "sizo",
    regime: null,
    name: "ФКУ СИЗО-6 УФСИН России по г. Москве",
    nameLatin: "Women's pre-trial detention centre No. 6, Moscow (Pechatniki)",
    street: "ул. Шоссейная, 92",
    postcode: "109383",
    city: "г. Москва",
    region: null,
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: true,
    parcelWeightLimitGrams: 30000,
    parcelMonthlyWeightLimitGrams: 30000,
    rulesNote:
      "Women's pre-trial detention centre. Parcels for pre-trial detainees, capped at 30 kg a month; no perishables. " +
      `Write the recipient's year of birth after the name. ${TO_CONFIRM}`,
  },
  {
    key: "ru-ik2",
    country: "RU",
    type: "colony",
    regime: "general",
    name: "ФКУ ИК-2 УФСИН России по Владимирской обл.",
    nameLatin: "Penal colony No. 2, Pokrov (Vladimir region)",
    street: "ул. Франца Штольверка, 10",
    postcode: "601120",
    city: "г. Покров, Петушинский р-н",
    region: "Владимирская обл.",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote: `Parcels by the colony's yearly quota, mostly from relatives. ${ADULT_QUOTA_NOTE} ${TO_CONFIRM}`,
  },
  {
    key: "ru-ik6",
    country: "RU",
    type: "colony",
    regime: "strict",
    name: "ФКУ ИК-6 УФСИН России по Владимирской обл.",
    nameLatin: "Penal colony No. 6, Melekhovo (Vladimir region)",
    street: "ул. Первомайская, 1",
    postcode: "601966",
    city: "пос. Мелехово, Ковровский р-н",
    region: "Владимирская обл.",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote: `${ADULT_QUOTA_NOTE} ${TO_CONFIRM}`,
  },
  {
    key: "ru-ik3",
    country: "RU",
    type: "colony",
    regime: "special",
    name: "ФКУ ИК-3 УФСИН России по ЯНАО",
    nameLatin: "Special-regime penal colony No. 3 'Polar Wolf', Kharp",
    street: "ул. Набережная, 1",
    postcode: "629420",
    city: "пгт Харп, Приуральский р-н",
    region: "Ямало-Ненецкий АО",
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    rulesNote: `Far north: post takes longer than usual. ${ADULT_QUOTA_NOTE} ${TO_CONFIRM}`,
  },
];

type FacilityKey = string;

// ───────────────────────────── Prisoners ─────────────────────────────

interface NameSeed {
  script: NameScript;
  system?: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  isPrimary?: boolean;
}

interface StaySeed {
  facility: FacilityKey;
  from: string;
  to?: string;
  note?: string;
}

interface FlagSeed {
  note: string;
  since: string;
}

interface PrisonerSeed {
  country: Country;
  status: PrisonerStatus;
  birth: string;
  birthYearOnly?: boolean;
  gender: "male" | "female";
  detainedOn: string;
  articles: string;
  sentence: string | null;
  sentenceInForce: boolean | null;
  verdictOn?: string;
  /** A release (date and kind) or a death: recorded as a change of situation too. */
  release?: { on: string; kind: ReleaseKind; note?: string };
  diedOn?: string;
  /** False when a list says letters cannot reach the person now. */
  canWrite?: boolean;
  interests?: string[];
  facility: FacilityKey | null;
  humanitarian?: HumanitarianReason[];
  incommunicado?: FlagSeed;
  doNotWrite?: FlagSeed;
  relativesOnly?: FlagSeed;
  needsReview?: string;
  names: NameSeed[];
  stays: StaySeed[];
  sources: Array<{ source: SourceSlug; externalId: string; missingSince?: string }>;
}

/** Belarusian: primary Belarusian Cyrillic, the Russian form, then Latin spellings. */
function byNames(
  be: [surname: string, given: string, patronymic: string],
  ru: [surname: string, given: string, patronymic: string],
  latin: Array<[system: string, surname: string, given: string]>,
): NameSeed[] {
  return [
    { script: "cyrillic_be", surname: be[0], givenName: be[1], patronymic: be[2], isPrimary: true },
    { script: "cyrillic_ru", surname: ru[0], givenName: ru[1], patronymic: ru[2] },
    ...latin.map(([system, surname, givenName]): NameSeed => ({ script: "latin", system, surname, givenName })),
  ];
}

/** Russian: primary Russian Cyrillic, then Latin spellings (ICAO first). */
function ruNames(
  ru: [surname: string, given: string, patronymic: string],
  latin: Array<[system: string, surname: string, given: string]>,
): NameSeed[] {
  return [
    { script: "cyrillic_ru", surname: ru[0], givenName: ru[1], patronymic: ru[2], isPrimary: true },
    ...latin.map(([system, surname, givenName]): NameSeed => ({ script: "latin", system, surname, givenName })),
  ];
}

const RELATIVES_ONLY_PERSONAL =
  "The administration hands over letters only from close relatives; letters from others are returned or lost. The letter bank is a better route.";

const PRISONERS: PrisonerSeed[] = [
  // ── Belarus ──
  {
    country: "BY",
    status: "convicted",
    birth: "1987-03-14",
    gender: "male",
    detainedOn: "2024-02-07",
    articles: "ст. 342 ч.1 УК РБ",
    sentence: "3 года 6 месяцев колонии общего режима",
    sentenceInForce: true,
    facility: "by-ik17",
    names: byNames(
      ["Лапіцкі", "Андрэй", "Віктаравіч"],
      ["Лапицкий", "Андрей", "Викторович"],
      [
        ["national", "Lapicki", "Andrej"],
        ["bgn", "Lapitski", "Andrey"],
      ],
    ),
    stays: [
      { facility: "by-okrestina", from: "2024-02-07", to: "2024-02-10" },
      { facility: "by-sizo1", from: "2024-02-10", to: "2024-08-20" },
      { facility: "by-ik17", from: "2024-09-10" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-1204" }],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1979-11-02",
    gender: "female",
    detainedOn: "2023-10-11",
    articles: "ст. 361-1 ч.3 УК РБ",
    sentence: "4 года колонии общего режима",
    sentenceInForce: true,
    facility: "by-ik4",
    relativesOnly: { note: RELATIVES_ONLY_PERSONAL, since: "2024-06-01" },
    names: byNames(
      ["Шалюта", "Марына", "Сяргееўна"],
      ["Шалюта", "Марина", "Сергеевна"],
      [
        ["national", "Šaliuta", "Maryna"],
        ["press", "Shalyuta", "Marina"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2023-10-13", to: "2024-04-02" },
      { facility: "by-ik4", from: "2024-04-20" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-1137" }],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1958-01-01",
    birthYearOnly: true,
    gender: "male",
    detainedOn: "2022-11-29",
    articles: "ст. 368 ч.1, ст. 130 ч.1 УК РБ",
    sentence: "5 лет колонии усиленного режима",
    sentenceInForce: true,
    facility: "by-ik15",
    humanitarian: ["elderly", "serious_illness"],
    names: byNames(
      ["Лявонаў", "Уладзімір", "Пятровіч"],
      ["Леонов", "Владимир", "Петрович"],
      [
        ["national", "Liavonaŭ", "Uladzimir"],
        ["bgn", "Lyavonaw", "Uladzimir"],
        ["press", "Leonov", "Vladimir"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2022-12-01", to: "2023-05-30" },
      { facility: "by-ik15", from: "2023-06-20" },
    ],
    sources: [
      { source: "viasna", externalId: "viasna-0871" },
      { source: "humanitarian-list", externalId: "hum-017" },
    ],
  },
  {
    country: "BY",
    status: "pretrial",
    birth: "1992-12-19",
    gender: "male",
    detainedOn: "2026-08-18",
    articles: "ст. 342 ч.1 УК РБ",
    sentence: null,
    sentenceInForce: null,
    facility: "by-sizo1",
    names: byNames(
      ["Верабей", "Дзмітрый", "Алегавіч"],
      ["Воробей", "Дмитрий", "Олегович"],
      [
        ["national", "Vierabiej", "Dzmitryj"],
        ["press", "Vorobey", "Dmitry"],
      ],
    ),
    stays: [
      { facility: "by-okrestina", from: "2026-08-18", to: "2026-08-21" },
      { facility: "by-sizo1", from: "2026-08-21" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-2318" }],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1971-06-25",
    gender: "female",
    detainedOn: "2021-09-14",
    articles: "ст. 361-1 ч.1, ст. 130 ч.3 УК РБ",
    sentence: "10 лет колонии общего режима",
    sentenceInForce: true,
    facility: "by-ik4",
    humanitarian: ["large_family_parent"],
    names: byNames(
      ["Цярэшка", "Святлана", "Іванаўна"],
      ["Терешко", "Светлана", "Ивановна"],
      [
        ["national", "Ciareška", "Sviatlana"],
        ["lacinka", "Ciareška", "Śviatłana"],
        ["press", "Tereshko", "Svetlana"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2021-09-16", to: "2022-05-05" },
      { facility: "by-ik4", from: "2022-05-24" },
    ],
    sources: [
      { source: "viasna", externalId: "viasna-0412" },
      { source: "humanitarian-list", externalId: "hum-042" },
    ],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1950-01-01",
    birthYearOnly: true,
    gender: "male",
    detainedOn: "2023-03-01",
    articles: "ст. 361 ч.3, ст. 368 ч.1 УК РБ",
    sentence: "4 года колонии усиленного режима",
    sentenceInForce: true,
    facility: "by-ik2",
    humanitarian: ["elderly", "disability"],
    names: byNames(
      ["Ясюкевіч", "Мікалай", "Антонавіч"],
      ["Ясюкевич", "Николай", "Антонович"],
      [
        ["national", "Jasiukievič", "Mikalaj"],
        ["bgn", "Yasyukevich", "Mikalay"],
      ],
    ),
    stays: [
      { facility: "by-zhodino", from: "2023-03-03", to: "2023-09-12" },
      { facility: "by-ik2", from: "2023-10-05" },
    ],
    sources: [
      { source: "viasna", externalId: "viasna-0958" },
      { source: "humanitarian-list", externalId: "hum-003" },
    ],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "2008-12-03",
    gender: "male",
    detainedOn: "2025-04-10",
    articles: "ст. 361-4 УК РБ",
    sentence: "2 года 6 месяцев воспитательной колонии",
    sentenceInForce: true,
    facility: "by-vk2",
    humanitarian: ["minor"],
    names: byNames(
      ["Шыдлоўскі", "Кірыл", "Андрэевіч"],
      ["Шидловский", "Кирилл", "Андреевич"],
      [
        ["national", "Šydloŭski", "Kiryl"],
        ["bgn", "Shydlowski", "Kiryl"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2025-04-12", to: "2025-09-30" },
      { facility: "by-vk2", from: "2025-10-15" },
    ],
    sources: [
      { source: "viasna", externalId: "viasna-2051" },
      { source: "humanitarian-list", externalId: "hum-118" },
    ],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1985-11-27",
    gender: "female",
    detainedOn: "2024-11-05",
    articles: "ст. 361-4 УК РБ",
    sentence: "3 года колонии общего режима",
    sentenceInForce: true,
    facility: "by-ik4",
    names: byNames(
      ["Кавалёва", "Алена", "Мікалаеўна"],
      ["Ковалёва", "Елена", "Николаевна"],
      [
        ["national", "Kavaliova", "Aliena"],
        ["press", "Kovaleva", "Elena"],
      ],
    ),
    stays: [
      { facility: "by-zhodino", from: "2024-11-08", to: "2025-04-01" },
      { facility: "by-ik4", from: "2025-04-20" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-1893" }],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1966-04-09",
    gender: "male",
    detainedOn: "2020-09-20",
    articles: "ст. 357 ч.1, ст. 361-1 ч.1 УК РБ",
    sentence: "14 лет колонии усиленного режима (переведён на тюремный режим)",
    sentenceInForce: true,
    facility: "by-prison1",
    incommunicado: {
      note: "No letters and no news from him since February 2023; his family cannot reach him either. Letters are not expected to be delivered.",
      since: "2023-02-15",
    },
    names: byNames(
      ["Сасноўскі", "Віталь", "Іванавіч"],
      ["Сосновский", "Виталий", "Иванович"],
      [
        ["national", "Sasnoŭski", "Vital'"],
        ["bgn", "Sasnowski", "Vital’"],
        ["press", "Sosnovsky", "Vitaly"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2020-09-22", to: "2021-11-10" },
      { facility: "by-ik3", from: "2021-12-01", to: "2023-01-20" },
      { facility: "by-prison1", from: "2023-02-03", note: "Moved to prison regime by a court decision." },
    ],
    sources: [{ source: "viasna", externalId: "viasna-0107" }],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1975-08-30",
    gender: "male",
    detainedOn: "2021-03-11",
    articles: "ст. 356 ч.1 УК РБ",
    sentence: "13 лет колонии усиленного режима",
    sentenceInForce: true,
    facility: "by-ik3",
    incommunicado: {
      note: "Held without correspondence since May 2024: no letters reach him and none come out. Delivery is not expected.",
      since: "2024-05-01",
    },
    names: byNames(
      ["Сцяцко", "Ігар", "Рыгоравіч"],
      ["Стецко", "Игорь", "Григорьевич"],
      [
        ["national", "Sciacko", "Ihar"],
        ["bgn", "Stsyatsko", "Ihar"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2021-03-13", to: "2022-02-01" },
      { facility: "by-ik3", from: "2022-02-25" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-0265" }],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1990-02-17",
    gender: "female",
    detainedOn: "2024-06-04",
    articles: "ст. 342 ч.1 УК РБ",
    sentence: "2 года 6 месяцев колонии общего режима",
    sentenceInForce: true,
    facility: "by-ik4",
    doNotWrite: {
      note: "Asked through her family not to receive letters from people she does not know. Please respect this.",
      since: "2025-03-10",
    },
    names: byNames(
      ["Гурыновіч", "Наталля", "Віктараўна"],
      ["Гуринович", "Наталья", "Викторовна"],
      [
        ["national", "Hurynovič", "Natallia"],
        ["lacinka", "Hurynovič", "Natalla"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2024-06-06", to: "2024-11-12" },
      { facility: "by-ik4", from: "2024-12-02" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-1642" }],
  },
  {
    country: "BY",
    status: "convicted",
    birth: "1983-07-05",
    gender: "male",
    detainedOn: "2022-08-16",
    articles: "ст. 361-1 ч.1, ст. 361-4 УК РБ",
    sentence: "6 лет колонии усиленного режима",
    sentenceInForce: true,
    facility: "by-ik2",
    relativesOnly: { note: RELATIVES_ONLY_PERSONAL, since: "2024-01-15" },
    names: byNames(
      ["Лукашэвіч", "Аляксандр", "Мікалаевіч"],
      ["Лукашевич", "Александр", "Николаевич"],
      [
        ["national", "Lukaševič", "Aliaksandr"],
        ["bgn", "Lukashevich", "Alyaksandr"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2022-08-18", to: "2023-03-01" },
      { facility: "by-ik2", from: "2023-03-22" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-0733" }],
  },
  {
    country: "BY",
    status: "released",
    birth: "1995-05-21",
    gender: "female",
    detainedOn: "2022-03-02",
    articles: "ст. 342 ч.1 УК РБ",
    sentence: "2 года колонии общего режима",
    sentenceInForce: true,
    verdictOn: "2022-06-14",
    release: { on: "2024-03-01", kind: "pardon", note: "Pardoned in a wave of releases." },
    facility: null,
    names: byNames(
      ["Мароз", "Ганна", "Сяргееўна"],
      ["Мороз", "Анна", "Сергеевна"],
      [
        ["national", "Maroz", "Hanna"],
        ["press", "Moroz", "Anna"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2022-03-04", to: "2022-07-01" },
      { facility: "by-ik4", from: "2022-07-20", to: "2024-03-01", note: "Pardoned and released." },
    ],
    sources: [{ source: "viasna", externalId: "viasna-0598" }],
  },
  {
    country: "BY",
    status: "unknown",
    birth: "1969-10-12",
    gender: "male",
    detainedOn: "2023-05-17",
    articles: "ст. 361-1 ч.3, ст. 342 ч.1 УК РБ",
    sentence: "5 лет колонии строгого режима",
    sentenceInForce: true,
    facility: null,
    needsReview: "Missing from the Viasna list imported on 15 June 2026: possibly released or moved.",
    names: byNames(
      ["Кулік", "Сяргей", "Уладзіміравіч"],
      ["Кулик", "Сергей", "Владимирович"],
      [
        ["national", "Kulik", "Siarhiej"],
        ["press", "Kulik", "Sergei"],
      ],
    ),
    stays: [
      { facility: "by-zhodino", from: "2023-05-19", to: "2023-11-20" },
      {
        facility: "by-ik22",
        from: "2023-12-12",
        to: "2026-06-15",
        note: "Last known place; not on the list since June 2026.",
      },
    ],
    sources: [{ source: "viasna", externalId: "viasna-1011", missingSince: "2026-06-15" }],
  },
  {
    country: "BY",
    status: "restricted_at_home",
    birth: "1962-09-08",
    gender: "female",
    detainedOn: "2025-02-18",
    articles: "ст. 369-1 УК РБ",
    sentence: "3 года ограничения свободы без направления в исправительное учреждение открытого типа",
    sentenceInForce: true,
    facility: "by-home",
    humanitarian: ["elderly"],
    names: byNames(
      ["Ярашэвіч", "Тамара", "Пятроўна"],
      ["Ярошевич", "Тамара", "Петровна"],
      [
        ["national", "Jaraševič", "Tamara"],
        ["press", "Yaroshevich", "Tamara"],
      ],
    ),
    stays: [{ facility: "by-home", from: "2025-07-01" }],
    sources: [
      { source: "viasna", externalId: "viasna-1977" },
      { source: "humanitarian-list", externalId: "hum-096" },
    ],
  },
  {
    country: "BY",
    status: "open_institution",
    birth: "1998-01-30",
    gender: "male",
    detainedOn: "2024-09-03",
    articles: "ст. 342 ч.1 УК РБ",
    sentence: "3 года ограничения свободы с направлением в исправительное учреждение открытого типа",
    sentenceInForce: true,
    verdictOn: "2025-01-10",
    interests: ["football", "woodwork"],
    facility: "by-iuot",
    names: byNames(
      ["Пракапенка", "Яўген", "Алегавіч"],
      ["Прокопенко", "Евгений", "Олегович"],
      [
        ["national", "Prakapienka", "Jaŭhien"],
        ["press", "Prokopenko", "Evgeny"],
      ],
    ),
    stays: [
      { facility: "by-sizo1", from: "2024-09-05", to: "2025-01-28" },
      { facility: "by-iuot", from: "2025-02-20" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-1765" }],
  },
  {
    country: "BY",
    status: "pretrial",
    birth: "2001-12-28",
    gender: "male",
    detainedOn: "2026-09-30",
    articles: "ст. 361-4 УК РБ",
    sentence: null,
    sentenceInForce: null,
    facility: "by-zhodino",
    names: byNames(
      ["Сакалоўскі", "Павел", "Андрэевіч"],
      ["Соколовский", "Павел", "Андреевич"],
      [
        ["national", "Sakaloŭski", "Paviel"],
        ["bgn", "Sakalowski", "Pavel"],
      ],
    ),
    stays: [
      { facility: "by-okrestina", from: "2026-09-30", to: "2026-10-03" },
      { facility: "by-zhodino", from: "2026-10-03" },
    ],
    sources: [{ source: "viasna", externalId: "viasna-2364" }],
  },
  // ── Russia ──
  {
    country: "RU",
    status: "convicted",
    birth: "1989-04-22",
    gender: "male",
    detainedOn: "2023-02-14",
    articles: "ст. 207.3 ч.2 УК РФ",
    sentence: "7 лет колонии общего режима",
    sentenceInForce: true,
    facility: "ru-ik2",
    names: ruNames(["Заварзин", "Михаил", "Юрьевич"], [["icao", "Zavarzin", "Mikhail"]]),
    stays: [
      { facility: "ru-sizo1", from: "2023-02-16", to: "2023-12-18" },
      { facility: "ru-ik2", from: "2024-01-25" },
    ],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-5120" }],
  },
  {
    country: "RU",
    status: "convicted",
    birth: "1976-11-11",
    gender: "female",
    detainedOn: "2024-03-20",
    articles: "ст. 280.3 ч.1, ст. 207.3 ч.2 УК РФ",
    sentence: "5 лет колонии общего режима (приговор обжалуется)",
    sentenceInForce: false,
    facility: "ru-sizo6",
    names: ruNames(["Кречетова", "Ольга", "Дмитриевна"], [["icao", "Krechetova", "Olga"]]),
    stays: [{ facility: "ru-sizo6", from: "2024-03-22" }],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-5377" }],
  },
  {
    country: "RU",
    status: "convicted",
    birth: "1995-07-19",
    gender: "male",
    detainedOn: "2022-10-08",
    articles: "ст. 205.2 ч.2 УК РФ",
    sentence: "6 лет колонии строгого режима",
    sentenceInForce: true,
    facility: "ru-ik6",
    names: ruNames(["Мухортов", "Денис", "Александрович"], [["icao", "Mukhortov", "Denis"]]),
    stays: [
      { facility: "ru-sizo1", from: "2022-10-10", to: "2023-09-01" },
      { facility: "ru-ik6", from: "2023-10-02" },
    ],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-4689" }],
  },
  {
    country: "RU",
    status: "convicted",
    birth: "1980-08-14",
    gender: "male",
    detainedOn: "2022-04-12",
    articles: "ст. 275, ст. 280.4 ч.3 УК РФ",
    sentence: "18 лет колонии особого режима",
    sentenceInForce: true,
    facility: "ru-ik3",
    names: ruNames(["Шестаков", "Павел", "Игоревич"], [["icao", "Shestakov", "Pavel"]]),
    stays: [
      { facility: "ru-sizo1", from: "2022-04-14", to: "2023-06-30" },
      { facility: "ru-ik3", from: "2023-08-21" },
    ],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-4402" }],
  },
  {
    country: "RU",
    status: "pretrial",
    birth: "2003-01-05",
    gender: "male",
    detainedOn: "2026-07-22",
    articles: "ст. 207.3 ч.2 п. «д» УК РФ",
    sentence: null,
    sentenceInForce: null,
    facility: "ru-sizo1",
    names: ruNames(
      ["Лыков", "Артём", "Викторович"],
      [
        ["icao", "Lykov", "Artem"],
        ["press", "Lykov", "Artyom"],
      ],
    ),
    stays: [{ facility: "ru-sizo1", from: "2026-07-24" }],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-6051" }],
  },
  {
    country: "RU",
    status: "released",
    birth: "1998-03-03",
    gender: "female",
    detainedOn: "2022-05-25",
    articles: "ст. 207.3 ч.1 УК РФ",
    sentence: "3 года колонии общего режима",
    sentenceInForce: true,
    release: { on: "2025-05-24", kind: "sentence_served" },
    facility: null,
    names: ruNames(
      ["Полозова", "Виктория", "Андреевна"],
      [
        ["icao", "Polozova", "Viktoriia"],
        ["press", "Polozova", "Victoria"],
      ],
    ),
    stays: [{ facility: "ru-sizo6", from: "2022-05-27", to: "2023-02-10" }],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-4511" }],
  },
  {
    country: "RU",
    status: "convicted",
    birth: "1961-01-01",
    birthYearOnly: true,
    gender: "male",
    detainedOn: "2023-09-06",
    articles: "ст. 207.3 ч.2 УК РФ",
    sentence: "5 лет 6 месяцев колонии общего режима",
    sentenceInForce: true,
    facility: "ru-ik2",
    names: ruNames(["Кудинов", "Сергей", "Петрович"], [["icao", "Kudinov", "Sergei"]]),
    stays: [
      { facility: "ru-sizo1", from: "2023-09-08", to: "2024-04-15" },
      { facility: "ru-ik2", from: "2024-05-20" },
    ],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-5544" }],
  },
  {
    country: "RU",
    status: "deceased",
    birth: "1957-04-11",
    gender: "male",
    detainedOn: "2023-02-14",
    articles: "ст. 280.3 ч.1 УК РФ",
    sentence: "4 года колонии общего режима",
    sentenceInForce: true,
    verdictOn: "2023-08-02",
    diedOn: "2026-02-19",
    facility: null,
    names: ruNames(["Гришин", "Павел", "Аркадьевич"], [["icao", "Grishin", "Pavel"]]),
    stays: [
      { facility: "ru-sizo1", from: "2023-02-16", to: "2023-09-10" },
      { facility: "ru-ik2", from: "2023-09-28", to: "2026-02-19", note: "Died in custody." },
    ],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-3920" }],
  },
  {
    country: "RU",
    status: "convicted",
    birth: "1989-10-02",
    gender: "female",
    detainedOn: "2024-11-19",
    articles: "ст. 275 УК РФ",
    sentence: "12 лет колонии общего режима",
    sentenceInForce: true,
    verdictOn: "2025-06-30",
    canWrite: false,
    interests: ["poetry", "languages"],
    facility: "ru-ik2",
    names: ruNames(["Сафонова", "Ольга", "Игоревна"], [["icao", "Safonova", "Olga"]]),
    stays: [
      { facility: "ru-sizo1", from: "2024-11-21", to: "2025-07-20" },
      { facility: "ru-ik2", from: "2025-08-11" },
    ],
    sources: [{ source: "memorial-ovd", externalId: "memorial-ovd-6120" }],
  },
];

// ───────────────────────────── Parcel catalogue ─────────────────────────────

// The catalogue (and banned terms) a new installation starts from: app/parcels/defaults.ts.
const CATALOG: Prisma.CatalogItemCreateManyInput[] = DEFAULT_CATALOG;

// ───────────────────────────── Seeding ─────────────────────────────

function prisonerMatchKey(country: string, birth: Date | null, detained: Date | null): string {
  return `${country}|${birth?.toISOString().slice(0, 10) ?? ""}|${detained?.toISOString().slice(0, 10) ?? ""}`;
}

/**
 * Does a row look like one this file writes? Used to recognise what an interrupted
 * demo load by an older version left behind (tests/integration/demo.test.ts).
 */
export const demoFingerprint = {
  prisoner: (country: string, birth: Date | null, detained: Date | null) =>
    PRISONERS.some(
      (p) =>
        prisonerMatchKey(p.country, day(p.birth), day(p.detainedOn)) === prisonerMatchKey(country, birth, detained),
    ),
  facility: (country: string, name: string, city: string | null) =>
    FACILITIES.some((f) => f.country === country && f.name === name && (f.city ?? null) === city),
  source: (slug: string) => (DEMO_SOURCE_SLUGS as readonly string[]).includes(slug),
};

export async function seedRegistry(prisma: PrismaClient | Prisma.TransactionClient): Promise<void> {
  await createDefaultRoutes(prisma, { demo: true });

  // Sources.
  const sources = await prisma.source.createManyAndReturn({ data: SOURCES, select: { id: true, slug: true } });
  const sourceId = new Map(sources.map((s) => [s.slug, s.id]));

  // Facilities.
  const facilities = await prisma.facility.createManyAndReturn({
    data: FACILITIES.map(({ key: _key, ...facility }) => ({
      ...facility,
      languages: facility.country === "BY" ? ["ru", "be"] : ["ru"],
      parcelsRelativesOnly: defaultFacilityRules(facility.type, facility.country).parcelsRelativesOnly,
    })),
    select: { id: true, country: true, name: true, city: true },
  });
  const facilityByUnique = new Map(facilities.map((f) => [`${f.country}|${f.name}|${f.city}`, f.id]));
  const facilityId = (key: FacilityKey): string => {
    const seed = FACILITIES.find((f) => f.key === key);
    const id = seed && facilityByUnique.get(`${seed.country}|${seed.name}|${seed.city}`);
    if (!id) throw new Error(`Demo data: unknown facility ${key}`);
    return id;
  };

  // Prisoners. Rows carry no unique column, so each demo prisoner is matched back
  // by country, birth date and detention date (unique within this file).
  const seedByKey = new Map<string, PrisonerSeed>();
  for (const seed of PRISONERS) {
    const key = prisonerMatchKey(seed.country, day(seed.birth), day(seed.detainedOn));
    if (seedByKey.has(key)) throw new Error(`Demo data: duplicate prisoner key ${key}`);
    seedByKey.set(key, seed);
  }
  const prisoners = await prisma.prisoner.createManyAndReturn({
    data: PRISONERS.map((p) => ({
      country: p.country,
      status: p.status,
      birthDate: day(p.birth),
      birthYearOnly: p.birthYearOnly ?? false,
      gender: p.gender,
      detainedOn: day(p.detainedOn),
      articles: p.articles,
      sentence: p.sentence,
      sentenceInForce: p.sentenceInForce,
      verdictOn: p.verdictOn ? day(p.verdictOn) : null,
      releasedOn: p.release ? day(p.release.on) : null,
      releaseKind: p.release?.kind ?? null,
      diedOn: p.diedOn ? day(p.diedOn) : null,
      canWrite: p.canWrite ?? true,
      interests: p.interests ?? [],
      currentFacilityId: p.facility ? facilityId(p.facility) : null,
      humanitarian: (p.humanitarian?.length ?? 0) > 0,
      humanitarianReasons: p.humanitarian ?? [],
      incommunicado: Boolean(p.incommunicado),
      incommunicadoNote: p.incommunicado?.note ?? null,
      incommunicadoSince: p.incommunicado ? day(p.incommunicado.since) : null,
      doNotWrite: Boolean(p.doNotWrite),
      doNotWriteNote: p.doNotWrite?.note ?? null,
      doNotWriteSince: p.doNotWrite ? day(p.doNotWrite.since) : null,
      relativesOnly: Boolean(p.relativesOnly),
      relativesOnlyNote: p.relativesOnly?.note ?? null,
      relativesOnlySince: p.relativesOnly ? day(p.relativesOnly.since) : null,
      needsReview: Boolean(p.needsReview),
      needsReviewReason: p.needsReview ?? null,
    })),
    select: { id: true, country: true, birthDate: true, detainedOn: true },
  });

  const names: Prisma.PrisonerNameCreateManyInput[] = [];
  const stays: Prisma.FacilityStayCreateManyInput[] = [];
  const links: Prisma.PrisonerSourceCreateManyInput[] = [];
  const changes: Prisma.SituationChangeCreateManyInput[] = [];
  for (const row of prisoners) {
    const seed = seedByKey.get(prisonerMatchKey(row.country, row.birthDate, row.detainedOn));
    if (!seed) throw new Error(`Demo data: could not match prisoner row ${row.id}`);
    for (const name of seed.names) {
      names.push({
        prisonerId: row.id,
        script: name.script,
        system: name.system ?? null,
        surname: name.surname,
        givenName: name.givenName,
        patronymic: name.patronymic ?? null,
        isPrimary: name.isPrimary ?? false,
      });
    }
    for (const stay of seed.stays) {
      stays.push({
        prisonerId: row.id,
        facilityId: facilityId(stay.facility),
        fromDate: day(stay.from),
        toDate: stay.to ? day(stay.to) : null,
        note: stay.note ?? null,
      });
    }
    if (seed.release) {
      changes.push({
        prisonerId: row.id,
        status: "released",
        fromStatus: "convicted",
        occurredOn: day(seed.release.on),
        releaseKind: seed.release.kind,
        note: seed.release.note ?? null,
      });
    }
    if (seed.diedOn)
      changes.push({ prisonerId: row.id, status: "deceased", fromStatus: "convicted", occurredOn: day(seed.diedOn) });
    for (const link of seed.sources) {
      links.push({
        prisonerId: row.id,
        sourceId: sourceId.get(link.source)!,
        externalId: link.externalId,
        // Listed by the NGO some weeks after the arrest: the dashboard's "newly listed".
        firstSeenAt: new Date(day(seed.detainedOn).getTime() + 45 * 86_400_000),
        missingSince: link.missingSince ? day(link.missingSince) : null,
      });
    }
  }
  await prisma.prisonerName.createMany({ data: names });
  await prisma.facilityStay.createMany({ data: stays });
  await prisma.prisonerSource.createMany({ data: links });
  await prisma.situationChange.createMany({ data: changes });

  // Parcel catalogue.
  await prisma.catalogItem.createMany({ data: CATALOG });
  await prisma.bannedTerm.createMany({ data: DEFAULT_BANNED_TERMS, skipDuplicates: true });
}
