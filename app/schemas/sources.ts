import { z } from "zod";
import { checkbox } from "./prisoners.ts";

/** A new source of prisoner lists (/imports), checked in the browser and again in the action. */
export const sourceSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "imports.source.slugInvalid"),
  name: z.string().trim().min(2, "validation.required").max(200, "validation.tooLong"),
  country: z.enum(["", "BY", "RU"]).transform((v) => (v ? v : null)),
  /** The NGO publishes this list with names: names may appear on public pages (docs/public-pages.md). */
  namesPublic: checkbox,
});

/** The per-source "names are public" switch. */
export const namesPublicSchema = z.object({
  sourceId: z.string().trim().min(1).max(64),
  namesPublic: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
