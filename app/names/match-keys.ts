/**
 * Name matching keys: one person spelled in Belarusian Cyrillic, Russian
 * Cyrillic, or any common Latin system must meet on the same keys.
 * Pure (no I/O). Tables and regexes are built once at module load.
 *
 * tokenSkeleton(word) — the phonetic skeleton — is computed as follows:
 *  1. Lower-case, NFC; keep letters and apostrophes only.
 *  2. Transliterate into an internal alphabet (lower-case Latin plus
 *     C = ч, S = ш, Z = ж, ' = soft sign):
 *     - Cyrillic (be/ru/uk) letter by letter; я ю ё е become ja ju jo je, й j,
 *       щ SC, ц t, х h, ў v. Latin look-alikes inside a Cyrillic word are
 *       read as Cyrillic (dirty data: "Ивaнов" with a Latin "a").
 *     - Latin: Polish digraphs (szcz cz sz); "shch"; "ch" is х in Łacinka /
 *       the national system (word has č š ž ŭ ć ś ź ń ł ... or a "c" used as ц)
 *       and ч otherwise (English, BGN, ICAO); zh kh sh; x→ks; ct→kt;
 *       diacritics: č š ž ŭ ć ś ź ń ł ŝ â û ë ě ì è ǔ; c (ц) → t; w → v.
 *  3. Collapse the Belarusian/Russian and cross-system differences:
 *     dz→d (dzekanne), ts→t (ц = т: tsekanne and -цев/-цаў), vowel+u → v
 *     (ў / -ou / -oŭ / -ow / -ov), glides i/y/j before a vowel dropped
 *     (ia/ya/ja/â/я, ie/ye/je/е, iu/yu/ju/û/ю, io/yo/jo/ë/ё), soft sign and
 *     apostrophes dropped, remaining j/y → i and runs of i → i (-ий -ii -iy -yj
 *     -y -і), h → g (Belarusian г = Russian г; ISO 9 h = х = kh), e/o → a
 *     (akanne, яканне, э/е, ё/е), double consonants single.
 *  4. Output ASCII: C→ch, S→sh, Z→zh.
 * Vowel positions are kept (Ivanov ≠ Ivanova, Belov ≠ Belyaev).
 * German press spellings: "sch" is ш and "tsch" ч (Schestakow, Schidlowski);
 * GOST 7.79 system B: "shh" is щ.
 *
 * Besides the skeleton, a word gets variant keys (skeletonVariants) for
 * spellings that lose information: Łacinka typed without its diacritics
 * ("Lukasevic" for Łukaševič: every ш ж ч also read as s z ц), and GOST 7.79
 * system B where "x" is х ("Mixail"), not кс.
 */
import { DIMINUTIVES, GIVEN_NAME_GROUPS, GIVEN_NAME_KEY_OVERRIDES } from "./given-names";

export interface PersonName {
  surname: string;
  givenName: string;
  patronymic?: string | null;
}

/** A name as people read it: surname, given name, patronymic (when known). */
export function fullName(name: { surname: string; givenName: string; patronymic?: string | null }): string {
  return [name.surname, name.givenName, name.patronymic].filter(Boolean).join(" ");
}

export type NameScript = "cyrillic_be" | "cyrillic_ru" | "latin";

// ---------------------------------------------------------------------------
// normalizeExact

const APOSTROPHES_RE = /['’ʼʹʻ`´ʺ‘]/g;
const COMBINING_RE = /\p{M}/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;
const YO_RE = /ё/g;

/** Lower-cased, Unicode-NFC, ё→е, punctuation/apostrophes removed, whitespace collapsed. */
export function normalizeExact(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(YO_RE, "е")
    .replace(COMBINING_RE, "") // stress marks left over after NFC
    .replace(APOSTROPHES_RE, "")
    .replace(NON_WORD_RE, " ")
    .trim();
}

// ---------------------------------------------------------------------------
// tokenSkeleton

const CYRILLIC_RE = /[\u0400-\u04ff]/;
const KEEP_LETTERS_RE = /[^\p{L}'’ʼʹʻ`´‘]/gu;
const APOSTROPHE_CHARS = new Set(["'", "’", "ʼ", "ʹ", "ʻ", "`", "´", "‘"]);

const CYR_MAP: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "je",
  ё: "jo",
  є: "je",
  ж: "Z",
  з: "z",
  и: "i",
  і: "i",
  ї: "ji",
  й: "j",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "v",
  ф: "f",
  х: "h",
  ц: "t",
  ч: "C",
  ш: "S",
  щ: "SC",
  ъ: "",
  ы: "y",
  ь: "'",
  э: "e",
  ю: "ju",
  я: "ja",
};
/** Latin letters that look like Cyrillic ones, when typed inside a Cyrillic word. */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  i: "і",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};

const POLISH_RE = /szcz|cz|sz/g;
const POLISH_MAP: Readonly<Record<string, string>> = { szcz: "SC", cz: "C", sz: "S" };
/** Letters only the national system, Łacinka or ISO 9 use: there "ch" is х. */
const LACINKA_MARK_RE = /[čšžŭǔćśźńłĺľŝâǎûëěìè]/;
/** "c" not in ch/ct is ц: a Łacinka/national spelling (Cichanoŭskaja, Bialiacki). */
const LONE_C_RE = /c(?![ht])/;
const SHCH_RE = /shch|shh/g;
const GERMAN_RE = /t?sch/g;
const CH_RE = /ch/g;
const TCH_RE = /t?ch/g;
const ZH_RE = /zh/g;
const KH_RE = /kh/g;
const SH_RE = /sh/g;
const X_RE = /x/g;
const Q_RE = /q/g;
const PH_RE = /ph/g;
const CT_RE = /ct/g;
const C_RE = /c/g;
const W_RE = /w/g;
const LATIN_SPECIAL_RE = /[čćšśžźŭǔńłĺľŝĉâǎûëěìè’ʼʹʻ`´‘ʺ]/g;
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  č: "C",
  ĉ: "C",
  ć: "t'",
  š: "S",
  ś: "s'",
  ž: "Z",
  ź: "z'",
  ŭ: "v",
  ǔ: "v",
  ń: "n'",
  ł: "l",
  ĺ: "l'",
  ľ: "l'",
  ŝ: "SC",
  â: "ja",
  ǎ: "ja",
  û: "ju",
  ë: "jo",
  ě: "je",
  ì: "i",
  è: "e",
  "’": "'",
  ʼ: "'",
  ʹ: "'",
  ʻ: "'",
  "`": "'",
  "´": "'",
  "‘": "'",
  ʺ: "",
};
const NOT_INTERNAL_RE = /[^a-zCSZ']/g;

const DZ_RE = /dz/g;
const TS_RE = /ts/g;
const VOWEL_U_RE = /([aeo])u/g;
const GLIDE_RE = /[ijy]+(?=[aeou])/g;
const SOFT_RE = /'/g;
const JY_RE = /[jy]/g;
const I_RUN_RE = /i{2,}/g;
const H_RE = /h/g;
const EO_RE = /[eo]/g;
const DOUBLE_CONSONANT_RE = /([^aiu])\1+/g;
const OUT_RE = /[CSZ]/g;
const OUT_MAP: Readonly<Record<string, string>> = { C: "ch", S: "sh", Z: "zh" };

function cyrillicToInternal(s: string): string {
  let out = "";
  for (const ch of s) {
    const cyr = CYR_MAP[ch] ?? CYR_MAP[HOMOGLYPHS[ch] ?? ""];
    if (cyr !== undefined) out += cyr;
    else if (APOSTROPHE_CHARS.has(ch)) out += "'";
    // other letters (foreign scripts) are dropped
  }
  return out;
}

function latinToInternal(input: string): string {
  let s = input;
  const polish = s.includes("cz") || s.includes("sz");
  if (polish) s = s.replace(POLISH_RE, (m) => POLISH_MAP[m] ?? m);
  const lacinka = polish || LACINKA_MARK_RE.test(s) || LONE_C_RE.test(s);
  s = s.replace(SHCH_RE, "SC");
  if (!polish) s = s.replace(GERMAN_RE, (m) => (m === "tsch" ? "C" : "S"));
  s = lacinka ? s.replace(CH_RE, "h") : s.replace(TCH_RE, "C");
  s = s
    .replace(ZH_RE, "Z")
    .replace(KH_RE, "h")
    .replace(SH_RE, "S")
    .replace(X_RE, "ks")
    .replace(Q_RE, "k")
    .replace(PH_RE, "f")
    .replace(CT_RE, "kt")
    .replace(LATIN_SPECIAL_RE, (m) => LATIN_SPECIAL[m] ?? "");
  // Any other accented letter (é, á, ö, ü ...) loses its mark.
  s = s.normalize("NFD").replace(COMBINING_RE, "");
  return s.replace(C_RE, "t").replace(W_RE, "v").replace(NOT_INTERNAL_RE, "");
}

function collapse(internal: string): string {
  return internal
    .replace(DZ_RE, "d")
    .replace(TS_RE, "t")
    .replace(VOWEL_U_RE, "$1v")
    .replace(GLIDE_RE, "")
    .replace(SOFT_RE, "")
    .replace(JY_RE, "i")
    .replace(I_RUN_RE, "i")
    .replace(H_RE, "g")
    .replace(EO_RE, "a")
    .replace(DOUBLE_CONSONANT_RE, "$1")
    .replace(OUT_RE, (m) => OUT_MAP[m] ?? m);
}

const SKELETON_CACHE = new Map<string, string>();
const SKELETON_CACHE_LIMIT = 50_000;

/** A script-independent phonetic skeleton of ONE word (spaces and hyphens are ignored). */
export function tokenSkeleton(word: string): string {
  const cached = SKELETON_CACHE.get(word);
  if (cached !== undefined) return cached;
  const s = word.normalize("NFC").toLowerCase().replace(KEEP_LETTERS_RE, "");
  const result = s ? collapse(CYRILLIC_RE.test(s) ? cyrillicToInternal(s) : latinToInternal(s)) : "";
  if (SKELETON_CACHE.size >= SKELETON_CACHE_LIMIT) SKELETON_CACHE.clear();
  SKELETON_CACHE.set(word, result);
  return result;
}

const FLAT_RE = /sh|zh|ch/g;
const FLAT: Readonly<Record<string, string>> = { sh: "s", zh: "z", ch: "t" };

/**
 * The skeleton first, then the skeletons of readings that lose information:
 * ш ж ч written s z c (Łacinka without diacritics) and, for a Latin word with
 * an "x", x read as х (GOST 7.79 system B).
 */
function skeletonVariants(word: string): string[] {
  const primary = tokenSkeleton(word);
  if (!primary) return [];
  const out = new Set([primary]);
  const lower = word.toLowerCase();
  if (lower.includes("x") && !CYRILLIC_RE.test(lower)) {
    const gost = tokenSkeleton(lower.replace(X_RE, "h"));
    if (gost) out.add(gost);
  }
  for (const sk of [...out]) out.add(sk.replace(FLAT_RE, (m) => FLAT[m] ?? m));
  return [...out];
}

// ---------------------------------------------------------------------------
// given names

function lookupForm(text: string): string {
  return normalizeExact(text).replace(/ /g, "");
}

/** Exact spelling (normalized) → group key; skeleton → group key (null when ambiguous). */
const GIVEN_BY_FORM = new Map<string, string>();
const GIVEN_BY_SKELETON = new Map<string, string | null>();
/** Every group key, in dictionary order (exported for tests and diagnostics). */
export const GIVEN_NAME_KEYS: readonly string[] = (() => {
  const keys: string[] = [];
  const skeletonCandidates = new Map<string, Set<string>>();
  for (const group of GIVEN_NAME_GROUPS) {
    const canonical = group[0];
    if (!canonical) continue;
    const key = GIVEN_NAME_KEY_OVERRIDES[canonical] ?? tokenSkeleton(canonical);
    keys.push(key);
    for (const form of group) {
      const f = lookupForm(form);
      if (f && !GIVEN_BY_FORM.has(f)) GIVEN_BY_FORM.set(f, key);
      const sk = tokenSkeleton(form);
      if (!sk) continue;
      let set = skeletonCandidates.get(sk);
      if (!set) skeletonCandidates.set(sk, (set = new Set()));
      set.add(key);
    }
  }
  for (const [sk, set] of skeletonCandidates) {
    if (set.size === 1) GIVEN_BY_SKELETON.set(sk, [...set][0] ?? null);
    else GIVEN_BY_SKELETON.set(sk, set.has(sk) ? sk : null); // e.g. "ana": Анна wins over Яна
  }
  return keys;
})();

/** Short form (spelling, and skeleton) → the group keys of the names it stands for. */
const DIMINUTIVE_BY_FORM = new Map<string, string[]>();
const DIMINUTIVE_BY_SKELETON = new Map<string, string[]>();
for (const [short, fullNames] of Object.entries(DIMINUTIVES)) {
  const keys = fullNames.map((n) => GIVEN_BY_FORM.get(lookupForm(n))).filter((k): k is string => k !== undefined);
  if (keys.length === 0) continue;
  DIMINUTIVE_BY_FORM.set(lookupForm(short), keys);
  const sk = tokenSkeleton(short);
  if (sk && !GIVEN_BY_SKELETON.get(sk)) DIMINUTIVE_BY_SKELETON.set(sk, keys);
}

/** The group keys a short form stands for ("Саша": Александр and Александра), or []. */
function diminutiveKeys(givenName: string): string[] {
  return DIMINUTIVE_BY_FORM.get(lookupForm(givenName)) ?? DIMINUTIVE_BY_SKELETON.get(tokenSkeleton(givenName)) ?? [];
}

/**
 * The group key of a known given name (by spelling, then by skeleton and its
 * variants, then a short form that stands for one name: "Маша" → Мария), or null.
 */
export function knownGivenNameKey(givenName: string): string | null {
  const form = lookupForm(givenName);
  if (!form) return null;
  const byForm = GIVEN_BY_FORM.get(form);
  if (byForm !== undefined) return byForm;
  for (const sk of skeletonVariants(givenName)) {
    const key = GIVEN_BY_SKELETON.get(sk);
    if (key) return key;
  }
  const short = diminutiveKeys(givenName);
  return short.length === 1 ? (short[0] ?? null) : null;
}

/** Every given-name key a word may stand for: its own group and the names of a short form. */
function givenNameKeys(word: string): string[] {
  const keys = new Set<string>();
  const known = knownGivenNameKey(word);
  if (known) keys.add(known);
  for (const k of diminutiveKeys(word)) keys.add(k);
  return [...keys];
}

/** Canonical key of a given name: Belarusian and Russian forms of one name share it; unknown names → tokenSkeleton. */
export function givenNameKey(givenName: string): string {
  return knownGivenNameKey(givenName) ?? tokenSkeleton(givenName);
}

// ---------------------------------------------------------------------------
// keys

function words(text: string): string[] {
  const n = normalizeExact(text);
  return n ? n.split(" ") : [];
}

/** Keys to store for one spelling of a person (search and de-duplication). */
export function nameMatchKeys(name: PersonName): string[] {
  const surname = name.surname ?? "";
  const given = name.givenName ?? "";
  const patronymic = name.patronymic ?? "";
  const keys = new Set<string>();

  const forward = normalizeExact(`${surname} ${given} ${patronymic}`);
  if (forward) keys.add(`exact:${forward}`);
  const backward = normalizeExact(`${given} ${patronymic} ${surname}`);
  if (backward) keys.add(`exact:${backward}`);

  for (const part of [surname, given, patronymic]) {
    const ws = words(part);
    for (const w of ws) for (const sk of skeletonVariants(w)) keys.add(`token:${sk}`);
    if (ws.length > 1) {
      const whole = tokenSkeleton(part);
      if (whole) keys.add(`token:${whole}`);
    }
  }
  const givenKey = givenNameKey(given);
  if (givenKey) keys.add(`token:${givenKey}`);
  for (const k of givenNameKeys(given)) keys.add(`token:${k}`);

  const person = personMatchKey(name);
  if (person) keys.add(`person:${person}`);
  return [...keys];
}

/** The "person:" key of nameMatchKeys alone (surname skeleton | given-name key), or null. */
export function personMatchKey(name: PersonName): string | null {
  const surnameSkeleton = tokenSkeleton(name.surname ?? "");
  const givenKey = givenNameKey(name.givenName ?? "");
  return surnameSkeleton && givenKey ? `${surnameSkeleton}|${givenKey}` : null;
}

/** Keys for a free-text search query: the exact form, and per word the acceptable "token:" keys. */
export function queryKeys(query: string): { exact: string; tokens: string[][] } {
  const exact = normalizeExact(query);
  const tokens: string[][] = [];
  for (const w of exact ? exact.split(" ") : []) {
    const options = new Set<string>();
    for (const sk of skeletonVariants(w)) options.add(`token:${sk}`);
    for (const k of givenNameKeys(w)) options.add(`token:${k}`);
    if (options.size > 0) tokens.push([...options]);
  }
  return { exact, tokens };
}

// ---------------------------------------------------------------------------
// fuzzy

/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length < b.length) [a, b] = [b, a];
  const row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Whether two skeletons are close enough to offer as a fuzzy match (press
 * misspellings such as "Lihor" for "Ryhor"): equal below 4 characters,
 * one edit from 4, two edits from 8.
 */
export function skeletonsNear(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b) <= allowed;
}

// ---------------------------------------------------------------------------
// script and splitting

const BE_LETTER_RE = /[іўІЎ]/;
const RU_LETTER_RE = /[иИщЩъЪ]/;
const BE_PATTERN_RE = /дз[ьеёюяі]|ц[ьеёюяі]|шч|[бвгджзклмнпрстфхцчш]э|[а-яёіў]['’ʼ][еёюяі]/i;

/** Which script a name is in. */
export function detectScript(text: string): NameScript {
  if (!CYRILLIC_RE.test(text)) return "latin";
  if (BE_LETTER_RE.test(text)) return "cyrillic_be";
  if (RU_LETTER_RE.test(text)) return "cyrillic_ru";
  if (BE_PATTERN_RE.test(text)) return "cyrillic_be";
  return "cyrillic_ru";
}

const PATRONYMIC_RE =
  /(?:вич|віч|вна|ўна|ична|ічна|инична|оглы|кызы|vich|vič|vitch|ovna|evna|avna|aŭna|auna|ivna|ichna|ična)$/i;

function isPatronymicShaped(word: string): boolean {
  return PATRONYMIC_RE.test(word);
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

function isGivenName(word: string): boolean {
  return knownGivenNameKey(word) !== null;
}

/**
 * Parses a full-name cell. "Surname, Given [Patronymic]" is explicit. Otherwise:
 * 3 words → surname given patronymic (unless the first word is a known given name and
 * the second looks like a patronymic: "Рыгор Іванавіч Кастусёў" → given patronymic surname);
 * 2 words → Cyrillic "Surname Given", Latin "Given Surname"; an ALL-CAPS word, or a
 * known given name standing where the surname is expected (and the other word not
 * a given name), reverses that.
 */
export function splitFullName(full: string): PersonName | null {
  const cleaned = full.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!cleaned) return null;

  const comma = cleaned.indexOf(",");
  if (comma >= 0) {
    const surname = cleaned.slice(0, comma).trim();
    const rest = cleaned
      .slice(comma + 1)
      .replace(/,/g, " ")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (!surname) return null;
    return { surname, givenName: rest[0] ?? "", patronymic: rest.slice(1).join(" ") || null };
  }

  const ws = cleaned.split(" ");
  const cyrillic = CYRILLIC_RE.test(cleaned);
  const [w0 = "", w1 = "", w2 = ""] = ws;
  if (ws.length === 1) return { surname: w0, givenName: "", patronymic: null };

  if (ws.length === 2) {
    let surnameFirst = cyrillic;
    if (isAllCaps(w0) !== isAllCaps(w1)) surnameFirst = isAllCaps(w0);
    else if (cyrillic && isGivenName(w0) && !isGivenName(w1)) surnameFirst = false;
    else if (!cyrillic && isGivenName(w1) && !isGivenName(w0)) surnameFirst = true;
    return surnameFirst
      ? { surname: w0, givenName: w1, patronymic: null }
      : { surname: w1, givenName: w0, patronymic: null };
  }

  if (ws.length === 3) {
    if (isPatronymicShaped(w1) && isGivenName(w0) && !isGivenName(w1)) {
      return { surname: w2, givenName: w0, patronymic: w1 };
    }
    return { surname: w0, givenName: w1, patronymic: w2 };
  }

  // 4+ words: Cyrillic registries keep surname first; Latin writes it last.
  if (cyrillic) return { surname: w0, givenName: w1, patronymic: ws.slice(2).join(" ") };
  return {
    surname: ws[ws.length - 1] ?? "",
    givenName: w0,
    patronymic: ws.slice(1, -1).join(" ") || null,
  };
}
