// Placeholder replaced by the parse branch: merges rows of one person (one row per case).
import type { ImportRow } from "./normalize.ts";

export function mergeCaseRows(rows: ImportRow[]): { rows: ImportRow[]; merged: { line: number; into: number }[] } {
  return { rows, merged: [] };
}
