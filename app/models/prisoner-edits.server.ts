import type { Prisma, User } from "#app/generated/prisma/client.ts";
import { fullName } from "#app/names/match-keys.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { can } from "#app/utils/permissions.ts";
import type { FacilityEditInput, PrisonerEditInput } from "#app/schemas/prisoners.ts";
import { PermissionError } from "./users.server.ts";
import { refreshFacilityIdentity } from "./facilities.server.ts";
import { rebuildNameKeys } from "./name-keys.server.ts";
import { applyTransferEffects, recordSituationChange } from "./situation.server.ts";

type Change = { field: string; from: string | null; to: string | null };

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length ? [...value].sort().join(", ") : null;
  return String(value);
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  return Object.keys(after)
    .map((field) => ({ field, from: show(before[field]), to: show(after[field]) }))
    .filter((c) => c.from !== c.to);
}

function requireEditor(actor: User) {
  if (!can(actor, "edit:prisoners")) throw new PermissionError("edit:prisoners");
}

/**
 * A coordinator's edit of a prisoner: every changed field is recorded (who, when,
 * from, to); a change of facility closes the current stay and opens a new one.
 */
export async function updatePrisoner(
  actor: User,
  id: string,
  input: Omit<PrisonerEditInput, "envelopeNameDative"> & { envelopeNameDative?: string | null },
): Promise<Change[]> {
  requireEditor(actor);
  const at = now();
  return prisma.$transaction(async (tx) => {
    const before = await tx.prisoner.findUniqueOrThrow({ where: { id } });
    if (input.currentFacilityId && !(await tx.facility.findUnique({ where: { id: input.currentFacilityId } }))) {
      throw new PermissionError("unknown-facility");
    }
    const today = new Date(at.toISOString().slice(0, 10));
    const since = (on: boolean, was: boolean, previous: Date | null) => (on ? (was ? previous : today) : null);
    const after = {
      status: input.status,
      country: input.country,
      birthDate: input.birthDate ? new Date(`${input.birthDate}T00:00:00Z`) : null,
      // A full date entered by a person is a full date, unless it is the year-only value unchanged.
      birthYearOnly: input.birthDate ? before.birthYearOnly && before.birthDate?.toISOString().slice(0, 10) === input.birthDate : false,
      articles: input.articles,
      sentence: input.sentence,
      currentFacilityId: input.currentFacilityId,
      humanitarian: input.humanitarianReasons.length > 0,
      humanitarianReasons: input.humanitarianReasons,
      incommunicado: input.incommunicado,
      incommunicadoNote: input.incommunicado ? input.incommunicadoNote : null,
      incommunicadoSince: since(input.incommunicado, before.incommunicado, before.incommunicadoSince),
      doNotWrite: input.doNotWrite,
      doNotWriteNote: input.doNotWrite ? input.doNotWriteNote : null,
      doNotWriteSince: since(input.doNotWrite, before.doNotWrite, before.doNotWriteSince),
      relativesOnly: input.relativesOnly,
      relativesOnlyNote: input.relativesOnly ? input.relativesOnlyNote : null,
      relativesOnlySince: since(input.relativesOnly, before.relativesOnly, before.relativesOnlySince),
      notes: input.notes,
      // Left as it is by callers that do not edit it.
      envelopeNameDative: input.envelopeNameDative === undefined ? before.envelopeNameDative : input.envelopeNameDative,
      ...(input.clearReview ? { needsReview: false, needsReviewReason: null } : {}),
    };
    const changes = diff(before as unknown as Record<string, unknown>, after);
    if (changes.length === 0) return changes;
    const { status, ...rest } = after;
    await tx.prisoner.update({ where: { id }, data: rest as Prisma.PrisonerUncheckedUpdateInput });
    if (before.currentFacilityId !== after.currentFacilityId) {
      await tx.facilityStay.updateMany({ where: { prisonerId: id, toDate: null }, data: { toDate: at } });
      if (after.currentFacilityId) {
        await tx.facilityStay.create({ data: { prisonerId: id, facilityId: after.currentFacilityId, fromDate: at, note: "edited by a coordinator" } });
        // A change of facility is a transfer: writers of items on their way are told.
        await applyTransferEffects(tx, [{ prisonerId: id, fromFacilityId: before.currentFacilityId, toFacilityId: after.currentFacilityId }], at);
      }
    }
    // A change of status is a change of situation: its history and what follows it.
    if (before.status !== status) await recordSituationChange(tx, { prisonerId: id, status, editorId: actor.id }, at);
    await tx.prisonerEdit.create({ data: { prisonerId: id, editorId: actor.id, changes: { fields: changes }, createdAt: at } });
    return changes;
  });
}

export async function addPrisonerName(
  actor: User,
  prisonerId: string,
  name: { script: "cyrillic_be" | "cyrillic_ru" | "latin"; surname: string; givenName: string; patronymic: string | null },
) {
  requireEditor(actor);
  await prisma.prisonerName.create({ data: { prisonerId, ...name } });
  await prisma.prisonerEdit.create({
    data: { prisonerId, editorId: actor.id, changes: { fields: [{ field: "names", from: null, to: fullName(name) }] }, createdAt: now() },
  });
  await rebuildNameKeys([prisonerId]);
}

export async function removePrisonerName(actor: User, prisonerId: string, nameId: string) {
  requireEditor(actor);
  const name = await prisma.prisonerName.findFirst({ where: { id: nameId, prisonerId } });
  // The primary spelling stays: it is what lists and envelopes use.
  if (!name || name.isPrimary) return false;
  await prisma.prisonerName.delete({ where: { id: nameId } });
  await prisma.prisonerEdit.create({
    data: { prisonerId, editorId: actor.id, changes: { fields: [{ field: "names", from: fullName(name), to: null }] }, createdAt: now() },
  });
  await rebuildNameKeys([prisonerId]);
  return true;
}

export async function updateFacility(actor: User, id: string, input: FacilityEditInput): Promise<Change[]> {
  requireEditor(actor);
  return prisma.$transaction(async (tx) => {
    const before = await tx.facility.findUniqueOrThrow({ where: { id } });
    const changes = diff(before as unknown as Record<string, unknown>, input);
    if (changes.length === 0) return changes;
    await tx.facility.update({ where: { id }, data: input });
    await refreshFacilityIdentity(tx, id);
    await tx.prisonerEdit.create({ data: { facilityId: id, editorId: actor.id, changes: { fields: changes }, createdAt: now() } });
    return changes;
  });
}

export async function listFacilities() {
  return prisma.facility.findMany({
    orderBy: [{ country: "asc" }, { type: "asc" }, { name: "asc" }],
    include: { _count: { select: { prisoners: true } } },
  });
}

export async function getFacilityWithEdits(id: string) {
  return prisma.facility.findUnique({
    where: { id },
    include: {
      edits: { orderBy: { createdAt: "desc" }, take: 50, include: { editor: { select: { pseudonym: true } } } },
      _count: { select: { prisoners: true } },
    },
  });
}
