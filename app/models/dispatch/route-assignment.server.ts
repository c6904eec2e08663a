import { Prisma } from "#app/generated/prisma/client.ts";
import type { ItemKind } from "#app/generated/prisma/enums.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { kickOutbox } from "#app/utils/email.server.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { handOverByEmail } from "../letters.server.ts";
import { writeStatus, type ItemRef } from "../tracking.server.ts";
import { requireTracker, type Coordinator } from "./access.server.ts";
import { BulkError, distinct, lockInOrder, MAX_BULK_ITEMS, withRetries, type BulkFailure } from "./bulk.server.ts";

/**
 * Moves items that have not been handed over yet (still in their route's first
 * status) to another route that takes their kind, country and language (and never
 * for someone who asked not to be written to or was released), starting again at
 * that route's first status; an e-mail route gets the letter handed over at once.
 */
export async function assignRoute(actor: Coordinator, items: ItemRef[], routeId: string) {
  requireTracker(actor);
  const refs = distinct(items);
  if (refs.length === 0 || refs.length > MAX_BULK_ITEMS) throw new BulkError([]);
  return withRetries(refs, () =>
    prisma
      .$transaction(
        async (tx) => {
          await lockInOrder(tx, refs);
          const route = await tx.route.findUnique({
            where: { id: routeId },
            include: { statuses: { orderBy: { position: "asc" } } },
          });
          const first = route?.statuses[0];
          if (!route || !route.active || !first) throw new BulkError(refs.map((item) => ({ item, reason: "route" })));
          const at = now();
          const batch = await tx.batch.create({
            data: { action: "assign", routeId, createdById: actor.id, itemCount: refs.length, createdAt: at },
          });
          const failures: BulkFailure[] = [];
          for (const item of refs) {
            const row = await openItemForAssignment(tx, item);
            if (!row) {
              failures.push({ item, reason: "not-open" });
              continue;
            }
            const languageFits = row.language === null || route.translates || route.languages.includes(row.language);
            if (
              !route.itemKinds.includes(row.kind) ||
              !route.countries.includes(row.country) ||
              !languageFits ||
              row.notOffered
            ) {
              failures.push({ item, reason: "route-does-not-fit" });
              continue;
            }
            if (row.firstStatus !== null && row.status !== row.firstStatus) {
              failures.push({ item, reason: "already-handed-over" });
              continue;
            }
            if (row.routeId === routeId) continue;
            await writeStatus(
              tx,
              item,
              { from: row.status, to: first.key, actorId: actor.id, at, note: `assigned to ${route.name}` },
              { routeId, batchId: batch.id },
            );
            // A letter moved to a service that takes e-mail is handed over like one sent there.
            if (item.type === "letter" && route.handover === "email")
              await handOverByEmail(tx, item.id, route, actor.id);
          }
          if (failures.length > 0) throw new BulkError(failures);
          return { batchId: batch.id, count: refs.length };
        },
        { timeout: 60_000 },
      )
      .then((result) => {
        // Hand-over mails of an e-mail route are committed now: send them without waiting for the next poll.
        kickOutbox();
        return result;
      }),
  );
}

/** The item, locked for the rest of the transaction, if it is still on its way. */
async function openItemForAssignment(tx: Prisma.TransactionClient, item: ItemRef) {
  const table = item.type === "letter" ? Prisma.sql`"Letter"` : Prisma.sql`"Parcel"`;
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM ${table} WHERE "id" = ${item.id} AND "state" = 'sent' FOR UPDATE`;
  if (!locked) return null;
  const select = {
    status: true,
    routeId: true,
    prisoner: { select: { country: true, doNotWrite: true, status: true, canWrite: true } },
    route: { select: { statuses: { orderBy: { position: "asc" as const }, take: 1, select: { key: true } } } },
  };
  const row =
    item.type === "letter"
      ? await tx.letter.findUniqueOrThrow({ where: { id: item.id }, select: { ...select, kind: true, language: true } })
      : await tx.parcel.findUniqueOrThrow({ where: { id: item.id }, select });
  return {
    status: row.status,
    routeId: row.routeId,
    kind: "kind" in row ? (row.kind as ItemKind) : ("parcel" as const),
    language: "language" in row ? (row.language as string | null) : null,
    country: row.prisoner.country,
    notOffered: row.prisoner.doNotWrite || !isReachable(row.prisoner),
    firstStatus: row.route?.statuses[0]?.key ?? null,
  };
}
