import type { User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { can } from "#app/utils/permissions.ts";
import { audit } from "#app/utils/audit.server.ts";
import type { NewStatus, RouteEditInput, StatusEdit } from "#app/schemas/routes.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { createDefaultRoutes } from "#app/tracking/default-routes.ts";
import { takeSeedLock } from "#app/utils/seed-lock.server.ts";

const INITIALIZED = "routesInitialized";

/**
 * A new installation starts with the routing services of DOMAIN.md; after that the
 * database is the truth (a route a coordinator removed or renamed stays so).
 */
export async function ensureDefaultRoutes(): Promise<void> {
  if (await prisma.setting.findUnique({ where: { key: INITIALIZED } })) return;
  await prisma.$transaction(async (tx) => {
    // The lock makes two instances starting together create the routes once.
    await takeSeedLock(tx);
    if (await tx.setting.findUnique({ where: { key: INITIALIZED } })) return;
    await createDefaultRoutes(tx);
    await tx.setting.create({ data: { key: INITIALIZED, value: true } });
  });
}

/** Routing services are data coordinators keep: what each accepts and how items are handed over. */
export async function listRoutes() {
  return prisma.route.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    include: { statuses: { orderBy: { position: "asc" } } },
  });
}

export async function getRoute(id: string) {
  return prisma.route.findUnique({ where: { id }, include: { statuses: { orderBy: { position: "asc" } } } });
}

/** Steps and endings a new route starts with; coordinators then shape them on its page. */
const NEW_ROUTE_STATUSES: Array<{ key: string; usualDays: number | null; isFinal: boolean }> = [
  { key: "queued", usualDays: 3, isFinal: false },
  { key: "posted", usualDays: 14, isFinal: false },
  ...["delivered", "returned", "censored", "refused", "unknown"].map((key) => ({
    key,
    usualDays: null,
    isFinal: true,
  })),
];

function slugFrom(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "route";
}

/** A routing service a coordinator adds (a new initiative, a courier relay they vetted). */
export async function createRoute(actor: User, input: RouteEditInput): Promise<string> {
  if (!can(actor, "manage:routes")) throw new PermissionError("manage:routes");
  const base = slugFrom(input.name);
  const taken = new Set(
    (await prisma.route.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const route = await prisma.route.create({
    data: {
      ...input,
      slug,
      statuses: { create: NEW_ROUTE_STATUSES.map((status, position) => ({ ...status, position })) },
    },
  });
  await audit({
    actorId: actor.id,
    action: "route.created",
    targetType: "route",
    targetId: route.id,
    details: { slug, handover: input.handover },
  });
  return route.id;
}

export async function updateRoute(actor: User, id: string, input: RouteEditInput) {
  if (!can(actor, "manage:routes")) throw new PermissionError("manage:routes");
  await prisma.route.update({ where: { id }, data: input });
  await audit({
    actorId: actor.id,
    action: "route.updated",
    targetType: "route",
    targetId: id,
    details: { active: input.active, handover: input.handover },
  });
}

export type StatusInUseCode = "status-in-use";

export const STATUS_IN_USE_ERRORS: DomainErrorTable<StatusInUseCode> = {
  "status-in-use": { kind: "conflict", message: "routes.statuses.inUse" },
};

/** A status items are in right now cannot be removed from its route. */
export class StatusInUseError extends DomainError<StatusInUseCode> {
  constructor(
    readonly key: string,
    readonly count: number,
  ) {
    super("status-in-use", STATUS_IN_USE_ERRORS, { status: key, count });
  }
}

/**
 * Changes a route's statuses: usual days, order, which are endings, removals and one
 * addition. Steps keep the order the coordinator gave; endings always come after the
 * steps. A status that items are in right now cannot be removed.
 */
export async function updateRouteStatuses(actor: User, routeId: string, edits: StatusEdit[], added: NewStatus | null) {
  if (!can(actor, "manage:routes")) throw new PermissionError("manage:routes");
  const keys = await prisma.$transaction(async (tx) => {
    const current = await tx.routeStatus.findMany({ where: { routeId }, orderBy: { position: "asc" } });
    const byId = new Map(current.map((s) => [s.id, s]));
    for (const edit of edits.filter((e) => e.remove)) {
      const status = byId.get(edit.id);
      if (!status) continue;
      // Delete first, count after: the delete waits for any status change reading this
      // status (it holds it FOR SHARE), so the count sees an item that has just moved in.
      await tx.routeStatus.delete({ where: { id: status.id } });
      const inUse =
        (await tx.letter.count({ where: { routeId, status: status.key, state: { not: "draft" } } })) +
        (await tx.parcel.count({ where: { routeId, status: status.key, state: { not: "draft" } } }));
      if (inUse > 0) throw new StatusInUseError(status.key, inUse);
    }
    const kept = edits
      .filter((e) => !e.remove && byId.has(e.id))
      .map((e, index) => ({ ...e, key: byId.get(e.id)!.key, label: byId.get(e.id)!.label, index }));
    const all = [
      ...kept,
      ...(added
        ? [
            {
              ...added,
              id: null as string | null,
              position: Number.MAX_SAFE_INTEGER,
              index: kept.length,
              remove: false,
            },
          ]
        : []),
    ];
    all.sort((a, b) => Number(a.isFinal) - Number(b.isFinal) || a.position - b.position || a.index - b.index);
    for (const [position, status] of all.entries()) {
      const data = { position, usualDays: status.isFinal ? null : status.usualDays, isFinal: status.isFinal };
      if (status.id) await tx.routeStatus.update({ where: { id: status.id }, data });
      else await tx.routeStatus.create({ data: { ...data, routeId, key: status.key, label: status.label } });
    }
    return all.map((s) => s.key);
  });
  await audit({
    actorId: actor.id,
    action: "route.updated",
    targetType: "route",
    targetId: routeId,
    details: { statuses: keys },
  });
}
