import { z } from "zod";

export const RISK_CATEGORIES = [
  "politics",
  "war",
  "case",
  "freedom",
  "fight",
  "slogan",
  "cipher",
  "abbreviation",
  "insult",
  "other",
] as const;
export const RISK_LANGUAGES = ["ru", "be", "en", "any"] as const;
export const PHRASE_CATEGORIES = [
  "template",
  "greeting",
  "wishes",
  "seasons",
  "holidays",
  "support",
  "closing",
  "about-me",
] as const;

const text = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

/** One example or exception a line. */
const lines = z.string().max(4000, "validation.tooLong").optional();

export const riskPhraseSchema = z.object({
  phrase: text(80),
  language: z.enum(RISK_LANGUAGES, { error: "validation.required" }),
  category: z.enum(RISK_CATEGORIES, { error: "validation.required" }),
  except: lines,
  catches: z
    .string({ error: "writingHelp.catchesRequired" })
    .trim()
    .min(1, "writingHelp.catchesRequired")
    .max(4000, "validation.tooLong"),
  spares: lines,
});

/** The non-empty trimmed lines of a multi-line field. */
export function splitLines(value: string | undefined): string[] {
  return (value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export const phraseSchema = z.object({
  category: z.enum(PHRASE_CATEGORIES, { error: "validation.required" }),
  ru: text(300),
  be: text(300),
  meaningEn: text(300),
  meaningRu: text(300),
  meaningBe: text(300),
});
