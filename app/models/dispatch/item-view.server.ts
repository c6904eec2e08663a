import type { ItemKind } from "#app/generated/prisma/enums.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { letterReference } from "../letters.server.ts";
import type { ItemRef } from "../tracking.server.ts";
import { requireTracker, type Coordinator } from "./access.server.ts";

/** One letter or parcel as a coordinator sees it on its tracking page (never a draft). */
export async function trackedItem(actor: Coordinator, item: ItemRef) {
  requireTracker(actor);
  const select = {
    id: true,
    state: true,
    status: true,
    sentAt: true,
    statusChangedAt: true,
    trackingNumber: true,
    routeId: true,
    route: { select: { id: true, name: true, handover: true, repliesReturn: true } },
    facility: { select: { id: true, name: true, city: true } },
    prisoner: {
      select: {
        id: true,
        country: true,
        names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } },
      },
    },
  } as const;
  const row =
    item.type === "letter"
      ? await prisma.letter.findUnique({
          where: { id: item.id },
          select: { ...select, kind: true, writerReport: true, postedAnswer: true },
        })
      : await prisma.parcel.findUnique({ where: { id: item.id }, select });
  if (!row || row.state === "draft") return null;
  const names = row.prisoner.names[0];
  return {
    ...row,
    type: item.type,
    itemKind: ("kind" in row ? row.kind : "parcel") as ItemKind,
    reference: letterReference(row.id),
    prisonerName: names ? fullName(names) : "—",
  };
}
