import type { Country, FacilityType, HumanitarianReason, Prisma, PrisonerStatus } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { queryKeys, skeletonsNear } from "#app/names/match-keys.ts";
import type { PrisonerSort } from "#app/schemas/prisoners.ts";

/** How well a prisoner matched a name query: exact spelling, transliteration, or fuzzy. */
export type MatchRank = 0 | 1 | 2;

const MAX_CANDIDATES = 5000;

/**
 * Transliteration-aware name search. Ranks: 0 an exact spelling (or its start),
 * 1 every word meets a stored spelling in any script or system, 2 every word is
 * within a small edit distance of a stored word.
 */
export async function rankPrisonersByName(query: string): Promise<Map<string, MatchRank>> {
  const { exact, tokens } = queryKeys(query);
  const ranks = new Map<string, MatchRank>();
  if (!exact) return ranks;
  const exactRows = await prisma.prisonerNameKey.findMany({
    where: { kind: "exact", key: { startsWith: exact } },
    select: { prisonerId: true },
    take: MAX_CANDIDATES,
  });
  exactRows.forEach((r) => ranks.set(r.prisonerId, 0));
  if (tokens.length === 0) return ranks;

  const idsHavingAll = async (perWord: string[][]): Promise<string[]> => {
    let ids: Set<string> | null = null;
    for (const options of perWord) {
      const rows: { prisonerId: string }[] = await prisma.prisonerNameKey.findMany({
        where: { kind: "token", key: { in: options }, ...(ids ? { prisonerId: { in: [...ids] } } : {}) },
        select: { prisonerId: true },
        distinct: ["prisonerId"],
        take: MAX_CANDIDATES,
      });
      ids = new Set(rows.map((r) => r.prisonerId));
      if (ids.size === 0) break;
    }
    return [...(ids ?? [])];
  };

  const translitOptions = tokens.map((options) => options.map((o) => o.slice("token:".length)));
  for (const id of await idsHavingAll(translitOptions)) if (!ranks.has(id)) ranks.set(id, 1);

  // Fuzzy: stored words that start like the query word and are a small edit away.
  const fuzzyOptions: string[][] = [];
  for (const options of translitOptions) {
    const skeleton = options[0];
    if (!skeleton || skeleton.length < 4) return ranks;
    const near = await prisma.prisonerNameKey.findMany({
      where: { kind: "token", key: { startsWith: skeleton.slice(0, 1) } },
      select: { key: true },
      distinct: ["key"],
    });
    const close = near.map((n) => n.key).filter((k) => skeletonsNear(k, skeleton));
    if (close.length === 0) return ranks;
    fuzzyOptions.push(close);
  }
  for (const id of await idsHavingAll(fuzzyOptions)) if (!ranks.has(id)) ranks.set(id, 2);
  return ranks;
}


export interface PrisonerFilters {
  q?: string;
  country?: Country;
  status?: PrisonerStatus;
  reason?: HumanitarianReason;
  facilityType?: FacilityType;
  /** Only prisoners with no letter sent in the last N days. */
  noLetterDays?: number;
  birthdayThisMonth?: boolean;
  needsReview?: boolean;
  sort?: PrisonerSort;
  page?: number;
  perPage?: number;
}

async function birthdayIdsThisMonth(): Promise<string[]> {
  const month = now().getUTCMonth() + 1;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Prisoner" WHERE "birthDate" IS NOT NULL AND NOT "birthYearOnly" AND EXTRACT(MONTH FROM "birthDate") = ${month}`;
  return rows.map((r) => r.id);
}

export async function searchPrisoners(filters: PrisonerFilters) {
  const perPage = Math.min(Math.max(filters.perPage ?? 25, 1), 100);
  const page = Math.max(1, filters.page ?? 1);
  const q = (filters.q ?? "").trim().slice(0, 200);
  const ranks = q ? await rankPrisonersByName(q) : null;
  const and: Prisma.PrisonerWhereInput[] = [];
  if (ranks) and.push({ id: { in: [...ranks.keys()] } });
  if (filters.country) and.push({ country: filters.country });
  if (filters.status) and.push({ status: filters.status });
  if (filters.reason) and.push({ humanitarianReasons: { has: filters.reason } });
  if (filters.facilityType) and.push({ currentFacility: { type: filters.facilityType } });
  if (filters.needsReview) and.push({ needsReview: true });
  if (filters.noLetterDays) {
    const cutoff = new Date(now().getTime() - filters.noLetterDays * 86_400_000);
    and.push({ letters: { none: { sentAt: { gte: cutoff } } } });
  }
  if (filters.birthdayThisMonth) and.push({ id: { in: await birthdayIdsThisMonth() } });
  const where: Prisma.PrisonerWhereInput = { AND: and };

  const sort = filters.sort ?? (ranks ? "relevance" : "name");
  const select = {
    id: true,
    country: true,
    status: true,
    birthDate: true,
    birthYearOnly: true,
    humanitarian: true,
    humanitarianReasons: true,
    incommunicado: true,
    doNotWrite: true,
    relativesOnly: true,
    needsReview: true,
    sortName: true,
    names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true, script: true }, take: 1 },
    currentFacility: { select: { name: true, city: true, type: true } },
  } satisfies Prisma.PrisonerSelect;

  const total = await prisma.prisoner.count({ where });
  let rows;
  if (sort === "relevance" && ranks) {
    // Rank order needs every match in memory; matches are capped, so this stays small.
    const all = await prisma.prisoner.findMany({ where, select });
    all.sort((a, b) => ranks.get(a.id)! - ranks.get(b.id)! || a.sortName.localeCompare(b.sortName));
    rows = all.slice((page - 1) * perPage, page * perPage);
  } else {
    const orderBy: Prisma.PrisonerOrderByWithRelationInput[] =
      sort === "newest"
        ? [{ createdAt: "desc" }, { id: "asc" }]
        : sort === "fewestLetters"
          ? [{ humanitarian: "desc" }, { letters: { _count: "asc" } }, { sortName: "asc" }]
          : [{ sortName: "asc" }, { id: "asc" }];
    rows = await prisma.prisoner.findMany({ where, select, orderBy, skip: (page - 1) * perPage, take: perPage });
  }
  return {
    prisoners: rows.map(({ names, ...p }) => ({
      ...p,
      name: names[0] ? [names[0].surname, names[0].givenName, names[0].patronymic].filter(Boolean).join(" ") : "—",
      nameScript: names[0]?.script ?? null,
      rank: ranks?.get(p.id) ?? null,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}
