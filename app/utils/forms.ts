import type { z } from "zod";
import type { MessageKey } from "#app/i18n/i18n.ts";

export type FieldErrors = Record<string, MessageKey>;

/** Turns form data into a plain object; repeated names (checkbox groups) become arrays. */
export function formDataToObject(formData: FormData, arrayFields: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(formData.keys())) {
    const values = formData.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = arrayFields.includes(name) ? values : values[0];
  }
  for (const name of arrayFields) out[name] ??= [];
  return out;
}

/**
 * Parses submitted data with the same zod schema the browser used. Messages in our
 * schemas are translation keys, so field errors reach the form in any language.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  arrayFields: string[] = [],
): { ok: true; data: z.infer<S> } | { ok: false; fieldErrors: FieldErrors } {
  const result = schema.safeParse(formDataToObject(formData, arrayFields));
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    // Errors of an array's items belong to the array's field (a checkbox group).
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[field] ??= issue.message as MessageKey;
  }
  return { ok: false, fieldErrors };
}
