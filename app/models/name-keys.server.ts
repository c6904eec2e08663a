import type { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { nameMatchKeys, normalizeExact, type PersonName } from "#app/names/match-keys.ts";
import { prisma } from "#app/utils/db.server.ts";

type Client = PrismaClient | Prisma.TransactionClient;

export function sortNameOf(name: PersonName): string {
  return normalizeExact([name.surname, name.givenName, name.patronymic].filter(Boolean).join(" "));
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

/** Recomputes the match keys of some prisoners (all when ids is omitted) from their stored names. */
export async function rebuildNameKeys(ids?: string[], db: Client = prisma): Promise<number> {
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
  for (let i = 0; i < rows.length; i += 5000) {
    await db.prisonerNameKey.createMany({ data: rows.slice(i, i + 5000), skipDuplicates: true });
  }
  return rows.length;
}
