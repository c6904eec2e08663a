import type { Prisma } from "#app/generated/prisma/client.ts";
import { nameMatchKeys, normalizeExact, type PersonName, fullName } from "#app/names/match-keys.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { ensureRoomWhileWriting } from "#app/utils/disk-space.server.ts";

export function sortNameOf(name: PersonName): string {
  return normalizeExact(fullName(name));
}

/** The PrisonerNameKey rows for a prisoner's spellings ("exact:…", "token:…", "person:…"). */
export function nameKeyRows(prisonerId: string, names: PersonName[]): Prisma.PrisonerNameKeyCreateManyInput[] {
  const seen = new Set<string>();
  const rows: Prisma.PrisonerNameKeyCreateManyInput[] = [];
  for (const name of names) {
    for (const full of nameMatchKeys(name)) {
      if (seen.has(full)) continue;
      seen.add(full);
      const separator = full.indexOf(":");
      rows.push({ prisonerId, kind: full.slice(0, separator), key: full.slice(separator + 1) });
    }
  }
  return rows;
}

/**
 * Bulk insert through one statement per 10,000 rows (unnest of parallel arrays):
 * imports write about ten keys per prisoner, and this is several times faster
 * than createMany's long parameter lists on both PGlite and PostgreSQL.
 */
export async function insertNameKeys(
  db: DbClient,
  rows: Prisma.PrisonerNameKeyCreateManyInput[],
  options: { fresh?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    ensureRoomWhileWriting();
    const batch = rows.slice(i, i + 10_000);
    const prisonerIds = batch.map((r) => r.prisonerId);
    const keys = batch.map((r) => r.key);
    const kinds = batch.map((r) => r.kind);
    // `fresh`: keys of prisoners created in this statement's transaction, each key once per
    // prisoner, so nothing can conflict; a plain insert skips the speculative insertion
    // ON CONFLICT needs for every row (about a fifth of the time for 160,000 keys).
    if (options.fresh)
      await db.$executeRaw`
        INSERT INTO "PrisonerNameKey" ("prisonerId", "key", "kind")
        SELECT * FROM unnest(${prisonerIds}::text[], ${keys}::text[], ${kinds}::text[])`;
    else
      await db.$executeRaw`
        INSERT INTO "PrisonerNameKey" ("prisonerId", "key", "kind")
        SELECT * FROM unnest(${prisonerIds}::text[], ${keys}::text[], ${kinds}::text[])
        ON CONFLICT DO NOTHING`;
  }
}

export interface NameRow {
  prisonerId: string;
  script: "cyrillic_be" | "cyrillic_ru" | "latin";
  system?: string | null;
  surname: string;
  givenName: string;
  patronymic: string | null;
  isPrimary: boolean;
}

export async function insertNames(db: DbClient, rows: NameRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    ensureRoomWhileWriting();
    const batch = rows.slice(i, i + 10_000);
    await db.$executeRaw`
      INSERT INTO "PrisonerName" ("id", "prisonerId", "script", "system", "surname", "givenName", "patronymic", "isPrimary")
      SELECT gen_random_uuid()::text, p, s::"NameScript", sy, su, g, pa, ip
      FROM unnest(
        ${batch.map((r) => r.prisonerId)}::text[],
        ${batch.map((r) => r.script)}::text[],
        ${batch.map((r) => r.system ?? null)}::text[],
        ${batch.map((r) => r.surname)}::text[],
        ${batch.map((r) => r.givenName)}::text[],
        ${batch.map((r) => r.patronymic)}::text[],
        ${batch.map((r) => r.isPrimary)}::boolean[]
      ) AS t(p, s, sy, su, g, pa, ip)`;
  }
}

/** Recomputes the match keys of some prisoners (all when ids is omitted) from their stored names. */
export async function rebuildNameKeys(ids?: string[], db: DbClient = prisma): Promise<number> {
  const names = await db.prisonerName.findMany({
    where: ids ? { prisonerId: { in: ids } } : {},
    select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
  });
  const byPrisoner = new Map<string, PersonName[]>();
  for (const n of names) {
    const list = byPrisoner.get(n.prisonerId) ?? [];
    list.push(n);
    byPrisoner.set(n.prisonerId, list);
  }
  const primaries = await db.prisonerName.findMany({
    where: { isPrimary: true, ...(ids ? { prisonerId: { in: ids } } : {}) },
    select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
  });
  for (const p of primaries) {
    await db.prisoner.update({ where: { id: p.prisonerId }, data: { sortName: sortNameOf(p) } });
  }
  await db.prisonerNameKey.deleteMany({ where: ids ? { prisonerId: { in: ids } } : {} });
  const rows = [...byPrisoner].flatMap(([id, list]) => nameKeyRows(id, list));
  await insertNameKeys(db, rows);
  return rows.length;
}
