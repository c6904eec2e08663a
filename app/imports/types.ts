/**
 * Plain data types of the prisoner-list import, shared by the server-side
 * parser (parse.server.ts) and browser code (column mapping, previews).
 */

export type ImportFormat = "csv" | "xlsx" | "json";

/**
 * One data row of an imported file.
 *
 * `cells` is keyed by the file's header text (trimmed); every header of the
 * file has a key (an absent cell is ""). Values are trimmed text.
 *
 * `line` is the number a person would look for in the file:
 * - CSV: the physical line on which the record starts (the header is line 1
 *   when it is the first line; blank lines count, so numbers match an editor);
 * - XLSX: the worksheet row number;
 * - JSON: the 1-based index of the object in the array plus 1, so the first
 *   object is "line 2", as if the keys were a header row above it.
 */
export interface RawRow {
  line: number;
  cells: Record<string, string>;
}

export interface ParsedFile {
  format: ImportFormat;
  /** Header texts in file order (trimmed, never empty, never duplicated). */
  headers: string[];
  rows: RawRow[];
  /** Text encoding detected for CSV and JSON; null for XLSX. */
  encoding: "utf-8" | "windows-1251" | null;
  /** CSV field delimiter; null for XLSX and JSON. */
  delimiter: "," | ";" | "\t" | null;
}
