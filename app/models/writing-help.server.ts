import type { User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { can } from "#app/utils/permissions.ts";
import { DEFAULT_RISK_PHRASES } from "#app/letters/default-risk-phrases.ts";
import { DEFAULT_PHRASEBOOK, type PhrasebookEntry } from "#app/letters/default-phrasebook.ts";
import type { RiskPhrase } from "#app/letters/guidance.ts";
import { PermissionError } from "./users.server.ts";
import { takeSeedLock } from "#app/utils/seed-lock.server.ts";

/**
 * The risky-phrase list and the phrasebook are data coordinators keep. A new
 * installation starts from the defaults shipped in app/letters/; after that the
 * database is the truth (an emptied list stays empty).
 */
const INITIALIZED = "writingHelpInitialized";

export async function ensureWritingHelp(): Promise<void> {
  if (await prisma.setting.findUnique({ where: { key: INITIALIZED } })) return;
  await prisma.$transaction(async (tx) => {
    // Two first letter pages (or two instances) set the writing help up once.
    await takeSeedLock(tx);
    if (await tx.setting.findUnique({ where: { key: INITIALIZED } })) return;
    await tx.riskPhrase.createMany({ data: DEFAULT_RISK_PHRASES.map((p) => ({ phrase: p.phrase, language: p.language, category: p.category })), skipDuplicates: true });
    await tx.phrase.createMany({
      data: DEFAULT_PHRASEBOOK.map((p, position) => ({
        category: p.category,
        ru: p.ru,
        be: p.be,
        meaningEn: p.meaning.en,
        meaningRu: p.meaning.ru,
        meaningBe: p.meaning.be,
        position,
      })),
    });
    await tx.setting.create({ data: { key: INITIALIZED, value: true } });
  });
}

export async function riskPhrases(): Promise<(RiskPhrase & { id: string })[]> {
  await ensureWritingHelp();
  const rows = await prisma.riskPhrase.findMany({ orderBy: [{ category: "asc" }, { phrase: "asc" }] });
  return rows.map((r) => ({ id: r.id, phrase: r.phrase, language: r.language as RiskPhrase["language"], category: r.category as RiskPhrase["category"] }));
}

export async function phrasebook(): Promise<PhrasebookEntry[]> {
  await ensureWritingHelp();
  const rows = await prisma.phrase.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    category: r.category as PhrasebookEntry["category"],
    ru: r.ru,
    be: r.be,
    meaning: { en: r.meaningEn, ru: r.meaningRu, be: r.meaningBe },
  }));
}

function requireCoordinator(actor: User) {
  if (!can(actor, "manage:routes")) throw new PermissionError("manage:routes");
}

export async function addRiskPhrase(actor: User, input: { phrase: string; language: string; category: string }) {
  requireCoordinator(actor);
  await ensureWritingHelp();
  await prisma.riskPhrase.upsert({
    where: { phrase_language: { phrase: input.phrase, language: input.language } },
    create: input,
    update: { category: input.category },
  });
}

export async function removeRiskPhrase(actor: User, id: string) {
  requireCoordinator(actor);
  await prisma.riskPhrase.deleteMany({ where: { id } });
}

export async function addPhrase(actor: User, input: { category: string; ru: string; be: string; meaningEn: string; meaningRu: string; meaningBe: string }) {
  requireCoordinator(actor);
  await ensureWritingHelp();
  const last = await prisma.phrase.aggregate({ _max: { position: true } });
  await prisma.phrase.create({ data: { ...input, position: (last._max.position ?? 0) + 1 } });
}

export async function removePhrase(actor: User, id: string) {
  requireCoordinator(actor);
  await prisma.phrase.deleteMany({ where: { id } });
}
