import { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { RetriesExhaustedError, retryTransaction } from "#app/utils/retry.server.ts";
import type { ItemRefusal } from "#app/tracking/transitions.ts";
import { changeStatusIn, TransitionError, type ItemRef } from "../tracking.server.ts";
import { requireTracker, type Coordinator } from "./access.server.ts";

/**
 * What coordinators do with items once they have left a volunteer's hands, one
 * concern a module in app/models/dispatch/: bulk status changes and the locking every
 * bulk path shares (here), route assignment (route-assignment), the batch export for a
 * service (export), replies (replies) and their scans (attachments), the e-mail outbox
 * (outbox) and one item's page (item-view). Bulk changes are all-or-nothing: if one
 * item cannot take the change, nothing changes and the coordinator is told which.
 *
 * Every bulk path locks its rows in one fixed order (letters, then parcels, each by
 * id) before changing any of them, so two coordinators changing overlapping items
 * wait for each other instead of deadlocking; a transaction the database still
 * aborts (deadlock, serialisation) is run again a few times, and then every item
 * is refused with the reason "busy".
 */

export type BulkErrorCode = "refused";

export const BULK_ERRORS: DomainErrorTable<BulkErrorCode> = {
  refused: { kind: "conflict", message: "items.bulkRefused" },
};

export interface BulkFailure {
  item: ItemRef;
  reason: ItemRefusal;
}

/** Nothing of a bulk change was done: `failures` says which items refused it and why. */
export class BulkError extends DomainError<BulkErrorCode> {
  constructor(readonly failures: BulkFailure[]) {
    super("refused", BULK_ERRORS);
  }
}

export const MAX_BULK_ITEMS = 500;

/** The items once each, in the one order every bulk path locks them in: letters, then parcels, each by id. */
export function distinct(items: ItemRef[]): ItemRef[] {
  const seen = new Map(items.map((item) => [`${item.type}:${item.id}`, item]));
  return [...seen.values()].sort((a, b) =>
    a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type === "letter" ? -1 : 1,
  );
}

/** Locks the items' rows for the rest of the transaction, in the fixed order of `distinct`. */
export async function lockInOrder(tx: Prisma.TransactionClient, refs: ItemRef[]) {
  const letters = refs.filter((r) => r.type === "letter").map((r) => r.id);
  const parcels = refs.filter((r) => r.type === "parcel").map((r) => r.id);
  if (letters.length)
    await tx.$queryRaw`SELECT "id" FROM "Letter" WHERE "id" IN (${Prisma.join(letters)}) ORDER BY "id" FOR UPDATE`;
  if (parcels.length)
    await tx.$queryRaw`SELECT "id" FROM "Parcel" WHERE "id" IN (${Prisma.join(parcels)}) ORDER BY "id" FOR UPDATE`;
}

/** Runs a bulk transaction again after a deadlock or serialisation failure; gives up with "busy" for every item. */
export async function withRetries<T>(refs: ItemRef[], work: () => Promise<T>): Promise<T> {
  try {
    return await retryTransaction(work);
  } catch (error) {
    if (error instanceof RetriesExhaustedError) throw new BulkError(refs.map((item) => ({ item, reason: "busy" })));
    throw error;
  }
}

/** Moves every item to one status, in one transaction, as one batch. */
export async function bulkChangeStatus(
  actor: Coordinator,
  items: ItemRef[],
  input: { to: string; note?: string | null; reference?: string | null },
) {
  requireTracker(actor);
  const refs = distinct(items);
  if (refs.length === 0 || refs.length > MAX_BULK_ITEMS) throw new BulkError([]);
  return withRetries(refs, () =>
    prisma.$transaction(
      async (tx) => {
        await lockInOrder(tx, refs);
        const batch = await tx.batch.create({
          data: {
            action: input.to === "posted" ? "posted" : "status",
            createdById: actor.id,
            note: input.note?.trim() || null,
            itemCount: refs.length,
            createdAt: now(),
          },
        });
        const failures: BulkFailure[] = [];
        for (const item of refs) {
          try {
            await changeStatusIn(tx, item, {
              to: input.to,
              actorId: actor.id,
              note: input.note,
              reference: input.reference,
            });
          } catch (error) {
            if (error instanceof TransitionError) failures.push({ item, reason: error.code });
            else throw error;
          }
        }
        if (failures.length > 0) throw new BulkError(failures);
        await setBatch(tx, refs, batch.id);
        return { batchId: batch.id, count: refs.length };
      },
      { timeout: 60_000 },
    ),
  );
}

/** Records the items as one batch (the status change, assignment or export that moved them together). */
export async function setBatch(tx: Prisma.TransactionClient, refs: ItemRef[], batchId: string) {
  const letters = refs.filter((r) => r.type === "letter").map((r) => r.id);
  const parcels = refs.filter((r) => r.type === "parcel").map((r) => r.id);
  if (letters.length) await tx.letter.updateMany({ where: { id: { in: letters } }, data: { batchId } });
  if (parcels.length) await tx.parcel.updateMany({ where: { id: { in: parcels } }, data: { batchId } });
}
