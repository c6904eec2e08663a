import fs from "node:fs";
import { z } from "zod";
import { isLocale, type Locale } from "#app/i18n/i18n.ts";
import { checkParcelForPrisoner, type BulkParcel } from "#app/models/parcels.server.ts";
import { describeProblem } from "./messages.ts";
import { PACKAGE_KINDS, SENDER_KINDS, type ParcelVerdict } from "./rules.ts";

/**
 * `npm run admin -- parcel:check --prisoner ID --items FILE.json [--locale ru]`:
 * the verdict the parcel page would give, as JSON, for coordinators who prepare
 * parcels in bulk. The file is a list of items, or an object with the parcel's
 * kind, sender and items (docs/parcels.md).
 */

const itemSchema = z
  .object({
    catalog: z.string().min(1).optional(),
    catalogItemId: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    textEn: z.string().min(1).optional(),
    quantity: z.number().int().min(1).max(999).optional(),
    unitWeightGrams: z.number().positive().optional(),
    unitValue: z.number().min(0).optional(),
  })
  .strict();

const fileSchema = z.union([
  z.array(itemSchema).transform((items) => ({ items })),
  z
    .object({
      packageKind: z.enum(PACKAGE_KINDS).optional(),
      senderKind: z.enum(SENDER_KINDS).optional(),
      fromAbroad: z.boolean().optional(),
      items: z.array(itemSchema),
    })
    .strict(),
]);

export class ParcelFileError extends Error {}

export function readParcelFile(file: string): BulkParcel {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new ParcelFileError(`Cannot read ${file}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new ParcelFileError(`${file} is not valid JSON.`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParcelFileError(
      `${file}: ${issue.path.join(".") || "(top level)"}: ${issue.message}. See docs/parcels.md, "Checking parcels in bulk", for the format.`,
    );
  }
  return parsed.data;
}

export interface ParcelCheckOutput {
  ok: boolean;
  customsForm: ParcelVerdict["customsForm"];
  totals: ParcelVerdict["totals"];
  problems: { code: string; params: Record<string, string | number>; item?: number; message: string }[];
}

export async function parcelCheck(
  prisonerId: string,
  file: string,
  locale: string | undefined,
): Promise<ParcelCheckOutput> {
  const language: Locale = isLocale(locale) ? locale : "en";
  const verdict = await checkParcelForPrisoner(prisonerId, readParcelFile(file));
  return {
    ok: verdict.ok,
    customsForm: verdict.customsForm,
    totals: verdict.totals,
    problems: verdict.problems.map((p) => ({ ...p, message: describeProblem(language, p) })),
  };
}
