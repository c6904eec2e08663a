import { z } from "zod";

/** Coordination settings: relay addresses (blocks separated by an empty line) and the adoption limit. */
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
});
