import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { addPhrase, addRiskPhrase, phrasebook, removePhrase, removeRiskPhrase, riskPhrases } from "#app/models/writing-help.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { DEFAULT_PHRASEBOOK } from "#app/letters/default-phrasebook.ts";
import { DEFAULT_RISK_PHRASES } from "#app/letters/default-risk-phrases.ts";
import { analyzeLetter } from "#app/letters/guidance.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

async function user(role: "coordinator" | "volunteer") {
  return prisma.user.create({ data: { email: `${role}@example.org`, pseudonym: role, role, vettingState: "approved" } });
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
    const risksIn = async () => analyzeLetter({ text, kind: "letter", country: "BY", riskPhrases: await riskPhrases() }).risks.map((r) => r.text);
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
    const entry = { category: "seasons", ru: "У нас зацвели яблони.", be: "У нас зацвілі яблыні.", meaningEn: "Our apple trees are in blossom.", meaningRu: "У нас зацвели яблони.", meaningBe: "У нас зацвілі яблыні." };
    await addPhrase(coordinator, entry);
    const list = await phrasebook();
    expect(list.at(-1)).toMatchObject({ ru: entry.ru, be: entry.be, meaning: { en: entry.meaningEn } });
    await expect(addPhrase(volunteer, entry)).rejects.toBeInstanceOf(PermissionError);
    await expect(addRiskPhrase(volunteer, { phrase: "x", language: "ru", category: "other" })).rejects.toBeInstanceOf(PermissionError);
    await expect(removePhrase(volunteer, list[0].id)).rejects.toBeInstanceOf(PermissionError);
    await removePhrase(coordinator, list.at(-1)!.id);
    expect(await phrasebook()).toHaveLength(DEFAULT_PHRASEBOOK.length);
  });
});
