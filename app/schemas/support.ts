import { z } from "zod";
import { HOLD_DAYS_MAX, HOLD_DAYS_MIN, NEED_HELP_VIA, NEED_KINDS } from "#app/support/rules.ts";

/**
 * Forms of the needs feature: one zod schema per form, used by react-hook-form in the
 * browser and parsed again by the action (messages are translation keys).
 */

const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional().default("");

const wholeNumber = (
  min: number,
  max: number,
  rangeMessage: "support.validation.quantity" | "support.validation.holdDays" | "support.validation.amount",
) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{1,7}$/, "validation.wholeNumber")
    .transform(Number)
    .refine((n) => n >= min && n <= max, rangeMessage);

export const familySchema = z.object({
  prisonerId: z.string().trim().min(1, "validation.required").max(64),
  /** In words, without names: "mother and two children, 6 and 9". */
  description: z
    .string({ error: "validation.required" })
    .trim()
    .min(3, "validation.required")
    .max(300, "validation.tooLong"),
  /** Names, address, phone: encrypted, coordinators only. */
  contact: optionalText(2000),
});
export type FamilyInput = z.infer<typeof familySchema>;

export const familyEditSchema = familySchema.omit({ prisonerId: true });
export type FamilyEditInput = z.infer<typeof familyEditSchema>;

export const needSchema = z
  .object({
    prisonerId: z.string().trim().min(1, "validation.required").max(64),
    familyId: optionalText(64),
    kind: z.enum(NEED_KINDS, { error: "validation.required" }),
    text: z
      .string({ error: "validation.required" })
      .trim()
      .min(3, "validation.required")
      .max(1000, "validation.tooLong"),
    quantity: wholeNumber(1, 1_000_000, "support.validation.quantity"),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-Z]{3})?$/, "support.validation.currency")
      .optional()
      .default(""),
    deadline: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, "validation.date")
      .refine((v) => v === "" || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "validation.date")
      .optional()
      .default(""),
    via: z.enum(NEED_HELP_VIA, { error: "validation.required" }),
    fundraiserUrl: optionalText(500),
    holdDays: wholeNumber(HOLD_DAYS_MIN, HOLD_DAYS_MAX, "support.validation.holdDays"),
  })
  .superRefine((need, ctx) => {
    if (need.via === "fundraiser" && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(need.fundraiserUrl)) {
      ctx.addIssue({ code: "custom", path: ["fundraiserUrl"], message: "support.validation.fundraiserUrl" });
    }
    if (need.via !== "fundraiser" && need.fundraiserUrl !== "") {
      ctx.addIssue({ code: "custom", path: ["fundraiserUrl"], message: "support.validation.fundraiserOnly" });
    }
  });
export type NeedInput = z.infer<typeof needSchema>;

export const pledgeSchema = z.object({
  amount: wholeNumber(1, 1_000_000, "support.validation.amount"),
});

export const fulfilmentSchema = z.object({
  pledgeId: z.string().trim().min(1, "validation.required").max(64),
  fulfilledAmount: wholeNumber(1, 1_000_000, "support.validation.amount"),
});

/** Fundraiser domains, one a line ("bysol.org"); subdomains are allowed with them. */
export const fundraiserDomainsSchema = z.object({
  domains: z
    .string()
    .max(2000, "validation.tooLong")
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(/\s+/)
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (list) => list.length <= 20 && list.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)),
      "support.validation.domains",
    ),
});
