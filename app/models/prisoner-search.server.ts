import { Prisma } from "#app/generated/prisma/client.ts";
import type { Country, FacilityType, HumanitarianReason, PrisonerStatus } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { queryKeys, skeletonsNear, fullName } from "#app/names/match-keys.ts";
import { ageOf } from "./prisoners.server.ts";
import type { PrisonerSort } from "#app/schemas/prisoners.ts";

/** How well a prisoner matched a name query: exact spelling, transliteration, or fuzzy. */
export type MatchRank = 0 | 1 | 2;

const MAX_CANDIDATES = 20_000;
const FUZZY_WHEN_FEWER_THAN = 10;

/**
 * One statement: prisoners having, for every query word, one of its acceptable
 * keys; rank 0 when a stored spelling also contains every query word as written.
 */
async function rankedByWords(
  perWord: string[][],
  exactWords: string[] | null,
  fuzzy: boolean,
): Promise<{ prisonerId: string; rank: number; sortName: string }[]> {
  // A join rather than an INTERSECT of one list per word: the planner starts from the
  // rarest word (a surname) and checks the others through the primary key, instead of
  // reading every holder of a common given name.
  const [first, ...others] = perWord;
  const joins = others.map(
    (options, i) =>
      Prisma.sql` JOIN "PrisonerNameKey" ${Prisma.raw(`k${i + 1}`)} ON ${Prisma.raw(`k${i + 1}`)}."prisonerId" = k0."prisonerId" AND ${Prisma.raw(`k${i + 1}`)}."kind" = 'token' AND ${Prisma.raw(`k${i + 1}`)}."key" = ANY(${options}::text[])`,
  );
  const matched = Prisma.sql`SELECT DISTINCT k0."prisonerId" FROM "PrisonerNameKey" k0${joins.length > 0 ? Prisma.join(joins, "", "", "") : Prisma.empty} WHERE k0."kind" = 'token' AND k0."key" = ANY(${first}::text[])`;
  const exactTest = exactWords
    ? Prisma.join(
        exactWords.map((w) => Prisma.sql`position(${` ${w} `} in ' ' || e."key" || ' ') > 0`),
        " AND ",
      )
    : Prisma.sql`false`;
  const fallback = fuzzy ? 2 : 1;
  return prisma.$queryRaw<{ prisonerId: string; rank: number; sortName: string }[]>`
    WITH matched AS (${matched})
    SELECT m."prisonerId", p."sortName",
      CASE WHEN EXISTS (
        SELECT 1 FROM "PrisonerNameKey" e WHERE e."prisonerId" = m."prisonerId" AND e."kind" = 'exact' AND ${exactTest}
      ) THEN 0 ELSE ${fallback}::int END AS "rank"
    FROM matched m JOIN "Prisoner" p ON p."id" = m."prisonerId"
    LIMIT ${MAX_CANDIDATES}`;
}

/**
 * Stored words near a query word. First the cheap probe: the same two first letters
 * and a length within the allowed edit distance, decided by PostgreSQL through the
 * prefix index ("kind", "key" text_pattern_ops), so only a short candidate list gets
 * the edit-distance test here (no extension needed: PGlite and PostgreSQL run the same
 * plan). Only when that finds nothing near is any letter, the first too, allowed to be
 * the wrong one (the press's "Lihor" is Ryhor): a scan of the words of that length.
 */
async function nearWords(skeleton: string): Promise<string[]> {
  const pattern = `${skeleton.slice(0, 2).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const slack = skeleton.length >= 8 ? 2 : 1; // a superset of what skeletonsNear allows
  const byPrefix = await prisma.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT "key" FROM "PrisonerNameKey"
    WHERE "kind" = 'token' AND "key" LIKE ${pattern}
      AND length("key") BETWEEN ${skeleton.length - slack} AND ${skeleton.length + slack}`;
  const near = byPrefix.map((r) => r.key).filter((k) => skeletonsNear(k, skeleton));
  if (near.length > 0) return near;
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT "key" FROM "PrisonerNameKey"
    WHERE "kind" = 'token' AND length("key") BETWEEN ${skeleton.length - 2} AND ${skeleton.length + 2}`;
  return rows.map((r) => r.key).filter((k) => skeletonsNear(k, skeleton));
}

/**
 * Transliteration-aware name search. Ranks: 0 every query word is spelled exactly
 * as in a stored spelling, 1 every word meets a stored spelling in another script
 * or system, 2 every word is a small edit away from a stored word.
 */
export async function rankPrisonersByName(query: string): Promise<Map<string, MatchRank>> {
  return (await rankAndSortNames(query)).ranks;
}

/** The ranks, and each match's sort name (so that ordering by relevance needs no second read). */
async function rankAndSortNames(
  query: string,
): Promise<{ ranks: Map<string, MatchRank>; sortNames: Map<string, string> }> {
  const sortNames = new Map<string, string>();
  return { ranks: await ranked(query, sortNames), sortNames };
}

async function ranked(query: string, sortNames: Map<string, string>): Promise<Map<string, MatchRank>> {
  const { exact, tokens } = queryKeys(query);
  const ranks = new Map<string, MatchRank>();
  if (!exact || tokens.length === 0) return ranks;
  const perWord = tokens.map((options) => options.map((o) => o.slice("token:".length)));
  for (const r of await rankedByWords(perWord, exact.split(" "), false)) {
    ranks.set(r.prisonerId, Number(r.rank) as MatchRank);
    sortNames.set(r.prisonerId, r.sortName);
  }
  if (ranks.size >= FUZZY_WHEN_FEWER_THAN) return ranks;
  const fuzzyPerWord: string[][] = [];
  for (const options of perWord) {
    const skeleton = options[0];
    if (!skeleton || skeleton.length < 4) return ranks;
    const close = await nearWords(skeleton);
    if (close.length === 0) return ranks;
    fuzzyPerWord.push(close);
  }
  for (const r of await rankedByWords(fuzzyPerWord, null, true))
    if (!ranks.has(r.prisonerId)) {
      ranks.set(r.prisonerId, 2);
      sortNames.set(r.prisonerId, r.sortName);
    }
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

// Raw SQL: the PGlite adapter cannot bind an enum array filter ("has").
async function idsWithReason(reason: HumanitarianReason): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Prisoner" WHERE ${reason}::"HumanitarianReason" = ANY("humanitarianReasons")`;
  return rows.map((r) => r.id);
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
  const byName = q ? await rankAndSortNames(q) : null;
  const ranks = byName?.ranks ?? null;
  const and: Prisma.PrisonerWhereInput[] = [];
  if (ranks) and.push({ id: { in: [...ranks.keys()] } });
  if (filters.country) and.push({ country: filters.country });
  if (filters.status) and.push({ status: filters.status });
  if (filters.reason) and.push({ id: { in: await idsWithReason(filters.reason) } });
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
    interests: true,
    about: true,
    // Every spelling, primary first: lists show the one in the reader's script.
    names: {
      select: { surname: true, givenName: true, patronymic: true, script: true, system: true, isPrimary: true },
      orderBy: [{ isPrimary: "desc" }, { id: "asc" }],
    },
    currentFacility: { select: { name: true, city: true, type: true } },
  } satisfies Prisma.PrisonerSelect;

  let rows;
  let total: number;
  if (sort === "relevance" && ranks) {
    // Rank order is computed here: sort the matches' ids, then load one page. With the
    // name the only filter, the search itself gave every match's sort name: no read of
    // all matches (a Prisma query with a thousand ids is slow to plan as well as to run).
    const keys =
      ranks.size === 0
        ? []
        : and.length === 1 && byName
          ? [...byName.sortNames].map(([id, sortName]) => ({ id, sortName }))
          : await prisma.prisoner.findMany({ where, select: { id: true, sortName: true } });
    total = keys.length;
    keys.sort(
      (a, b) => ranks.get(a.id)! - ranks.get(b.id)! || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0),
    );
    const pageIds = keys.slice((page - 1) * perPage, page * perPage).map((k) => k.id);
    const loaded = await prisma.prisoner.findMany({ where: { id: { in: pageIds } }, select });
    const byId = new Map(loaded.map((p) => [p.id, p]));
    rows = pageIds.map((id) => byId.get(id)!).filter(Boolean);
  } else {
    const orderBy: Prisma.PrisonerOrderByWithRelationInput[] =
      sort === "newest"
        ? [{ createdAt: "desc" }, { id: "asc" }]
        : sort === "fewestLetters"
          ? [{ humanitarian: "desc" }, { letters: { _count: "asc" } }, { sortName: "asc" }]
          : [{ sortName: "asc" }, { id: "asc" }];
    [total, rows] = await Promise.all([
      prisma.prisoner.count({ where }),
      prisma.prisoner.findMany({ where, select, orderBy, skip: (page - 1) * perPage, take: perPage }),
    ]);
  }
  return {
    prisoners: rows.map(({ names, ...p }) => ({
      ...p,
      name: names[0] ? fullName(names[0]) : "—",
      nameScript: names[0]?.script ?? null,
      spellings: names,
      age: ageOf(p.birthDate, p.birthYearOnly),
      rank: ranks?.get(p.id) ?? null,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}

/**
 * What GET /api/v1/prisoners returns for a search: the same transliteration-aware
 * search as the web, best matches first, with each person's situation and the
 * facility's postal address (null when the person is not held in a facility).
 */
export async function searchPrisonersForApi(q: string, limit: number) {
  const found = await searchPrisoners({ q, sort: "relevance", perPage: limit });
  const ids = found.prisoners.map((p) => p.id);
  const [names, details] = await Promise.all([
    prisma.prisonerName.findMany({
      where: { prisonerId: { in: ids } },
      orderBy: [{ isPrimary: "desc" }],
      select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
    }),
    prisma.prisoner.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        releasedOn: true,
        releaseKind: true,
        currentFacility: { select: { name: true, type: true, street: true, postcode: true, city: true, region: true } },
      },
    }),
  ]);
  const detailOf = new Map(details.map((d) => [d.id, d]));
  return found.prisoners.map((p) => {
    const detail = detailOf.get(p.id);
    const facility = detail?.currentFacility ?? null;
    return {
      id: p.id,
      names: names.filter((n) => n.prisonerId === p.id).map((n) => fullName(n)),
      birthDate: p.birthDate
        ? p.birthYearOnly
          ? p.birthDate.toISOString().slice(0, 4)
          : p.birthDate.toISOString().slice(0, 10)
        : null,
      facility: p.currentFacility ? `${p.currentFacility.name}, ${p.currentFacility.city}` : null,
      facilityAddress: facility
        ? {
            name: facility.name,
            type: facility.type,
            street: facility.street,
            postcode: facility.postcode,
            city: facility.city,
            region: facility.region,
          }
        : null,
      status: p.status,
      releasedOn: detail?.releasedOn ? detail.releasedOn.toISOString().slice(0, 10) : null,
      releaseKind: detail?.releaseKind ?? null,
      country: p.country,
    };
  });
}
