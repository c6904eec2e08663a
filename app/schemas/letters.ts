import { z } from "zod";

export const MAX_BODY_CHARACTERS = 10_000;

export const letterDraftSchema = z.object({
  body: z.string().max(MAX_BODY_CHARACTERS, "validation.letterTooLong"),
  kind: z.enum(["letter", "postcard"], { error: "validation.required" }),
  returnAddress: z
    .string()
    .trim()
    .max(500, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null)),
});

export const sendLetterSchema = z.object({
  routeId: z.string({ error: "letters.send.chooseRoute" }).min(1, "letters.send.chooseRoute"),
  acknowledge: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
