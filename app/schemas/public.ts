import { z } from "zod";
import { EMBED_ORIGIN_PATTERN } from "#app/utils/embed-origin.ts";

/**
 * Forms of the public pages and fundraising (docs/public-pages.md): one zod schema per
 * form, parsed in the browser and again by the action (messages are translation keys).
 */

/** The amount a fund reports as raised: whole units, a currency code, the day the fund reported it. */
export const fundraiserReportSchema = z.object({
  amount: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{1,9}$/, "validation.wholeNumber")
    .transform(Number),
  currency: z
    .string({ error: "validation.required" })
    .trim()
    .transform((c) => c.toUpperCase())
    .refine((c) => /^[A-Z]{3}$/.test(c), "support.validation.currency"),
  reportedOn: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
    .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()), "validation.date"),
});
export type FundraiserReportFormInput = z.infer<typeof fundraiserReportSchema>;

/** Sites allowed to frame the embed, one a line: https://ngo.example or https://*.ngo.example. */
export const embedAncestorsSchema = z.object({
  origins: z
    .string()
    .max(2000, "validation.tooLong")
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(/\s+/)
        .map((o) => o.trim().toLowerCase().replace(/\/+$/, ""))
        .filter(Boolean),
    )
    .refine(
      (list) => list.length <= 20 && list.every((o) => EMBED_ORIGIN_PATTERN.test(o)),
      "public.validation.origins",
    ),
});

/** A switch (a checkbox posted as "on", or absent). */
export const switchSchema = z.object({
  value: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
