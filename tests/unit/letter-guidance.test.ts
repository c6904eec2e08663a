import { describe, expect, test } from "vitest";
import {
  LETTER_LONG_CHARACTERS,
  POSTCARD_CHARACTER_LIMIT,
  analyzeLetter,
  detectLanguage,
  type Guidance,
  type RiskPhrase,
} from "#app/letters/guidance.ts";
import { DEFAULT_RISK_PHRASES } from "#app/letters/default-risk-phrases.ts";
import { DEFAULT_PHRASEBOOK } from "#app/letters/default-phrasebook.ts";
import { FONT_RANGES } from "#app/letters/font-coverage.ts";
import { printableText } from "#app/letters/printable.ts";
import { fontCoverageRanges } from "../../scripts/font-coverage-ranges.ts";

function analyze(
  text: string,
  options: { kind?: "letter" | "postcard"; country?: "BY" | "RU"; riskPhrases?: RiskPhrase[] } = {},
): Guidance {
  return analyzeLetter({
    text,
    kind: options.kind ?? "letter",
    country: options.country ?? "BY",
    riskPhrases: options.riskPhrases ?? DEFAULT_RISK_PHRASES,
  });
}

function phrases(...list: string[]): RiskPhrase[] {
  return list.map((phrase) => ({ phrase, language: "any", category: "other" }));
}

const RUSSIAN =
  "Здравствуйте! Пишу вам из Варшавы. У нас всё хорошо, дети ходят в школу. Желаю вам здоровья и терпения.";
const BELARUSIAN =
  "Добры дзень! Пішу вам з Варшавы. У нас усё добра, дзеці ходзяць у школу. Жадаю вам здароўя і цярплівасці.";

describe("language", () => {
  test.each([
    ["Russian", RUSSIAN, "ru"],
    ["Russian without и", "Как дела? У нас всё хорошо.", "ru"],
    ["Belarusian", BELARUSIAN, "be"],
    ["Belarusian without і or ў", "Добры дзень! Як справы?", "be"],
    ["Belarusian typed with a Latin i", "Прывiтанне! Як вы? Я часта думаю пра вас i чакаю лiста.", "be"],
    ["English", "Hello! I hope you are well and that my letter reaches you.", "other"],
    ["Polish", "Dzień dobry! Mam nadzieję, że wszystko u Ciebie w porządku.", "other"],
    ["Ukrainian", "Привіт! Як справи? Я дуже сумую і чекаю на твій лист.", "other"],
    ["Ukrainian without ї, є, ґ", "Привіт! Як справи? Дуже сумую за тобою.", "other"],
    ["Ukrainian with є and ї", "Доброго дня! Сподіваюся, у вас все добре. Є новини від їхньої родини.", "other"],
    ["Bulgarian", "Здравей! Как си? Надявам се, че всичко е наред при теб.", "other"],
    ["Serbian", "Здраво! Како си? Надам се да је све у реду.", "other"],
    ["mostly Latin with a Russian word", "Hello my friend, I wish you здоровья and a lot of patience.", "other"],
    ["short", "Да", "unknown"],
    ["short Latin", "Hi!", "unknown"],
    ["digits and punctuation only", "12.03.2025 — 15:00", "unknown"],
    ["empty", "", "unknown"],
  ])("%s", (_name, text, expected) => {
    expect(analyze(text).language).toBe(expected);
    expect(detectLanguage(text)).toBe(expected);
  });

  test("a Russian text with a Belarusian word stays Russian, and the other way round", () => {
    expect(analyze(`${RUSSIAN} Дзякуй!`).language).toBe("ru");
    expect(analyze(`${BELARUSIAN} Спасибо!`).language).toBe("be");
  });

  test("Belarus accepts Russian and Belarusian; other languages get a warning", () => {
    expect(analyze(RUSSIAN).warnings).toEqual([]);
    expect(analyze(BELARUSIAN).warnings).toEqual([]);
    expect(analyze("Hello! I hope you are well.").warnings).toEqual([{ code: "language", detected: "other" }]);
    expect(analyze("Привіт! Як справи? Дуже сумую за тобою.").warnings).toEqual([
      { code: "language", detected: "other" },
    ]);
  });

  test("Russia accepts Russian only: Belarusian gets the language warning", () => {
    expect(analyze(RUSSIAN, { country: "RU" }).warnings).toEqual([]);
    expect(analyze(BELARUSIAN, { country: "RU" }).warnings).toEqual([{ code: "language", detected: "be" }]);
  });

  test("a text too short to tell gets no language warning", () => {
    const guidance = analyze("Hi!");
    expect(guidance.language).toBe("unknown");
    expect(guidance.warnings).toEqual([]);
  });
});

describe("Latin words", () => {
  test("are found inside a Cyrillic text, with positions", () => {
    const text = "Привет! Вчера я смотрела сериал Friends и пила coffee с молоком.";
    const guidance = analyze(text);
    expect(guidance.language).toBe("ru");
    expect(guidance.latinWords.map((w) => w.text)).toEqual(["Friends", "coffee"]);
    for (const w of guidance.latinWords) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(guidance.latinWords[0].start).toBe(text.indexOf("Friends"));
    expect(guidance.warnings).toEqual([{ code: "latinWords", count: 2 }]);
  });

  test("Polish and other Latin letters with diacritics are Latin words", () => {
    const guidance = analyze("Здравствуйте! Это Łukasz из города Łódź, пишу вам впервые.");
    expect(guidance.latinWords.map((w) => w.text)).toEqual(["Łukasz", "Łódź"]);
  });

  test("Latin look-alikes inside a Cyrillic word are not a Latin word", () => {
    // "Прывiтанне" and "лiста" with a Latin i, "Ивaнов" with a Latin a.
    const guidance = analyze("Прывiтанне! Я чакаю вашага лiста. Ивaнов");
    expect(guidance.latinWords).toEqual([]);
  });

  test("a text that is not mostly Cyrillic lists no Latin words: the language warning covers it", () => {
    const guidance = analyze("Hello my friend, I hope you are well.");
    expect(guidance.latinWords).toEqual([]);
    expect(guidance.warnings).toEqual([{ code: "language", detected: "other" }]);
  });
});

describe("risk phrases", () => {
  test("a stem matches inflected forms in any case", () => {
    const text = "Свобода, свободы, СВОБОДУ и свободой.";
    const guidance = analyze(text, { riskPhrases: phrases("свобод") });
    expect(guidance.risks.map((r) => r.text)).toEqual(["Свобода", "свободы", "СВОБОДУ", "свободой"]);
    for (const r of guidance.risks) {
      expect(text.slice(r.start, r.end)).toBe(r.text);
      expect(r.phrase).toBe("свобод");
      expect(r.category).toBe("other");
    }
  });

  test("matches at the start of a word only", () => {
    const guidance = analyze("Посуда чистая, посуду вымыли. Решение суда, в суде.", { riskPhrases: phrases("суд") });
    expect(guidance.risks.map((r) => r.text)).toEqual(["суда", "суде"]);
  });

  test("ё and е are the same letter, in the text and in the phrase", () => {
    expect(analyze("Это был намек.", { riskPhrases: phrases("намёк") }).risks.map((r) => r.text)).toEqual(["намек"]);
    expect(analyze("Никаких намёков!", { riskPhrases: phrases("намек") }).risks.map((r) => r.text)).toEqual([
      "намёков",
    ]);
  });

  test("ў and у are the same letter", () => {
    const guidance = analyze("Гэта ўлада і ўлады.", { riskPhrases: phrases("улад") });
    expect(guidance.risks.map((r) => r.text)).toEqual(["ўлада", "ўлады"]);
  });

  test("a phrase in capitals matches whole words only", () => {
    const guidance = analyze("Если есть ЕС, то ес тоже.", { riskPhrases: phrases("ЕС") });
    expect(guidance.risks.map((r) => r.text)).toEqual(["ЕС", "ес"]);
  });

  test("multi-word slogans match across punctuation and line breaks", () => {
    const text = "Жыве, Беларусь!\nА таксама: жыве\nбеларусь. Жыве наш кот.";
    const guidance = analyze(text, { riskPhrases: phrases("Жыве Беларусь") });
    expect(guidance.risks.map((r) => r.text)).toEqual(["Жыве, Беларусь", "жыве\nбеларусь"]);
    for (const r of guidance.risks) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  test("in a multi-word phrase the first words are whole words", () => {
    const guidance = analyze("Я уважаю вашу волю. Скорее на волю!", { riskPhrases: phrases("на волю") });
    expect(guidance.risks.map((r) => r.text)).toEqual(["на волю"]);
  });

  test("the longest phrase wins at a position, and matches do not overlap", () => {
    const guidance = analyze("Героям слава! Героям.", { riskPhrases: phrases("героям", "героям слава", "слава") });
    expect(guidance.risks.map((r) => [r.text, r.phrase])).toEqual([
      ["Героям слава", "героям слава"],
      ["Героям", "героям"],
    ]);
  });

  test("stress marks, soft hyphens and typographic apostrophes keep positions right", () => {
    const text = "Ах, свобо\u0301да! И сво\u00adбоды. Наша сям’я.";
    const guidance = analyze(text, { riskPhrases: phrases("свобод", "сям'я") });
    expect(guidance.risks.map((r) => r.text)).toEqual(["свобо\u0301да", "сво\u00adбоды", "сям’я"]);
    for (const r of guidance.risks) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  test("Latin look-alikes inside a Cyrillic word still match", () => {
    const guidance = analyze("Лукашенкo", { riskPhrases: phrases("Лукашенк") });
    expect(guidance.risks).toHaveLength(1);
  });

  test("positions stay right after characters whose lower case is longer", () => {
    const text = "İstanbul: свобода";
    const guidance = analyze(text, { riskPhrases: phrases("свобод") });
    expect(guidance.risks.map((r) => text.slice(r.start, r.end))).toEqual(["свобода"]);
  });

  test("an empty list, and a list changed between calls", () => {
    expect(analyze("Свобода", { riskPhrases: [] }).risks).toEqual([]);
    const list = phrases("свобод");
    expect(analyze("Свобода", { riskPhrases: list }).risks).toHaveLength(1);
    expect(analyze("Свобода", { riskPhrases: [...list, ...phrases("воля")] }).risks).toHaveLength(1);
  });

  test("the default list finds what a censor would stop, in Russian and in Belarusian", () => {
    const russian =
      "Лукашенко и режим, выборы, СВО и война, следователь, адвокат, статья, свобода, борьба, ОМОН, ИМХО, менты. Верим, можем, победим!";
    const belarusian =
      "Жыве Беларусь! Лукашэнка і рэжым, выбары, следчы, артыкул, свабода, змагары, АМАП. Верым, можам, пераможам!";
    const ru = analyze(russian);
    const be = analyze(belarusian);
    expect(ru.language).toBe("ru");
    expect(be.language).toBe("be");
    const categories = new Set([...ru.risks, ...be.risks].map((r) => r.category));
    for (const category of ["slogan", "politics", "war", "case", "freedom", "fight", "abbreviation", "insult"])
      expect(categories).toContain(category);
    expect(ru.risks.map((r) => r.text)).toEqual([
      "Лукашенко",
      "режим",
      "выборы",
      "СВО",
      "война",
      "следователь",
      "адвокат",
      "статья",
      "свобода",
      "борьба",
      "ОМОН",
      "ИМХО",
      "менты",
      "Верим, можем, победим",
    ]);
    expect(be.risks.map((r) => r.text)).toEqual([
      "Жыве Беларусь",
      "Лукашэнка",
      "рэжым",
      "выбары",
      "следчы",
      "артыкул",
      "свабода",
      "змагары",
      "АМАП",
      "Верым, можам, пераможам",
    ]);
    for (const r of ru.risks) expect(russian.slice(r.start, r.end)).toBe(r.text);
    for (const r of be.risks) expect(belarusian.slice(r.start, r.end)).toBe(r.text);
  });

  test("the default list leaves common words alone", () => {
    const text = [
      "Посуда на кухне, судьба, если есть время, свои и своё, выбор за вами.",
      "Как дела? В чём дело? Кодекс поведения, момент, ментальный, мусор вынесли.",
      "Стать врачом, статус, мыло, армянский коньяк, кот Васька.",
      "Вясна прыйшла, уладкаваць справы, свой кут, бацька і маці.",
    ].join(" ");
    expect(analyze(text).risks.map((r) => r.text)).toEqual([]);
  });

  test("every default phrase is tested by at least one example of its own", () => {
    for (const entry of DEFAULT_RISK_PHRASES) expect(entry.catches?.length ?? 0, entry.phrase).toBeGreaterThan(0);
  });
});

describe("length", () => {
  test("a postcard has a limit", () => {
    const fits = "а".repeat(POSTCARD_CHARACTER_LIMIT);
    expect(analyze(fits, { kind: "postcard" }).length).toEqual({
      characters: 500,
      words: 1,
      limit: 500,
      over: false,
      tooLong: false,
    });
    const over = `${fits}б`;
    const guidance = analyze(over, { kind: "postcard" });
    expect(guidance.length).toMatchObject({ characters: 501, limit: 500, over: true, tooLong: false });
    expect(guidance.warnings).toContainEqual({ code: "postcardTooLong", limit: 500, characters: 501 });
  });

  test("a letter has no limit but is long above the advice", () => {
    const text = `${"Пишу вам. ".repeat(300)}Да`;
    const guidance = analyze(text);
    expect(guidance.length.limit).toBeNull();
    expect(guidance.length.over).toBe(false);
    expect(guidance.length.characters).toBeGreaterThan(LETTER_LONG_CHARACTERS);
    expect(guidance.length.tooLong).toBe(true);
    expect(guidance.warnings).toEqual([{ code: "letterLong", characters: guidance.length.characters }]);
    expect(analyze("Пишу вам. ".repeat(299)).length.tooLong).toBe(false);
  });

  test("characters are code points of the trimmed text; words are chunks with a letter or digit", () => {
    const guidance = analyze("  С днём рождения! 🎂\r\nЖелаю — всего 100 раз.  \n");
    expect(guidance.length.characters).toBe("С днём рождения! 🎂\nЖелаю — всего 100 раз.".length - 1);
    expect(guidance.length.words).toBe(7);
  });
});

describe("warnings", () => {
  test("come in a fixed order", () => {
    const text = `Добры дзень! Я глядзела Friends. Свабода! ${"Пішу вам. ".repeat(60)}`;
    const guidance = analyze(text, { kind: "postcard", country: "RU" });
    expect(guidance.warnings.map((w) => w.code)).toEqual(["language", "latinWords", "risk", "postcardTooLong"]);

    const letter = analyze(`Привет, Anna! Свобода. ${"Пишу вам. ".repeat(320)}`, { kind: "letter", country: "BY" });
    expect(letter.warnings.map((w) => w.code)).toEqual(["latinWords", "risk", "letterLong"]);
  });

  test("an empty text has only the empty warning", () => {
    for (const text of ["", "   \n\t ", "…!", " — "]) {
      const guidance = analyze(text);
      expect(guidance.warnings).toEqual([{ code: "empty" }]);
      expect(guidance.length.words).toBe(0);
      expect(guidance.language).toBe("unknown");
    }
  });

  test("a large text is analysed whole", () => {
    const text = `${BELARUSIAN} `.repeat(100);
    const guidance = analyze(text);
    expect(text.length).toBeGreaterThan(10_000);
    expect(guidance.language).toBe("be");
    expect(guidance.risks).toEqual([]);
  });
});

describe("default phrasebook", () => {
  test("ids are unique kebab-case, every category is present, meanings are filled", () => {
    const ids = DEFAULT_PHRASEBOOK.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(DEFAULT_PHRASEBOOK.map((p) => p.category))).toEqual(
      new Set(["template", "greeting", "wishes", "seasons", "holidays", "support", "closing", "about-me"]),
    );
    expect(DEFAULT_PHRASEBOOK.length).toBeGreaterThanOrEqual(35);
    for (const p of DEFAULT_PHRASEBOOK)
      for (const text of [p.ru, p.be, p.meaning.en, p.meaning.ru, p.meaning.be]) expect(text.trim(), p.id).not.toBe("");
  });

  test.each(DEFAULT_PHRASEBOOK.map((p) => [p.id, p] as const))(
    "%s: Russian and Belarusian pass without warnings",
    (_id, p) => {
      const ru = analyze(p.ru);
      expect(ru.language).toBe("ru");
      expect(ru.risks).toEqual([]);
      expect(ru.warnings).toEqual([]);
      expect(analyze(p.ru, { country: "RU" }).warnings).toEqual([]);

      const be = analyze(p.be);
      expect(be.language).toBe("be");
      expect(be.risks).toEqual([]);
      expect(be.warnings).toEqual([]);
    },
  );

  test("a whole letter of phrasebook sentences passes", () => {
    const ru = analyze(DEFAULT_PHRASEBOOK.map((p) => p.ru).join(" "));
    expect(ru.language).toBe("ru");
    expect(ru.risks).toEqual([]);
    const be = analyze(DEFAULT_PHRASEBOOK.map((p) => p.be).join(" "));
    expect(be.language).toBe("be");
    expect(be.risks).toEqual([]);
  });
});

describe("what the PDF cannot print, and a Latin signature", () => {
  test("emoji and symbols the PDF font lacks are flagged with their positions; Cyrillic, ё, ў and common punctuation are not", () => {
    // DejaVu Sans draws ❤ and 😀 but not 🙂 or 👍 (nor the skin-tone modifier).
    const text = "Привет! 🙂 Обнимаю ❤️ — ёжик, ўсё «добра» № 5 😀👍🏽";
    const guidance = analyze(text);
    expect(guidance.unprintable.map((u) => u.text)).toEqual(["🙂", "👍🏽"]);
    for (const u of guidance.unprintable) expect(text.slice(u.start, u.end)).toBe(u.text);
    expect(guidance.warnings).toContainEqual({ code: "unprintable", count: 2 });
    expect(printableText(text)).toBe("Привет!  Обнимаю ❤ — ёжик, ўсё «добра» № 5 😀");
  });

  test("the font table is the fonts' own character set", () => {
    expect(FONT_RANGES).toEqual(fontCoverageRanges("app/letters/fonts"));
  });

  test("a Latin signature under a Cyrillic letter is flagged; a Cyrillic one is not", () => {
    const text = "Здравствуйте! Пишу вам из Варшавы, у нас всё хорошо. Желаю здоровья.";
    const latin = analyzeLetter({ text, kind: "letter", country: "BY", riskPhrases: [], signature: "Anna" });
    expect(latin.warnings).toContainEqual({ code: "latinSignature", signature: "Anna" });
    const cyrillic = analyzeLetter({ text, kind: "letter", country: "BY", riskPhrases: [], signature: "Анна" });
    expect(cyrillic.warnings).toEqual([]);
    const english = analyzeLetter({
      text: "Hello, I hope you are well and strong.",
      kind: "letter",
      country: "BY",
      riskPhrases: [],
      signature: "Anna",
    });
    expect(english.warnings.map((w) => w.code)).toEqual(["language"]);
  });

  test("a Latin word closing the letter is flagged like any other", () => {
    const guidance = analyze("Здравствуйте! Пишу вам из Варшавы, у нас всё хорошо.\n\nAnna");
    expect(guidance.latinWords.map((w) => w.text)).toEqual(["Anna"]);
  });
});
