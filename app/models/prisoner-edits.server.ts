import type { Prisma, User } from "#app/generated/prisma/client.ts";
import { automaticDative } from "./envelope.ts";
import { fullName } from "#app/names/match-keys.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { can } from "#app/utils/permissions.ts";
import type { PrisonerEditInput } from "#app/schemas/prisoners.ts";
import { PermissionError } from "./users.server.ts";
import { diff, type Change } from "./edit-diff.ts";
import { rebuildNameKeys } from "./name-keys.server.ts";
import { applyTransferEffects, recordSituationChange } from "./situation.server.ts";

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
      birthYearOnly: input.birthDate
        ? before.birthYearOnly && before.birthDate?.toISOString().slice(0, 10) === input.birthDate
        : false,
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
      about: input.about === undefined ? before.about : input.about,
      // Left as it is by callers that do not edit it.
      envelopeNameDative: input.envelopeNameDative === undefined ? before.envelopeNameDative : input.envelopeNameDative,
      detentionConditions:
        input.detentionConditions === undefined ? before.detentionConditions : input.detentionConditions,
      ...(input.clearReview ? { needsReview: false, needsReviewReason: null } : {}),
    };
    const changes = diff(before, after);
    if (changes.length === 0) return changes;
    const { status, ...rest } = after;
    await tx.prisoner.update({ where: { id }, data: rest as Prisma.PrisonerUncheckedUpdateInput });
    if (before.currentFacilityId !== after.currentFacilityId) {
      await tx.facilityStay.updateMany({ where: { prisonerId: id, toDate: null }, data: { toDate: at } });
      if (after.currentFacilityId) {
        await tx.facilityStay.create({
          data: { prisonerId: id, facilityId: after.currentFacilityId, fromDate: at, note: "edited by a coordinator" },
        });
        // A change of facility is a transfer: writers of items on their way are told.
        await applyTransferEffects(
          tx,
          [{ prisonerId: id, fromFacilityId: before.currentFacilityId, toFacilityId: after.currentFacilityId }],
          at,
        );
      }
    }
    // A change of status is a change of situation: its history and what follows it.
    if (before.status !== status) await recordSituationChange(tx, { prisonerId: id, status, editorId: actor.id }, at);
    await tx.prisonerEdit.create({
      data: { prisonerId: id, editorId: actor.id, changes: { fields: changes }, createdAt: at },
    });
    return changes;
  });
}

export async function addPrisonerName(
  actor: User,
  prisonerId: string,
  name: {
    script: "cyrillic_be" | "cyrillic_ru" | "latin";
    surname: string;
    givenName: string;
    patronymic: string | null;
  },
) {
  requireEditor(actor);
  await prisma.prisonerName.create({ data: { prisonerId, ...name } });
  await prisma.prisonerEdit.create({
    data: {
      prisonerId,
      editorId: actor.id,
      changes: { fields: [{ field: "names", from: null, to: fullName(name) }] },
      createdAt: now(),
    },
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
    data: {
      prisonerId,
      editorId: actor.id,
      changes: { fields: [{ field: "names", from: fullName(name), to: null }] },
      createdAt: now(),
    },
  });
  await rebuildNameKeys([prisonerId]);
  return true;
}

/** The edit page's data: the prisoner with every spelling of the name, and the facilities of their country to choose from. */
export async function getPrisonerForEdit(id: string) {
  const prisoner = await prisma.prisoner.findUnique({
    where: { id },
    include: { names: { orderBy: { isPrimary: "desc" } } },
  });
  if (!prisoner) return null;
  // A date input takes yyyy-mm-dd only (a Date would reach the browser as "Sat Dec 19 …").
  const birthDate = prisoner.birthDate ? prisoner.birthDate.toISOString().slice(0, 10) : "";
  const facilities = await prisma.facility.findMany({
    where: { country: prisoner.country },
    orderBy: { name: "asc" },
    select: { id: true, name: true, city: true },
  });
  return { prisoner: { ...prisoner, birthDate }, facilities, dative: automaticDative(prisoner) };
}

export async function prisonerExists(id: string): Promise<boolean> {
  return (await prisma.prisoner.count({ where: { id } })) > 0;
}
