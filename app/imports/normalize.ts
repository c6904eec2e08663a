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
import { facilityIdentityKey } from "#app/facilities/identity.ts";
import {
  fixLookalikes,
  inferFacilityType,
  libertyHint,
  parseAddress,
  parseFacility,
  type LibertyHint,
} from "#app/facilities/parse.ts";
import { isImportField, type ColumnMapping, type ImportField } from "./columns.ts";
import type { RawRow } from "./types.ts";

export type { PersonName } from "#app/names/match-keys.ts";

export type ImportGender = "male" | "female";
export type ImportCountry = "BY" | "RU";
/** The person's situation (Prisoner.status): see prisma/schema.prisma, enum PrisonerStatus. */
export type ImportStatus = PrisonerStatusName;
export type ImportReleaseKind = ReleaseKindName;
export type ImportHumanitarianReason =
  "disability" | "serious_illness" | "elderly" | "minor" | "large_family_parent" | "other";

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
  let s = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[’ʼ`´]/g, "'");
  if (CYRILLIC.test(s)) s = s.replace(/i/g, "і");
  return s
    .replace(/[^\p{L}\p{N}+']+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The key under which a value a person mapped is kept (UnknownValue.key,
 * ValueMappings): case, ё/е, punctuation, spacing and gender endings such as
 * "(а)" do not matter.
 */
export function foldValue(text: string): string {
  return fold(stripGenderEndings(text));
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
  let match = s.match(
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/,
  );
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
  // Month precision: "1985-03", "03.1985" -> the 1st of the month.
  match = s.match(/^(\d{4})-(\d{1,2})$/);
  if (match) return monthOnly(Number(match[1]), Number(match[2]));
  match = s.match(/^(\d{1,2})[./](\d{4})$/);
  if (match) return monthOnly(Number(match[2]), Number(match[1]));
  // Month names: "24 April 1982", "24 апреля 1982", "24 красавіка 1982", "April 24, 1982", "May 2023", "мая 2023".
  const named = s.replace(/,/g, " ").replace(/\s+/g, " ").trim();
  match = named.match(/^(\d{1,2}) (\p{L}+)\.? (\d{4})$/u);
  if (match) return namedDay(Number(match[3]), match[2], Number(match[1]));
  match = named.match(/^(\p{L}+)\.? (\d{1,2}) (\d{4})$/u);
  if (match) return namedDay(Number(match[3]), match[1], Number(match[2]));
  match = named.match(/^(\p{L}+)\.? (\d{4})$/u);
  if (match) {
    const month = MONTHS.get(monthKey(match[1]));
    return month ? monthOnly(Number(match[2]), month) : null;
  }
  return null;
}

function monthOnly(year: number, month: number): DateParts | null {
  return month >= 1 && month <= 12 ? { year, month, day: 1, yearOnly: false } : null;
}

function namedDay(year: number, monthName: string, day: number): DateParts | null {
  const month = MONTHS.get(monthKey(monthName));
  return month && validDay(year, month, day) ? { year, month, day, yearOnly: false } : null;
}

function monthKey(word: string): string {
  const s = word.toLowerCase().replace(/ё/g, "е");
  return CYRILLIC.test(s) ? s.replace(/i/g, "і") : s;
}

/** Month names in English, Russian and Belarusian, nominative and genitive, and common abbreviations. */
const MONTHS = (() => {
  const names: string[][] = [
    ["january", "jan", "январь", "января", "янв", "студзень", "студзеня", "студз"],
    ["february", "feb", "февраль", "февраля", "фев", "февр", "люты", "лютага", "лют"],
    ["march", "mar", "март", "марта", "мар", "сакавік", "сакавіка", "сак"],
    ["april", "apr", "апрель", "апреля", "апр", "красавік", "красавіка", "крас"],
    ["may", "май", "мая", "травень", "траўня", "травеня"],
    ["june", "jun", "июнь", "июня", "июн", "чэрвень", "чэрвеня", "чэрв"],
    ["july", "jul", "июль", "июля", "июл", "ліпень", "ліпеня", "ліп"],
    ["august", "aug", "август", "августа", "авг", "жнівень", "жніўня", "жнів"],
    ["september", "sep", "sept", "сентябрь", "сентября", "сен", "сент", "верасень", "верасня", "вер"],
    ["october", "oct", "октябрь", "октября", "окт", "кастрычнік", "кастрычніка", "каст"],
    ["november", "nov", "ноябрь", "ноября", "ноя", "нояб", "лістапад", "лістапада", "ліст"],
    ["december", "dec", "декабрь", "декабря", "дек", "снежань", "снежня", "снеж"],
  ];
  const map = new Map<string, number>();
  names.forEach((words, index) => words.forEach((word) => map.set(monthKey(word), index + 1)));
  return map;
})();

/** Date cells that honestly say the date is not known: no date, and no error. */
const UNKNOWN_DATE =
  /^(?:unknown|not known|n\/a|неизвестно|не известно|невядома|не вядома|нет данных|нет информации|няма даных|няма звестак|няма інфармацыі|[-–—?]+)$/iu;

/** True when a date cell says the date is not known ("unknown", "неизвестно", "невядома", "нет данных"). */
export function isUnknownDate(text: string): boolean {
  return UNKNOWN_DATE.test(collapse(text).replace(/\.$/, ""));
}

function iso({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

let todayCache = { day: Number.NaN, text: "" };

/** Today (UTC, yyyy-mm-dd); one Date per day rather than one per date cell. */
function today(): string {
  const day = Math.floor(Date.now() / 86_400_000);
  if (day !== todayCache.day) todayCache = { day, text: new Date(day * 86_400_000).toISOString().slice(0, 10) };
  return todayCache.text;
}

type DateCheck = { ok: true; date: string; yearOnly: boolean } | { ok: false; reason: "bad" | "early" | "future" };

function checkDate(text: string): DateCheck {
  const parts = parseDateParts(text);
  if (!parts) return { ok: false, reason: "bad" };
  if (parts.year < 1900) return { ok: false, reason: "early" };
  const date = iso(parts);
  if (parts.yearOnly ? parts.year > Number(today().slice(0, 4)) : date > today())
    return { ok: false, reason: "future" };
  return { ok: true, date, yearOnly: parts.yearOnly };
}

/**
 * dd.mm.yyyy, d.m.yyyy, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd (a time part, as
 * spreadsheets export it, is ignored), a day with a month name in English, Russian or
 * Belarusian ("24 April 1982", "24 апреля 1982", "24 красавіка 1982", "April 24, 1982"),
 * a month ("May 2023", "мая 2023", "1985-03", "03.1985" -> the 1st of the month)
 * or a bare year ("1957" -> 1957-01-01, yearOnly). A trailing
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
  [
    "male",
    [
      "м",
      "муж",
      "мужской",
      "мужчина",
      "мужч",
      "мужчына",
      "мужчынскі",
      "мужскі",
      "m",
      "male",
      "man",
      "men",
      "мужской пол",
      "мужчынскі пол",
    ],
  ],
  [
    "female",
    [
      "ж",
      "жен",
      "женский",
      "женщина",
      "жанч",
      "жанчына",
      "жаночы",
      "f",
      "female",
      "woman",
      "women",
      "w",
      "женский пол",
      "жаночы пол",
    ],
  ],
]);

const COUNTRIES = lookup<ImportCountry>([
  [
    "BY",
    [
      "by",
      "blr",
      "belarus",
      "republic of belarus",
      "беларусь",
      "белоруссия",
      "республика беларусь",
      "рб",
      "рэспубліка беларусь",
      "бел",
    ],
  ],
  [
    "RU",
    [
      "ru",
      "rus",
      "russia",
      "russian federation",
      "россия",
      "российская федерация",
      "рф",
      "расія",
      "расійская федэрацыя",
      "расейская федэрацыя",
      "расея",
    ],
  ],
]);

/**
 * What a status cell says. Besides the situations themselves: "held" (a political
 * prisoner now, in custody, "лишен свободы": the facility, penalty and verdict tell
 * which situation) and "skip" (the list says the person is not for the registry).
 */
type StatusWord = ImportStatus | "held" | "skip";

const STATUS_WORDS = lookup<StatusWord>([
  [
    "unknown",
    [
      "unknown",
      "неизвестно",
      "не известно",
      "неясно",
      "невядома",
      "не вядома",
      "нет информации",
      "няма інфармацыі",
      "no information",
      "no data",
    ],
  ],
  [
    "pretrial",
    [
      "pretrial",
      "pre trial",
      "pre-trial",
      "sizo",
      "сизо",
      "в сизо",
      "сіза",
      "у сіза",
      "до суда",
      "да суда",
      "под следствием",
      "пад следствам",
      "следствие",
      "следства",
      "суд",
      "идет суд",
      "ідзе суд",
      "on trial",
      "awaiting trial",
      "under investigation",
      "detained",
      "arrested",
      "в ивс",
      "у ічу",
    ],
  ],
  [
    "convicted",
    [
      "convicted",
      "sentenced",
      "serving sentence",
      "serving a sentence",
      "отбывает наказание",
      "адбывае пакаранне",
      "приговор",
      "прысуд",
      "в колонии",
      "у калоніі",
      "в тюрьме",
      "у турме",
    ],
  ],
  [
    "held",
    [
      "active",
      "political prisoner",
      "политзаключенный",
      "политзаключенная",
      "политический заключенный",
      "палітвязень",
      "палітзняволены",
      "палітзняволеная",
      "палітычны вязень",
      "в заключении",
      "под стражей",
      "под стражу",
      "пад вартай",
      "у зняволенні",
      "за кратамі",
      "за решеткой",
      "in custody",
      "imprisoned",
      "in prison",
      "behind bars",
      "лишен свободы",
      "лишена свободы",
      "лишен свободы лишена свободы",
      "позбаўлены волі",
      "пазбаўлены волі",
      "deprived of liberty",
      "deprived of freedom",
    ],
  ],
  [
    "released",
    [
      "released",
      "freed",
      "free",
      "pardoned",
      "former",
      "former political prisoner",
      "бывший политзаключенный",
      "бывшая политзаключенная",
      "былы палітвязень",
      "былы палітзняволены",
      "былая палітзняволеная",
      "на свободе",
      "на волі",
      "на волю",
      "вышел на свободу",
      "вышла на свободу",
      "выйшаў на волю",
      "выйшла на волю",
      "вызвалены",
      "вызваленая",
      "вызвалена",
    ],
  ],
  [
    "at_liberty",
    [
      "не лишен свободы",
      "не лишена свободы",
      "не позбаўлены волі",
      "не пазбаўлены волі",
      "at liberty",
      "not in custody",
      "не в заключении",
      "не ў зняволенні",
      "на свободе до суда",
      "на волі да суда",
      "подписка о невыезде",
      "падпіска аб нявыездзе",
      "under travel ban",
    ],
  ],
  [
    "open_institution",
    ["на химии", "химия", "на хіміі", "хімія", "open institution", "open type institution", "в иуот", "у ісуат"],
  ],
  [
    "restricted_at_home",
    [
      "домашняя химия",
      "на домашней химии",
      "хатняя хімія",
      "на хатняй хіміі",
      "restricted at home",
      "restriction of freedom at home",
    ],
  ],
  [
    "house_arrest",
    [
      "домашний арест",
      "под домашним арестом",
      "хатні арышт",
      "пад хатнім арыштам",
      "house arrest",
      "under house arrest",
    ],
  ],
  [
    "compulsory_treatment",
    [
      "принудительное лечение",
      "на принудительном лечении",
      "прымусовае лячэнне",
      "на прымусовым лячэнні",
      "compulsory treatment",
      "psychiatric hospital",
      "в психиатрической больнице",
    ],
  ],
  [
    "deceased",
    [
      "deceased",
      "dead",
      "died",
      "died in custody",
      "смерть в заключении",
      "смерть под следствием",
      "смерть при задержании",
      "погиб",
      "погибла",
      "загінуў",
      "загінула",
    ],
  ],
  [
    "skip",
    [
      "np",
      "not recognised",
      "not recognized",
      "нет фигуранта",
      "не признан",
      "не признана",
      "не прызнаны",
      "не прызнаная",
      "не политзаключенный",
    ],
  ],
]);

/** Word stems for inflected forms: осужден(а), асуджаная, задержана, умерла в заключении... */
const STATUS_STEMS: [StatusWord, RegExp][] = [
  ["skip", /^(?:не признан|не прызнан|not recogni)/],
  ["at_liberty", /^(?:не лишен|не позбаўлен|не пазбаўлен)/],
  ["deceased", /^(?:умер|памер|смерть|смерць|погиб|загін|died|deceased)/],
  [
    "released",
    /^(?:освобожд|освобожден|вызвал|помилов|памілав|амнистир|амніставан|отбыл срок|адбыў тэрмін|releas|pardon|amnest|депортир|выслан|выдворен|обменян|exchanged|deported|оправдан|апраўдан|acquitted)/,
  ],
  ["convicted", /^(?:осужд|асудж|convict|sentenc)/],
  ["pretrial", /^(?:задерж|затрым|арест|арышт|обвиня|абвінавач|подозрева|падазрав|detain)/],
  ["held", /^(?:лишен свобод|позбаўлен вол|пазбаўлен вол|политзаключ|палітвяз|палітзняв)/],
];

/** Statuses' lines that add nothing to the situation: Viasna's "Recognized ex post facto". */
const STATUS_NOTE =
  /ex post facto|post factum|retroactively|постфактум|пост фактум|задним числом|заднім чыслом|пасля вызвалення|после освобождения/i;

/** Strips gender endings written as "(а)", "/а", "(ла)" so one word serves both forms. */
function stripGenderEndings(text: string): string {
  return text.replace(/\s*[(/]\s*(?:а|ая|на|ла|ый|ы|ая|ое)\s*\)?(?!\p{L})/giu, "");
}

function statusWordOf(line: string): StatusWord | null {
  const folded = fold(stripGenderEndings(line));
  return STATUS_WORDS.get(folded) ?? STATUS_STEMS.find(([, stem]) => stem.test(folded))?.[0] ?? null;
}

/** What a penalty implies: a situation, custody (facility and verdict decide), or a restriction of freedom of unstated kind. */
type PenaltyClass = ImportStatus | "custodial" | "restriction";

const PENALTY_PATTERNS: [PenaltyClass, RegExp][] = [
  [
    "compulsory_treatment",
    /принудительн\S* (?:лечени|мер)|прымусов\S* (?:лячэнн|мер)|compulsory (?:treatment|medical)|psychiatric/,
  ],
  ["house_arrest", /домашн\S* арест|хатн\S* арышт|house arrest/],
  ["restricted_at_home", /без направлени|без накіраванн|without (?:referral|being sent)|домашн\S* хими|хатн\S* хімі/],
  [
    "open_institution",
    /принудительн\S* работ|forced labou?r|с направлени|з накіраванн|with referral|открытого типа|адкрытага тыпу|open[- ]type|хими|хімі/,
  ],
  [
    "at_liberty",
    /штраф|(?<!\p{L})fine(?!\p{L})|исправительн\S* работ|папраўч\S* работ|обязательн\S* работ|грамадск\S* работ|community service|correctional labou?r|условн|умоўн|suspended|отсрочк|адтэрміноўк|probation|ограничени\S* по служб|запрет определ|травел бан|travel ban/u,
  ],
  ["restriction", /ограничени\S* свободы|абмежаванн\S* волі|restriction of (?:liberty|freedom)|restricted freedom/],
  [
    "custodial",
    /лишени\S* свободы|пазбаўленн\S* волі|позбаўленн\S* волі|imprisonment|deprivation of (?:liberty|freedom)|пожизненн|пажыццёв|life sentence|смертн\S* казн|death (?:penalty|sentence)|арест|арышт|arrest|колони|калоні|тюрьм|турм|prison|colony/u,
  ],
];

function penaltyClassOf(text: string): PenaltyClass | null {
  const folded = fold(text);
  for (const [kind, pattern] of PENALTY_PATTERNS) if (pattern.test(folded)) return kind;
  return null;
}

const RELEASE_KIND_PATTERNS: [ImportReleaseKind, RegExp][] = [
  [
    "exchange_or_deportation",
    /обмен|абмен|exchange|swap|депорт|deport|выслан|высылк|выдвор|expell|expel|вывезен|вывезены/,
  ],
  ["pardon", /помилов|памілав|pardon|помилован/],
  ["amnesty", /амнист|амніст|amnest/],
  ["parole", /(?<!\p{L})удо(?!\p{L})|условно досрочн|умоўна датэрмін|parole|conditional(?:ly)? early/u],
  [
    "acquittal",
    /оправдан|апраўдан|acquit|дело прекращ|справа спынен|уголовное дело прекращ|прекращени\S* дела|case (?:closed|dropped|dismissed)|charges dropped/,
  ],
  [
    "sentence_served",
    /отбыл|отбыла|отбытии|адбыў|адбыла|адбыцці|по окончании срока|па заканчэнні тэрміну|конец срока|served (?:the |his |her )?(?:full )?(?:sentence|term)|sentence served|end of (?:the )?(?:sentence|term)/,
  ],
];

/** The kind of release a text names ("помилован", "УДО", "отбыл срок", "обмен"), or null. */
export function releaseKindOf(text: string): ImportReleaseKind | null {
  const folded = fold(stripGenderEndings(text));
  if (RELEASE_KIND_NAMES.has(folded)) return folded.replace(/ /g, "_") as ImportReleaseKind;
  for (const [kind, pattern] of RELEASE_KIND_PATTERNS) if (pattern.test(folded)) return kind;
  return null;
}
const RELEASE_KIND_NAMES = new Set([
  "pardon",
  "amnesty",
  "sentence served",
  "parole",
  "exchange or deportation",
  "acquittal",
  "other",
]);

/** The situation a facility type implies. */
const FACILITY_STATUS: Record<FacilityType, ImportStatus> = {
  sizo: "pretrial",
  police_jail: "pretrial",
  colony: "convicted",
  prison: "convicted",
  juvenile_colony: "convicted",
  open_institution: "open_institution",
  home_confinement: "house_arrest",
  psychiatric_hospital: "compulsory_treatment",
};

const FACILITY_TYPE_NAMES = new Set<string>([
  "sizo",
  "colony",
  "prison",
  "open_institution",
  "home_confinement",
  "juvenile_colony",
  "police_jail",
  "psychiatric_hospital",
]);

/**
 * The person's situation from everything the row says. In order: the list skips
 * the person; a death; a release; a situation the status word states outright; a
 * facility cell that says the person is not in a facility; a non-custodial
 * penalty; a pre-trial or convicted status word (before the facility's type: a
 * list may say "under investigation" of someone in a colony); the facility's type;
 * custody or a custodial penalty with the verdict (date or sentence): convicted
 * after it, pre-trial before.
 */
function situationOf(input: {
  word: StatusWord | null;
  hint: LibertyHint | null;
  facilityType: FacilityType | null;
  penalty: PenaltyClass | null;
  verdictOn: string | null;
  sentence: string | null;
  died: boolean;
}): StatusWord | null {
  const { word, hint, facilityType, penalty, verdictOn, sentence, died } = input;
  if (word === "skip") return "skip";
  if (died || word === "deceased") return "deceased";
  if (word === "released" || hint === "released") return "released";
  if (word && word !== "held" && word !== "pretrial" && word !== "convicted") return word;
  if (hint) return hint;
  const fromFacility = facilityType ? FACILITY_STATUS[facilityType] : null;
  const heldInCustody = fromFacility === "pretrial" || fromFacility === "convicted";
  if (penalty === "restriction") return fromFacility === "open_institution" ? "open_institution" : "restricted_at_home";
  if (penalty && penalty !== "custodial" && !(penalty === "at_liberty" && heldInCustody)) return penalty;
  // A status word the list states outright wins over what the facility suggests.
  if (word === "convicted") return "convicted";
  if (word === "pretrial") return verdictOn ? "convicted" : "pretrial";
  if (fromFacility === "pretrial") return verdictOn ? "convicted" : "pretrial";
  if (fromFacility) return fromFacility;
  // Custody without a facility: a verdict (its date or a sentence) makes it a conviction.
  if (word === "held" || penalty === "custodial") return verdictOn || sentence ? "convicted" : "pretrial";
  return null;
}

const YES = new Set([
  "да",
  "д",
  "так",
  "т",
  "yes",
  "y",
  "true",
  "1",
  "+",
  "x",
  "х",
  "✓",
  "✔",
  "v",
  "есть",
  "ёсць",
  "истина",
  "ісціна",
]);
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
  [
    "other",
    /^(другое|другие|другая|иное|иные|прочее|прочие|іншае|іншыя|інш|other|others|женщина|женщины|жанчына|жанчыны|woman|women|беремен|цяжарн|pregnan)/,
  ],
];

function reasonOf(item: string): ImportHumanitarianReason | null {
  const s = fold(item);
  for (const [reason, pattern] of REASON_PATTERNS) if (pattern.test(s)) return reason;
  return null;
}

// ───────────────────────────── Facilities ─────────────────────────────

export { inferFacilityType } from "#app/facilities/parse.ts";

/**
 * Splits a postal address into street, city and postcode:
 * "ул. Володарского, 2, 220030 г. Минск" and "220030, г. Минск, ул. Володарского, 2"
 * both give street "ул. Володарского, 2", city "Минск", postcode "220030".
 * parseAddress() in app/facilities/parse.ts also keeps the district and region.
 */
export function splitAddress(text: string): { street: string | null; city: string | null; postcode: string | null } {
  const { street, city, postcode } = parseAddress(text);
  return { street, city, postcode };
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

/**
 * One raw row -> an ImportRow, row errors, or a skipped row (a status such as
 * Viasna's "np" or Memorial's "нет фигуранта": the list says the person is not for
 * the registry; row null, no errors). Status words, penalties and facility types the
 * importer does not know are not errors: they are listed in row.unknownValues
 * (and left out of the situation) unless `valueMappings` says what they mean.
 */
export function normalizeRow(raw: RawRow, mapping: ColumnMapping, valueMappings: ValueMappings = {}): NormalizedRow {
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
  /** A date cell's text, or null when empty or saying the date is not known. */
  const dateText = (field: ImportField): string | null => {
    const value = text(field);
    return value === null || isUnknownDate(value) ? null : value;
  };
  /** Any full or month date (the future allowed when `future`); errors with import.row.badDate. */
  const otherDate = (field: ImportField, future: boolean): string | null => {
    const value = dateText(field);
    if (!value) return null;
    const parts = parseDateParts(value);
    if (!parts || parts.yearOnly || parts.year < 1900) {
      fail(field, "import.row.badDate", { value });
      return null;
    }
    const date = iso(parts);
    if (!future && date > today()) {
      fail(field, "import.row.futureDate", { value });
      return null;
    }
    return date;
  };
  const unknownValues: UnknownValue[] = [];
  const unknown = (field: MappableField, value: string) => {
    const key = foldValue(value);
    if (key && !unknownValues.some((known) => known.field === field && known.key === key))
      unknownValues.push({ field, key, text: collapse(value) });
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
  const birth = dateText("birthDate");
  if (birth) {
    const checked = checkDate(birth);
    if (checked.ok) {
      birthDate = checked.date;
      birthYearOnly = checked.yearOnly;
    } else fail("birthDate", dateErrorKey(checked.reason, "import.row.badBirthDate"), { value: birth });
  }
  let detainedOn: string | null = null;
  const detained = dateText("detainedOn");
  if (detained) {
    const checked = checkDate(detained);
    if (checked.ok && !checked.yearOnly) detainedOn = checked.date;
    else
      fail(
        "detainedOn",
        checked.ok ? "import.row.badDetainedOn" : dateErrorKey(checked.reason, "import.row.badDetainedOn"),
        { value: detained },
      );
  }

  // Vocabularies
  const gender = vocabulary(text("gender"), GENDERS, "gender", "import.row.badGender", fail);
  const country = vocabulary(text("country"), COUNTRIES, "country", "import.row.badCountry", fail);
  const statusCell = text("status");
  let statusWord: StatusWord | null = null;
  if (statusCell) {
    const lines = statusCell
      .split(/\n+/)
      .map((part) => part.trim())
      .filter(Boolean);
    const meaningful = lines.filter((part) => !STATUS_NOTE.test(part));
    const line = meaningful[0] ?? lines[0];
    statusWord = statusWordOf(line) ?? valueMappings.status?.[foldValue(line)] ?? null;
    if (!statusWord) unknown("status", line);
  }
  if (statusWord === "skip") return { row: null, errors: [], skipped: "not-recognised" };

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
      const items = reasonsText
        .split(/[,;/\n]+|\s+и\s+|\s+і\s+|\s+and\s+/iu)
        .map((item) => item.trim())
        .filter(Boolean);
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
  const flag = (field: "incommunicado" | "doNotWrite" | "relativesOnly" | "canWrite"): boolean | null => {
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

  // Facility, penalty, dates of the situation
  const facilityCell = text("facility");
  const hint = facilityCell ? libertyHint(facilityCell.split("\n")[0]) : null;
  const facility = facilityOf(text, fail, unknown, valueMappings);
  const penaltyText = text("penalty");
  const penalty = penaltyText ? collapse(penaltyText) : null;
  let penaltyClass: PenaltyClass | null = null;
  if (penalty) {
    penaltyClass = penaltyClassOf(penalty) ?? valueMappings.penalty?.[foldValue(penalty)] ?? null;
    if (!penaltyClass) unknown("penalty", penalty);
  }
  const sentenceText = text("sentence");
  if (!penaltyClass && sentenceText) penaltyClass = penaltyClassOf(sentenceText);
  const verdictOn = otherDate("verdictOn", false);

  let diedOn: string | null = null;
  let died = false;
  const diedCell = dateText("diedOn");
  if (diedCell) {
    const asFlag = flagValue(diedCell);
    if (asFlag === true || asFlag === false) died = asFlag;
    else {
      diedOn = otherDate("diedOn", false);
      died = diedOn !== null;
    }
  }

  const situation = situationOf({
    word: statusWord,
    hint,
    facilityType: facility?.type ?? null,
    penalty: penaltyClass,
    verdictOn,
    sentence: sentenceText,
    died,
  });
  const status: ImportStatus | null = situation === "skip" || situation === "held" ? null : situation;

  // A release: its date and kind count only when the person is released (an active
  // prisoner's release_date is the end of the term still to come).
  let releasedOn: string | null = null;
  let releaseKind: ImportReleaseKind | null = null;
  if (status === "released") {
    // No release-date column: "освобождена 15.05.2023" in the facility or status cell.
    const released = otherDate("releasedOn", true) ?? dateInText([facilityCell, statusCell]);
    releasedOn = released && released <= today() ? released : null;
    const kindCell = text("releaseKind");
    releaseKind =
      (kindCell ? (releaseKindOf(kindCell) ?? "other") : null) ??
      [statusCell, facilityCell, sentenceText, text("notes")]
        .map((cell) => (cell ? releaseKindOf(cell) : null))
        .find(Boolean) ??
      null;
  }

  // Articles: one per line in the file (or an array in JSON) -> "a; b".
  const articlesText = text("articles");
  const articles = articlesText ? articlesText.split(/\n+/).map(collapse).filter(Boolean).join("; ") : null;

  const canWrite = flag("canWrite");
  const interestsText = text("interests");
  const interests =
    interestsText === null
      ? null
      : interestsText
          .split(/\n+/)
          .map(collapse)
          .filter(Boolean)
          .map((item) => item.slice(0, 200));

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
    verdictOn,
    releasedOn,
    releaseKind,
    diedOn,
    articles,
    sentence: sentenceText,
    penalty,
    notes: text("notes"),
    canWrite,
    interests,
    facility,
    humanitarianReasons,
    incommunicado,
    doNotWrite,
    relativesOnly,
    unknownValues,
  };
  return { row: errors.length === 0 && name ? row : null, errors, skipped: null };
}

/** The first dd.mm.yyyy or yyyy-mm-dd date written inside free text, or null. */
function dateInText(cells: (string | null)[]): string | null {
  for (const cell of cells) {
    const found = cell?.match(/(?<!\d)(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(?!\d)/);
    const parts = found ? parseDateParts(found[1]) : null;
    if (parts && parts.year >= 1900) return iso(parts);
  }
  return null;
}

type Fail = (field: ImportField, messageKey: MessageKey, params?: Record<string, string | number>) => void;

function dateErrorKey(reason: "bad" | "early" | "future", bad: MessageKey): MessageKey {
  if (reason === "early") return "import.row.dateTooEarly";
  if (reason === "future") return "import.row.futureDate";
  return bad;
}

function vocabulary<T>(
  value: string | null,
  table: Map<string, T>,
  field: ImportField,
  messageKey: MessageKey,
  fail: Fail,
): T | null {
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

function facilityOf(
  text: (field: ImportField) => string | null,
  fail: Fail,
  unknown: (field: MappableField, value: string) => void,
  valueMappings: ValueMappings,
): FacilityRef | null {
  const nameCell = text("facility");
  const addressCell = text("facilityAddress");
  const cityCell = text("facilityCity");
  const postcodeCell = text("facilityPostcode");
  const typeCell = text("facilityType");
  const regionCell = text("facilityRegion");

  let type: FacilityType | null = null;
  if (typeCell) {
    type = inferFacilityType(typeCell) ?? mappedFacilityType(typeCell, valueMappings);
    if (!type) unknown("facilityType", typeCell);
  }
  let postcode: string | null = null;
  if (postcodeCell) {
    const digits = postcodeCell.replace(/\s+/g, "");
    if (/^\d{6}$/.test(digits)) postcode = digits;
    else fail("facilityPostcode", "import.row.badPostcode", { value: postcodeCell });
  }

  if (nameCell && libertyHint(nameCell.split("\n")[0])) return null;
  const parsed = parseFacility(nameCell, addressCell);
  if (!parsed) {
    if (addressCell || cityCell || postcodeCell || typeCell) fail("facility", "import.row.facilityMissing");
    return null;
  }
  if (!type) {
    type = parsed.type ?? mappedFacilityType(parsed.name, valueMappings);
    if (!type && !typeCell) unknown("facilityType", parsed.name);
  }
  const city = cityCell ? collapse(parseAddress(cityCell).city ?? cityCell) : parsed.city;
  const number = parsed.number;
  return {
    name: parsed.name,
    type,
    number,
    street: parsed.street,
    city,
    postcode: postcode ?? parsed.postcode,
    district: parsed.district,
    region: parsed.region ?? (regionCell ? collapse(regionCell) : null),
    identityKey: facilityIdentityKey({ type, number, city, name: parsed.name }),
  };
}

function mappedFacilityType(value: string, valueMappings: ValueMappings): FacilityType | null {
  const mapped = valueMappings.facilityType?.[foldValue(value)];
  if (mapped) return mapped;
  const folded = foldValue(value).replace(/ /g, "_");
  return FACILITY_TYPE_NAMES.has(folded) ? (folded as FacilityType) : null;
}
