import type { User } from "#app/generated/prisma/client.ts";
import { can } from "#app/utils/permissions.ts";
import { fullName } from "#app/names/match-keys.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { isAdopting } from "./picking.server.ts";
import { ageOf, getPrisonerEdits, getPrisonerProfile } from "./prisoners.server.ts";
import { envelopeAddressLines } from "./envelope.ts";
import { situationTimeline } from "./situation-timeline.ts";

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/**
 * Everything the prisoner page shows, for one reader (or null): coordinators'
 * notes, sources and the edit history only for those who may edit.
 */
export async function getPrisonerPage(user: User, id: string, options: { picked: boolean }) {
  const profile = await getPrisonerProfile(id);
  if (!profile) return null;
  const { prisoner, letters } = profile;
  const canEdit = can(user, "edit:prisoners");
  const adopted = await isAdopting(user.id, prisoner.id);
  return {
    canEdit,
    canSendParcels: can(user, "send:parcels:own"),
    adopted,
    picked: options.picked,
    offered: !prisoner.doNotWrite && isReachable(prisoner),
    letters,
    prisoner: {
      id: prisoner.id,
      country: prisoner.country,
      status: prisoner.status,
      age: ageOf(prisoner.birthDate, prisoner.birthYearOnly),
      birthDate: prisoner.birthDate ? prisoner.birthDate.toISOString().slice(0, 10) : null,
      birthYearOnly: prisoner.birthYearOnly,
      detainedOn: prisoner.detainedOn ? prisoner.detainedOn.toISOString().slice(0, 10) : null,
      releasedOn: day(prisoner.releasedOn),
      releaseKind: prisoner.releaseKind,
      diedOn: day(prisoner.diedOn),
      canWrite: prisoner.canWrite,
      interests: prisoner.interests,
      articles: prisoner.articles,
      sentence: prisoner.sentence,
      humanitarian: prisoner.humanitarian,
      humanitarianReasons: prisoner.humanitarianReasons,
      incommunicado: prisoner.incommunicado,
      incommunicadoNote: prisoner.incommunicadoNote,
      incommunicadoSince: prisoner.incommunicadoSince?.toISOString().slice(0, 10) ?? null,
      doNotWrite: prisoner.doNotWrite,
      doNotWriteNote: prisoner.doNotWriteNote,
      doNotWriteSince: prisoner.doNotWriteSince?.toISOString().slice(0, 10) ?? null,
      relativesOnly: prisoner.relativesOnly,
      relativesOnlyNote: prisoner.relativesOnlyNote,
      relativesOnlySince: prisoner.relativesOnlySince?.toISOString().slice(0, 10) ?? null,
      // The facility's rule stops non-relatives' letters: the page warns before anyone writes.
      facilityRelativesOnly: prisoner.currentFacility ? !prisoner.currentFacility.acceptsNonRelativeLetters : false,
      detentionConditions: prisoner.detentionConditions,
      needsReview: prisoner.needsReview,
      needsReviewReason: prisoner.needsReviewReason,
      notes: canEdit ? prisoner.notes : null,
      names: prisoner.names.map((n) => ({
        id: n.id,
        script: n.script,
        system: n.system,
        surname: n.surname,
        givenName: n.givenName,
        patronymic: n.patronymic,
        full: fullName(n),
        isPrimary: n.isPrimary,
      })),
      about: prisoner.about,
      facility: prisoner.currentFacility
        ? {
            id: prisoner.currentFacility.id,
            name: prisoner.currentFacility.name,
            type: prisoner.currentFacility.type,
            city: prisoner.currentFacility.city,
            rulesNote: canEdit ? prisoner.currentFacility.rulesNote : null,
          }
        : null,
      envelope: prisoner.currentFacility
        ? envelopeAddressLines({
            country: prisoner.country,
            names: prisoner.names,
            birthDate: prisoner.birthDate,
            facility: prisoner.currentFacility,
            gender: prisoner.gender,
            dativeOverride: prisoner.envelopeNameDative,
          })
        : null,
      timeline: situationTimeline({
        detainedOn: day(prisoner.detainedOn),
        verdictOn: day(prisoner.verdictOn),
        releasedOn: day(prisoner.releasedOn),
        releaseKind: prisoner.releaseKind,
        diedOn: day(prisoner.diedOn),
        status: prisoner.status,
        stays: prisoner.stays.map((s) => ({
          facility: `${s.facility.name}, ${s.facility.city}`,
          from: day(s.fromDate)!,
          to: day(s.toDate),
        })),
        changes: prisoner.situationChanges.map((c) => ({
          status: c.status,
          occurredOn: day(c.occurredOn),
          recordedOn: day(c.createdAt)!,
          releaseKind: c.releaseKind,
          // Notes are coordinators' words: shown to coordinators only.
          note: canEdit ? c.note : null,
        })),
      }),
      sources: canEdit
        ? prisoner.sources.map((s) => ({
            name: s.source.name,
            externalId: s.externalId,
            missingSince: s.missingSince?.toISOString().slice(0, 10) ?? null,
          }))
        : [],
    },
    edits: canEdit
      ? (await getPrisonerEdits(prisoner.id)).map((e) => ({
          id: e.id,
          at: e.createdAt,
          editor: e.editor?.pseudonym ?? null,
          changes: e.changes,
        }))
      : [],
  };
}
