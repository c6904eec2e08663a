import type { FacilityTypeName } from "./rules.ts";

/**
 * What a new installation starts from: the parcel catalogue and the banned-terms
 * list. Both are seeded once (app/models/parcels.server.ts, ensureParcelDefaults);
 * from then on coordinators keep them at /coordinator/parcel-rules and the
 * database is the truth.
 */

export interface CatalogSeed {
  nameRu: string;
  nameEn: string;
  category: string;
  unitWeightGrams: number;
  typicalValueCents: number;
  perishable?: boolean;
  bannedFacilityTypes?: FacilityTypeName[];
}

export const CATALOG_CATEGORIES = ["food", "clothing", "hygiene", "stationery", "books", "other"] as const;

export const ALL_FACILITY_TYPES: FacilityTypeName[] = [
  "sizo",
  "colony",
  "prison",
  "open_institution",
  "home_confinement",
  "juvenile_colony",
  "police_jail",
];

export const DEFAULT_CATALOG: CatalogSeed[] = [
  {
    nameRu: "Чай чёрный листовой, 100 г",
    nameEn: "Black tea, loose leaf, 100 g",
    category: "food",
    unitWeightGrams: 100,
    typicalValueCents: 250,
    bannedFacilityTypes: ["police_jail"],
  },
  {
    nameRu: "Кофе растворимый в мягкой упаковке, 100 г",
    nameEn: "Instant coffee in a soft pack, 100 g",
    category: "food",
    unitWeightGrams: 100,
    typicalValueCents: 450,
    bannedFacilityTypes: ["police_jail"],
  },
  {
    nameRu: "Сахар, 1 кг",
    nameEn: "Sugar, 1 kg",
    category: "food",
    unitWeightGrams: 1000,
    typicalValueCents: 120,
    bannedFacilityTypes: ["police_jail"],
  },
  {
    nameRu: "Карамель без обёрток из фольги, 300 г",
    nameEn: "Hard candy (no foil wrappers), 300 g",
    category: "food",
    unitWeightGrams: 300,
    typicalValueCents: 300,
    bannedFacilityTypes: ["police_jail"],
  },
  {
    nameRu: "Сухофрукты, 250 г",
    nameEn: "Dried fruit, 250 g",
    category: "food",
    unitWeightGrams: 250,
    typicalValueCents: 350,
    bannedFacilityTypes: ["police_jail"],
  },
  {
    nameRu: "Тушёнка, 325 г",
    nameEn: "Canned meat, 325 g",
    category: "food",
    unitWeightGrams: 340,
    typicalValueCents: 350,
    bannedFacilityTypes: ["sizo", "police_jail"],
  },
  {
    nameRu: "Яблоки свежие, 1 кг",
    nameEn: "Fresh apples, 1 kg",
    category: "food",
    unitWeightGrams: 1000,
    typicalValueCents: 250,
    perishable: true,
    bannedFacilityTypes: ["police_jail"],
  },
  {
    nameRu: "Колбаса копчёная, 500 г",
    nameEn: "Smoked sausage, 500 g",
    category: "food",
    unitWeightGrams: 500,
    typicalValueCents: 600,
    perishable: true,
    bannedFacilityTypes: ["police_jail"],
  },
  {
    nameRu: "Носки хлопковые тёмные, пара",
    nameEn: "Cotton socks, dark, one pair",
    category: "clothing",
    unitWeightGrams: 60,
    typicalValueCents: 300,
  },
  { nameRu: "Нижнее бельё", nameEn: "Underwear", category: "clothing", unitWeightGrams: 80, typicalValueCents: 500 },
  {
    nameRu: "Футболка однотонная тёмная",
    nameEn: "Plain dark T-shirt",
    category: "clothing",
    unitWeightGrams: 180,
    typicalValueCents: 700,
  },
  {
    nameRu: "Тетрадь, 48 листов",
    nameEn: "Notebook, 48 sheets",
    category: "stationery",
    unitWeightGrams: 120,
    typicalValueCents: 150,
  },
  {
    nameRu: "Конверты почтовые, 10 шт.",
    nameEn: "Envelopes, pack of 10",
    category: "stationery",
    unitWeightGrams: 60,
    typicalValueCents: 200,
  },
  {
    nameRu: "Ручки шариковые синие, 4 шт.",
    nameEn: "Blue ballpoint pens, pack of 4",
    category: "stationery",
    unitWeightGrams: 40,
    typicalValueCents: 200,
  },
  {
    nameRu: "Мыло туалетное",
    nameEn: "Bar of soap",
    category: "hygiene",
    unitWeightGrams: 100,
    typicalValueCents: 100,
  },
  {
    nameRu: "Зубная паста, 100 мл",
    nameEn: "Toothpaste, 100 ml",
    category: "hygiene",
    unitWeightGrams: 130,
    typicalValueCents: 250,
  },
  { nameRu: "Зубная щётка", nameEn: "Toothbrush", category: "hygiene", unitWeightGrams: 20, typicalValueCents: 150 },
  {
    nameRu: "Витамины (таблетки)",
    nameEn: "Vitamins (tablets)",
    category: "other",
    unitWeightGrams: 100,
    typicalValueCents: 800,
    bannedFacilityTypes: ALL_FACILITY_TYPES,
  },
];

/**
 * Words that may not appear in a free-text parcel item, Russian, Belarusian and English.
 * A stem matches every form from the start of a word ("алкогол" → "алкогольный");
 * a term in capitals matches only the whole word ("SIM", "ВИНО", "CASH"), where a
 * stem would catch innocent words (cashmere, виноград, ножки).
 */
const FIRST_BANNED_TERMS: { term: string; reason: string }[] = [
  { term: "алкогол", reason: "alcohol" },
  { term: "спирт", reason: "alcohol" },
  { term: "водк", reason: "alcohol" },
  { term: "пиво", reason: "alcohol" },
  { term: "ВИНО", reason: "alcohol" },
  { term: "коньяк", reason: "alcohol" },
  { term: "alcohol", reason: "alcohol" },
  { term: "vodka", reason: "alcohol" },
  { term: "beer", reason: "alcohol" },
  { term: "wine", reason: "alcohol" },
  { term: "наркот", reason: "drugs" },
  { term: "марихуан", reason: "drugs" },
  { term: "drug", reason: "drugs" },
  { term: "narcotic", reason: "drugs" },
  { term: "cannabis", reason: "drugs" },
  { term: "лекарств", reason: "medicines" },
  { term: "медикамент", reason: "medicines" },
  { term: "таблетк", reason: "medicines" },
  { term: "medicine", reason: "medicines" },
  { term: "medication", reason: "medicines" },
  { term: "PILL", reason: "medicines" },
  { term: "PILLS", reason: "medicines" },
  { term: "tablet", reason: "medicines" },
  { term: "НОЖ", reason: "blades" },
  { term: "НОЖИ", reason: "blades" },
  { term: "ножик", reason: "blades" },
  { term: "ножев", reason: "blades" },
  { term: "ножниц", reason: "blades" },
  { term: "лезви", reason: "blades" },
  { term: "бритв", reason: "blades" },
  { term: "knife", reason: "blades" },
  { term: "knives", reason: "blades" },
  { term: "blade", reason: "blades" },
  { term: "razor", reason: "blades" },
  { term: "оружи", reason: "weapons" },
  { term: "weapon", reason: "weapons" },
  { term: "телефон", reason: "phones" },
  { term: "смартфон", reason: "phones" },
  { term: "phone", reason: "phones" },
  { term: "smartphone", reason: "phones" },
  { term: "mobile", reason: "phones" },
  { term: "сим-карт", reason: "SIM cards" },
  { term: "симкарт", reason: "SIM cards" },
  { term: "SIM", reason: "SIM cards" },
  { term: "деньг", reason: "money" },
  { term: "денег", reason: "money" },
  { term: "наличн", reason: "money" },
  { term: "купюр", reason: "money" },
  { term: "money", reason: "money" },
  { term: "CASH", reason: "money" },
  { term: "banknote", reason: "money" },
  { term: "флешк", reason: "data carriers" },
  { term: "USB", reason: "data carriers" },
  { term: "flash drive", reason: "data carriers" },
];

/**
 * Added after the first release (Belarusian words, glass, letters hidden in a
 * parcel): existing installations get these once (ensureParcelDefaults), the
 * first list is never brought back where a coordinator removed a term.
 */
export const ADDED_BANNED_TERMS: { term: string; reason: string }[] = [
  { term: "алкагол", reason: "alcohol" },
  { term: "гарэлк", reason: "alcohol" },
  { term: "спірт", reason: "alcohol" },
  { term: "ПІВА", reason: "alcohol" },
  { term: "ВІНО", reason: "alcohol" },
  { term: "наркаты", reason: "drugs" },
  { term: "лекаў", reason: "medicines" },
  { term: "ЛЕКІ", reason: "medicines" },
  { term: "таблетак", reason: "medicines" },
  { term: "нажніц", reason: "blades" },
  { term: "лязо", reason: "blades" },
  { term: "брытв", reason: "blades" },
  { term: "збро", reason: "weapons" },
  { term: "тэлефон", reason: "phones" },
  { term: "мабільн", reason: "phones" },
  { term: "сім-карт", reason: "SIM cards" },
  { term: "грошы", reason: "money" },
  { term: "грошай", reason: "money" },
  { term: "наяўн", reason: "money" },
  { term: "флэшк", reason: "data carriers" },
  { term: "стекл", reason: "glass" },
  { term: "шкл", reason: "glass" },
  { term: "glass", reason: "glass" },
  { term: "ПИСЬМО", reason: "letters hidden in a parcel" },
  { term: "ПИСЬМА", reason: "letters hidden in a parcel" },
  { term: "записк", reason: "letters hidden in a parcel" },
  { term: "ЛІСТ", reason: "letters hidden in a parcel" },
  { term: "ЛІСТЫ", reason: "letters hidden in a parcel" },
  { term: "LETTER", reason: "letters hidden in a parcel" },
  { term: "LETTERS", reason: "letters hidden in a parcel" },
  { term: "note for", reason: "letters hidden in a parcel" },
];

export const DEFAULT_BANNED_TERMS: { term: string; reason: string }[] = [...FIRST_BANNED_TERMS, ...ADDED_BANNED_TERMS];

/** Bumped when the shipped banned terms grow (see ADDED_BANNED_TERMS). */
export const PARCEL_DEFAULTS_VERSION = 2;
