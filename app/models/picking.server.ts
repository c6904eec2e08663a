import crypto from "node:crypto";
import { Prisma, type User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { can } from "#app/utils/permissions.ts";
import { PermissionError } from "./users.server.ts";
import { getSetting } from "./settings.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { reachableSql } from "./situation.server.ts";

/**
 * Choosing whom to write to: the humanitarian list first, then the people with
 * the fewest letters in the last 30 days. Prisoners who asked not to be written to,
 * and released people, are never offered; relatives-only and incommunicado ones are
 * offered with a warning that delivery is not expected.
 */

export const RECENT_DAYS = 30;
export const NEEDS_PER_PAGE = 20;

export interface NeedsFilter {
  country?: "BY" | "RU";
  /** Only prisoners whose facility accepts one of these languages (unknown facility: offered). */
  languages?: string[];
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
  birthDate: Date | null;
  birthYearOnly: boolean;
}

function whereOffered(filter: NeedsFilter) {
  const conditions = [reachableSql("p"), Prisma.sql`NOT p."doNotWrite"`];
  if (filter.country) conditions.push(Prisma.sql`p."country" = ${filter.country}::"Country"`);
  if (filter.languages?.length) {
    conditions.push(Prisma.sql`(f."id" IS NULL OR f."languages" && ${filter.languages}::text[])`);
  }
  return Prisma.join(conditions, " AND ");
}

async function rankedCandidates(filter: NeedsFilter, limit: number, offset: number, extra = Prisma.sql`TRUE`): Promise<Candidate[]> {
  const cutoff = new Date(now().getTime() - RECENT_DAYS * 86_400_000);
  const rows = await prisma.$queryRaw<(Omit<Candidate, "name" | "facility"> & { facilityName: string | null; facilityCity: string | null; recentLetters: bigint | number })[]>`
    SELECT p."id", p."country", p."humanitarian", p."incommunicado", p."relativesOnly", p."birthDate", p."birthYearOnly",
           f."name" AS "facilityName", f."city" AS "facilityCity",
           (SELECT count(*) FROM "Letter" l WHERE l."prisonerId" = p."id" AND l."sentAt" >= ${cutoff}) AS "recentLetters"
    FROM "Prisoner" p LEFT JOIN "Facility" f ON f."id" = p."currentFacilityId"
    WHERE ${whereOffered(filter)} AND ${extra}
    ORDER BY p."humanitarian" DESC, "recentLetters" ASC, p."sortName" ASC, p."id" ASC
    LIMIT ${limit} OFFSET ${offset}`;
  const names = await prisma.prisonerName.findMany({
    where: { prisonerId: { in: rows.map((r) => r.id) }, isPrimary: true },
    select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
  });
  const nameOf = new Map(names.map((n) => [n.prisonerId, fullName(n)]));
  return rows.map(({ facilityName, facilityCity, recentLetters, ...r }) => ({
    ...r,
    recentLetters: Number(recentLetters),
    name: nameOf.get(r.id) ?? "—",
    facility: facilityName ? `${facilityName}, ${facilityCity}` : null,
  }));
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
  const pool = await rankedCandidates(filter, 10, 0, Prisma.sql`NOT p."incommunicado" AND NOT p."relativesOnly"`);
  if (pool.length === 0) return null;
  return pool[crypto.randomInt(pool.length)].id;
}

export class AdoptionLimitError extends Error {
  constructor(public limit: number) {
    super(`At most ${limit} active adoptions`);
  }
}

export async function activeAdoptions(volunteerId: string) {
  return prisma.adoption.findMany({
    where: { volunteerId, endedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, prisonerId: true, createdAt: true },
  });
}

/**
 * Adopts a prisoner to write to regularly. The volunteer's row is locked for the
 * check and the insert, so two clicks at once cannot exceed the limit or adopt
 * the same person twice.
 */
export async function adopt(volunteer: User, prisonerId: string): Promise<void> {
  if (!can(volunteer, "write:letters:own")) throw new PermissionError("write:letters:own");
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${volunteer.id} FOR UPDATE`;
    const prisoner = await tx.prisoner.findUnique({ where: { id: prisonerId }, select: { doNotWrite: true, status: true, canWrite: true } });
    if (!prisoner || prisoner.doNotWrite || !isReachable(prisoner)) throw new PermissionError("not-offered");
    const active = await tx.adoption.findMany({ where: { volunteerId: volunteer.id, endedAt: null }, select: { prisonerId: true } });
    if (active.some((a) => a.prisonerId === prisonerId)) return;
    const limit = await getSetting("maxAdoptions", tx);
    if (active.length >= limit) throw new AdoptionLimitError(limit);
    await tx.adoption.create({ data: { volunteerId: volunteer.id, prisonerId, createdAt: now() } });
  });
}

export async function endAdoption(volunteerId: string, prisonerId: string): Promise<boolean> {
  const { count } = await prisma.adoption.updateMany({ where: { volunteerId, prisonerId, endedAt: null }, data: { endedAt: now() } });
  return count > 0;
}
