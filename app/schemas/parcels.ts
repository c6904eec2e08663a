import { z } from "zod";
import { checkbox, FACILITY_TYPES } from "./prisoners.ts";
import { PACKAGE_KINDS, SENDER_KINDS } from "#app/parcels/rules.ts";
import { CATALOG_CATEGORIES } from "#app/parcels/defaults.ts";
import { validateTrackingNumber } from "#app/parcels/s10.ts";
import { parseObject, type FieldErrors } from "#app/utils/forms.ts";

/**
 * Parcel forms: one zod schema per form, used by react-hook-form in the browser and
 * parsed again by the action. Item rows are named items.<row>.<field>.
 */

export const MAX_PARCEL_ITEMS = 50;

/** "3", "3.5", "3,50" euros → cents. */
export function parseMoneyToCents(value: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function gramsToKgInput(grams: number | null): string {
  return grams === null ? "" : String(grams / 1000);
}

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").optional().default("");

/**
 * The English line of a free-text item, for the customs declaration (the post of
 * origin reads English or French): Latin letters, no Cyrillic.
 */
export function isEnglishLine(value: string): boolean {
  return /\p{Script=Latin}{2}/u.test(value) && !/\p{Script=Cyrillic}/u.test(value);
}

/**
 * One row of the items editor. A row is a catalogue item (catalogItemId set), a
 * free-text item (no catalogue item, a description and its English line), or
 * blank (ignored). Catalogue items carry their own English name.
 */
const itemRowSchema = z
  .object({
    catalogItemId: text(64),
    freeText: text(200),
    freeTextEn: text(200),
    quantity: text(10),
    unitWeightGrams: text(10),
    unitValue: text(12),
  })
  .superRefine((row, ctx) => {
    if (!row.catalogItemId && !row.freeText) return;
    if (!/^\d{1,3}$/.test(row.quantity) || Number(row.quantity) < 1)
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "parcels.validation.quantity" });
    if (row.catalogItemId) return;
    if (!row.freeTextEn)
      ctx.addIssue({ code: "custom", path: ["freeTextEn"], message: "parcels.validation.englishRequired" });
    else if (!isEnglishLine(row.freeTextEn))
      ctx.addIssue({ code: "custom", path: ["freeTextEn"], message: "parcels.validation.englishLatin" });
    const grams = Number(row.unitWeightGrams);
    if (!/^\d{1,5}$/.test(row.unitWeightGrams) || grams < 1)
      ctx.addIssue({ code: "custom", path: ["unitWeightGrams"], message: "parcels.validation.weight" });
    const cents = parseMoneyToCents(row.unitValue);
    if (cents === null || cents < 1)
      ctx.addIssue({ code: "custom", path: ["unitValue"], message: "parcels.validation.value" });
  });

export type ParcelItemRow = z.input<typeof itemRowSchema>;

export interface ParcelItemInput {
  catalogItemId: string | null;
  freeText: string | null;
  /** The English line of a free-text item (null for a catalogue item). */
  freeTextEn: string | null;
  quantity: number;
  /** Only for free-text items; catalogue items take the catalogue's. */
  unitWeightGrams: number | null;
  unitValueCents: number | null;
}

export function rowToItem(row: {
  catalogItemId?: string;
  freeText?: string;
  freeTextEn?: string;
  quantity?: string;
  unitWeightGrams?: string;
  unitValue?: string;
}): ParcelItemInput | null {
  const catalogItemId = row.catalogItemId?.trim() || null;
  const freeText = catalogItemId ? null : row.freeText?.trim() || null;
  if (!catalogItemId && !freeText) return null;
  const quantity = Number(row.quantity);
  return {
    catalogItemId,
    freeText,
    freeTextEn: freeText ? row.freeTextEn?.trim() || null : null,
    quantity: Number.isInteger(quantity) && quantity > 0 ? quantity : 1,
    unitWeightGrams: freeText ? Number(row.unitWeightGrams) || 0 : null,
    unitValueCents: freeText ? (parseMoneyToCents(row.unitValue ?? "") ?? 0) : null,
  };
}

export const parcelDraftSchema = z
  .object({
    packageKind: z.enum(PACKAGE_KINDS, { error: "validation.required" }),
    fromAbroad: checkbox,
    senderKind: z.enum(SENDER_KINDS, { error: "validation.required" }).optional().default("volunteer"),
    onBehalfOf: text(200),
    senderDetails: text(500),
    routeId: text(64),
    items: z
      .array(itemRowSchema)
      .max(MAX_PARCEL_ITEMS + 1, "parcels.validation.tooManyItems")
      .default([]),
  })
  .superRefine((value, ctx) => {
    if (value.senderKind !== "volunteer" && !value.onBehalfOf)
      ctx.addIssue({ code: "custom", path: ["onBehalfOf"], message: "parcels.validation.onBehalfOf" });
  })
  .transform((value) => ({
    ...value,
    onBehalfOf: value.senderKind === "volunteer" ? null : value.onBehalfOf || null,
    senderDetails: value.senderDetails || null,
    routeId: value.routeId || null,
    items: value.items.map(rowToItem).filter((item): item is ParcelItemInput => item !== null),
  }));

export type ParcelDraftInput = z.output<typeof parcelDraftSchema>;

/** The form's own values (strings), as react-hook-form holds them. */
export interface ParcelDraftValues {
  packageKind: (typeof PACKAGE_KINDS)[number];
  fromAbroad: boolean | "on";
  senderKind: (typeof SENDER_KINDS)[number];
  onBehalfOf: string;
  senderDetails: string;
  routeId: string;
  items: {
    catalogItemId: string;
    freeText: string;
    freeTextEn: string;
    quantity: string;
    unitWeightGrams: string;
    unitValue: string;
  }[];
}

/** Form data with items.<row>.<field> names → the object the schema parses. */
export function parcelFormToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows: Record<string, string>[] = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const match = /^items\.(\d{1,3})\.(\w+)$/.exec(name);
    if (match) {
      const index = Number(match[1]);
      if (index > MAX_PARCEL_ITEMS * 2) continue;
      rows[index] ??= {};
      rows[index][match[2]] = value;
    } else if (!(name in out)) out[name] = value;
  }
  out.items = Array.from(rows, (row) => row ?? {});
  return out;
}

/** The parcel form: items.<row>.<field> names become rows; each error keeps its whole path (items, row, field) so each row shows its own. */
export function parseParcelForm(
  formData: FormData,
): { ok: true; data: ParcelDraftInput } | { ok: false; fieldErrors: FieldErrors } {
  return parseObject(parcelDraftSchema, parcelFormToObject(formData));
}

export const trackingNumberSchema = z.object({
  trackingNumber: z
    .string({ error: "parcels.s10.empty" })
    .superRefine((value, ctx) => {
      const result = validateTrackingNumber(value);
      if (!result.valid) ctx.addIssue({ code: "custom", message: `parcels.s10.${result.problem.code}` });
    })
    .transform((value) => {
      const result = validateTrackingNumber(value);
      return result.valid ? result.number : value;
    }),
});

export const parcelStatusSchema = z.object({
  status: z.string({ error: "parcels.validation.status" }).trim().min(1, "parcels.validation.status").max(64),
});

// ───────────────────────────── Coordinators: catalogue and banned terms ─────────────────────────────

export const catalogItemSchema = z.object({
  id: text(64),
  nameRu: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(200, "validation.tooLong"),
  nameEn: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(200, "validation.tooLong"),
  category: z.enum(CATALOG_CATEGORIES, { error: "validation.required" }),
  unitWeightGrams: z
    .string({ error: "parcels.validation.weight" })
    .trim()
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) > 0, "parcels.validation.weight")
    .transform(Number),
  typicalValue: z
    .string({ error: "parcels.validation.value" })
    .trim()
    .refine((v) => (parseMoneyToCents(v) ?? 0) > 0, "parcels.validation.value")
    .transform((v) => parseMoneyToCents(v) ?? 0),
  perishable: checkbox,
  active: checkbox,
  bannedFacilityTypes: z.array(z.enum(FACILITY_TYPES)).default([]),
});

export type CatalogItemInput = z.output<typeof catalogItemSchema>;

/** The coordinators' default box weight: whole grams, 0 (weighed with the items) to 5 kg. */
export const boxWeightSchema = z.object({
  boxWeightGrams: z
    .string({ error: "parcelRules.validation.boxWeight" })
    .trim()
    .refine((v) => /^\d{1,4}$/.test(v) && Number(v) <= 5000, "parcelRules.validation.boxWeight")
    .transform(Number),
});

export const bannedTermSchema = z.object({
  term: z
    .string({ error: "validation.required" })
    .trim()
    .min(2, "parcels.validation.term")
    .max(80, "validation.tooLong"),
  reason: text(200).transform((v) => v || null),
});
