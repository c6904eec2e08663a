import { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { stuckCondition } from "#app/models/tracking.server.ts";
import { reachableSql } from "./situation.server.ts";
import { COUNTRIES } from "#app/schemas/prisoners.ts";

/**
 * The coordinators' dashboard: plain numbers for each panel, computed in the
 * database. Every day, week and month is a UTC one; weeks start on Monday
 * (PostgreSQL's date_trunc('week')).
 *
 * What each panel counts:
 * - by route and status, and sent per week: items (letters, postcards, parcels)
 *   whose sentAt falls in the period, with their status now;
 * - delivered per week: items that reached "delivered" in the period, or
 *   "reply_received" without having been marked delivered first (each item once);
 * - returns and censorship: items that reached returned / censored / refused in the
 *   period and are still in that status, by the facility they were sent to;
 * - stuck: items now longer than usual in a non-final status (the same rule as the
 *   tracked-items list), whatever the period;
 * - coverage: prisoners who can be written to (not released, not "do not write")
 *   without a letter or postcard sent or delivered in the last 60 days, whatever the
 *   route and period;
 * - volunteers: people who sent at least one item this calendar month;
 * - released and newly listed per month, by country: people whose release
 *   (SituationChange to "released") happened in the month, by its date in the world
 *   (occurredOn) or, without one, the day it was recorded; and people an NGO list first
 *   listed in the month: the earliest PrisonerSource.firstSeenAt of the person. Not
 *   Prisoner.createdAt: that also counts people a coordinator added by hand, and
 *   "newly listed" is what the sources count (new arrests, new recognitions). A
 *   person counts once a month. The first import of a whole list lists everyone in
 *   its month: read that month as the registry's start, not as arrests.
 * Country (the prisoner's) and route filter every panel, except that coverage
 * ignores the route.
 */

export const DASHBOARD_COUNTRIES = COUNTRIES;
export type DashboardCountry = (typeof COUNTRIES)[number];

/** Default period: this week and the eleven before it. */
export const DEFAULT_WEEKS = 12;
/** The longest period the dashboard shows at once. */
export const MAX_PERIOD_DAYS = 3 * 366;
export const COVERAGE_DAYS = 60;
export const COVERAGE_LIST_SIZE = 10;

const DAY = 86_400_000;

export interface DashboardFilters {
  country: DashboardCountry | null;
  routeId: string | null;
  /** First day of the period, 00:00 UTC. */
  from: Date;
  /** The day after the last day of the period, 00:00 UTC (exclusive). */
  to: Date;
}

// ───────────────────────────── Dates ─────────────────────────────

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Monday 00:00 UTC of the week a date falls in. */
export function startOfUtcWeek(date: Date): Date {
  const day = startOfUtcDay(date);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parseDay(raw: string | null): Date | null {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  const date = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== raw ? null : date;
}

/** The period's weeks (their Mondays), the first possibly starting before the period. */
export function periodWeeks(filters: Pick<DashboardFilters, "from" | "to">): string[] {
  const weeks: string[] = [];
  for (let week = startOfUtcWeek(filters.from); week < filters.to; week = new Date(week.getTime() + 7 * DAY))
    weeks.push(isoDay(week));
  return weeks;
}

/**
 * Filters from the page's query string (country, route, from, to as yyyy-mm-dd).
 * Anything missing or malformed falls back to the default; a reversed period is put
 * the right way round; a period longer than three years is cut at its start.
 */
export function dashboardFiltersFromUrl(params: URLSearchParams, today: Date = now()): DashboardFilters {
  const country = DASHBOARD_COUNTRIES.find((c) => c === params.get("country")) ?? null;
  const rawRoute = params.get("route") ?? "";
  const routeId = /^[\w-]{1,64}$/.test(rawRoute) ? rawRoute : null;
  let first = parseDay(params.get("from"));
  let last = parseDay(params.get("to")) ?? startOfUtcDay(today);
  if (!first) first = new Date(startOfUtcWeek(last).getTime() - (DEFAULT_WEEKS - 1) * 7 * DAY);
  if (first > last) [first, last] = [last, first];
  const to = new Date(last.getTime() + DAY);
  const from =
    to.getTime() - first.getTime() > MAX_PERIOD_DAYS * DAY ? new Date(to.getTime() - MAX_PERIOD_DAYS * DAY) : first;
  return { country, routeId, from, to };
}

/** The filters as query-string values (to is the last day, inclusive). */
export function dashboardFiltersToParams(
  filters: DashboardFilters,
): Record<"country" | "route" | "from" | "to", string> {
  return {
    country: filters.country ?? "",
    route: filters.routeId ?? "",
    from: isoDay(filters.from),
    to: isoDay(new Date(filters.to.getTime() - DAY)),
  };
}

// ───────────────────────────── SQL pieces ─────────────────────────────

type ItemTable = "letter" | "parcel";
const TABLES: ItemTable[] = ["letter", "parcel"];
const TABLE: Record<ItemTable, Prisma.Sql> = { letter: Prisma.sql`"Letter"`, parcel: Prisma.sql`"Parcel"` };
const PERSON: Record<ItemTable, Prisma.Sql> = { letter: Prisma.sql`i."authorId"`, parcel: Prisma.sql`i."senderId"` };

/**
 * Runs one dashboard query with JIT compilation off. PostgreSQL compiles a query to
 * machine code once its estimated cost passes jit_above_cost (100,000) and optimises
 * the code past 500,000; the estimates for the (toStatus, occurredAt) ranges below are
 * pessimistic (tens of thousands of rows for a few thousand), which would cost
 * 200–300 ms of compiling for queries that run in 10. SET LOCAL ends with the
 * transaction; PGlite accepts it too.
 */
async function query<T>(sql: Prisma.Sql): Promise<T[]> {
  const [, rows] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL jit = off`, prisma.$queryRaw<T[]>(sql)]);
  return rows;
}

/**
 * The country as an SQL literal rather than a bound parameter: the PGlite adapter
 * cannot bind enums, and a `::text` cast would hide the column's statistics from the
 * planner (it then expects 0.5% of prisoners per country and picks nested loops).
 * Safe: only the two known codes get through.
 */
function countryLiteral(country: DashboardCountry): Prisma.Sql {
  if (!DASHBOARD_COUNTRIES.includes(country)) throw new Error(`Unknown country ${String(country)}`);
  return Prisma.raw(`'${country}'`);
}

interface Scope {
  country: DashboardCountry | null;
  routeId: string | null;
}

/** Joins and conditions limiting items (alias i) to sent ones of the chosen country and route. */
function itemScope(scope: Scope, extra: Prisma.Sql[] = []): { join: Prisma.Sql; where: Prisma.Sql } {
  const conditions = [Prisma.sql`i."state" <> 'draft'`, ...extra];
  if (scope.routeId) conditions.push(Prisma.sql`i."routeId" = ${scope.routeId}`);
  if (scope.country) conditions.push(Prisma.sql`pr."country" = ${countryLiteral(scope.country)}`);
  return {
    join: scope.country ? Prisma.sql`JOIN "Prisoner" pr ON pr."id" = i."prisonerId"` : Prisma.empty,
    where: Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`,
  };
}

function sentIn(from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`i."sentAt" >= ${from}::timestamp AND i."sentAt" < ${to}::timestamp`;
}

/**
 * Status events (alias se) that moved to one of these statuses in [from, to), written
 * as ranges over the pair (toStatus, occurredAt). Only the StatusEvent(toStatus,
 * occurredAt) index can serve a row comparison; given `toStatus IN (…) AND
 * occurredAt …` PostgreSQL prefers the occurredAt index and then filters every event
 * of the period (three to four times the work with a million events).
 */
function eventsTo(statuses: readonly string[], from: Date, to: Date): Prisma.Sql {
  const ranges = statuses.map(
    (status) => Prisma.sql`((se."toStatus", se."occurredAt") >= (${status}::text, ${from}::timestamp)
      AND (se."toStatus", se."occurredAt") < (${status}::text, ${to}::timestamp))`,
  );
  return Prisma.sql`(${Prisma.join(ranges, " OR ")})`;
}

/** An item's arrival in [from, to): "delivered", or a reply that came without "delivered" first. */
function arrivals(from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`(${eventsTo(["delivered"], from, to)}
    OR (${eventsTo(["reply_received"], from, to)} AND se."fromStatus" IS DISTINCT FROM 'delivered'))`;
}

/**
 * The letter or parcel (aliases l, pa) of each status event (alias se), joined so
 * that PostgreSQL may hash the item tables (the better plan when the events are many:
 * every delivery of a period), with the prisoner (alias pr) for the country filter.
 * One scan of the events serves both tables: a scan per table would read every
 * parcel event through the parcelId index.
 */
function joinEventItems(scope: Scope): { join: Prisma.Sql; where: Prisma.Sql[] } {
  const where = [Prisma.sql`COALESCE(l."id", pa."id") IS NOT NULL`];
  if (scope.routeId) where.push(Prisma.sql`COALESCE(l."routeId", pa."routeId") = ${scope.routeId}`);
  if (scope.country) where.push(Prisma.sql`pr."country" = ${countryLiteral(scope.country)}`);
  return {
    join: Prisma.sql`LEFT JOIN "Letter" l ON l."id" = se."letterId"
      LEFT JOIN "Parcel" pa ON pa."id" = se."parcelId"
      ${scope.country ? Prisma.sql`JOIN "Prisoner" pr ON pr."id" = COALESCE(l."prisonerId", pa."prisonerId")` : Prisma.empty}`,
    where,
  };
}

/**
 * The item (alias i: a letter or a parcel) of each status event (alias se), looked up
 * by primary key and limited to the chosen route: the better plan when the events are
 * few (a few statuses). OFFSET 0 keeps PostgreSQL from turning the lookups into hash
 * joins over the whole item tables, which its (pessimistic) estimate for the event
 * ranges would otherwise choose: four times slower over the default 12 weeks.
 */
function lookUpEventItem(scope: Scope, columns: Prisma.Sql, extra: Prisma.Sql[] = []): Prisma.Sql {
  const parts = TABLES.map((table) => {
    const key = table === "letter" ? Prisma.sql`se."letterId"` : Prisma.sql`se."parcelId"`;
    const conditions = [Prisma.sql`i."id" = ${key}`, ...extra];
    if (scope.routeId) conditions.push(Prisma.sql`i."routeId" = ${scope.routeId}`);
    return Prisma.sql`SELECT ${columns} FROM ${TABLE[table]} i WHERE ${Prisma.join(conditions, " AND ")}`;
  });
  return Prisma.sql`CROSS JOIN LATERAL (${Prisma.join(parts, " UNION ALL ")} OFFSET 0) i`;
}

// ───────────────────────────── Panels ─────────────────────────────

/** Items sent in the period by route, status now, kind and week: the two panels that count sent items share it. */
export interface SentCount {
  routeId: string | null;
  status: string | null;
  kind: "letter" | "postcard" | "parcel";
  /** Monday of the week, yyyy-mm-dd. */
  week: string;
  n: number;
}

export async function sentItems(filters: DashboardFilters): Promise<SentCount[]> {
  const parts = TABLES.map((table) => {
    const { join, where } = itemScope(filters, [sentIn(filters.from, filters.to)]);
    const kind = table === "letter" ? Prisma.sql`i."kind"::text` : Prisma.sql`'parcel'`;
    return Prisma.sql`SELECT i."routeId", i."status", ${kind} AS "kind", date_trunc('week', i."sentAt") AS "week", count(*)::int AS "n"
      FROM ${TABLE[table]} i ${join} ${where} GROUP BY 1, 2, 3, 4`;
  });
  // Weeks are formatted after counting: to_char on every row costs more than the count.
  return query<SentCount>(
    Prisma.sql`SELECT "routeId", "status", "kind", to_char("week", 'YYYY-MM-DD') AS "week", "n" FROM (${Prisma.join(parts, " UNION ALL ")}) x`,
  );
}

export interface RouteStatusRow {
  routeId: string | null;
  routeName: string | null;
  status: string | null;
  /** The status's name a coordinator gave it, for keys without a translation. */
  statusLabel: string | null;
  isFinal: boolean;
  letters: number;
  postcards: number;
  parcels: number;
  total: number;
}

/** Items sent in the period, by route and the status they are in now (routes and statuses in their order). */
export async function itemsByRouteAndStatus(
  filters: DashboardFilters,
  sent?: Promise<SentCount[]>,
): Promise<RouteStatusRow[]> {
  const [rows, routes] = await Promise.all([
    sent ?? sentItems(filters),
    prisma.route.findMany({
      select: {
        id: true,
        name: true,
        position: true,
        statuses: { select: { key: true, label: true, position: true, isFinal: true } },
      },
    }),
  ]);
  const routeById = new Map(routes.map((r) => [r.id, r]));
  const byKey = new Map<string, RouteStatusRow>();
  for (const row of rows) {
    const key = `${row.routeId ?? ""}\u0000${row.status ?? ""}`;
    let entry = byKey.get(key);
    if (!entry) {
      const route = row.routeId ? routeById.get(row.routeId) : undefined;
      const step = route?.statuses.find((s) => s.key === row.status);
      entry = {
        routeId: row.routeId,
        routeName: route?.name ?? null,
        status: row.status,
        statusLabel: step?.label ?? null,
        isFinal: step?.isFinal ?? false,
        letters: 0,
        postcards: 0,
        parcels: 0,
        total: 0,
      };
      byKey.set(key, entry);
    }
    if (row.kind === "letter") entry.letters += row.n;
    else if (row.kind === "postcard") entry.postcards += row.n;
    else entry.parcels += row.n;
    entry.total += row.n;
  }
  const order = (row: RouteStatusRow) => {
    const route = row.routeId ? routeById.get(row.routeId) : undefined;
    const step = route?.statuses.find((s) => s.key === row.status);
    return [
      route ? 0 : 1,
      route?.position ?? 0,
      route?.name ?? "",
      step ? step.position : Number.MAX_SAFE_INTEGER,
      row.status ?? "",
    ] as const;
  };
  return [...byKey.values()].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
}

export interface WeekRow {
  /** Monday of the week, yyyy-mm-dd. */
  week: string;
  sent: number;
  delivered: number;
}

/** Items that arrived in each week of the period (each item once: see arrivals()). */
async function deliveredPerWeek(filters: DashboardFilters): Promise<{ week: string; n: number }[]> {
  const item = filters.country || filters.routeId ? joinEventItems(filters) : { join: Prisma.empty, where: [] };
  const conditions = [arrivals(filters.from, filters.to), ...item.where];
  return query(Prisma.sql`SELECT to_char("week", 'YYYY-MM-DD') AS "week", "n" FROM (
    SELECT date_trunc('week', se."occurredAt") AS "week", count(*)::int AS "n"
      FROM "StatusEvent" se ${item.join}
     WHERE ${Prisma.join(conditions, " AND ")}
     GROUP BY 1) x`);
}

/** Items sent, and items delivered, in each week of the period. */
export async function sentAndDeliveredPerWeek(
  filters: DashboardFilters,
  sent?: Promise<SentCount[]>,
): Promise<WeekRow[]> {
  const [sentRows, delivered] = await Promise.all([sent ?? sentItems(filters), deliveredPerWeek(filters)]);
  const sentBy = new Map<string, number>();
  for (const row of sentRows) sentBy.set(row.week, (sentBy.get(row.week) ?? 0) + row.n);
  const deliveredBy = new Map(delivered.map((r) => [r.week, r.n]));
  return periodWeeks(filters).map((week) => ({
    week,
    sent: sentBy.get(week) ?? 0,
    delivered: deliveredBy.get(week) ?? 0,
  }));
}

/**
 * Items now longer than usual in a non-final status (the rule of the tracked-items
 * list), whatever the period. Counted status by status through the items'
 * (routeId, status) indexes: only the open items are read.
 */
export async function countStuckItems(filters: Scope): Promise<number> {
  const at = now();
  const counts = TABLES.map((table) => {
    const { join, where } = itemScope({ country: filters.country, routeId: null }, [
      Prisma.sql`i."routeId" = rs."routeId" AND i."status" = rs."key"`,
      stuckCondition(at, Prisma.sql`i`, Prisma.sql`rs`),
    ]);
    return Prisma.sql`(SELECT count(*) FROM ${TABLE[table]} i ${join} ${where})`;
  });
  const [row] = await query<{ n: number }>(Prisma.sql`
    SELECT COALESCE(sum(${Prisma.join(counts, " + ")}), 0)::int AS "n"
      FROM "RouteStatus" rs
     WHERE rs."isFinal" = false AND rs."usualDays" IS NOT NULL ${filters.routeId ? Prisma.sql`AND rs."routeId" = ${filters.routeId}` : Prisma.empty}`);
  return row.n;
}

export const ENDING_STATUSES = ["returned", "censored", "refused"] as const;
export type EndingStatus = (typeof ENDING_STATUSES)[number];

export interface FacilityEndingRow {
  facilityId: string | null;
  facilityName: string | null;
  city: string | null;
  country: string | null;
  returned: number;
  censored: number;
  refused: number;
  total: number;
}

/**
 * Items that ended returned, censored or refused in the period (and are still in that
 * status), by the facility they were sent to: the prisoner's current one when the
 * item has none recorded.
 */
export async function endingsByFacility(filters: DashboardFilters): Promise<FacilityEndingRow[]> {
  const rows = await query<{ facilityId: string | null; status: EndingStatus; n: number }>(Prisma.sql`
    SELECT COALESCE(i."facilityId", pr."currentFacilityId") AS "facilityId", i."status", count(DISTINCT i."id")::int AS "n"
      FROM "StatusEvent" se
      ${lookUpEventItem(filters, Prisma.sql`i."id", i."facilityId", i."prisonerId", i."status"`, [Prisma.sql`i."status" = se."toStatus"`])}
      JOIN "Prisoner" pr ON pr."id" = i."prisonerId"
     WHERE ${eventsTo(ENDING_STATUSES, filters.from, filters.to)}
           ${filters.country ? Prisma.sql`AND pr."country" = ${countryLiteral(filters.country)}` : Prisma.empty}
     GROUP BY 1, 2`);
  const ids = [...new Set(rows.map((r) => r.facilityId).filter((id): id is string => !!id))];
  const facilities = ids.length
    ? await prisma.facility.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, city: true, country: true },
      })
    : [];
  const facilityById = new Map(facilities.map((f) => [f.id, f]));
  const byFacility = new Map<string, FacilityEndingRow>();
  for (const row of rows) {
    const key = row.facilityId ?? "";
    let entry = byFacility.get(key);
    if (!entry) {
      const facility = row.facilityId ? facilityById.get(row.facilityId) : undefined;
      entry = {
        facilityId: row.facilityId,
        facilityName: facility?.name ?? null,
        city: facility?.city ?? null,
        country: facility?.country ?? null,
        returned: 0,
        censored: 0,
        refused: 0,
        total: 0,
      };
      byFacility.set(key, entry);
    }
    entry[row.status] += row.n;
    entry.total += row.n;
  }
  return [...byFacility.values()].sort(
    (a, b) =>
      b.total - a.total ||
      Number(a.facilityId === null) - Number(b.facilityId === null) ||
      (a.facilityName ?? "").localeCompare(b.facilityName ?? ""),
  );
}

export interface UncoveredPrisoner {
  id: string;
  name: string;
  country: string;
  humanitarian: boolean;
  facilityName: string | null;
  city: string | null;
  lastSentAt: Date | null;
}

export interface Coverage {
  days: number;
  /** Prisoners who can be written to. */
  prisoners: number;
  humanitarian: number;
  /** Of those, without a letter sent or delivered in the last `days` days. */
  uncovered: number;
  humanitarianUncovered: number;
  /** The humanitarian list first, then those waiting longest. */
  longestWaiting: UncoveredPrisoner[];
}

/**
 * Prisoners (not released, not "do not write") with no letter or postcard sent or
 * delivered in the last 60 days, and the first of them to write to. One query: the
 * counts on every row, the list alongside (no list row when nobody is left out).
 */
export async function coverage(
  filters: Pick<Scope, "country">,
  { days = COVERAGE_DAYS, listSize = COVERAGE_LIST_SIZE } = {},
): Promise<Coverage> {
  const cutoff = new Date(now().getTime() - days * DAY);
  const rows = await query<{
    prisoners: number;
    humanitarian: number;
    uncovered: number;
    humanitarianUncovered: number;
    id: string | null;
    country: string | null;
    isHumanitarian: boolean | null;
    facilityName: string | null;
    city: string | null;
    lastSentAt: Date | string | null;
  }>(Prisma.sql`
    WITH sent AS (
      SELECT DISTINCT l."prisonerId" FROM "Letter" l WHERE l."sentAt" >= ${cutoff}::timestamp AND l."state" <> 'draft'
    ), writable AS MATERIALIZED (
      SELECT p."id", p."country", p."humanitarian", p."sortName", p."currentFacilityId", (s."prisonerId" IS NULL AND d."hit" IS NULL) AS "uncovered"
        FROM "Prisoner" p
        LEFT JOIN sent s ON s."prisonerId" = p."id"
        -- Only for those without a letter sent since the cutoff: one of their letters
        -- delivered since then? (The first condition stops the lookup for everyone else.)
        LEFT JOIN LATERAL (
          SELECT 1 AS "hit" FROM "Letter" l JOIN "StatusEvent" se ON se."letterId" = l."id"
           WHERE s."prisonerId" IS NULL AND l."prisonerId" = p."id" AND se."occurredAt" >= ${cutoff}::timestamp
             AND (se."toStatus" = 'delivered' OR (se."toStatus" = 'reply_received' AND se."fromStatus" IS DISTINCT FROM 'delivered'))
           LIMIT 1
        ) d ON true
       WHERE ${reachableSql("p")} AND p."doNotWrite" = false
             ${filters.country ? Prisma.sql`AND p."country" = ${countryLiteral(filters.country)}` : Prisma.empty}
    ), counts AS (
      SELECT count(*)::int AS "prisoners",
             (count(*) FILTER (WHERE "humanitarian"))::int AS "humanitarian",
             (count(*) FILTER (WHERE "uncovered"))::int AS "uncovered",
             (count(*) FILTER (WHERE "humanitarian" AND "uncovered"))::int AS "humanitarianUncovered"
        FROM writable
    )
    SELECT counts.*, w."id", w."country"::text AS "country", w."humanitarian" AS "isHumanitarian", f."name" AS "facilityName", f."city", w."lastSentAt"
      FROM counts
      LEFT JOIN LATERAL (
        SELECT w.*, (SELECT max(l."sentAt") FROM "Letter" l WHERE l."prisonerId" = w."id") AS "lastSentAt"
          FROM writable w WHERE w."uncovered"
         ORDER BY w."humanitarian" DESC, "lastSentAt" ASC NULLS FIRST, w."sortName", w."id"
         LIMIT ${listSize}
      ) w ON true
      LEFT JOIN "Facility" f ON f."id" = w."currentFacilityId"
     ORDER BY w."humanitarian" DESC, w."lastSentAt" ASC NULLS FIRST, w."sortName", w."id"`);
  const [first] = rows;
  const list = rows.filter((r): r is typeof r & { id: string } => r.id !== null);
  const names = list.length
    ? await prisma.prisonerName.findMany({
        where: { prisonerId: { in: list.map((p) => p.id) }, isPrimary: true },
        select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
      })
    : [];
  const nameOf = new Map(names.map((n) => [n.prisonerId, fullName(n)]));
  return {
    days,
    prisoners: first.prisoners,
    humanitarian: first.humanitarian,
    uncovered: first.uncovered,
    humanitarianUncovered: first.humanitarianUncovered,
    longestWaiting: list.map((p) => ({
      id: p.id,
      name: nameOf.get(p.id) ?? "—",
      country: p.country ?? "",
      humanitarian: !!p.isHumanitarian,
      facilityName: p.facilityName,
      city: p.city,
      lastSentAt: p.lastSentAt ? new Date(p.lastSentAt) : null,
    })),
  };
}

export interface ActiveVolunteers {
  /** First day of the month, yyyy-mm-dd. */
  month: string;
  count: number;
}

/** People who sent at least one item (letter, postcard or parcel) this calendar month. */
export async function activeVolunteersThisMonth(filters: Scope): Promise<ActiveVolunteers> {
  const today = now();
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const nextMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  const parts = TABLES.map((table) => {
    const { join, where } = itemScope(filters, [
      sentIn(monthStart, nextMonth),
      Prisma.sql`${PERSON[table]} IS NOT NULL`,
    ]);
    return Prisma.sql`SELECT ${PERSON[table]} AS "person" FROM ${TABLE[table]} i ${join} ${where}`;
  });
  const [row] = await query<{ n: number }>(
    Prisma.sql`SELECT count(DISTINCT "person")::int AS "n" FROM (${Prisma.join(parts, " UNION ALL ")}) x`,
  );
  return { month: isoDay(monthStart), count: row.n };
}

export interface SituationMonthRow {
  /** yyyy-mm */
  month: string;
  country: DashboardCountry;
  released: number;
  newlyListed: number;
}

/** The period's months (yyyy-mm), the first possibly starting before the period. */
export function periodMonths(filters: Pick<DashboardFilters, "from" | "to">): string[] {
  const months: string[] = [];
  for (
    let m = new Date(Date.UTC(filters.from.getUTCFullYear(), filters.from.getUTCMonth(), 1));
    m < filters.to;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    months.push(isoDay(m).slice(0, 7));
  }
  return months;
}

/** Released and newly listed people per month of the period, by country (the route filter does not apply). */
export async function situationPerMonth(
  filters: Pick<DashboardFilters, "from" | "to" | "country">,
): Promise<SituationMonthRow[]> {
  const country = filters.country ? Prisma.sql`AND p."country" = ${countryLiteral(filters.country)}` : Prisma.empty;
  const rows = await query<{
    month: string;
    country: DashboardCountry;
    metric: "released" | "listed";
    n: number;
  }>(Prisma.sql`
    SELECT to_char(date_trunc('month', x."on"), 'YYYY-MM') AS "month", x."country", x."metric", count(DISTINCT x."pid")::int AS "n" FROM (
      SELECT sc."prisonerId" AS "pid", p."country"::text AS "country", 'released' AS "metric",
             COALESCE(sc."occurredOn"::timestamp, sc."createdAt") AS "on"
        FROM "SituationChange" sc JOIN "Prisoner" p ON p."id" = sc."prisonerId"
       WHERE sc."status" = 'released' ${country}
      UNION ALL
      SELECT ps."prisonerId", p."country"::text, 'listed', min(ps."firstSeenAt")
        FROM "PrisonerSource" ps JOIN "Prisoner" p ON p."id" = ps."prisonerId"
       WHERE TRUE ${country}
       GROUP BY ps."prisonerId", p."country"
    ) x
    WHERE x."on" >= ${filters.from}::timestamp AND x."on" < ${filters.to}::timestamp
    GROUP BY 1, 2, 3`);
  const countries = filters.country ? [filters.country] : [...DASHBOARD_COUNTRIES];
  const count = (month: string, c: string, metric: string) =>
    rows.find((r) => r.month === month && r.country === c && r.metric === metric)?.n ?? 0;
  return periodMonths(filters).flatMap((month) =>
    countries.map((c) => ({
      month,
      country: c,
      released: count(month, c, "released"),
      newlyListed: count(month, c, "listed"),
    })),
  );
}

// ───────────────────────────── All panels ─────────────────────────────

/** Routes for the filter, in the coordinators' order. */
export async function dashboardRoutes(): Promise<{ id: string; name: string }[]> {
  return prisma.route.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

export interface Dashboard {
  filters: DashboardFilters;
  byRouteAndStatus: RouteStatusRow[];
  weeks: WeekRow[];
  totals: { sent: number; delivered: number };
  stuck: number;
  endings: FacilityEndingRow[];
  coverage: Coverage;
  volunteers: ActiveVolunteers;
  situation: SituationMonthRow[];
}

/** Every panel, the queries running side by side (on PostgreSQL, on several connections). */
export async function dashboard(filters: DashboardFilters): Promise<Dashboard> {
  const sent = sentItems(filters);
  const [byRouteAndStatus, weeks, stuck, endings, cover, volunteers, situation] = await Promise.all([
    itemsByRouteAndStatus(filters, sent),
    sentAndDeliveredPerWeek(filters, sent),
    countStuckItems(filters),
    endingsByFacility(filters),
    coverage(filters),
    activeVolunteersThisMonth(filters),
    situationPerMonth(filters),
  ]);
  return {
    filters,
    byRouteAndStatus,
    weeks,
    totals: { sent: weeks.reduce((s, w) => s + w.sent, 0), delivered: weeks.reduce((s, w) => s + w.delivered, 0) },
    stuck,
    endings,
    coverage: cover,
    volunteers,
    situation,
  };
}

// ───────────────────────────── CSV ─────────────────────────────

export const DASHBOARD_CSV_HEADER = ["panel", "route", "status", "facility", "period", "metric", "value"];

/**
 * One CSV for every panel, one number a row: panel, the row's route / status /
 * facility / period (week or month) where it has one, the metric and its value.
 * The first rows give the filters. Aggregates only: no names of people.
 */
export function dashboardCsvRows(data: Dashboard, routeName: (id: string | null) => string): (string | number)[][] {
  const f = dashboardFiltersToParams(data.filters);
  const rows: (string | number)[][] = [
    ["filter", "", "", "", "", "country", f.country || "all"],
    ["filter", routeName(data.filters.routeId), "", "", "", "route", data.filters.routeId ?? "all"],
    ["filter", "", "", "", "", "from", f.from],
    ["filter", "", "", "", "", "to", f.to],
  ];
  for (const r of data.byRouteAndStatus) {
    for (const metric of ["letters", "postcards", "parcels", "total"] as const) {
      rows.push(["by_route_status", r.routeName ?? "", r.status ?? "", "", "", metric, r[metric]]);
    }
  }
  for (const w of data.weeks) {
    rows.push(["per_week", "", "", "", w.week, "sent", w.sent]);
    rows.push(["per_week", "", "", "", w.week, "delivered", w.delivered]);
  }
  rows.push(["stuck", "", "", "", "", "stuck_items", data.stuck]);
  for (const e of data.endings) {
    const facility = e.facilityName ? `${e.facilityName}, ${e.city ?? ""}` : "";
    for (const metric of ["returned", "censored", "refused", "total"] as const)
      rows.push(["endings_by_facility", "", "", facility, "", metric, e[metric]]);
  }
  const c = data.coverage;
  rows.push(["coverage", "", "", "", "", "prisoners", c.prisoners]);
  rows.push(["coverage", "", "", "", "", `without_letter_${c.days}_days`, c.uncovered]);
  rows.push(["coverage", "", "", "", "", "humanitarian", c.humanitarian]);
  rows.push(["coverage", "", "", "", "", `humanitarian_without_letter_${c.days}_days`, c.humanitarianUncovered]);
  rows.push(["volunteers", "", "", "", data.volunteers.month.slice(0, 7), "active_this_month", data.volunteers.count]);
  for (const s of data.situation) {
    rows.push(["situation", "", "", "", s.month, `released_${s.country}`, s.released]);
    rows.push(["situation", "", "", "", s.month, `newly_listed_${s.country}`, s.newlyListed]);
  }
  return rows;
}
