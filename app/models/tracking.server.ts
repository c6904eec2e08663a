import { Prisma } from "#app/generated/prisma/client.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { checkTransition, type StatusStep, type TransitionRefusal } from "#app/tracking/transitions.ts";
import { customStatusLabels, REFUSAL_KEYS } from "#app/tracking/status-label.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";

/**
 * Status tracking for every item that left the platform: letters, postcards and
 * parcels. Each change is checked against the item's route, recorded as an event
 * (from, to, who, when, note, reference) and applied under a row lock, so two
 * coordinators changing one item at once cannot both succeed from the same status.
 */

export type ItemType = "letter" | "parcel";
export interface ItemRef {
  type: ItemType;
  id: string;
}

export type TransitionCode = TransitionRefusal | "not-found" | "not-sent" | "no-route";

export const TRANSITION_ERRORS: DomainErrorTable<TransitionCode> = {
  "unknown-status": { kind: "invalid", message: REFUSAL_KEYS["unknown-status"] },
  "same-status": { kind: "conflict", message: REFUSAL_KEYS["same-status"] },
  backwards: { kind: "conflict", message: REFUSAL_KEYS.backwards },
  "after-final": { kind: "conflict", message: REFUSAL_KEYS["after-final"] },
  "not-found": { kind: "not_found", message: REFUSAL_KEYS["not-found"] },
  "not-sent": { kind: "conflict", message: REFUSAL_KEYS["not-sent"] },
  "no-route": { kind: "conflict", message: REFUSAL_KEYS["no-route"] },
};

/** An item cannot take the status change asked for (its route, its state, or it is gone). */
export class TransitionError extends DomainError<TransitionCode> {
  constructor(
    code: TransitionCode,
    readonly item?: ItemRef,
  ) {
    super(code, TRANSITION_ERRORS);
  }
}

export interface StatusChange {
  to: string;
  actorId: string | null;
  note?: string | null;
  reference?: string | null;
}

export interface StatusChangeResult {
  from: string | null;
  to: string;
  late: boolean;
  final: boolean;
}

const TABLE: Record<ItemType, Prisma.Sql> = { letter: Prisma.sql`"Letter"`, parcel: Prisma.sql`"Parcel"` };

export async function routeStatuses(routeId: string, db: DbClient = prisma): Promise<StatusStep[]> {
  return db.routeStatus.findMany({
    where: { routeId },
    orderBy: { position: "asc" },
    select: { key: true, position: true, usualDays: true, isFinal: true },
  });
}

/** The names coordinators gave to a route's own statuses, by key, for statusLabel (none without a route). */
export async function routeStatusLabels(
  routeId: string | null,
  db: DbClient = prisma,
): Promise<Record<string, string>> {
  if (!routeId) return {};
  return customStatusLabels(await db.routeStatus.findMany({ where: { routeId }, select: { key: true, label: true } }));
}

/** Applies one status change inside the caller's transaction. */
export async function changeStatusIn(
  tx: Prisma.TransactionClient,
  item: ItemRef,
  change: StatusChange,
): Promise<StatusChangeResult> {
  const [row] = await tx.$queryRaw<{ status: string | null; routeId: string | null; state: string }[]>`
    SELECT "status", "routeId", "state"::text AS "state" FROM ${TABLE[item.type]} WHERE "id" = ${item.id} FOR UPDATE`;
  if (!row) throw new TransitionError("not-found", item);
  if (row.state === "draft") throw new TransitionError("not-sent", item);
  if (!row.routeId) throw new TransitionError("no-route", item);
  // FOR SHARE: a coordinator removing a status waits for this change, then sees the item in it.
  const statuses = await tx.$queryRaw<StatusStep[]>`
    SELECT "key", "position", "usualDays", "isFinal" FROM "RouteStatus" WHERE "routeId" = ${row.routeId} ORDER BY "position" FOR SHARE`;
  const verdict = checkTransition(statuses, row.status, change.to);
  if (!verdict.allowed) throw new TransitionError(verdict.reason, item);
  const at = now();
  await writeStatus(
    tx,
    item,
    {
      from: row.status,
      to: change.to,
      actorId: change.actorId,
      at,
      note: change.note?.trim() || (verdict.late ? "late event" : null),
      reference: change.reference?.trim() || null,
    },
    verdict.final ? { state: "closed", closedAt: at } : {},
  );
  return { from: row.status, to: change.to, late: verdict.late, final: verdict.final };
}

/**
 * Writes an item's new status together with its event: the one place both are written.
 * Callers have checked the change (changeStatusIn) or reset the item on purpose (a new route).
 */
export async function writeStatus(
  tx: Prisma.TransactionClient,
  item: ItemRef,
  step: {
    from: string | null;
    to: string;
    actorId: string | null;
    at: Date;
    note?: string | null;
    reference?: string | null;
  },
  itemData: { state?: "closed"; closedAt?: Date; routeId?: string; batchId?: string } = {},
): Promise<void> {
  const data = { status: step.to, statusChangedAt: step.at, ...itemData };
  if (item.type === "letter") await tx.letter.update({ where: { id: item.id }, data });
  else await tx.parcel.update({ where: { id: item.id }, data });
  await tx.statusEvent.create({
    data: {
      letterId: item.type === "letter" ? item.id : null,
      parcelId: item.type === "parcel" ? item.id : null,
      fromStatus: step.from,
      toStatus: step.to,
      actorId: step.actorId,
      occurredAt: step.at,
      note: step.note ?? null,
      reference: step.reference ?? null,
    },
  });
}

/**
 * Moves the item on when its route has that status and allows the move; otherwise
 * leaves it as it is (no such status, already there or past it). For news that is
 * recorded either way: a reply, the writer's own answers.
 */
export async function changeStatusIfAllowed(
  tx: Prisma.TransactionClient,
  item: ItemRef,
  change: StatusChange,
): Promise<StatusChangeResult | null> {
  try {
    return await changeStatusIn(tx, item, change);
  } catch (error) {
    if (error instanceof TransitionError) return null;
    throw error;
  }
}

export async function changeStatus(item: ItemRef, change: StatusChange): Promise<StatusChangeResult> {
  return prisma.$transaction((tx) => changeStatusIn(tx, item, change));
}

export async function itemEvents(item: ItemRef) {
  return prisma.statusEvent.findMany({
    where: item.type === "letter" ? { letterId: item.id } : { parcelId: item.id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      occurredAt: true,
      note: true,
      reference: true,
      actor: { select: { pseudonym: true } },
    },
  });
}

// ───────────────────────────── Coordinators' list of items ─────────────────────────────

export interface ItemFilters {
  type?: ItemType | null;
  routeId?: string | null;
  status?: string | null;
  facilityId?: string | null;
  country?: "BY" | "RU" | null;
  stuckOnly?: boolean;
  /** Open (not in a final status) items only. */
  openOnly?: boolean;
  batchId?: string | null;
}

export interface TrackedItem {
  type: ItemType;
  id: string;
  itemKind: string;
  status: string | null;
  routeId: string | null;
  routeName: string | null;
  facilityId: string | null;
  facilityName: string | null;
  prisonerId: string;
  prisonerName: string;
  country: "BY" | "RU";
  sentAt: Date | null;
  statusChangedAt: Date | null;
  trackingNumber: string | null;
  usualDays: number | null;
  isFinal: boolean;
  stuck: boolean;
  daysInStatus: number;
}

function itemsSql() {
  return Prisma.sql`
    SELECT 'letter' AS "type", l."id", l."kind"::text AS "itemKind", l."status", l."routeId", l."facilityId", l."prisonerId",
           l."sentAt", l."statusChangedAt", l."trackingNumber", l."batchId"
      FROM "Letter" l WHERE l."state" <> 'draft'
    UNION ALL
    SELECT 'parcel', p."id", 'parcel', p."status", p."routeId", p."facilityId", p."prisonerId",
           p."sentAt", p."statusChangedAt", p."trackingNumber", p."batchId"
      FROM "Parcel" p WHERE p."state" <> 'draft'`;
}

/** The SQL condition for "stayed in its status longer than the route's usual days". */
export function stuckCondition(at: Date, item = Prisma.sql`i`, status = Prisma.sql`rs`): Prisma.Sql {
  return Prisma.sql`(${status}."isFinal" = false AND ${status}."usualDays" IS NOT NULL
    AND ${item}."statusChangedAt" < ${at}::timestamp - ${status}."usualDays" * interval '1 day')`;
}

function whereFor(filters: ItemFilters, at: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.type) conditions.push(Prisma.sql`i."type" = ${filters.type}`);
  if (filters.routeId) conditions.push(Prisma.sql`i."routeId" = ${filters.routeId}`);
  if (filters.status) conditions.push(Prisma.sql`i."status" = ${filters.status}`);
  if (filters.facilityId) conditions.push(Prisma.sql`i."facilityId" = ${filters.facilityId}`);
  if (filters.country) conditions.push(Prisma.sql`pr."country"::text = ${filters.country}`);
  if (filters.batchId) conditions.push(Prisma.sql`i."batchId" = ${filters.batchId}`);
  if (filters.openOnly) conditions.push(Prisma.sql`COALESCE(rs."isFinal", false) = false`);
  if (filters.stuckOnly) conditions.push(stuckCondition(at));
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const FROM_ITEMS = (at: Date, filters: ItemFilters) => Prisma.sql`
  FROM (${itemsSql()}) i
  JOIN "Prisoner" pr ON pr."id" = i."prisonerId"
  LEFT JOIN "RouteStatus" rs ON rs."routeId" = i."routeId" AND rs."key" = i."status"
  LEFT JOIN "Route" r ON r."id" = i."routeId"
  LEFT JOIN "Facility" f ON f."id" = i."facilityId"
  ${whereFor(filters, at)}`;

export async function listItems(filters: ItemFilters, page: { offset: number; limit: number }) {
  const at = now();
  const [{ total }] = await prisma.$queryRaw<
    { total: number }[]
  >`SELECT count(*)::int AS "total" ${FROM_ITEMS(at, filters)}`;
  const rows = await prisma.$queryRaw<
    Array<
      Omit<TrackedItem, "stuck" | "daysInStatus" | "prisonerName" | "isFinal"> & {
        isFinal: boolean | null;
        stuck: boolean;
      }
    >
  >`
    SELECT i."type", i."id", i."itemKind", i."status", i."routeId", r."name" AS "routeName", i."facilityId", f."name" AS "facilityName",
           i."prisonerId", pr."country"::text AS "country", i."sentAt", i."statusChangedAt", i."trackingNumber",
           rs."usualDays", rs."isFinal", ${stuckCondition(at)} AS "stuck"
    ${FROM_ITEMS(at, filters)}
    ORDER BY i."statusChangedAt" ASC NULLS LAST, i."id"
    LIMIT ${page.limit} OFFSET ${page.offset}`;
  const names = await primaryNames(rows.map((r) => r.prisonerId));
  const items: TrackedItem[] = rows.map((row) => ({
    ...row,
    isFinal: row.isFinal ?? false,
    stuck: !!row.stuck,
    prisonerName: names.get(row.prisonerId) ?? "—",
    daysInStatus: row.statusChangedAt
      ? Math.floor((at.getTime() - new Date(row.statusChangedAt).getTime()) / 86_400_000)
      : 0,
  }));
  return { items, total };
}

export async function countStuck(filters: Omit<ItemFilters, "stuckOnly"> = {}): Promise<number> {
  const at = now();
  const [{ total }] = await prisma.$queryRaw<
    { total: number }[]
  >`SELECT count(*)::int AS "total" ${FROM_ITEMS(at, { ...filters, stuckOnly: true })}`;
  return total;
}

async function primaryNames(prisonerIds: string[]): Promise<Map<string, string>> {
  if (prisonerIds.length === 0) return new Map();
  const names = await prisma.prisonerName.findMany({
    where: { prisonerId: { in: [...new Set(prisonerIds)] }, isPrimary: true },
    select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
  });
  return new Map(names.map((n) => [n.prisonerId, fullName(n)]));
}
