import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import {
  addPhrase,
  addRiskPhrase,
  phrasebook,
  removePhrase,
  removeRiskPhrase,
  riskPhrases,
  RiskEntryError,
} from "#app/models/writing-help.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { DEFAULT_PHRASEBOOK } from "#app/letters/default-phrasebook.ts";
import { DEFAULT_RISK_PHRASES } from "#app/letters/default-risk-phrases.ts";
import { analyzeLetter } from "#app/letters/guidance.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

async function user(role: "coordinator" | "volunteer") {
  return prisma.user.create({
    data: { email: `${role}@example.org`, pseudonym: role, role, vettingState: "approved" },
  });
}

describeEachDatabase("writing help kept by coordinators", () => {
  test("a new installation starts from the defaults, once", async () => {
    const [first, again] = [await riskPhrases(), await riskPhrases()];
    expect(first).toHaveLength(DEFAULT_RISK_PHRASES.length);
    expect(again).toHaveLength(DEFAULT_RISK_PHRASES.length);
    expect(await phrasebook()).toHaveLength(DEFAULT_PHRASEBOOK.length);
  });

  test("a coordinator's new phrase is highlighted in letters; removing it stops that; an emptied list stays empty", async () => {
    const coordinator = await user("coordinator");
    const text = "Мы испекли пирог и думаем о вас.";
    const risksIn = async () =>
      analyzeLetter({ text, kind: "letter", country: "BY", riskPhrases: await riskPhrases() }).risks.map((r) => r.text);
    expect(await risksIn()).toEqual([]);
    await addRiskPhrase(coordinator, { phrase: "пирог", language: "ru", category: "cipher" });
    expect(await risksIn()).toEqual(["пирог"]);
    const added = (await riskPhrases()).find((r) => r.phrase === "пирог")!;
    await removeRiskPhrase(coordinator, added.id);
    expect(await risksIn()).toEqual([]);

    for (const r of await riskPhrases()) await removeRiskPhrase(coordinator, r.id);
    expect(await riskPhrases()).toEqual([]);
  });

  test("phrasebook entries are added in order and removed; volunteers cannot change either list", async () => {
    const coordinator = await user("coordinator");
    const volunteer = await user("volunteer");
    const entry = {
      category: "seasons",
      ru: "У нас зацвели яблони.",
      be: "У нас зацвілі яблыні.",
      meaningEn: "Our apple trees are in blossom.",
      meaningRu: "У нас зацвели яблони.",
      meaningBe: "У нас зацвілі яблыні.",
    };
    await addPhrase(coordinator, entry);
    const list = await phrasebook();
    expect(list.at(-1)).toMatchObject({ ru: entry.ru, be: entry.be, meaning: { en: entry.meaningEn } });
    await expect(addPhrase(volunteer, entry)).rejects.toBeInstanceOf(PermissionError);
    await expect(addRiskPhrase(volunteer, { phrase: "x", language: "ru", category: "other" })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(removePhrase(volunteer, list[0].id)).rejects.toBeInstanceOf(PermissionError);
    await removePhrase(coordinator, list.at(-1)!.id);
    expect(await phrasebook()).toHaveLength(DEFAULT_PHRASEBOOK.length);
  });

  test("a coordinator's entry is kept only when it behaves as its examples say", async () => {
    const coordinator = await user("coordinator");
    const bad = {
      phrase: "пирог",
      language: "ru",
      category: "cipher",
      catches: ["пирожок"],
      spares: ["пироги с капустой"],
    };
    const refused = await addRiskPhrase(coordinator, bad).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RiskEntryError);
    expect((refused as RiskEntryError).problems).toEqual([
      { phrase: "пирог", language: "ru", example: "пирожок", problem: "missed" },
      { phrase: "пирог", language: "ru", example: "пироги с капустой", problem: "flagged", by: "пирог" },
    ]);
    expect((await riskPhrases()).some((r) => r.phrase === "пирог")).toBe(false);
    await addRiskPhrase(coordinator, { ...bad, catches: ["пирогом"], except: ["пирог* с капуст*"] });
    const added = (await riskPhrases()).find((r) => r.phrase === "пирог")!;
    expect(added).toMatchObject({ catches: ["пирогом"], spares: ["пироги с капустой"], except: ["пирог* с капуст*"] });
    const risksIn = (text: string, list: Awaited<ReturnType<typeof riskPhrases>>) =>
      analyzeLetter({ text, kind: "letter", country: "BY", riskPhrases: list }).risks.map((r) => r.text);
    const list = await riskPhrases();
    expect(risksIn("Испекли пироги с капустой.", list)).toEqual([]);
    expect(risksIn("Передайте пирог.", list)).toEqual(["пирог"]);
  });

  test("an installation made from the first defaults gets the corrected texts and the new entries, but keeps its own", async () => {
    // The state a version-1 installation is in: the old shipped rows, one edited phrase, one removed entry.
    await prisma.setting.create({ data: { key: "writingHelpInitialized", value: true } });
    await prisma.riskPhrase.createMany({
      data: [
        { phrase: "статья", language: "ru", category: "case" },
        { phrase: "режим", language: "ru", category: "politics" },
        { phrase: "пирог", language: "ru", category: "cipher" },
      ],
    });
    const oldFirst = DEFAULT_PHRASEBOOK.find((p) => p.id === "template-first-letter")!.ru.replace(
      "Буду ждать вашего ответа.",
      "Буду рада или рад получить от вас ответ.",
    );
    await prisma.phrase.createMany({
      data: [
        {
          category: "template",
          ru: oldFirst,
          be: "свой текст",
          meaningEn: "own",
          meaningRu: "своё",
          meaningBe: "сваё",
          position: 0,
        },
        {
          category: "holidays",
          ru: "С праздником Купалья! Пусть это лето будет очень светлым.",
          be: "x",
          meaningEn: "x",
          meaningRu: "x",
          meaningBe: "x",
          position: 1,
        },
      ],
    });
    const risks = await riskPhrases();
    const keys = risks.map((r) => `${r.phrase}/${r.language}`);
    expect(keys).not.toContain("статья/ru");
    expect(keys).toContain("стать/ru");
    expect(keys).toContain("пирог/ru");
    // The retired entry of the shipped list that a coordinator had removed is not brought back.
    expect(keys).not.toContain("Лукашенк/ru");
    expect(risks.find((r) => r.phrase === "режим")!.except).toContain("режим* дня");
    const phrases = await phrasebook();
    expect(phrases[0].ru).toContain("Буду ждать вашего ответа.");
    expect(phrases[0].be).toBe("свой текст");
    expect(phrases[1].ru).toBe("С праздником Купалья! Пусть это лето будет очень светлым.");
    expect(phrases).toHaveLength(2);
  });
});
