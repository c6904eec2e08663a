import { z } from "zod";

export const RISK_CATEGORIES = ["politics", "war", "case", "freedom", "fight", "slogan", "cipher", "abbreviation", "insult", "other"] as const;
export const RISK_LANGUAGES = ["ru", "be", "en", "any"] as const;
export const PHRASE_CATEGORIES = ["template", "greeting", "wishes", "seasons", "holidays", "support", "closing", "about-me"] as const;

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

export const riskPhraseSchema = z.object({
  phrase: text(80),
  language: z.enum(RISK_LANGUAGES, { error: "validation.required" }),
  category: z.enum(RISK_CATEGORIES, { error: "validation.required" }),
});

export const phraseSchema = z.object({
  category: z.enum(PHRASE_CATEGORIES, { error: "validation.required" }),
  ru: text(300),
  be: text(300),
  meaningEn: text(300),
  meaningRu: text(300),
  meaningBe: text(300),
});
