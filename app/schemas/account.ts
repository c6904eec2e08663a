import { z } from "zod";
import { SUPPORTED_LOCALES } from "#app/i18n/i18n.ts";
import { checkbox } from "./prisoners.ts";

/** Forms of sign-in and account settings. Messages are translation keys. */

export const WRITING_LANGUAGES = ["ru", "be", "en", "uk", "pl", "de", "fr"] as const;

export const emailField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.email")
  .pipe(z.email({ error: "validation.email" }));

export const signInSchema = z.object({
  email: emailField,
  redirectTo: z.string().optional(),
});

export const codeSchema = z.object({
  email: emailField,
  code: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{6}$/, "validation.code"),
  redirectTo: z.string().optional(),
});

export const pseudonymField = z
  .string({ error: "validation.required" })
  .trim()
  .min(2, "validation.pseudonymLength")
  .max(40, "validation.pseudonymLength")
  .regex(/^[\p{L}\p{N} .'’-]+$/u, "validation.pseudonymChars");

export const writesInField = z
  .array(z.enum(WRITING_LANGUAGES, { error: "validation.languages" }))
  .min(1, "validation.languages");

export const localeField = z.enum(SUPPORTED_LOCALES, { error: "validation.locale" });

export const signUpSchema = z.object({
  pseudonym: pseudonymField,
  writesIn: writesInField,
  acceptRules: z.literal("on", { error: "validation.rules" }),
});

export const totpSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{6}$/, "validation.code"),
  redirectTo: z.string().optional(),
});

export const profileSchema = z.object({
  pseudonym: pseudonymField,
  writesIn: writesInField,
  locale: localeField,
});

/** Reminder e-mails a person can switch off, one box each (an unticked box is absent: off). */
export const remindersSchema = z.object({
  remindDrafts: checkbox,
  remindSelfPost: checkbox,
  remindAdoptions: checkbox,
  remindPledges: checkbox,
});

export const deleteAccountSchema = z.object({
  confirm: z.literal("on", { error: "validation.confirmDeletion" }),
});
