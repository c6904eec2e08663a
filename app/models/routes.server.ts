import type { User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { can } from "#app/utils/permissions.ts";
import { audit } from "#app/utils/audit.server.ts";
import type { RouteEditInput } from "#app/schemas/routes.ts";
import { PermissionError } from "./users.server.ts";

/** Routing services are data coordinators keep: what each accepts and how items are handed over. */
export async function listRoutes() {
  return prisma.route.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], include: { statuses: { orderBy: { position: "asc" } } } });
}

export async function getRoute(id: string) {
  return prisma.route.findUnique({ where: { id }, include: { statuses: { orderBy: { position: "asc" } } } });
}

export async function updateRoute(actor: User, id: string, input: RouteEditInput, usualDays: Record<string, number | null>) {
  if (!can(actor, "manage:routes")) throw new PermissionError("manage:routes");
  await prisma.$transaction(async (tx) => {
    await tx.route.update({ where: { id }, data: input });
    for (const [statusId, days] of Object.entries(usualDays)) {
      await tx.routeStatus.updateMany({ where: { id: statusId, routeId: id }, data: { usualDays: days } });
    }
  });
  await audit({ actorId: actor.id, action: "route.updated", targetType: "route", targetId: id, details: { active: input.active, handover: input.handover } });
}
