/**
 * Reads a facility as lists write it ("ИК-9 г. Горки" with its address on the
 * next line, "ФКУ ИК-7 УФСИН России по Республике Карелия", "IK-2 Babrujsk",
 * an address_for_letters string with the institution last) into its parts.
 * Pure: no I/O, usable in the browser.
 */
import type { FacilityType } from "#app/generated/prisma/enums.ts";

export interface AddressParts {
  street: string | null;
  city: string | null;
  postcode: string | null;
  /** "Петушинский р-н" */
  district: string | null;
  /** "Республика Карелия", "Витебская обл." */
  region: string | null;
}

export interface ParsedFacility extends AddressParts {
  /** Short envelope name in the list's script: "ИК-7", "ИК №2", "СИЗО-1". */
  name: string;
  type: FacilityType | null;
  /** "2" for ИК №2; null when the facility has no number. */
  number: string | null;
}

/** What a facility cell says when the person is in no facility. */
export type LibertyHint = "released" | "at_liberty" | "house_arrest" | "restricted_at_home";

const CYRILLIC = /[\u0400-\u04FF]/;

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const LOOKALIKES: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  i: "і",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  I: "І",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
};

/** In a word that has Cyrillic letters, Latin look-alikes ("CИЗО" with a Latin C) become Cyrillic. */
export function fixLookalikes(text: string): string {
  return text.replace(/\S+/g, (word) =>
    CYRILLIC.test(word) && /[A-Za-z]/.test(word) ? word.replace(/[A-Za-z]/g, (ch) => LOOKALIKES[ch] ?? ch) : word,
  );
}

function lowerFold(text: string): string {
  const s = fixLookalikes(text).toLowerCase().replace(/ё/g, "е");
  return CYRILLIC.test(s) ? s.replace(/i/g, "і") : s;
}

// ───────────────────────────── Types ─────────────────────────────

// \b does not know Cyrillic: word edges are "no letter on that side".
const W = (body: string) => new RegExp(`(?<!\\p{L})(?:${body})(?!\\p{L})`, "u");

const FACILITY_TYPES: [FacilityType, RegExp][] = [
  ["home_confinement", /домашн\S* арест|хатні\S* арышт|house arrest|home confinement|home detention|home_confinement/],
  [
    "psychiatric_hospital",
    W(
      "психиатрическ\\S* (?:больниц|стационар)\\S*|псіхіятрычн\\S* (?:бальніц|лякарн|стацыянар)\\S*|psychiatric(?: hospital)?|psychiatric_hospital|рпб|рнпц псих\\S*",
    ),
  ],
  [
    "sizo",
    W(
      "сизо|сіза|сізо|sizo|следственн\\S* изолятор\\S*|следч\\S* ізалятар\\S*|pre-?trial detention(?: cent(?:re|er))?|remand (?:prison|cent(?:re|er))",
    ),
  ],
  [
    "police_jail",
    W(
      "ивс|цип|циип|ічу|цііп|ivs|изолятор\\S* временного|ізалятар\\S* часовага|центр\\S* изоляции|цэнтр\\S* ізаляцыі|спецприемник\\S*|police jail|police_jail|temporary detention",
    ),
  ],
  [
    "juvenile_colony",
    W("вк|воспитательн\\S* колони\\S*|выхаваўч\\S* калоні\\S*|juvenile(?: colony)?|juvenile_colony|educational colony"),
  ],
  [
    "open_institution",
    W(
      "иуот|пуат|ісуат|iuot|уфиц|иц|исправительн\\S* центр\\S*|исправительн\\S* учреждени\\S* открытого типа|открытого типа|адкрытага тыпу|open institution|open_institution|open-type|open type|хими[яи]|хімі[яі]",
    ),
  ],
  ["colony", W("ик|пк|ik|pk|лиу|liu|колони\\S*|калоні\\S*|colony|penal colony|correctional colony")],
  ["prison", W("тюрьм\\S*|турм\\S*|prison")],
];

/** The type a facility name (or a type cell) names: "СИЗО №1" -> sizo, "ИК-4" -> colony. */
export function inferFacilityType(text: string): FacilityType | null {
  const folded = lowerFold(text);
  for (const [type, pattern] of FACILITY_TYPES) if (pattern.test(folded)) return type;
  return null;
}

/**
 * A facility designation followed by its number: "ИК-2", "ИК №2", "исправительная
 * колония № 2", "Penal colony No. 2", "СИЗО-1", "Тюрьма №1", "ИУОТ №2". Group 1: the
 * designation as written through the number; group 2: the number.
 */
const DESIGNATION = new RegExp(
  "(?<!\\p{L})((?:" +
    [
      "исправительн\\S* колони\\S*",
      "папраўч\\S* калоні\\S*",
      "воспитательн\\S* колони\\S*",
      "выхаваўч\\S* калоні\\S*",
      "лечебн\\S* исправительн\\S* учреждени\\S*",
      "исправительн\\S* учреждени\\S* открытого типа",
      "папраўч\\S* установ\\S* адкрытага тыпу",
      "следственн\\S* изолятор\\S*",
      "следч\\S* ізалятар\\S*",
      "колони\\S*-поселени\\S*",
      "колони\\S*",
      "калоні\\S*",
      "тюрьм\\S*",
      "турм\\S*",
      "психиатрическ\\S* больниц\\S*",
      "псіхіятрычн\\S* бальніц\\S*",
      "penal colony",
      "correctional colony",
      "juvenile colony",
      "educational colony",
      "colony",
      "open[- ]type correctional institution",
      "correctional institution",
      "pre-?trial detention cent(?:re|er)",
      "prison",
      "исправительн\\S* центр\\S*",
      "сизо",
      "сіза",
      "сізо",
      "иуот",
      "уфиц",
      "иц",
      "ісуат",
      "пуат",
      "лиу",
      "ивс",
      "ик",
      "пк",
      "вк",
      "пб",
      "sizo",
      "iuot",
      "liu",
      "ivs",
      "ik",
      "pk",
    ].join("|") +
    ")\\s*(?:-|–|№|#|n\\.?|no\\.?|nr\\.?|номер)?\\s*(?:-|№)?\\s*(\\d{1,3}[а-яa-z]?))(?!\\d)",
  "iu",
);

/** Authority and legal-form words around an institution's name: "ФКУ", "УФСИН России по ...", "ДИН МВД". */
const LEGAL_FORM = /^(?:фку|фгу|фбу|фклпу|фку ик|гу|гуо|ку|уо|ду|republican|рэспубліканск\S*|республиканск\S*)\s+/iu;
const AUTHORITY = /^(?:г?уфсин|фсин|удин|дин|умвд|увд|гувд|мвд|ufsin|fsin)(?!\p{L})/iu;

// ───────────────────────────── Addresses ─────────────────────────────

const POSTCODE = /(?<!\d)(\d{6})(?!\d)/;
const CITY_PREFIX =
  /^(?:г\.\s*п\.|гп|пгт|рп|р\.\s*п\.|г\.|г|гор\.|город|горад|пос\.|поселок|посёлок|пасёлак|п\.|с\.|село|аг\.|агрогородок|аграгарадок|в\.|вёска|д\.\s*(?=\p{Lu}))(?:\s+|(?<=\.))(?=\p{L})/iu;
const REGION_PART =
  /(?:^|\s)(?:обл\.?|область|области|вобл\.?|вобласць|край|ао|автономный округ)(?:\s|$)|^(?:республика|рэспубліка|republic of)(?!\p{L})|(?:^|\s)(?:region|oblast)$/iu;
const DISTRICT_PART = /(?:^|\s)(?:р-н|р-на|район|раён|district)(?:\s|$|\.)/iu;
const COUNTRY_PART =
  /^(?:беларусь|belarus|россия|russia|расія|рф|рб|российская федерация|республика беларусь|рэспубліка беларусь)$/iu;
const STREET =
  /(?:^|\s)(?:ул\.?|улица|вул\.?|вуліца|пр\.?|пр-т|пр-кт|просп\.?|проспект|пер\.?|переулок|зав\.?|завулак|б-р|бульвар|ш\.|шоссе|шаша|тракт|пл\.?|площадь|плошча|д\.|дом|st\.?|street|ave\.?|road|ул\.\S+|мкр\.?|микрорайон|промзона|тер\.?)(?:\s|$|\.)|\d/iu;

/**
 * Splits a postal address into its parts: "186420, Республика Карелия, г. Сегежа,
 * ул. Лесная, д. 4" gives postcode, region, city and street; "ул. Володарского, 2,
 * 220030 г. Минск" works too. The country is dropped.
 */
export function parseAddress(text: string): AddressParts {
  const parts = collapse(text)
    .split(/\s*[,;]\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  let postcode: string | null = null;
  let city: string | null = null;
  let district: string | null = null;
  let region: string | null = null;
  let cityAfterPostcode = false;
  const rest: string[] = [];
  for (const part of parts) {
    const code: RegExpMatchArray | null = postcode ? null : part.match(POSTCODE);
    if (code) {
      postcode = code[1];
      const remainder = collapse(part.replace(code[0], ""));
      if (!remainder) cityAfterPostcode = true;
      else if (!city && (CITY_PREFIX.test(remainder) || !STREET.test(remainder)))
        city = remainder.replace(CITY_PREFIX, "").trim() || null;
      else rest.push(remainder);
      continue;
    }
    if (COUNTRY_PART.test(part)) continue;
    if (DISTRICT_PART.test(part)) {
      district ??= part;
      continue;
    }
    if (REGION_PART.test(part)) {
      region ??= part;
      continue;
    }
    if (!city && CITY_PREFIX.test(part)) {
      city = part.replace(CITY_PREFIX, "").trim();
      cityAfterPostcode = false;
      continue;
    }
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
  return { street: rest.length ? rest.join(", ") : null, city: city || null, postcode, district, region };
}

// ───────────────────────────── Liberty ─────────────────────────────

const LIBERTY: [LibertyHint, RegExp][] = [
  [
    "at_liberty",
    /на свободе до|на волі да|до начала отбывания|да пачатку адбыцця|не лишен|не позбаўлен|at liberty|not in custody|under travel ban|подписк\S* о невыезде|падпіск\S* аб нявыездзе/,
  ],
  ["house_arrest", /^(?:под |пад )?(?:домашн\S* арест\S*|хатні\S* арышт\S*|house arrest|under house arrest)$/],
  ["restricted_at_home", /домашн\S* хими|хатні\S* хімі|без направлени|без накіравання|without referral/],
  [
    "released",
    /^(?:released|freed|free|at large|освобожд\S*|освобожден\S*|освобождён\S*|вызвален\S*|вызвалены|на свободе|на волі|вышел на свободу|вышла на свободу|выйшаў на волю|выйшла на волю|помилован\S*|памілаван\S*)(?:\s.*)?$/,
  ],
];

/** A facility cell that says the person is in no facility: "освобожден(а)", "released", "находится на свободе до начала отбывания наказания". */
export function libertyHint(text: string): LibertyHint | null {
  const s = collapse(
    lowerFold(text)
      .replace(/\((?:а|ая|на|ы|ый)\)/g, "")
      .replace(/[.!]+$/, ""),
  );
  if (s === "") return null;
  for (const [hint, pattern] of LIBERTY) if (pattern.test(s)) return hint;
  return null;
}

// ───────────────────────────── The facility ─────────────────────────────

/** A tail like "г. Бобруйск" or "Babrujsk" after the designation: the city, when it reads as one. */
function cityFromTail(tail: string): string | null {
  const s = collapse(tail.replace(/^[\s,;:()–-]+|[\s,;:()–-]+$/g, ""));
  if (!s) return null;
  if (CITY_PREFIX.test(s)) return collapse(s.replace(CITY_PREFIX, "")) || null;
  if (/\d/.test(s) || AUTHORITY.test(s) || REGION_PART.test(s) || DISTRICT_PART.test(s) || inferFacilityType(s))
    return null;
  if (/^(?:по|па|of|in|при|пры)(?!\p{L})/iu.test(s)) return null;
  const words = s.split(" ");
  if (words.length > 3 || !/^\p{Lu}/u.test(s)) return null;
  return s;
}

function empty(): AddressParts {
  return { street: null, city: null, postcode: null, district: null, region: null };
}

/** The facility line alone ("ФКУ ИК-7 УФСИН России по Республике Карелия", "ИК №2, г. Бобруйск,"). */
function parseFacilityLine(line: string): {
  name: string;
  number: string | null;
  city: string | null;
  address: string | null;
} {
  let text = collapse(fixLookalikes(line)).replace(/[\s,;]+$/, "");
  // "СИЗО №1 (220030, г. Минск, ул. Володарского, 2)"
  const bracketed = text.match(/^(.*?)\s*\(([^()]*)\)\s*$/);
  let address: string | null = null;
  if (bracketed && bracketed[1].trim() && (POSTCODE.test(bracketed[2]) || CITY_PREFIX.test(bracketed[2].trim()))) {
    text = bracketed[1].trim();
    address = bracketed[2].trim();
  }
  // A known designation ("ИК-2", "Тюрьма №1"), else any words with "№ N" or "-N" ("Лагерь №4").
  const match =
    text.match(DESIGNATION) ??
    text.match(/^((?:\p{L}[\p{L}.]*\s+){0,3}\p{L}[\p{L}.]*\s*(?:№|-|#|no\.)\s*(\d{1,3}))(?!\d)/iu);
  if (match && match.index !== undefined) {
    const name = collapse(match[1]);
    const number = match[2].toLowerCase();
    let tail = text.slice(match.index + match[0].length);
    let city: string | null = null;
    const authority = collapse(tail.replace(/^[\s,;]+/, ""));
    // "УФСИН России по Республике Карелия": the authority, not the address (its region is in the prepositional case).
    if (AUTHORITY.test(authority)) tail = "";
    // "ИК №2, г. Бобруйск, ул. ..." -> the rest is an address
    const afterComma = tail.match(/^\s*,\s*(.+)$/);
    if (afterComma && (POSTCODE.test(afterComma[1]) || /,/.test(afterComma[1]))) {
      address = address ? `${afterComma[1]}, ${address}` : afterComma[1];
    } else if (tail.trim()) {
      // A nickname in quotes ("ИК №22 «Волчьи норы»") is not part of the address.
      const rest = tail.replace(/^\s*[«"„“][^»"“”]*[»"“”]\s*/u, "");
      city = cityFromTail(rest);
      if (!city && rest.trim()) {
        const more = rest.replace(/^[\s,;]+/, "");
        address = address ? `${more}, ${address}` : more;
      }
    }
    return { name, number, city, address };
  }
  // No number: "ИВС Фрунзенского РУВД", "Республиканская психиатрическая больница, г. Минск"
  const inCity = text.match(/^([^,]*?\p{L}[^,]*?)\s+(?:г\.|гор\.|город|горад)\s*(\p{Lu}[\p{L}-]*)$/u);
  if (inCity)
    return { name: inCity[1].replace(LEGAL_FORM, "").trim() || inCity[1], number: null, city: inCity[2], address };
  const comma = text.indexOf(",");
  if (comma > 0) {
    const name = text.slice(0, comma).replace(LEGAL_FORM, "").trim();
    return {
      name,
      number: null,
      city: null,
      address: [text.slice(comma + 1).trim(), address].filter(Boolean).join(", ") || null,
    };
  }
  return { name: text.replace(LEGAL_FORM, "").trim() || text, number: null, city: null, address };
}

/** The last comma part naming an institution, in an address written postcode first and institution last. */
function institutionLast(text: string): { institution: string; address: string } | null {
  const parts = collapse(text)
    .split(/\s*,\s*/)
    .filter(Boolean);
  if (parts.length < 2 || !POSTCODE.test(parts[0])) return null;
  for (let i = parts.length - 1; i >= 1; i--) {
    if (inferFacilityType(parts[i]) && !STREET.test(parts[i].replace(DESIGNATION, ""))) {
      return { institution: parts.slice(i).join(", "), address: parts.slice(0, i).join(", ") };
    }
  }
  return null;
}

/**
 * Parses a facility cell, optionally with a separate address cell. The cell may
 * hold the facility on its first line and the address on the next ones, the
 * address in brackets or after a comma, or (as address_for_letters does) the
 * address first and the institution last. Returns null when the cell is empty or
 * says the person is in no facility (use libertyHint() to learn which).
 */
export function parseFacility(cell: string | null, addressCell: string | null = null): ParsedFacility | null {
  const raw = (cell ?? "").replace(/\r\n?/g, "\n").trim();
  const addressRaw = (addressCell ?? "").replace(/\r\n?/g, "\n").trim();
  if (!raw && !addressRaw) return null;
  if (raw && libertyHint(raw.split("\n")[0])) return null;

  let facilityLine = "";
  /** The institution named at the end of an address, when there is one. */
  let institution = "";
  const addressTexts: string[] = [];
  if (raw) {
    const lines = raw
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const first = lines[0] ?? "";
    const last = institutionLast(first);
    if (lines.length === 1 && last) {
      facilityLine = last.institution;
      addressTexts.push(last.address);
    } else {
      facilityLine = first;
      if (lines.length > 1) addressTexts.push(lines.slice(1).join(", "));
    }
  }
  if (addressRaw) {
    const lines = addressRaw
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join(", ");
    const last = institutionLast(lines);
    if (last) {
      if (!facilityLine) facilityLine = last.institution;
      institution = last.institution;
      addressTexts.unshift(last.address);
    } else addressTexts.unshift(lines);
  }
  if (!facilityLine) return null;

  const line = parseFacilityLine(facilityLine);
  if (line.address) addressTexts.push(line.address);
  const address = addressTexts.length ? parseAddress(addressTexts.join(", ")) : empty();
  // A short name the list made up ("Казанская ПБСТИН"): the institution in the address tells the type and number.
  const full = institution ? parseFacilityLine(institution) : null;
  return {
    name: line.name,
    type: inferFacilityType(facilityLine) ?? (institution ? inferFacilityType(institution) : null),
    number: line.number ?? full?.number ?? null,
    street: address.street,
    city: address.city ?? line.city,
    postcode: address.postcode,
    district: address.district,
    region: address.region,
  };
}
