import type { User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { can } from "#app/utils/permissions.ts";
import {
  DEFAULT_RISK_PHRASES,
  RETIRED_RISK_PHRASES,
  RISK_DEFAULTS_VERSION,
} from "#app/letters/default-risk-phrases.ts";
import { DEFAULT_PHRASEBOOK, PHRASEBOOK_CORRECTIONS, type PhrasebookEntry } from "#app/letters/default-phrasebook.ts";
import { riskTableProblems, type RiskPhrase, type RiskTableProblem } from "#app/letters/guidance.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { takeSeedLock } from "#app/utils/seed-lock.server.ts";

/**
 * The risky-phrase list and the phrasebook are data coordinators keep. A new
 * installation starts from the defaults shipped in app/letters/; after that the
 * database is the truth (an emptied list stays empty). When a release changes
 * the shipped defaults (RISK_DEFAULTS_VERSION), an existing installation is
 * brought up once: new shipped entries are added, retired ones removed,
 * shipped entries without examples get the shipped examples and exceptions,
 * and phrasebook texts still exactly as shipped get their corrections
 * (PHRASEBOOK_CORRECTIONS); a coordinator's own wording is never touched.
 */
const INITIALIZED = "writingHelpInitialized";
const VERSION = "writingHelpDefaultsVersion";

function riskRow(p: RiskPhrase) {
  return {
    phrase: p.phrase,
    language: p.language,
    category: p.category,
    except: p.except ?? [],
    catches: p.catches ?? [],
    spares: p.spares ?? [],
  };
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function upgradeDefaults(tx: Tx): Promise<void> {
  for (const retired of RETIRED_RISK_PHRASES)
    await tx.riskPhrase.deleteMany({ where: { phrase: retired.phrase, language: retired.language } });
  await tx.riskPhrase.createMany({
    data: DEFAULT_RISK_PHRASES.filter((p) => (p.since ?? 1) > 1).map(riskRow),
    skipDuplicates: true,
  });
  for (const p of DEFAULT_RISK_PHRASES) {
    const row = riskRow(p);
    await tx.riskPhrase.updateMany({
      where: {
        phrase: p.phrase,
        language: p.language,
        except: { isEmpty: true },
        catches: { isEmpty: true },
        spares: { isEmpty: true },
      },
      data: { except: row.except, catches: row.catches, spares: row.spares },
    });
  }
  const fields = [
    ["ru", (e: PhrasebookEntry) => e.ru],
    ["be", (e: PhrasebookEntry) => e.be],
    ["meaningEn", (e: PhrasebookEntry) => e.meaning.en],
    ["meaningRu", (e: PhrasebookEntry) => e.meaning.ru],
    ["meaningBe", (e: PhrasebookEntry) => e.meaning.be],
  ] as const;
  const stored = await tx.phrase.findMany({
    select: { id: true, ru: true, be: true, meaningEn: true, meaningRu: true, meaningBe: true },
  });
  for (const [id, pairs] of Object.entries(PHRASEBOOK_CORRECTIONS)) {
    const entry = DEFAULT_PHRASEBOOK.find((e) => e.id === id);
    if (!entry) continue;
    for (const [field, read] of fields) {
      const current = read(entry);
      // Any shipped version, the first or one already partly corrected by an earlier release,
      // becomes the current text once every correction is applied; other wording never does.
      for (const row of stored) {
        const text = row[field];
        if (text === current) continue;
        const corrected = pairs.reduce((value, [old, fixed]) => value.split(old).join(fixed), text);
        if (corrected === current) await tx.phrase.update({ where: { id: row.id }, data: { [field]: current } });
      }
    }
  }
}

export async function ensureWritingHelp(): Promise<void> {
  const version = await prisma.setting.findUnique({ where: { key: VERSION } });
  if (version && Number(version.value) >= RISK_DEFAULTS_VERSION) return;
  await prisma.$transaction(async (tx) => {
    // Two first letter pages (or two instances) set the writing help up once.
    await takeSeedLock(tx);
    const [initialized, current] = await Promise.all([
      tx.setting.findUnique({ where: { key: INITIALIZED } }),
      tx.setting.findUnique({ where: { key: VERSION } }),
    ]);
    if (current && Number(current.value) >= RISK_DEFAULTS_VERSION) return;
    if (!initialized) {
      await tx.riskPhrase.createMany({ data: DEFAULT_RISK_PHRASES.map(riskRow), skipDuplicates: true });
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
    } else {
      await upgradeDefaults(tx);
    }
    await tx.setting.upsert({
      where: { key: VERSION },
      create: { key: VERSION, value: RISK_DEFAULTS_VERSION },
      update: { value: RISK_DEFAULTS_VERSION },
    });
  });
}

export async function riskPhrases(): Promise<
  (RiskPhrase & { id: string; except: string[]; catches: string[]; spares: string[] })[]
> {
  await ensureWritingHelp();
  const rows = await prisma.riskPhrase.findMany({ orderBy: [{ category: "asc" }, { phrase: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    phrase: r.phrase,
    language: r.language as RiskPhrase["language"],
    category: r.category as RiskPhrase["category"],
    except: r.except,
    catches: r.catches,
    spares: r.spares,
  }));
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

export type RiskEntryCode = "examples";

export const RISK_ENTRY_ERRORS: DomainErrorTable<RiskEntryCode> = {
  examples: { kind: "invalid", message: "writingHelp.error.examples" },
};

/** A risky-phrase entry whose examples do not hold; `problems` lists which. */
export class RiskEntryError extends DomainError<RiskEntryCode> {
  constructor(readonly problems: RiskTableProblem[]) {
    super("examples", RISK_ENTRY_ERRORS, {}, "The entry does not behave as its examples say");
  }
}

/**
 * Adds an entry (or replaces the entry with the same phrase and language).
 * Its own examples must hold against the whole list as it will be: every
 * "catches" text flagged by the entry, no "spares" text flagged by any entry;
 * otherwise nothing changes and RiskEntryError lists what failed.
 */
export async function addRiskPhrase(
  actor: User,
  input: {
    phrase: string;
    language: string;
    category: string;
    except?: string[];
    catches?: string[];
    spares?: string[];
  },
): Promise<void> {
  requireCoordinator(actor);
  const list = await riskPhrases();
  const entry = riskRow(input as RiskPhrase);
  const others = list.filter((r) => !(r.phrase === entry.phrase && r.language === entry.language));
  const problems = riskTableProblems([entry, ...others.map((o) => ({ ...o, catches: [], spares: [] }))]);
  if (problems.length > 0) throw new RiskEntryError(problems);
  await prisma.riskPhrase.upsert({
    where: { phrase_language: { phrase: entry.phrase, language: entry.language } },
    create: entry,
    update: { category: entry.category, except: entry.except, catches: entry.catches, spares: entry.spares },
  });
}

/** The current table run against itself: examples that do not behave as written (shown on the writing-help page). */
export async function riskTableCheck(): Promise<RiskTableProblem[]> {
  return riskTableProblems(await riskPhrases());
}

export async function removeRiskPhrase(actor: User, id: string) {
  requireCoordinator(actor);
  await prisma.riskPhrase.deleteMany({ where: { id } });
}

export async function addPhrase(
  actor: User,
  input: { category: string; ru: string; be: string; meaningEn: string; meaningRu: string; meaningBe: string },
) {
  requireCoordinator(actor);
  await ensureWritingHelp();
  const last = await prisma.phrase.aggregate({ _max: { position: true } });
  await prisma.phrase.create({ data: { ...input, position: (last._max.position ?? 0) + 1 } });
}

export async function removePhrase(actor: User, id: string) {
  requireCoordinator(actor);
  await prisma.phrase.deleteMany({ where: { id } });
}
