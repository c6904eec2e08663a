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
  return parseObject(schema, formDataToObject(formData, arrayFields), arrayFields);
}

/** Like parseWithSchema, for an object already built from the form (rows of items named items.<row>.<field>). */
export function parseObject<S extends z.ZodType>(
  schema: S,
  value: unknown,
  arrayFields: string[] = [],
): { ok: true; data: z.infer<S> } | { ok: false; fieldErrors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fieldErrors: fieldErrorsOf(result.error.issues, arrayFields) };
}

/**
 * Field errors named by the full path of the field (items.2.quantity), the way the
 * form names its inputs, so a nested field shows its own error; the first error
 * of a field wins. Errors of a checkbox group's values belong to the group.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], arrayFields: string[] = []): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const [head] = issue.path;
    const field =
      head === undefined
        ? "form"
        : arrayFields.includes(String(head))
          ? String(head)
          : issue.path.map(String).join(".");
    fieldErrors[field] ??= issue.message as MessageKey;
  }
  return fieldErrors;
}
