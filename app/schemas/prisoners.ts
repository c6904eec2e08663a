import { z } from "zod";
import { stripBidiControls } from "#app/names/bidi.ts";

export const COUNTRIES = ["BY", "RU"] as const;
export const PRISONER_STATUSES = [
  "pretrial",
  "convicted",
  "open_institution",
  "restricted_at_home",
  "house_arrest",
  "compulsory_treatment",
  "at_liberty",
  "released",
  "deceased",
  "unknown",
] as const;
export type PrisonerStatusName = (typeof PRISONER_STATUSES)[number];
export const RELEASE_KINDS = [
  "pardon",
  "amnesty",
  "sentence_served",
  "parole",
  "exchange_or_deportation",
  "acquittal",
  "other",
] as const;
export type ReleaseKindName = (typeof RELEASE_KINDS)[number];
/** Situations in which nobody can be written to or sent a parcel through the platform. */
export const NOT_REACHABLE_STATUSES = ["released", "deceased"] as const satisfies readonly PrisonerStatusName[];

/**
 * Whether a person may be offered for writing and parcels at all: not released, not
 * deceased, and letters can reach them now (a list's can_write). The one rule every
 * page, picker and check uses; app/models/situation.server.ts has it as SQL and as a
 * Prisma filter. People at home or not held (at_liberty, restricted_at_home,
 * house_arrest) stay reachable through routes that need no address (NGOs, the letter bank).
 */
export function isReachable(prisoner: { status: string; canWrite: boolean }): boolean {
  return !(NOT_REACHABLE_STATUSES as readonly string[]).includes(prisoner.status) && prisoner.canWrite;
}
const RETURNED_REASON_KEYS = {
  released: "situation.reason.released",
  deceased: "situation.reason.deceased",
  "cannot-write": "situation.reason.cannot-write",
} as const;

/** The message for why an item came back to its writer's drafts (Letter/Parcel.returnedReason). */
export function returnedReasonKey(
  reason: string | null,
): (typeof RETURNED_REASON_KEYS)[keyof typeof RETURNED_REASON_KEYS] | null {
  return reason && Object.hasOwn(RETURNED_REASON_KEYS, reason)
    ? RETURNED_REASON_KEYS[reason as keyof typeof RETURNED_REASON_KEYS]
    : null;
}

export const HUMANITARIAN_REASONS = [
  "disability",
  "serious_illness",
  "elderly",
  "minor",
  "large_family_parent",
  "other",
] as const;
export const FACILITY_TYPES = [
  "sizo",
  "colony",
  "prison",
  "open_institution",
  "home_confinement",
  "juvenile_colony",
  "police_jail",
  "psychiatric_hospital",
] as const;
export const COLONY_REGIMES = ["general", "strict", "special", "settlement"] as const;
/** Conditions of detention within a regime (обычные, облегчённые, строгие условия; УИК РФ arts. 121–125). */
export const DETENTION_CONDITIONS = ["ordinary", "lightened", "strict"] as const;
export type DetentionConditionsName = (typeof DETENTION_CONDITIONS)[number];
export const PRISONER_SORTS = ["relevance", "name", "newest", "fewestLetters"] as const;
export type PrisonerSort = (typeof PRISONER_SORTS)[number];
export const WRITING_LANGUAGE_CODES = ["ru", "be", "en", "uk", "pl", "de", "fr"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), "validation.date")
  .transform((v) => (v ? v : null));

// Browsers leave an unticked box out of the form data: absent means false.
export const checkbox = z
  .union([z.literal("on"), z.literal(true), z.literal(false)])
  .optional()
  .transform((v) => v === "on" || v === true);

/**
 * What a coordinator edits on a prisoner. Humanitarian reasons are categories only:
 * the form has no field for medical details, on purpose.
 */
export const prisonerEditSchema = z
  .object({
    status: z.enum(PRISONER_STATUSES, { error: "validation.required" }),
    country: z.enum(COUNTRIES, { error: "validation.required" }),
    birthDate: optionalDate,
    articles: optionalText(500),
    sentence: optionalText(500),
    currentFacilityId: optionalText(64),
    humanitarianReasons: z.array(z.enum(HUMANITARIAN_REASONS)).default([]),
    incommunicado: checkbox,
    incommunicadoNote: optionalText(500),
    doNotWrite: checkbox,
    doNotWriteNote: optionalText(500),
    relativesOnly: checkbox,
    relativesOnlyNote: optionalText(500),
    notes: optionalText(2000),
    about: optionalText(1000),
    envelopeNameDative: optionalText(200),
    // Empty: not known (the parcel check then uses the facility's strictest quota).
    detentionConditions: z
      .enum(["", ...DETENTION_CONDITIONS])
      .optional()
      .transform((v) => (v ? v : null)),
    clearReview: checkbox,
  })
  .superRefine((value, ctx) => {
    for (const flag of ["incommunicado", "doNotWrite", "relativesOnly"] as const) {
      if (value[flag] && !value[`${flag}Note`]) {
        ctx.addIssue({ code: "custom", path: [`${flag}Note`], message: "validation.flagNote" });
      }
    }
  });

/** `about` may be left out by callers other than the edit form: it then stays as it is. */
export type PrisonerEditInput = Omit<z.infer<typeof prisonerEditSchema>, "about" | "detentionConditions"> & {
  about?: string | null;
  /** Left out: stays as it is. */
  detentionConditions?: DetentionConditionsName | null;
};

/**
 * A coordinator's record of a change of situation: the new status, the day it
 * happened, the kind of release (for a release only), a note; and whether letters can
 * reach the person now.
 */
export const situationChangeSchema = z
  .object({
    status: z.enum(PRISONER_STATUSES, { error: "validation.required" }),
    occurredOn: optionalDate,
    releaseKind: z
      .enum(["", ...RELEASE_KINDS])
      .optional()
      .transform((v) => (v ? v : null)),
    note: optionalText(500),
    canWrite: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.releaseKind && value.status !== "released")
      ctx.addIssue({ code: "custom", path: ["releaseKind"], message: "situation.kindOnlyForRelease" });
    if (value.occurredOn && value.occurredOn > new Date().toISOString().slice(0, 10)) {
      ctx.addIssue({ code: "custom", path: ["occurredOn"], message: "situation.dateInFuture" });
    }
  });

export type SituationChangeFormInput = z.infer<typeof situationChangeSchema>;
/** A name part, without bidi controls (app/names/bidi.ts): they would show it in another order. */
const namePart = z.preprocess(
  (value) => (typeof value === "string" ? stripBidiControls(value) : value),
  z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
);

export const addNameSchema = z.object({
  script: z.enum(["cyrillic_be", "cyrillic_ru", "latin"], { error: "validation.required" }),
  surname: namePart,
  givenName: namePart,
  patronymic: z.preprocess(
    (value) => (typeof value === "string" ? stripBidiControls(value) : value),
    optionalText(100),
  ),
});

const optionalCount = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{1,3}$/.test(v), "validation.wholeNumber")
  .transform((v) => (v ? Number(v) : null));

/** Kilograms typed by a person ("30", "2.5", "0,75"), stored as grams; empty: no limit. */
const optionalKilograms = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{1,3}([.,]\d{1,3})?$/.test(v), "validation.kilograms")
  .transform((v) => (v ? Math.round(Number(v.replace(",", ".")) * 1000) : null));

export const facilityEditSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  nameLatin: optionalText(200),
  type: z.enum(FACILITY_TYPES, { error: "validation.required" }),
  regime: z
    .enum(["", ...COLONY_REGIMES])
    .optional()
    .transform((v) => (v ? v : null)),
  street: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  postcode: z.string().trim().max(20, "validation.tooLong"),
  city: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  region: optionalText(100),
  acceptsNonRelativeLetters: checkbox,
  parcelsFromAbroad: checkbox,
  parcelsRelativesOnly: checkbox,
  parcelQuotaPerYear: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{1,3}$/.test(v), "validation.wholeNumber")
    .transform((v) => (v ? Number(v) : null)),
  smallPackageQuotaPerYear: optionalCount,
  // Parcels a year by conditions of detention; empty: the general quota applies.
  parcelQuotaOrdinary: optionalCount,
  parcelQuotaLightened: optionalCount,
  parcelQuotaStrict: optionalCount,
  parcelWeightLimitGrams: optionalKilograms,
  parcelMonthlyWeightLimitGrams: optionalKilograms,
  languages: z.array(z.enum(WRITING_LANGUAGE_CODES)).min(1, "validation.languages"),
  rulesNote: optionalText(2000),
});

export type FacilityEditInput = z.infer<typeof facilityEditSchema>;
