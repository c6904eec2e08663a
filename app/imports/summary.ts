import { z } from "zod";

/**
 * What an import did or would do, by kind of row: stored in ImportRun.summary (JSON)
 * and read back through the schema, so a row written by an older version that does
 * not fit is shown as "no summary" rather than trusted blindly.
 */
export const importSummarySchema = z.object({
  created: z.number(),
  updated: z.number(),
  transferred: z.number(),
  unchanged: z.number(),
  missing: z.number(),
  needsReview: z.number(),
  /** Rows the list itself marks as not for the registry (Viasna's "np"). */
  skipped: z.number(),
  errors: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
});

export type ImportSummary = z.infer<typeof importSummarySchema>;

/** A stored summary, or null when there is none or it does not have the expected shape. */
export function readImportSummary(value: unknown): ImportSummary | null {
  const parsed = importSummarySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
