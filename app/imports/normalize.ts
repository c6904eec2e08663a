/**
 * Turns one raw imported row into typed prisoner data, or into row errors
 * that a coordinator can act on. Pure: no I/O, usable in the browser.
 *
 * Values are text throughout. Formula-like text (= + - @) is stored as text
 * and never evaluated; only names are required to look like names.
 * Humanitarian reasons are reduced to categories: free text is never kept,
 * not even in an error's parameters (it may be a medical detail).
 */
import type { FacilityType } from "#app/generated/prisma/enums.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import type { PrisonerStatusName, ReleaseKindName } from "#app/schemas/prisoners.ts";
import { detectScript, splitFullName, type NameScript, type PersonName } from "#app/names/match-keys.ts";
import { isImportField, type ColumnMapping, type ImportField } from "./columns.ts";
import type { RawRow } from "./types.ts";
import { facilityIdentityKey } from "#app/facilities/identity.ts";

export type { PersonName } from "#app/names/match-keys.ts";

export type ImportGender = "male" | "female";
export type ImportCountry = "BY" | "RU";
/** The person's situation (Prisoner.status): see prisma/schema.prisma, enum PrisonerStatus. */
export type ImportStatus = PrisonerStatusName;
export type ImportReleaseKind = ReleaseKindName;
export type ImportHumanitarianReason = "disability" | "serious_illness" | "elderly" | "minor" | "large_family_parent" | "other";

/** A facility as a list names it, parsed into its parts (app/facilities/). */
export interface FacilityRef {
  /** As written on an envelope, in the list's script ("ИК-9", "СИЗО №1"). */
  name: string;
  type: FacilityType | null;
  /** "9" for ИК-9; null when the facility has no number. */
  number: string | null;
  street: string | null;
  city: string | null;
  postcode: string | null;
  district: string | null;
  region: string | null;
  /** (country-less) identity: type, number and city in transliteration-proof form. See app/facilities/identity.ts. */
  identityKey: string;
}

/** Fields whose values a coordinator can map when the importer does not know them. */
export const MAPPABLE_FIELDS = ["status", "facilityType", "penalty"] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** A value the importer did not recognise: not an error; the preview asks a person to map it. */
export interface UnknownValue {
  field: MappableField;
  /** The value as foldValue() folds it: the key of a mapping. */
  key: string;
  /** The value as written in the file (first occurrence), for display. */
  text: string;
}

/** Per source, a person's answers for values the importer does not know: folded value -> target. */
export interface ValueMappings {
  status?: Record<string, ImportStatus>;
  facilityType?: Record<string, FacilityType>;
  /** A penalty maps to the situation it implies. */
  penalty?: Record<string, ImportStatus>;
}

export interface ImportRow {
  line: number;
  externalId: string | null;
  name: PersonName;
  nameScript: NameScript;
  latinName: PersonName | null;
  /** ISO yyyy-mm-dd; 1 January when only the year is known. */
  birthDate: string | null;
  birthYearOnly: boolean;
  gender: ImportGender | null;
  country: ImportCountry | null;
  /** Derived from the status word, the penalty, the facility, release and death dates. */
  status: ImportStatus | null;
  /** ISO yyyy-mm-dd. */
  detainedOn: string | null;
  verdictOn: string | null;
  releasedOn: string | null;
  releaseKind: ImportReleaseKind | null;
  diedOn: string | null;
  articles: string | null;
  sentence: string | null;
  /** The kind of punishment as the list words it ("лишение свободы"). */
  penalty: string | null;
  notes: string | null;
  /** null: the list does not say; false: letters cannot reach the person now. */
  canWrite: boolean | null;
  /** null when the list does not say. */
  interests: string[] | null;
  /** null when the person is not held in a facility (released, at home) or the list does not say. */
  facility: FacilityRef | null;
  /** null when the column is absent or empty; [] when the cell says "no". */
  humanitarianReasons: ImportHumanitarianReason[] | null;
  incommunicado: boolean | null;
  doNotWrite: boolean | null;
  relativesOnly: boolean | null;
  /** Values left for a person to map; the row is otherwise valid. */
  unknownValues: UnknownValue[];
}

/** normalizeRow's answer. `skipped`: a row the list itself says is not for the registry (Viasna "np"). */
export interface NormalizedRow {
  row: ImportRow | null;
  errors: RowError[];
  skipped: "not-recognised" | null;
}

export interface RowError {
  line: number;
  /** The ImportField the error is about. */
  field: string;
  messageKey: MessageKey;
  params?: Record<string, string | number>;
}

// ───────────────────────────── Text helpers ─────────────────────────────

const CYRILLIC = /[\u0400-\u04FF]/;
const LETTER = /\p{L}/u;
const FORMULA_START = /^[=+\-@]/;
/** Cells that mean "no data" in hand-made spreadsheets. */
const PLACEHOLDER = /^(?:[-–—?.]+|н\/д|n\/a|нет данных|няма звестак|няма даных)$/i;

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Lower case, ё -> е, a Latin "i" typed in Cyrillic text read as "і", punctuation to spaces. */
function fold(text: string): string {
  let s = text.toLowerCase().replace(/ё/g, "е").replace(/[’ʼ`´]/g, "'");
  if (CYRILLIC.test(s)) s = s.replace(/i/g, "і");
  return s
    .replace(/[^\p{L}\p{N}+']+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const LOOKALIKES: Record<string, string> = {
  a: "а", c: "с", e: "е", i: "і", o: "о", p: "р", x: "х", y: "у",
  A: "А", B: "В", C: "С", E: "Е", H: "Н", I: "І", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
};

/** In a word that has Cyrillic letters, Latin look-alikes ("Ивaнов" with a Latin a) become Cyrillic. */
function fixLookalikes(text: string): string {
  return text.replace(/\S+/g, (word) =>
    CYRILLIC.test(word) && /[A-Za-z]/.test(word) ? word.replace(/[A-Za-z]/g, (ch) => LOOKALIKES[ch] ?? ch) : word,
  );
}

/** "ИВАНОВ" -> "Иванов", "KASTUSIOU-BIALY" -> "Kastusiou-Bialy"; mixed case is left alone. */
function unshout(word: string): string {
  if (word.length < 2 || word !== word.toUpperCase() || word === word.toLowerCase()) return word;
  return word
    .toLowerCase()
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("-");
}

function tidyName(part: string | null | undefined): string {
  return collapse(part ?? "")
    .split(" ")
    .map(unshout)
    .join(" ");
}

// ───────────────────────────── Dates ─────────────────────────────

interface DateParts {
  year: number;
  month: number;
  day: number;
  yearOnly: boolean;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Calendar-valid date parts, without the plausibility range. */
function parseDateParts(text: string): DateParts | null {
  const s = collapse(text)
    .toLowerCase()
    // "1985 г.р.", "1985 г.", "1985 года", "1985 гады"
    .replace(/\s*(?:г\.?\s*р\.?|года?|гады|гг?\.?)$/u, "")
    .trim();
  let match = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return validDay(year, month, day) ? { year, month, day, yearOnly: false } : null;
  }
  match = s.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/);
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return validDay(year, month, day) ? { year, month, day, yearOnly: false } : null;
  }
  match = s.match(/^(\d{4})$/);
  if (match) return { year: Number(match[1]), month: 1, day: 1, yearOnly: true };
  return null;
}

function iso({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

type DateCheck = { ok: true; date: string; yearOnly: boolean } | { ok: false; reason: "bad" | "early" | "future" };

function checkDate(text: string): DateCheck {
  const parts = parseDateParts(text);
  if (!parts) return { ok: false, reason: "bad" };
  if (parts.year < 1900) return { ok: false, reason: "early" };
  const date = iso(parts);
  if (parts.yearOnly ? parts.year > Number(today().slice(0, 4)) : date > today()) return { ok: false, reason: "future" };
  return { ok: true, date, yearOnly: parts.yearOnly };
}

/**
 * dd.mm.yyyy, d.m.yyyy, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd (a time part, as
 * spreadsheets export it, is ignored) or a bare year ("1957" -> 1957-01-01, yearOnly). A trailing
 * "г.", "г.р." or "года" is allowed. Returns null for impossible dates
 * (31.02.2000), years before 1900 and dates in the future.
 */
export function parseDate(text: string): { date: string; yearOnly: boolean } | null {
  const checked = checkDate(text);
  return checked.ok ? { date: checked.date, yearOnly: checked.yearOnly } : null;
}

// ───────────────────────────── Vocabularies ─────────────────────────────

function lookup<T>(table: [T, string[]][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of table) for (const word of words) map.set(fold(word), value);
  return map;
}

const GENDERS = lookup<ImportGender>([
  ["male", ["м", "муж", "мужской", "мужчина", "мужч", "мужчына", "мужчынскі", "мужскі", "m", "male", "man", "men", "мужской пол", "мужчынскі пол"]],
  ["female", ["ж", "жен", "женский", "женщина", "жанч", "жанчына", "жаночы", "f", "female", "woman", "women", "w", "женский пол", "жаночы пол"]],
]);

const COUNTRIES = lookup<ImportCountry>([
  ["BY", ["by", "blr", "belarus", "republic of belarus", "беларусь", "белоруссия", "республика беларусь", "рб", "рэспубліка беларусь", "бел"]],
  ["RU", ["ru", "rus", "russia", "russian federation", "россия", "российская федерация", "рф", "расія", "расійская федэрацыя", "расейская федэрацыя", "расея"]],
]);

const STATUS_WORDS = lookup<ImportStatus>([
  ["unknown", ["unknown", "неизвестно", "не известно", "неясно", "невядома", "не вядома"]],
  ["pretrial", ["pretrial", "pre trial", "pre-trial", "sizo", "сизо", "в сизо", "сіза", "у сіза", "до суда", "да суда", "под следствием", "пад следствам", "следствие", "следства", "суд", "идет суд", "ідзе суд", "on trial", "awaiting trial", "under investigation", "detained", "arrested"]],
  ["convicted", ["convicted", "sentenced", "serving sentence", "serving a sentence", "отбывает наказание", "адбывае пакаранне", "приговор", "прысуд"]],
  ["released", ["released", "freed", "free", "pardoned", "на свободе", "на волі", "на волю", "вышел на свободу", "вызвалены", "вызваленая"]],
]);

/** Word stems for inflected forms: осужден(а), асуджаная, задержана, памілаваны... */
const STATUS_STEMS: [ImportStatus, RegExp][] = [
  ["released", /^(освобожд|освобожден|вызвал|помилов|памілав|отбыл срок|адбыў тэрмін|releas|pardon)/],
  ["convicted", /^(осужд|асудж|convict|sentenc)/],
  ["pretrial", /^(задерж|затрым|арест|арышт|обвиня|абвінавач|подозрева|падазрав|detain)/],
];

const YES = new Set(["да", "д", "так", "т", "yes", "y", "true", "1", "+", "x", "х", "✓", "✔", "v", "есть", "ёсць", "истина", "ісціна"]);
const NO = new Set(["нет", "н", "не", "няма", "no", "n", "false", "0", "-", "–", "—", "ложь", "хлусня"]);

function flagValue(text: string): boolean | null | "bad" {
  const s = collapse(text).toLowerCase().replace(/\.$/, "");
  if (s === "") return null;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return "bad";
}

const REASON_PATTERNS: [ImportHumanitarianReason, RegExp][] = [
  ["minor", /несовершеннолет|непаўналет|подрост|падлет|minor|juvenile|under ?age|under 18/],
  ["disability", /инвалид|інвалід|disab|handicap/],
  ["serious_illness", /заболев|болезн|болеет|тяжелобол|хвароб|хвор|здоров|здароў|ill|sick|health|disease/],
  ["elderly", /пенсион|пожил|преклон|старост|пенсіян|пенсійн|пажыл|сталы ўзрост|elder|pension|senior|old age|aged/],
  ["large_family_parent", /многодет|шматдзет|large famil|many children|children|детей|дзяцей/],
  ["other", /^(другое|другие|другая|иное|иные|прочее|прочие|іншае|іншыя|інш|other|others|женщина|женщины|жанчына|жанчыны|woman|women|беремен|цяжарн|pregnan)/],
];

function reasonOf(item: string): ImportHumanitarianReason | null {
  const s = fold(item);
  for (const [reason, pattern] of REASON_PATTERNS) if (pattern.test(s)) return reason;
  return null;
}

// ───────────────────────────── Facilities ─────────────────────────────

// \b does not know Cyrillic: word edges are "no letter on that side".
const W = (body: string) => new RegExp(`(?<!\\p{L})(?:${body})(?!\\p{L})`, "u");

const FACILITY_TYPES: [FacilityType, RegExp][] = [
  ["home_confinement", /домашн\S* арест|хатні\S* арышт|house arrest|home confinement|home detention|home_confinement/],
  ["sizo", W("сизо|сіза|сізо|sizo|следственн\\S* изолятор\\S*|следч\\S* ізалятар\\S*|pre-?trial detention(?: cent(?:re|er))?")],
  ["police_jail", W("ивс|цип|циип|ічу|цііп|ivs|изолятор\\S* временного|ізалятар\\S* часовага|центр\\S* изоляции|цэнтр\\S* ізаляцыі|спецприемник\\S*|police jail|police_jail|temporary detention")],
  ["juvenile_colony", W("вк|воспитательн\\S* колони\\S*|выхаваўч\\S* калоні\\S*|juvenile(?: colony)?|juvenile_colony|educational colony")],
  ["open_institution", W("иуот|пуат|ісуат|исправительн\\S* учреждени\\S* открытого типа|открытого типа|адкрытага тыпу|open institution|open_institution|open-type|хими[яи]|хімі[яі]")],
  ["colony", W("ик|пк|ik|лиу|колони\\S*|калоні\\S*|colony|penal colony")],
  ["prison", W("тюрьм\\S*|турм\\S*|prison")],
];

/** The type a facility name (or a type cell) names: "СИЗО №1" -> sizo, "ИК-4" -> colony. */
export function inferFacilityType(text: string): FacilityType | null {
  const s = fixLookalikes(text).toLowerCase().replace(/ё/g, "е");
  const folded = CYRILLIC.test(s) ? s.replace(/i/g, "і") : s;
  for (const [type, pattern] of FACILITY_TYPES) if (pattern.test(folded)) return type;
  return null;
}

const POSTCODE = /(?<!\d)(\d{6})(?!\d)/;
const CITY_PREFIX = /^(?:г\.\s*п\.|гп|пгт|г\.|г|гор\.|город|горад|пос\.|поселок|посёлок|пасёлак|п\.|аг\.|агрогородок|аграгарадок)(?:\s+|(?<=\.))(?=\p{L})/iu;
const REGION = /(?:^|\s)(?:обл\.?|область|вобл\.?|вобласць|р-н|район|раён|край)(?:\s|$)|^(?:республика|рэспубліка|republic of)(?!\p{L})|^(?:беларусь|belarus|россия|russia|расія|рф|рб)$/iu;
const STREET = /(?:^|\s)(?:ул\.?|улица|вул\.?|вуліца|пр\.?|пр-т|пр-кт|просп\.?|проспект|пер\.?|переулок|зав\.?|завулак|б-р|бульвар|ш\.|шоссе|шаша|тракт|пл\.?|площадь|плошча|д\.|дом|st\.?|street|ave\.?|road)(?:\s|$|\.)|\d/iu;

/**
 * Splits a postal address into street, city and postcode:
 * "ул. Володарского, 2, 220030 г. Минск" and "220030, г. Минск, ул. Володарского, 2"
 * both give street "ул. Володарского, 2", city "Минск", postcode "220030".
 * Regions and the country are dropped.
 */
export function splitAddress(text: string): { street: string | null; city: string | null; postcode: string | null } {
  const parts = collapse(text)
    .split(/\s*[,;]\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  let postcode: string | null = null;
  let city: string | null = null;
  let cityAfterPostcode = false;
  const rest: string[] = [];
  for (const part of parts) {
    const code: RegExpMatchArray | null = postcode ? null : part.match(POSTCODE);
    if (code) {
      postcode = code[1];
      const remainder = collapse(part.replace(code[0], ""));
      if (!remainder) cityAfterPostcode = true;
      else if (!city && (CITY_PREFIX.test(remainder) || !STREET.test(remainder))) city = remainder.replace(CITY_PREFIX, "").trim() || null;
      else rest.push(remainder);
      continue;
    }
    if (!city && CITY_PREFIX.test(part)) {
      city = part.replace(CITY_PREFIX, "").trim();
      cityAfterPostcode = false;
      continue;
    }
    if (REGION.test(part)) continue;
    if (!city && cityAfterPostcode && !STREET.test(part)) {
      city = part;
      cityAfterPostcode = false;
      continue;
    }
    cityAfterPostcode = false;
    rest.push(part);
  }
  // "ул. Володарского, 2, Минск": a last part without digits or street words is the city.
  if (!city && rest.length > 1 && !STREET.test(rest[rest.length - 1])) city = rest.pop() ?? null;
  return { street: rest.length ? rest.join(", ") : null, city: city || null, postcode };
}

/** "СИЗО №1 (220030, г. Минск, ул. Володарского, 2)" or "ИК №4, 246035, г. Гомель, ..." -> name and address. */
function splitFacilityCell(text: string): { name: string; address: string | null } {
  if (!POSTCODE.test(text)) return { name: text, address: null };
  const bracketed = text.match(/^(.*?)\s*\(([^()]*\d{6}[^()]*)\)\s*$/);
  if (bracketed && bracketed[1].trim()) return { name: bracketed[1].trim(), address: bracketed[2].trim() };
  const comma = text.indexOf(",");
  if (comma > 0) {
    const name = text.slice(0, comma).trim();
    if (!POSTCODE.test(name)) return { name, address: text.slice(comma + 1).trim() };
  }
  return { name: text, address: null };
}

// ───────────────────────────── The row ─────────────────────────────

function looksLikeName(text: string): boolean {
  return LETTER.test(text) && !FORMULA_START.test(text.trim());
}

function fieldValues(raw: RawRow, mapping: ColumnMapping): Map<ImportField, string> {
  const values = new Map<ImportField, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!isImportField(field) || values.has(field)) continue;
    const cell = Object.hasOwn(raw.cells, header) ? raw.cells[header] : "";
    const text = typeof cell === "string" ? cell.trim() : "";
    if (text !== "") values.set(field, text);
  }
  return values;
}

export function normalizeRow(raw: RawRow, mapping: ColumnMapping, _valueMappings: ValueMappings = {}): NormalizedRow {
  const errors: RowError[] = [];
  const line = raw.line;
  const fail = (field: ImportField, messageKey: MessageKey, params?: Record<string, string | number>) => {
    errors.push(params ? { line, field, messageKey, params } : { line, field, messageKey });
  };
  const values = fieldValues(raw, mapping);
  /** The cell's text, or null when empty or a "no data" placeholder. */
  const text = (field: ImportField): string | null => {
    const value = values.get(field);
    return value === undefined || PLACEHOLDER.test(value) ? null : value;
  };

  // Name: separate columns when they give surname and given name, else the full-name column.
  let name: PersonName | null = null;
  const surname = text("surname");
  const givenName = text("givenName");
  const patronymic = text("patronymic");
  const fullName = text("fullName");
  const parts: [ImportField, string | null][] = [
    ["surname", surname],
    ["givenName", givenName],
    ["patronymic", patronymic],
  ];
  const badPart = parts.find(([, part]) => part !== null && !looksLikeName(part));
  if (badPart) {
    fail(badPart[0], "import.row.nameInvalid", { value: badPart[1] as string });
  } else if (surname && givenName) {
    name = {
      surname: tidyName(fixLookalikes(surname)),
      givenName: tidyName(fixLookalikes(givenName)),
      patronymic: patronymic ? tidyName(fixLookalikes(patronymic)) : null,
    };
  } else if (fullName) {
    name = parseFullName(fullName, "fullName", fail);
  } else if (surname || givenName) {
    fail(surname ? "givenName" : "surname", "import.row.nameIncomplete", { value: (surname ?? givenName) as string });
  } else {
    fail(Object.values(mapping).includes("fullName") ? "fullName" : "surname", "import.row.nameMissing");
  }
  const nameScript: NameScript = name
    ? detectScript([name.surname, name.givenName, name.patronymic ?? ""].join(" "))
    : "latin";

  // Latin name
  let latinName: PersonName | null = null;
  const latin = text("latinName");
  if (latin) latinName = parseFullName(latin, "latinName", fail, true);

  // Dates
  let birthDate: string | null = null;
  let birthYearOnly = false;
  const birth = text("birthDate");
  if (birth) {
    const checked = checkDate(birth);
    if (checked.ok) {
      birthDate = checked.date;
      birthYearOnly = checked.yearOnly;
    } else fail("birthDate", dateErrorKey(checked.reason, "import.row.badBirthDate"), { value: birth });
  }
  let detainedOn: string | null = null;
  const detained = text("detainedOn");
  if (detained) {
    const checked = checkDate(detained);
    if (checked.ok && !checked.yearOnly) detainedOn = checked.date;
    else fail("detainedOn", checked.ok ? "import.row.badDetainedOn" : dateErrorKey(checked.reason, "import.row.badDetainedOn"), { value: detained });
  }

  // Vocabularies
  const gender = vocabulary(text("gender"), GENDERS, "gender", "import.row.badGender", fail);
  const country = vocabulary(text("country"), COUNTRIES, "country", "import.row.badCountry", fail);
  let status: ImportStatus | null = null;
  const statusText = text("status");
  if (statusText) {
    const folded = fold(statusText.replace(/\((?:а|ая|на|ый|ы)\)/giu, ""));
    status = STATUS_WORDS.get(folded) ?? STATUS_STEMS.find(([, stem]) => stem.test(folded))?.[0] ?? null;
    if (!status) fail("status", "import.row.badStatus", { value: statusText });
  }

  // Humanitarian reasons: categories only, never the words themselves.
  let humanitarianReasons: ImportHumanitarianReason[] | null = null;
  const reasonsText = values.get("humanitarianReasons") ?? null;
  if (reasonsText) {
    // A yes/no cell in a "humanitarian list" column: on the list for an unstated reason, or not on it.
    const flag = flagValue(reasonsText);
    if (flag === true) humanitarianReasons = ["other"];
    else if (flag === false) humanitarianReasons = [];
    else if (PLACEHOLDER.test(reasonsText)) humanitarianReasons = null;
    else {
      const items = reasonsText.split(/[,;/\n]+|\s+и\s+|\s+і\s+|\s+and\s+/iu).map((item) => item.trim()).filter(Boolean);
      const found: ImportHumanitarianReason[] = [];
      for (const [index, item] of items.entries()) {
        const reason = reasonOf(item);
        if (!reason) {
          fail("humanitarianReasons", "import.row.badReason", { position: index + 1 });
          break;
        }
        if (!found.includes(reason)) found.push(reason);
      }
      humanitarianReasons = found;
    }
  }

  // Flags
  const flag = (field: "incommunicado" | "doNotWrite" | "relativesOnly"): boolean | null => {
    const value = values.get(field);
    if (value === undefined) return null;
    const parsed = flagValue(value);
    if (parsed === "bad") {
      fail(field, "import.row.badFlag", { value });
      return null;
    }
    return parsed;
  };
  const incommunicado = flag("incommunicado");
  const doNotWrite = flag("doNotWrite");
  const relativesOnly = flag("relativesOnly");

  // Facility
  const facility = facilityOf(text, fail);

  const row: ImportRow = {
    line,
    externalId: text("externalId") ? collapse(text("externalId") as string) : null,
    name: name ?? { surname: "", givenName: "", patronymic: null },
    nameScript,
    latinName,
    birthDate,
    birthYearOnly,
    gender,
    country,
    status,
    detainedOn,
    verdictOn: null,
    releasedOn: null,
    releaseKind: null,
    diedOn: null,
    articles: text("articles"),
    sentence: text("sentence"),
    penalty: null,
    notes: text("notes"),
    canWrite: null,
    interests: null,
    facility,
    humanitarianReasons,
    incommunicado,
    doNotWrite,
    relativesOnly,
    unknownValues: [],
  };
  return { row: errors.length === 0 && name ? row : null, errors, skipped: null };
}

type Fail = (field: ImportField, messageKey: MessageKey, params?: Record<string, string | number>) => void;

function dateErrorKey(reason: "bad" | "early" | "future", bad: MessageKey): MessageKey {
  if (reason === "early") return "import.row.dateTooEarly";
  if (reason === "future") return "import.row.futureDate";
  return bad;
}

function vocabulary<T>(value: string | null, table: Map<string, T>, field: ImportField, messageKey: MessageKey, fail: Fail): T | null {
  if (!value) return null;
  const found = table.get(fold(value));
  if (found === undefined) fail(field, messageKey, { value });
  return found ?? null;
}

/**
 * Full-name cell -> PersonName. Cyrillic "Surname Given [Patronymic]", Latin
 * "Given Surname", "Surname, Given" either way (see splitFullName).
 */
function parseFullName(value: string, field: ImportField, fail: Fail, latin = false): PersonName | null {
  if (!looksLikeName(value)) {
    fail(field, "import.row.nameInvalid", { value });
    return null;
  }
  const cleaned = collapse(latin ? value : fixLookalikes(value));
  const split = splitFullName(cleaned);
  if (!split || !split.surname || !split.givenName) {
    fail(field, "import.row.nameIncomplete", { value });
    return null;
  }
  if (!looksLikeName(split.surname) || !looksLikeName(split.givenName)) {
    fail(field, "import.row.nameInvalid", { value });
    return null;
  }
  return {
    surname: tidyName(split.surname),
    givenName: tidyName(split.givenName),
    patronymic: split.patronymic ? tidyName(split.patronymic) : null,
  };
}

function facilityOf(text: (field: ImportField) => string | null, fail: Fail): FacilityRef | null {
  const nameCell = text("facility");
  const addressCell = text("facilityAddress");
  const cityCell = text("facilityCity");
  const postcodeCell = text("facilityPostcode");
  const typeCell = text("facilityType");

  let type: FacilityType | null = null;
  if (typeCell) {
    type = inferFacilityType(typeCell);
    if (!type) fail("facilityType", "import.row.badFacilityType", { value: typeCell });
  }
  let postcode: string | null = null;
  if (postcodeCell) {
    const digits = postcodeCell.replace(/\s+/g, "");
    if (/^\d{6}$/.test(digits)) postcode = digits;
    else fail("facilityPostcode", "import.row.badPostcode", { value: postcodeCell });
  }

  if (!nameCell) {
    if (addressCell || cityCell || postcodeCell || typeCell) fail("facility", "import.row.facilityMissing");
    return null;
  }
  let { name, address } = splitFacilityCell(collapse(nameCell));
  if (addressCell) address = addressCell;
  name = fixLookalikes(name);
  const parts = address ? splitAddress(address) : { street: null, city: null, postcode: null };
  return {
    name,
    street: parts.street,
    city: cityCell ? fixLookalikes(collapse(cityCell)).replace(CITY_PREFIX, "") : parts.city ? fixLookalikes(parts.city) : null,
    postcode: postcode ?? parts.postcode,
    type: type ?? inferFacilityType(name),
    number: null,
    district: null,
    region: null,
    identityKey: facilityIdentityKey({ type: type ?? inferFacilityType(name), number: null, city: cityCell ?? parts.city, name }),
  };
}
