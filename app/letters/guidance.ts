/**
 * Letter guidance: what a censor in a Belarusian or Russian prison is likely
 * to stop. Pure (no I/O): runs in the browser on every keystroke and on the
 * server before sending. Tables are built once at module load; a risk phrase
 * list is compiled once per array (memoised by identity: pass a stable array).
 *
 * Text normalisation (positions always refer to the original text):
 *  - lower case; ё → е and ў → у for phrase matching (not for language detection);
 *  - combining marks (stress accents), soft hyphens and zero-width characters
 *    are skipped; decomposed letters (и + U+0306) are composed first;
 *  - apostrophes (' ’ ʼ ‘ ` ´ ʹ) between two letters are one word-internal
 *    apostrophe (Belarusian "сям'я"); elsewhere they separate words;
 *  - Latin look-alikes (a c e o p x y i k m t h b) inside a mostly Cyrillic
 *    word are read as Cyrillic ("Прывiтанне" typed with a Latin i).
 *
 * Risk phrases: each entry is matched case-insensitively at the START of a
 * word and as a STEM ("свобод" matches "свободы", "Свободу"; "суд" does not
 * match "посуда"). Multi-word entries: every word but the last must be a whole
 * word, the last one is a stem; any non-letters may separate the words
 * ("Верым, можам, пераможам!"). An entry written in CAPITALS ("ЕС", "СВО",
 * "КГБ") matches whole words only, so "ЕС" does not match "если". Matches do
 * not overlap; at one position the longest entry wins; a match covers the
 * whole last word ("Свободу", not "Свобод").
 *
 * Language detection (letters only, digits and punctuation ignored):
 *  - fewer than MIN_LETTERS_FOR_LANGUAGE letters: "unknown";
 *  - not mostly Cyrillic (Latin, Greek, ...): "other";
 *  - Cyrillic: each candidate alphabet (Russian, Belarusian, Ukrainian,
 *    Bulgarian, Serbian/Macedonian) costs 2 per letter it cannot explain
 *    (Russian: і ў ї є ґ, a word-internal apostrophe, ъ not before е ё ю я;
 *    Belarusian: и щ ъ ї є ґ; Ukrainian: ё ъ ы э ў; ...) minus 1 per frequent
 *    word of that language. The cheapest wins: ru, be, or "other". A tie
 *    between Russian and Belarusian is "unknown"; a tie between one of them
 *    and Ukrainian/Bulgarian/Serbian goes to Russian or Belarusian (letters
 *    in a Russian or Belarusian prison context). Letters of other
 *    Cyrillic alphabets (Kazakh ә ң қ ...) above 2 % make it "other".
 *  "unknown" gives no language warning (too short to say).
 */

import { unprintableCharacters } from "./printable.ts";

export type LetterLanguage = "ru" | "be" | "other" | "unknown";

export interface RiskPhrase {
  phrase: string;
  language: "ru" | "be" | "en" | "any";
  category:
    "politics" | "war" | "case" | "freedom" | "fight" | "slogan" | "cipher" | "abbreviation" | "insult" | "other";
  /**
   * Everyday words the stem would otherwise flag. Each exception starts with
   * the phrase and may go on with more words; a word ending in "*" is a word
   * beginning, any other word is a whole word: "судьб*" (судьба, судьбы),
   * "стать" (the verb, not "статья"), "свободн* врем*" (свободное время,
   * свободного времени).
   */
  except?: string[];
  /** Texts this entry must flag (run by riskTableProblems and the unit test). */
  catches?: string[];
  /** Texts that no entry of the list may flag. */
  spares?: string[];
}

export interface RiskMatch {
  start: number;
  end: number;
  text: string;
  phrase: string;
  category: RiskPhrase["category"];
}

export interface Guidance {
  /** Detected language of the text. */
  language: LetterLanguage;
  /** Latin-script words inside a mostly Cyrillic text (empty when the text is not mostly Cyrillic). */
  latinWords: { start: number; end: number; text: string }[];
  /** Phrase-list matches, in text order, not overlapping. */
  risks: RiskMatch[];
  /** Characters the PDF font cannot draw (emoji, rare symbols): they would not be printed. */
  unprintable: { start: number; end: number; text: string }[];
  /** characters: Unicode code points of the trimmed text (CRLF counts as one); words: whitespace-separated chunks with a letter or digit. */
  length: { characters: number; words: number; limit: number | null; over: boolean; tooLong: boolean };
  /** Ordered: language, latinWords, latinSignature, risk, unprintable, postcardTooLong, letterLong; or only "empty". */
  warnings: GuidanceWarning[];
}

export type GuidanceWarning =
  | { code: "language"; detected: LetterLanguage }
  | { code: "latinWords"; count: number }
  | { code: "latinSignature"; signature: string }
  | { code: "risk"; count: number }
  | { code: "unprintable"; count: number }
  | { code: "postcardTooLong"; limit: number; characters: number }
  | { code: "letterLong"; characters: number }
  | { code: "empty" };

export const POSTCARD_CHARACTER_LIMIT = 500;
/** Letters above this many characters get the "letterLong" advice. */
export const LETTER_LONG_CHARACTERS = 3000;
/** Below this many letters the language is "unknown". */
export const MIN_LETTERS_FOR_LANGUAGE = 6;

/** Languages a prison in the country accepts. */
export function acceptedLanguages(country: "BY" | "RU"): LetterLanguage[] {
  return country === "RU" ? ["ru"] : ["ru", "be"];
}

// ---------------------------------------------------------------------------
// Normalisation

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}']*/gu;
const LETTER_RE = /\p{L}/u;
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const APOSTROPHES = new Set(["'", "\u2019", "\u02bc", "\u2018", "`", "\u00b4", "\u02b9"]);
const HOMOGLYPHS: Record<string, string> = {
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

/** Skipped characters: combining marks, soft hyphen, zero-width characters, BOM. */
function isIgnorable(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x483 && c <= 0x489) ||
    c === 0xad ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2060 ||
    c === 0xfeff
  );
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

function isCyrillic(c: number): boolean {
  return c >= 0x400 && c <= 0x52f;
}

interface Normalized {
  /** Lower case, ignorables skipped, apostrophes unified, homoglyphs fixed; ё and ў kept. */
  base: string;
  /** base with ё → е and ў → у. */
  match: string;
  /** For each index of base/match, the index in the original text. */
  map: number[];
}

function lowerCaseSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const l = text[i].toLowerCase();
    out += l.length === 1 ? l : text[i];
  }
  return out;
}

function fixHomoglyphs(token: string): string {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isCyrillic(c)) cyrillic++;
    else if (isLatinLetter(c)) latin++;
  }
  if (latin === 0 || cyrillic === 0 || cyrillic < latin) return token;
  let out = "";
  for (const ch of token) out += HOMOGLYPHS[ch] ?? ch;
  return out.length === token.length ? out : token;
}

function normalize(text: string): Normalized {
  const lower = lowerCaseSameLength(text);
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isIgnorable(c)) {
      // A decomposed letter (и + breve, е + diaeresis) becomes one letter.
      if (out.length > 0 && c >= 0x300 && c <= 0x36f) {
        const composed = (out[out.length - 1] + lower[i]).normalize("NFC");
        if (composed.length === 1) out[out.length - 1] = composed;
      }
      continue;
    }
    let ch = lower[i];
    if (APOSTROPHES.has(ch)) {
      const before = out.length > 0 && LETTER_RE.test(out[out.length - 1]);
      let j = i + 1;
      while (j < lower.length && isIgnorable(lower.charCodeAt(j))) j++;
      const after = j < lower.length && LETTER_RE.test(lower[j]);
      ch = before && after ? "'" : " ";
    }
    out.push(ch);
    map.push(i);
  }
  const base = out.join("").replace(TOKEN_RE, fixHomoglyphs);
  const match = base.replace(/[ёў]/g, (ch) => (ch === "ё" ? "е" : "у"));
  return { base, match, map };
}

/** Original [start, end) of a normalised range, including trailing skipped characters. */
function originalRange(text: string, map: number[], start: number, end: number): [number, number] {
  const s = map[start];
  let e = map[end - 1] + 1;
  while (e < text.length && isIgnorable(text.charCodeAt(e))) e++;
  return [s, e];
}

// ---------------------------------------------------------------------------
// Language detection

const RU = 0;
const BE = 1;
const UK = 2;
const BG = 3;
const SR = 4;
const CANDIDATES = [RU, BE, UK, BG, SR];

const ALPHABETS: Record<number, string> = {
  [RU]: "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
  [BE]: "абвгдеёжзійклмнопрстуўфхцчшыьэюя'",
  [UK]: "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
  [BG]: "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
  [SR]: "абвгдђѓежзѕијклљмнњопрстћќуфхцчџшѐѝ",
};

const FREQUENT_WORDS: Record<number, string> = {
  [RU]: "и в не на я что с со он а как это по но они к у же вы за бы от так мы его мне было вот меня еще ещё нет о об из ему теперь когда даже ну вдруг ли если уже или ни быть был была него до вас нибудь опять уж вам ведь там потом себя ничего ей может тут где есть надо ней для тебя тебе их чем сейчас здесь всё все очень тоже только хорошо спасибо здравствуйте привет дорогой дорогая пишу желаю надеюсь жду сегодня дела году ваш ваше ваши твой всего чтобы который которые много здоровья этом этот эта эти мой моя часто всегда",
  [BE]: "і й ў у не на я што з са ён а як гэта па але яны да ж жа вы за б бы ад так мы яго мне было вось мяне яшчэ няма пра яму цяпер калі нават ну раптам ці ужо ўжо або ні быць быў была вас небудзь зноў вам бо там потым сябе нічога ёй можа тут дзе ёсць трэба для цябе табе іх чым зараз усё ўсё усе ўсе вельмі таксама толькі добра дзякуй добры дзень прывітанне дарагі дарагая пішу жадаю спадзяюся чакаю сёння справы годзе ваш ваша вашы твой усяго каб які якія шмат здароўя гэтым гэты гэтая гэтыя вітаю мой мая часта заўсёды",
  [UK]: "і й в у не на я що з із зі він а як це по але вони до ж же ви за б би від так ми його мені було ось мене ще немає про йому тепер коли навіть ну раптом чи вже або ні бути був була вас небудь знову вам бо там потім себе нічого їй може тут де є треба для тебе тобі їх чим зараз все усе дуже також тільки добре дякую добрий день привіт дорогий дорога пишу бажаю сподіваюся чекаю сьогодні справи році ваш ваша твій всього щоб який які багато здоров'я цьому цей ця ці та мій моя часто завжди",
  [BG]: "и в не на аз че с със той а как това по но те към у за би от така ние го ми беше ето мен още няма или ни да се е са съм си ще какво много здравей здравейте благодаря днес сега тук къде защото който която които когато само също добре обичам поздрави",
  [SR]: "и у не на ја шта што је са он а како ово по али они да се сам си смо сте су за од тако ми њега мени било здраво хвала благодарам денес сега тука каде зашто који која које кога само исто добро мој моја јас тоа многу поздрав",
};

const EXPLAINED = new Map<string, number>();
for (const lang of CANDIDATES) {
  for (const ch of ALPHABETS[lang]) EXPLAINED.set(ch, (EXPLAINED.get(ch) ?? 0) | (1 << lang));
}
const WORD_LANGUAGES = new Map<string, number>();
for (const lang of CANDIDATES) {
  for (const word of FREQUENT_WORDS[lang].split(" "))
    WORD_LANGUAGES.set(word, (WORD_LANGUAGES.get(word) ?? 0) | (1 << lang));
}
const ALL_MASK = CANDIDATES.reduce((mask, lang) => mask | (1 << lang), 0);
const VOWELS_AFTER_HARD_SIGN = "еёюя";

interface Scan {
  language: LetterLanguage;
  mostlyCyrillic: boolean;
  /** Normalised [start, end) of Latin-script words. */
  latinWords: [number, number][];
}

function scan(base: string): Scan {
  let latinLetters = 0;
  let cyrillicLetters = 0;
  let otherLetters = 0;
  let foreign = 0;
  const unexplained = [0, 0, 0, 0, 0];
  const hits = [0, 0, 0, 0, 0];
  const latinWords: [number, number][] = [];
  for (const m of base.matchAll(TOKEN_RE)) {
    const token = m[0];
    let latin = 0;
    let cyrillic = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      if (isLatinLetter(c)) {
        latin++;
        continue;
      }
      const ch = token[i];
      let mask: number;
      if (isCyrillic(c)) {
        cyrillic++;
        mask = EXPLAINED.get(ch) ?? 0;
        if (mask === 0) foreign++;
        if (ch === "ъ" && !VOWELS_AFTER_HARD_SIGN.includes(token[i + 1] ?? "")) mask &= ~(1 << RU);
      } else if (ch === "'") {
        if (cyrillic === 0) continue;
        mask = EXPLAINED.get(ch) ?? 0;
      } else {
        if (!(c >= 0x30 && c <= 0x39)) otherLetters++;
        continue;
      }
      if (mask !== ALL_MASK) for (const lang of CANDIDATES) if (!(mask & (1 << lang))) unexplained[lang]++;
    }
    latinLetters += latin;
    cyrillicLetters += cyrillic;
    if (latin > cyrillic) latinWords.push([m.index, m.index + token.length]);
    else if (cyrillic > 0) {
      const mask = WORD_LANGUAGES.get(token);
      if (mask) for (const lang of CANDIDATES) if (mask & (1 << lang)) hits[lang]++;
    }
  }
  const letters = latinLetters + cyrillicLetters + otherLetters;
  const mostlyCyrillic = cyrillicLetters * 2 > letters;
  let language: LetterLanguage;
  if (letters < MIN_LETTERS_FOR_LANGUAGE) language = "unknown";
  else if (!mostlyCyrillic) language = "other";
  else if (foreign >= 2 && foreign * 50 >= cyrillicLetters) language = "other";
  else {
    const costs = CANDIDATES.map((lang) => 2 * unexplained[lang] - hits[lang]);
    const best = Math.min(...costs);
    const tied = CANDIDATES.filter((lang) => costs[lang] === best);
    const has = (lang: number) => tied.includes(lang);
    if (has(RU) && has(BE)) language = "unknown";
    else if (has(RU)) language = "ru";
    else if (has(BE)) language = "be";
    else language = "other";
  }
  return { language, mostlyCyrillic, latinWords: mostlyCyrillic ? latinWords : [] };
}

/** The detected language of a text (see the module comment). */
export function detectLanguage(text: string): LetterLanguage {
  return scan(normalize(text).base).language;
}

// ---------------------------------------------------------------------------
// Risk phrases

interface CompiledPhrases {
  regex: RegExp | null;
  /** Phrase for capture group i + 1. */
  phrases: RiskPhrase[];
  firstChars: Set<string>;
}

const compiledCache = new WeakMap<readonly RiskPhrase[], CompiledPhrases>();
const WORD_END = "(?![\\p{L}\\p{N}'])";
const STEM_REST = "[\\p{L}\\p{N}']*";
const SEPARATOR = "[^\\p{L}\\p{N}']+";

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A negative look-ahead, placed right after a phrase's last stem, for its exceptions (see RiskPhrase.except). */
function exceptionLookahead(words: string[], except: readonly string[] | undefined): string {
  if (!except || except.length === 0) return "";
  const alternatives: string[] = [];
  for (const raw of except) {
    const tokens = [...normalize(raw).match.matchAll(/[\p{L}\p{N}']+\*?/gu)].map((m) => m[0]);
    if (tokens.length < words.length) continue;
    const head = tokens.slice(0, words.length).map((t) => t.replace(/\*$/, ""));
    const last = words.length - 1;
    if (head.slice(0, last).join(" ") !== words.slice(0, last).join(" ") || !head[last].startsWith(words[last]))
      continue;
    let pattern = "";
    tokens.slice(last).forEach((token, i) => {
      const stem = token.endsWith("*");
      const word = token.replace(/\*$/, "");
      if (i > 0) pattern += SEPARATOR;
      pattern += escapeRegex(i === 0 ? word.slice(words[last].length) : word) + (stem ? STEM_REST : WORD_END);
    });
    alternatives.push(pattern);
  }
  return alternatives.length > 0 ? `(?!${alternatives.join("|")})` : "";
}

function compile(list: readonly RiskPhrase[]): CompiledPhrases {
  const cached = compiledCache.get(list);
  if (cached) return cached;
  const seen = new Set<string>();
  const entries: { pattern: string; size: number; order: number; phrase: RiskPhrase; first: string }[] = [];
  list.forEach((phrase, order) => {
    const words = normalize(phrase.phrase).match.match(TOKEN_RE);
    if (!words) return;
    const exact = phrase.phrase === phrase.phrase.toUpperCase() && phrase.phrase !== phrase.phrase.toLowerCase();
    const key = `${exact ? "=" : "~"}${words.join(" ")}`;
    if (seen.has(key)) return;
    seen.add(key);
    const lookahead = exact ? "" : exceptionLookahead(words, phrase.except);
    const pattern = words
      .map((w, i) => escapeRegex(w) + (exact || i < words.length - 1 ? WORD_END : lookahead + STEM_REST))
      .join(SEPARATOR);
    entries.push({ pattern, size: words.join(" ").length, order, phrase, first: words[0][0] });
  });
  entries.sort((a, b) => b.size - a.size || a.order - b.order);
  const compiled: CompiledPhrases = {
    regex: entries.length > 0 ? new RegExp(entries.map((e) => `(${e.pattern})`).join("|"), "uy") : null,
    phrases: entries.map((e) => e.phrase),
    firstChars: new Set(entries.map((e) => e.first)),
  };
  compiledCache.set(list, compiled);
  return compiled;
}

function findRisks(text: string, norm: Normalized, list: readonly RiskPhrase[]): RiskMatch[] {
  const { regex, phrases, firstChars } = compile(list);
  if (!regex) return [];
  const risks: RiskMatch[] = [];
  const match = norm.match;
  let consumed = 0;
  for (const token of match.matchAll(TOKEN_RE)) {
    const start = token.index;
    if (start < consumed || !firstChars.has(match[start])) continue;
    regex.lastIndex = start;
    const found = regex.exec(match);
    if (!found) continue;
    let group = 1;
    while (found[group] === undefined) group++;
    const phrase = phrases[group - 1];
    const end = start + found[0].length;
    consumed = end;
    const [s, e] = originalRange(text, norm.map, start, end);
    risks.push({ start: s, end: e, text: text.slice(s, e), phrase: phrase.phrase, category: phrase.category });
  }
  return risks;
}

const languageCache = new WeakMap<readonly RiskPhrase[], Map<LetterLanguage, RiskPhrase[]>>();

/** The entries that apply to a letter in this language: Russian entries are not applied to Belarusian letters and the other way round. */
function phrasesFor(list: readonly RiskPhrase[], language: LetterLanguage): readonly RiskPhrase[] {
  if (language !== "ru" && language !== "be") return list;
  let byLanguage = languageCache.get(list);
  if (!byLanguage) {
    byLanguage = new Map();
    languageCache.set(list, byLanguage);
  }
  let filtered = byLanguage.get(language);
  if (!filtered) {
    const skip = language === "ru" ? "be" : "ru";
    filtered = list.filter((p) => p.language !== skip);
    byLanguage.set(language, filtered);
  }
  return filtered;
}

/** Risk-phrase matches in a text (the same matching and language rule analyzeLetter uses). */
export function findRiskPhrases(text: string, list: readonly RiskPhrase[]): RiskMatch[] {
  const norm = normalize(text);
  return findRisks(text, norm, phrasesFor(list, scan(norm.base).language));
}

export interface RiskTableProblem {
  phrase: string;
  language: RiskPhrase["language"];
  example: string;
  /** missed: the entry does not flag its own "catches" example; flagged: a "spares" example is flagged (by the entry in `by`). */
  problem: "missed" | "flagged";
  by?: string;
}

/**
 * Runs the table: every "catches" example must be flagged by its own entry,
 * every "spares" example must be flagged by no entry of the whole list.
 */
export function riskTableProblems(list: readonly RiskPhrase[]): RiskTableProblem[] {
  const problems: RiskTableProblem[] = [];
  for (const entry of list) {
    const alone = [entry];
    for (const example of entry.catches ?? []) {
      if (findRisks(example, normalize(example), alone).length === 0)
        problems.push({ phrase: entry.phrase, language: entry.language, example, problem: "missed" });
    }
    for (const example of entry.spares ?? []) {
      const found = findRiskPhrases(example, list);
      if (found.length > 0)
        problems.push({
          phrase: entry.phrase,
          language: entry.language,
          example,
          problem: "flagged",
          by: found[0].phrase,
        });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Length

function countCodePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = s.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) n--;
    }
  }
  return n;
}

function countWords(s: string): number {
  let words = 0;
  for (const chunk of s.matchAll(/\S+/g)) if (WORD_CHAR_RE.test(chunk[0])) words++;
  return words;
}

// ---------------------------------------------------------------------------

/**
 * `signature` is the name printed under the letter (the writer's pseudonym):
 * a Latin-script signature under a Cyrillic letter is a foreign word the
 * censor sees like any other ("latinSignature").
 */
export function analyzeLetter(input: {
  text: string;
  kind: "letter" | "postcard";
  country: "BY" | "RU";
  riskPhrases: readonly RiskPhrase[];
  signature?: string | null;
}): Guidance {
  const { text, kind, country, riskPhrases } = input;
  const norm = normalize(text);
  const scanned = scan(norm.base);
  const latinWords = scanned.latinWords.map(([start, end]) => {
    const [s, e] = originalRange(text, norm.map, start, end);
    return { start: s, end: e, text: text.slice(s, e) };
  });
  const risks = findRisks(text, norm, phrasesFor(riskPhrases, scanned.language));
  const unprintable = unprintableCharacters(text);

  const characters = countCodePoints(text.trim().replace(/\r\n/g, "\n"));
  const words = countWords(text);
  const limit = kind === "postcard" ? POSTCARD_CHARACTER_LIMIT : null;
  const over = limit !== null && characters > limit;
  const tooLong = kind === "letter" && characters > LETTER_LONG_CHARACTERS;

  const warnings: GuidanceWarning[] = [];
  if (words === 0) {
    warnings.push({ code: "empty" });
  } else {
    const language = scanned.language;
    if (language === "other" || (language !== "unknown" && !acceptedLanguages(country).includes(language))) {
      warnings.push({ code: "language", detected: language });
    }
    if (latinWords.length > 0) warnings.push({ code: "latinWords", count: latinWords.length });
    const signatureLatin = (input.signature ?? "").match(/[A-Za-z\u00c0-\u024f]+/g);
    if (signatureLatin && scanned.mostlyCyrillic)
      warnings.push({ code: "latinSignature", signature: (input.signature ?? "").trim() });
    if (risks.length > 0) warnings.push({ code: "risk", count: risks.length });
    if (unprintable.length > 0) warnings.push({ code: "unprintable", count: unprintable.length });
    if (over && limit !== null) warnings.push({ code: "postcardTooLong", limit, characters });
    if (tooLong) warnings.push({ code: "letterLong", characters });
  }
  return {
    language: scanned.language,
    latinWords,
    risks,
    unprintable,
    length: { characters, words, limit, over, tooLong },
    warnings,
  };
}
