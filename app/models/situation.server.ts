// Placeholder replaced by the situation branch.
import type { Prisma } from "#app/generated/prisma/client.ts";

export async function applyReachabilityEffects(
  _tx: Prisma.TransactionClient,
  _changes: { prisonerId: string; reason: "released" | "deceased" | "cannot-write" }[],
  _at: Date,
): Promise<void> {}

export async function applyTransferEffects(
  _tx: Prisma.TransactionClient,
  _transfers: { prisonerId: string; fromFacilityId: string | null; toFacilityId: string }[],
  _at: Date,
): Promise<void> {}
