import { describe, expect, test } from "vitest";
import { DEFAULT_RISK_PHRASES } from "#app/letters/default-risk-phrases.ts";
import { analyzeLetter, riskTableProblems, type RiskPhrase } from "#app/letters/guidance.ts";

/** The shipped risk table: each entry flags its own examples, and no entry flags an everyday text. */
describe("the default risk table", () => {
  // Compiling the whole list for each letter language takes seconds on a loaded machine.
  test("every example behaves as the table says", { timeout: 60_000 }, () => {
    expect(riskTableProblems(DEFAULT_RISK_PHRASES)).toEqual([]);
  });

  test("the table has at least 150 cases across Russian, Belarusian and English", () => {
    const cases = (language: RiskPhrase["language"]) =>
      DEFAULT_RISK_PHRASES.filter((e) => e.language === language).reduce(
        (n, e) => n + (e.catches?.length ?? 0) + (e.spares?.length ?? 0),
        0,
      );
    const all = DEFAULT_RISK_PHRASES.reduce((n, e) => n + (e.catches?.length ?? 0) + (e.spares?.length ?? 0), 0);
    expect(all).toBeGreaterThanOrEqual(150);
    expect(cases("ru")).toBeGreaterThan(50);
    expect(cases("be")).toBeGreaterThan(30);
    expect(cases("en")).toBeGreaterThan(8);
    for (const entry of DEFAULT_RISK_PHRASES) expect(entry.catches?.length ?? 0, entry.phrase).toBeGreaterThan(0);
  });

  test("a broken entry is reported", () => {
    const list: RiskPhrase[] = [
      { phrase: "суд", language: "ru", category: "case", catches: ["на суде", "приговор"], spares: ["судьба"] },
      {
        phrase: "свобод",
        language: "ru",
        category: "freedom",
        except: ["свободн* врем*"],
        catches: ["свобода"],
        spares: ["свободное время", "свобода слова"],
      },
    ];
    expect(riskTableProblems(list)).toEqual([
      { phrase: "суд", language: "ru", example: "приговор", problem: "missed" },
      { phrase: "суд", language: "ru", example: "судьба", problem: "flagged", by: "суд" },
      { phrase: "свобод", language: "ru", example: "свобода слова", problem: "flagged", by: "свобод" },
    ]);
  });
});

describe("the censor's view of a real letter", () => {
  const check = (text: string, country: "BY" | "RU" = "BY") =>
    analyzeLetter({ text, kind: "letter", country, riskPhrases: DEFAULT_RISK_PHRASES });

  test("the letter from the issue is not judged harmless", () => {
    const guidance = check("Как прошёл суд? Тебя осудили по статье 342? Скоро тебя освободят, мы боремся за тебя.");
    expect(guidance.risks.map((r) => r.text)).toEqual(["суд", "осудили", "статье", "освободят", "боремся"]);
  });

  test("everyday words are left alone", () => {
    const text =
      "В свободное время читаю «Властелин колец». Свободный день провела в парке. Статья в журнале понравилась. Режим дня простой. Армирование закончили, фронтон покрасили.";
    expect(check(text).risks).toEqual([]);
  });

  test("a Belarusian father is not the nickname of the ruler, a Russian letter's Бацька is", () => {
    expect(check("Мой бацька вельмі любіць рыбалку, а маці пячэ пірагі кожную нядзелю.").risks).toEqual([]);
    expect(
      check("Говорят, Бацька опять выступал по телевизору, а мы тут живём как обычно.").risks.map((r) => r.phrase),
    ).toEqual(["Бацьк"]);
  });

  test("Russian-only names are caught for Russia", () => {
    const guidance = check("Читала про Навального и ФБК, а ещё про спецоперацию.", "RU");
    expect(guidance.risks.map((r) => r.phrase)).toEqual(["Навальн", "ФБК", "спецопераци"]);
  });
});

describe("lists of real size", () => {
  test("at least 40 entries for each interface language", () => {
    for (const language of ["en", "ru", "be"] as const) {
      expect(DEFAULT_RISK_PHRASES.filter((e) => e.language === language).length, language).toBeGreaterThanOrEqual(40);
    }
  });

  test("the English letter from the issue is flagged for each risky part", () => {
    const guidance = analyzeLetter({
      text: "we fight for your freedom! Lukashenko will fall.",
      kind: "letter",
      country: "BY",
      riskPhrases: DEFAULT_RISK_PHRASES,
    });
    expect(guidance.risks.map((r) => r.text)).toEqual(["fight", "freedom", "Lukashenko", "will fall"]);
  });
});
