import { z } from "zod";

export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

/** Coordination settings: relay addresses (blocks separated by an empty line), the adoption limits (per volunteer and per prisoner), the retention period. */
export const settingsSchema = z.object({
  relayAddresses: z
    .string()
    .max(5000, "validation.tooLong")
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(/\n\s*\n/)
        .map((block) => block.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length <= 10, "coordinatorSettings.relayTooMany"),
  maxAdoptions: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{1,2}$/, "validation.wholeNumber")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 50, "coordinatorSettings.maxAdoptionsRange"),
  maxAdoptersPerPrisoner: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{1,2}$/, "validation.wholeNumber")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 50, "coordinatorSettings.maxAdoptersPerPrisonerRange"),
  retentionDays: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{1,4}$/, "validation.wholeNumber")
    .transform(Number)
    .refine((n) => n >= RETENTION_DAYS_MIN && n <= RETENTION_DAYS_MAX, "coordinatorSettings.retentionDaysRange"),
});
