import crypto from "node:crypto";
import { Prisma, type User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { can } from "#app/utils/permissions.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { getSetting } from "./settings.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { reachableSql } from "./situation.server.ts";

/**
 * Choosing whom to write to: the humanitarian list first, then the people with
 * the fewest letters in the last 30 days. The lists and "pick for me" offer only
 * people whose letters can arrive: a known address, not waiting for a coordinator's
 * review, not held without contact, not relatives-only (by the person's flag or the
 * facility's rule). The others are listed apart ("bank" view) with the letter bank
 * as the way; prisoners who asked not to be written to, and released people, never.
 */

export const RECENT_DAYS = 30;
export const NEEDS_PER_PAGE = 20;

/**
 * What a volunteer can reach in one country: the facility languages they write in
 * themselves, plus those a translating route carries their text into.
 */
export interface CountryReach {
  country: "BY" | "RU";
  languages: string[];
  /** The translating route that makes the extra languages reachable, by name. */
  translatedBy: { name: string; languages: string[] } | null;
}

export interface NeedsFilter {
  country?: "BY" | "RU";
  /** Only prisoners whose facility accepts a language the volunteer can reach (per country). */
  reach?: CountryReach[];
  /** "bank": people whose letters are not expected to arrive. */
  view?: "needs" | "bank";
  page?: number;
}

export interface Candidate {
  id: string;
  name: string;
  country: "BY" | "RU";
  humanitarian: boolean;
  incommunicado: boolean;
  relativesOnly: boolean;
  recentLetters: number;
  facility: string | null;
  /** The facility passes letters from relatives only. */
  facilityRelativesOnly: boolean;
  facilityLanguages: string[];
  birthDate: Date | null;
  birthYearOnly: boolean;
}

interface ReachRoute {
  name: string;
  countries: ("BY" | "RU")[];
  itemKinds: string[];
  languages: string[];
  translates: boolean;
  handover: string;
  handoverEmail: string | null;
  active: boolean;
}

/**
 * Pure: the languages a volunteer writing `writesIn` reaches in each country. A route
 * that translates (the atelier) carries any text into its own languages, so those
 * count as the volunteer's for the prisoners of the countries it serves.
 */
export function reachFor(writesIn: string[], routes: ReachRoute[]): CountryReach[] {
  return (["BY", "RU"] as const).map((country) => {
    const translating = routes.find(
      (r) =>
        r.active &&
        r.translates &&
        r.handover !== "bank" &&
        !(r.handover === "email" && !r.handoverEmail) &&
        r.countries.includes(country) &&
        r.itemKinds.some((k) => k === "letter" || k === "postcard"),
    );
    const extra = translating ? translating.languages.filter((l) => !writesIn.includes(l)) : [];
    return {
      country,
      languages: [...new Set([...writesIn, ...extra])],
      translatedBy: translating && extra.length > 0 ? { name: translating.name, languages: extra } : null,
    };
  });
}

/** Letters to this person are expected to arrive (the person's and the facility's rules). */
export const deliverableSql = Prisma.sql`(f."id" IS NOT NULL AND f."acceptsNonRelativeLetters" AND NOT p."incommunicado" AND NOT p."relativesOnly" AND NOT p."needsReview")`;

function whereOffered(filter: NeedsFilter) {
  const conditions = [reachableSql("p"), Prisma.sql`NOT p."doNotWrite"`];
  if (filter.country) conditions.push(Prisma.sql`p."country" = ${filter.country}::"Country"`);
  if (filter.view === "bank") {
    conditions.push(Prisma.sql`NOT p."needsReview" AND NOT ${deliverableSql}`);
  } else {
    conditions.push(deliverableSql);
    if (filter.reach) {
      const perCountry = filter.reach.map((r) =>
        r.languages.length
          ? Prisma.sql`(p."country" = ${r.country}::"Country" AND f."languages" && ${r.languages}::text[])`
          : Prisma.sql`FALSE`,
      );
      conditions.push(Prisma.sql`(${Prisma.join(perCountry, " OR ")})`);
    }
  }
  return Prisma.join(conditions, " AND ");
}

async function rankedCandidates(
  filter: NeedsFilter,
  limit: number,
  offset: number,
  extra = Prisma.sql`TRUE`,
): Promise<Candidate[]> {
  const cutoff = new Date(now().getTime() - RECENT_DAYS * 86_400_000);
  type Row = Omit<Candidate, "name" | "facility" | "facilityRelativesOnly" | "facilityLanguages"> & {
    facilityName: string | null;
    facilityCity: string | null;
    facilityAccepts: boolean | null;
    facilityLanguages: string[] | null;
    recentLetters: bigint | number;
  };
  // The order (humanitarian first, then the fewest recent letters, then the name) in four
  // parts, each read in index order and cut at the page's end: the humanitarian people
  // without a recent letter, then those with some, then the same for everyone else. Most
  // people have no recent letter, so a page reads a few dozen rows, not every prisoner
  // with a count of their letters (which cost a scan of the registry per page).
  const upTo = offset + limit;
  const columns = Prisma.sql`p."id", p."country", p."humanitarian", p."incommunicado", p."relativesOnly", p."birthDate", p."birthYearOnly", p."sortName",
           f."name" AS "facilityName", f."city" AS "facilityCity", f."acceptsNonRelativeLetters" AS "facilityAccepts", f."languages" AS "facilityLanguages"`;
  const where = Prisma.sql`${whereOffered(filter)} AND ${extra}`;
  const withoutRecent = (humanitarian: boolean) => Prisma.sql`(
    SELECT ${columns}, 0::bigint AS "recentLetters"
    FROM "Prisoner" p LEFT JOIN "Facility" f ON f."id" = p."currentFacilityId"
    WHERE p."humanitarian" = ${humanitarian} AND ${where}
      AND NOT EXISTS (SELECT 1 FROM "Letter" l WHERE l."prisonerId" = p."id" AND l."sentAt" >= ${cutoff})
    ORDER BY p."sortName" ASC, p."id" ASC LIMIT ${upTo})`;
  const withRecent = (humanitarian: boolean) => Prisma.sql`(
    SELECT ${columns}, r."count" AS "recentLetters"
    FROM (SELECT "prisonerId", count(*) AS "count" FROM "Letter" WHERE "sentAt" >= ${cutoff} GROUP BY "prisonerId") r
    JOIN "Prisoner" p ON p."id" = r."prisonerId" LEFT JOIN "Facility" f ON f."id" = p."currentFacilityId"
    WHERE p."humanitarian" = ${humanitarian} AND ${where}
    ORDER BY r."count" ASC, p."sortName" ASC, p."id" ASC LIMIT ${upTo})`;
  const rows = await prisma.$queryRaw<
    (Row & { sortName: string; surname: string | null; givenName: string | null; patronymic: string | null })[]
  >`
    SELECT ranked.*, n."surname", n."givenName", n."patronymic" FROM (
      ${withoutRecent(true)} UNION ALL ${withRecent(true)} UNION ALL ${withoutRecent(false)} UNION ALL ${withRecent(false)}
    ) AS ranked
    LEFT JOIN LATERAL (
      SELECT "surname", "givenName", "patronymic" FROM "PrisonerName" WHERE "prisonerId" = ranked."id" AND "isPrimary" LIMIT 1
    ) n ON TRUE
    ORDER BY ranked."humanitarian" DESC, ranked."recentLetters" ASC, ranked."sortName" ASC, ranked."id" ASC
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map(
    ({
      facilityName,
      facilityCity,
      facilityAccepts,
      facilityLanguages,
      recentLetters,
      sortName: _sortName,
      surname,
      givenName,
      patronymic,
      ...r
    }) => ({
      ...r,
      recentLetters: Number(recentLetters),
      name: surname !== null && givenName !== null ? fullName({ surname, givenName, patronymic }) : "—",
      facility: facilityName ? `${facilityName}, ${facilityCity}` : null,
      facilityRelativesOnly: facilityAccepts === false,
      facilityLanguages: facilityLanguages ?? [],
    }),
  );
}

export async function whoNeedsLetters(filter: NeedsFilter) {
  const page = Math.max(1, filter.page ?? 1);
  const [candidates, countRows] = await Promise.all([
    rankedCandidates(filter, NEEDS_PER_PAGE, (page - 1) * NEEDS_PER_PAGE),
    prisma.$queryRaw<{ total: bigint | number }[]>`
      SELECT count(*) AS "total" FROM "Prisoner" p LEFT JOIN "Facility" f ON f."id" = p."currentFacilityId" WHERE ${whereOffered(filter)}`,
  ]);
  const total = Number(countRows[0]?.total ?? 0);
  return { candidates, total, page, pages: Math.max(1, Math.ceil(total / NEEDS_PER_PAGE)) };
}

export async function birthdaysThisMonth(filter: NeedsFilter) {
  filter = { ...filter, view: "needs" };
  const month = now().getUTCMonth() + 1;
  return rankedCandidates(
    filter,
    200,
    0,
    Prisma.sql`p."birthDate" IS NOT NULL AND NOT p."birthYearOnly" AND EXTRACT(MONTH FROM p."birthDate") = ${month}`,
  );
}

/** A random person among those who need letters most, whose letters can arrive. */
export async function pickForMe(filter: NeedsFilter): Promise<string | null> {
  const pool = await rankedCandidates({ ...filter, view: "needs" }, 10, 0);
  if (pool.length === 0) return null;
  return pool[crypto.randomInt(pool.length)].id;
}

export type AdoptionLimitCode = "adoption-limit";

export const ADOPTION_LIMIT_ERRORS: DomainErrorTable<AdoptionLimitCode> = {
  "adoption-limit": { kind: "conflict", message: "adoption.limit" },
};

/** The volunteer already writes regularly to as many prisoners as allowed. */
export class AdoptionLimitError extends DomainError<AdoptionLimitCode> {
  constructor(public limit: number) {
    super("adoption-limit", ADOPTION_LIMIT_ERRORS, { count: limit }, `At most ${limit} active adoptions`);
  }
}

export type AdoptersFullCode = "adopters-full";

export const ADOPTERS_FULL_ERRORS: DomainErrorTable<AdoptersFullCode> = {
  "adopters-full": { kind: "conflict", message: "adoption.full" },
};

/** The prisoner already has as many regular writers as coordinators allow. */
export class PrisonerAdoptionsFullError extends DomainError<AdoptersFullCode> {
  constructor(public limit: number) {
    super("adopters-full", ADOPTERS_FULL_ERRORS, { count: limit }, `At most ${limit} volunteers adopt one prisoner`);
  }
}

/**
 * Adopts a prisoner to write to regularly. The volunteer's row, then the
 * prisoner's, are locked (always in that order) for the checks and the insert, so
 * clicks at once cannot exceed the volunteer's limit, adopt the same person twice,
 * or give one prisoner more regular writers than coordinators allow.
 */
export async function adopt(volunteer: User, prisonerId: string): Promise<void> {
  if (!can(volunteer, "write:letters:own")) throw new PermissionError("write:letters:own");
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${volunteer.id} FOR UPDATE`;
    const [prisoner] = await tx.$queryRaw<{ doNotWrite: boolean; status: string; canWrite: boolean }[]>`
      SELECT "doNotWrite", "status"::text AS "status", "canWrite" FROM "Prisoner" WHERE "id" = ${prisonerId} FOR UPDATE`;
    if (!prisoner || prisoner.doNotWrite || !isReachable(prisoner)) throw new PermissionError("not-offered");
    const active = await tx.adoption.findMany({
      where: { volunteerId: volunteer.id, endedAt: null },
      select: { prisonerId: true },
    });
    if (active.some((a) => a.prisonerId === prisonerId)) return;
    const limit = await getSetting("maxAdoptions", tx);
    if (active.length >= limit) throw new AdoptionLimitError(limit);
    const perPrisoner = await getSetting("maxAdoptersPerPrisoner", tx);
    if ((await tx.adoption.count({ where: { prisonerId, endedAt: null } })) >= perPrisoner)
      throw new PrisonerAdoptionsFullError(perPrisoner);
    await tx.adoption.create({ data: { volunteerId: volunteer.id, prisonerId, createdAt: now() } });
  });
}

export async function endAdoption(volunteerId: string, prisonerId: string): Promise<boolean> {
  const { count } = await prisma.adoption.updateMany({
    where: { volunteerId, prisonerId, endedAt: null },
    data: { endedAt: now() },
  });
  return count > 0;
}

/**
 * The volunteer's adopted people, for /write and /home: name, when the volunteer
 * last wrote to them, and the limit ("1 of 3").
 */
/** Whether the volunteer adopts this prisoner now (the prisoner page asks on every view). */
export async function isAdopting(volunteerId: string, prisonerId: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT 1 FROM "Adoption" WHERE "volunteerId" = ${volunteerId} AND "prisonerId" = ${prisonerId} AND "endedAt" IS NULL LIMIT 1`;
  return rows.length > 0;
}

/** The volunteer's adopted people for /write: one plain query (it runs on every /write). */
export async function adoptedPeople(volunteerId: string) {
  const [rows, limit] = await Promise.all([
    prisma.$queryRaw<
      {
        id: string;
        adoptedAt: Date;
        surname: string | null;
        givenName: string | null;
        patronymic: string | null;
        birthDate: Date | null;
        birthYearOnly: boolean;
        lastLetterAt: Date | null;
      }[]
    >`
      SELECT a."prisonerId" AS "id", a."createdAt" AS "adoptedAt", n."surname", n."givenName", n."patronymic",
             p."birthDate", p."birthYearOnly",
             (SELECT max(l."sentAt") FROM "Letter" l WHERE l."authorId" = ${volunteerId} AND l."prisonerId" = a."prisonerId") AS "lastLetterAt"
      FROM "Adoption" a JOIN "Prisoner" p ON p."id" = a."prisonerId"
      LEFT JOIN LATERAL (
        SELECT "surname", "givenName", "patronymic" FROM "PrisonerName" WHERE "prisonerId" = a."prisonerId" AND "isPrimary" LIMIT 1
      ) n ON TRUE
      WHERE a."volunteerId" = ${volunteerId} AND a."endedAt" IS NULL
      ORDER BY a."createdAt" ASC, a."id" ASC`,
    getSetting("maxAdoptions"),
  ]);
  return {
    limit,
    people: rows.map((r) => ({
      id: r.id,
      name:
        r.surname !== null && r.givenName !== null
          ? fullName({ surname: r.surname, givenName: r.givenName, patronymic: r.patronymic })
          : "—",
      adoptedAt: r.adoptedAt,
      lastLetterAt: r.lastLetterAt,
      birthDate: r.birthYearOnly ? null : r.birthDate,
    })),
  };
}

export async function reachOf(writesIn: string[]): Promise<CountryReach[]> {
  // A plain query: it runs on every /write.
  const routes = await prisma.$queryRaw<ReachRoute[]>`
    SELECT "name", "countries"::text[] AS "countries", "itemKinds"::text[] AS "itemKinds", "languages",
           "translates", "handover"::text AS "handover", "handoverEmail", "active"
    FROM "Route" WHERE "active" ORDER BY "position" ASC`;
  return reachFor(writesIn, routes);
}
