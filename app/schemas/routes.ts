import { z } from "zod";
import { checkbox, WRITING_LANGUAGE_CODES } from "./prisoners.ts";

export const HANDOVER_METHODS = ["email", "batch_export", "print_pdf", "bank"] as const;
export const ROUTE_ITEM_KINDS = ["letter", "postcard", "parcel"] as const;

export const routeEditSchema = z
  .object({
    name: z.string().trim().min(2, "validation.required").max(200, "validation.tooLong"),
    description: z.string().trim().min(1, "validation.required").max(2000, "validation.tooLong"),
    countries: z.array(z.enum(["BY", "RU"])).min(1, "routes.validation.countries"),
    itemKinds: z.array(z.enum(ROUTE_ITEM_KINDS)).min(1, "routes.validation.itemKinds"),
    languages: z.array(z.enum(WRITING_LANGUAGE_CODES)).min(1, "validation.languages"),
    translates: checkbox,
    handover: z.enum(HANDOVER_METHODS, { error: "validation.required" }),
    handoverEmail: z
      .string()
      .trim()
      .max(254, "validation.email")
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.email({ error: "validation.email" }).nullable()),
    repliesReturn: checkbox,
    // What one letter costs ("0" for free; empty when not stated), and in which currency.
    cost: z
      .string()
      .trim()
      .regex(/^(\d{1,6}([.,]\d{1,2})?)?$/, "routes.validation.cost")
      .optional()
      .transform((v) => (v ? Math.round(Number(v.replace(",", ".")) * 100) : null)),
    costCurrency: z
      .string()
      .trim()
      .regex(/^([A-Za-z]{3})?$/, "routes.validation.costCurrency")
      .optional()
      .transform((v) => (v ? v.toUpperCase() : null)),
    active: checkbox,
    position: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "validation.wholeNumber")
      .transform(Number),
  })
  .superRefine((value, ctx) => {
    if (value.handover === "email" && !value.handoverEmail) {
      ctx.addIssue({ code: "custom", path: ["handoverEmail"], message: "routes.validation.handoverEmail" });
    }
    if (value.cost !== null && value.cost > 0 && !value.costCurrency) {
      ctx.addIssue({ code: "custom", path: ["costCurrency"], message: "routes.validation.costCurrency" });
    }
  })
  .transform(({ cost, costCurrency, ...route }) => ({
    ...route,
    costMinor: cost,
    costCurrency: cost ? costCurrency : null,
  }));

export type RouteEditInput = z.infer<typeof routeEditSchema>;

/** The statuses every route may use; coordinators may add others with a label of their own. */
export const KNOWN_STATUS_KEYS = [
  "queued",
  "handed_over",
  "posted",
  "in_transit",
  "arrived_at_facility",
  "held_in_bank",
  "delivered",
  "reply_received",
  "returned",
  "censored",
  "refused",
  "unknown",
] as const;

const KNOWN_FINAL_KEYS = new Set(["delivered", "reply_received", "returned", "censored", "refused", "unknown"]);

export interface StatusEdit {
  id: string;
  position: number;
  usualDays: number | null;
  isFinal: boolean;
  remove: boolean;
}

export interface NewStatus {
  key: string;
  label: string | null;
  usualDays: number | null;
  isFinal: boolean;
}

export type StatusEditErrors = Record<
  string,
  | "validation.wholeNumber"
  | "routes.statuses.keyTaken"
  | "routes.statuses.badKey"
  | "routes.statuses.needsStep"
  | "validation.required"
>;

function wholeNumber(raw: FormDataEntryValue | null): number | null | "bad" {
  const value = String(raw ?? "").trim();
  if (!value) return null;
  return /^\d{1,3}$/.test(value) ? Number(value) : "bad";
}

/**
 * Reads the statuses form: for each existing status its position, usual days, whether
 * it is final and whether to remove it; optionally one new status. Known statuses keep
 * their meaning (a known ending stays final); a new one needs a key of lower-case
 * letters and underscores and, if it is not a known status, a label.
 */
export function parseStatusEdits(
  formData: FormData,
  existing: Array<{ id: string; key: string }>,
): { ok: true; edits: StatusEdit[]; added: NewStatus | null } | { ok: false; errors: StatusEditErrors } {
  const errors: StatusEditErrors = {};
  const edits: StatusEdit[] = [];
  existing.forEach((status, index) => {
    const position = wholeNumber(formData.get(`position:${status.id}`));
    const usualDays = wholeNumber(formData.get(`days:${status.id}`));
    if (position === "bad") errors[`position:${status.id}`] = "validation.wholeNumber";
    if (usualDays === "bad") errors[`days:${status.id}`] = "validation.wholeNumber";
    edits.push({
      id: status.id,
      position: typeof position === "number" ? position : index,
      usualDays: typeof usualDays === "number" ? usualDays : null,
      isFinal: KNOWN_FINAL_KEYS.has(status.key) || formData.get(`final:${status.id}`) === "on",
      remove: formData.get(`remove:${status.id}`) === "on",
    });
  });
  let added: NewStatus | null = null;
  const key = String(formData.get("newKey") ?? "")
    .trim()
    .toLowerCase();
  if (key) {
    const label =
      String(formData.get("newLabel") ?? "")
        .trim()
        .slice(0, 80) || null;
    const usualDays = wholeNumber(formData.get("newDays"));
    const known = (KNOWN_STATUS_KEYS as readonly string[]).includes(key);
    if (!/^[a-z][a-z_]{1,39}$/.test(key)) errors.newKey = "routes.statuses.badKey";
    else if (existing.some((s) => s.key === key)) errors.newKey = "routes.statuses.keyTaken";
    if (!known && !label) errors.newLabel = "validation.required";
    if (usualDays === "bad") errors.newDays = "validation.wholeNumber";
    added = {
      key,
      label: known ? null : label,
      usualDays: typeof usualDays === "number" ? usualDays : null,
      isFinal: KNOWN_FINAL_KEYS.has(key) || formData.get("newFinal") === "on",
    };
  }
  const kept = edits.filter((e) => !e.remove);
  if (!kept.some((e) => !e.isFinal) && !(added && !added.isFinal)) errors.form = "routes.statuses.needsStep";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, edits, added };
}
