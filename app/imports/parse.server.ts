/**
 * Reads an uploaded prisoner list (CSV, XLSX or JSON) into header-keyed text
 * rows. Nothing here interprets the data: column recognition is in
 * columns.ts and value normalisation in normalize.ts.
 *
 * Every cell comes out as trimmed text. Formula-like text (starting with
 * = + - @) is kept verbatim; XLSX formulas are never evaluated and their
 * cached results are never used: the formula text itself ("=1+1") is the value.
 */
import { DomainError } from "#app/utils/domain-error.ts";
import zlib from "node:zlib";
import { parse as parseCsvStream, type Options as CsvOptions } from "csv-parse";
import ExcelJS from "exceljs";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { hasBidiControls, stripBidiControls } from "#app/names/bidi.ts";
import type { ImportFormat, ParsedFile, RawRow } from "./types.ts";

export type { ImportFormat, ParsedFile, RawRow } from "./types.ts";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

/** A problem with the file as a whole; messageKey and params are for translate(). */
export class ImportFileError extends DomainError<"file"> {
  constructor(messageKey: MessageKey, params: Record<string, string | number> = {}) {
    // One code, whose message is the one the parser chose (the many file problems have a key each).
    super("file", { file: { kind: "invalid", message: messageKey } }, params, messageKey);
  }
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CONTENT_TYPES: Record<string, ImportFormat> = {
  "text/csv": "csv",
  "application/csv": "csv",
  "text/x-csv": "csv",
  "text/comma-separated-values": "csv",
  "text/tab-separated-values": "csv",
  "application/json": "json",
  "text/json": "json",
  [XLSX_TYPE]: "xlsx",
};
const EXTENSIONS: Record<string, ImportFormat> = {
  csv: "csv",
  tsv: "csv",
  tab: "csv",
  txt: "csv",
  json: "json",
  xlsx: "xlsx",
  xlsm: "xlsx",
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: the pre-2007 Excel .xls format, which exceljs cannot read.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * Content type first (ignoring parameters such as charset, and ignoring the
 * generic types browsers send for unknown files), then the file name's
 * extension, then the bytes: a ZIP header means XLSX, a leading [ or { JSON,
 * anything else CSV.
 */
export function detectFormat(input: {
  fileName?: string | null;
  contentType?: string | null;
  bytes: Uint8Array;
}): ImportFormat {
  const contentType = input.contentType?.split(";")[0]?.trim().toLowerCase();
  if (contentType && Object.hasOwn(CONTENT_TYPES, contentType)) return CONTENT_TYPES[contentType];

  const extension = input.fileName
    ?.trim()
    .toLowerCase()
    .match(/\.([a-z0-9]+)$/)?.[1];
  if (extension && Object.hasOwn(EXTENSIONS, extension)) return EXTENSIONS[extension];

  if (startsWith(input.bytes, ZIP_MAGIC)) return "xlsx";
  const head = decodeText(input.bytes.subarray(0, 1024), false).text.trimStart();
  if (head.startsWith("[") || head.startsWith("{")) return "json";
  return "csv";
}

export async function parseImportFile(
  bytes: Uint8Array,
  /** maxRows: the row limit (MAX_IMPORT_ROWS unless a test checks the limit on a small file). */
  input: { fileName?: string | null; contentType?: string | null; maxRows?: number },
): Promise<ParsedFile> {
  return withoutBidiControls(await readImportFile(bytes, input));
}

/**
 * Every cell and header of every format, cleaned of bidi controls (U+202E and
 * friends), which would show a name in another order than it is stored.
 */
function withoutBidiControls(parsed: ParsedFile): ParsedFile {
  // Most lists have none: check without copying (a list may have 100,000 rows).
  let dirty = parsed.headers.some(hasBidiControls);
  for (let i = 0; !dirty && i < parsed.rows.length; i++) {
    const cells = parsed.rows[i].cells;
    for (const header in cells) {
      if (hasBidiControls(cells[header])) {
        dirty = true;
        break;
      }
    }
  }
  if (!dirty) return parsed;
  const headers = parsed.headers.map(stripBidiControls);
  const seen = new Set<string>();
  for (const header of headers) {
    if (seen.has(header)) throw new ImportFileError("import.file.duplicateHeader", { header });
    seen.add(header);
  }
  const rows = parsed.rows.map((row) => ({
    ...row,
    cells: Object.fromEntries(
      Object.entries(row.cells).map(([header, text]) => [stripBidiControls(header), stripBidiControls(text).trim()]),
    ),
  }));
  return { ...parsed, headers, rows };
}

async function readImportFile(
  bytes: Uint8Array,
  input: { fileName?: string | null; contentType?: string | null; maxRows?: number },
): Promise<ParsedFile> {
  const maxRows = input.maxRows ?? MAX_IMPORT_ROWS;
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportFileError("import.file.tooLarge", { maxMb: Math.round(MAX_IMPORT_BYTES / (1024 * 1024)) });
  }
  if (bytes.byteLength === 0) throw new ImportFileError("import.file.empty");
  if (startsWith(bytes, OLE_MAGIC)) throw new ImportFileError("import.file.legacyExcel");

  const format = detectFormat({ ...input, bytes });
  switch (format) {
    case "xlsx":
      return parseXlsx(bytes, maxRows);
    case "json":
      return parseJson(bytes, maxRows);
    case "csv":
      return parseCsvFile(bytes, maxRows);
  }
}

// ───────────────────────────── Text decoding ─────────────────────────────

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * Windows-1251 (what Excel on a Russian or Belarusian Windows writes).
 * A UTF-16 file with a BOM (Excel's "Unicode text") is decoded too and
 * reported as "utf-8", the closest of the reported encodings (the text is
 * Unicode either way).
 */
function decodeText(bytes: Uint8Array, fatal = true): { text: string; encoding: "utf-8" | "windows-1251" } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: "utf-8" };
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    if (bom) return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(body), encoding: "utf-8" };
    return { text: new TextDecoder("windows-1251").decode(body), encoding: "windows-1251" };
  }
}

// ───────────────────────────── Shared table building ─────────────────────────────

interface SourceRecord {
  line: number;
  values: string[];
  /** XLSX: header texts with the repeated parts of merged cells blanked. */
  headerValues?: string[];
}

const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060]/g;

function cleanHeader(text: string): string {
  return text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

function isEmptyRecord(values: string[]): boolean {
  return values.every((value) => (value ?? "").trim() === "");
}

/**
 * The first non-empty record is the header. Rows with only empty cells are
 * skipped. Columns without a header are dropped when they hold no data, and
 * named "Column N" (N = column number or XLSX letter) when they do.
 */
function buildTable(
  records: SourceRecord[],
  columnLabel: (index: number) => string,
  maxRows: number,
): { headers: string[]; rows: RawRow[] } {
  const headerIndex = records.findIndex((record) => !isEmptyRecord(record.headerValues ?? record.values));
  if (headerIndex < 0) throw new ImportFileError("import.file.empty");
  const headerRecord = records[headerIndex];
  const headerTexts = (headerRecord.headerValues ?? headerRecord.values).map((text) => cleanHeader(text ?? ""));
  const data = records.slice(headerIndex + 1).filter((record) => !isEmptyRecord(record.values));
  if (data.length > maxRows) throw new ImportFileError("import.file.tooManyRows", { max: maxRows });

  let width = headerTexts.length;
  for (const record of data) width = Math.max(width, record.values.length);
  const columns: { index: number; name: string }[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < width; index++) {
    let name = headerTexts[index] ?? "";
    if (name === "") {
      if (!data.some((record) => (record.values[index] ?? "").trim() !== "")) continue;
      name = `Column ${columnLabel(index)}`;
    }
    if (seen.has(name)) throw new ImportFileError("import.file.duplicateHeader", { header: name });
    seen.add(name);
    columns.push({ index, name });
  }

  // Plain assignment is the fast way to fill a row; a "__proto__" header would set the
  // object's prototype that way, so such a file takes the defining (slower) path.
  const assignable = !columns.some(({ name }) => name === "__proto__");
  const rows = data.map((record) => {
    if (!assignable)
      return {
        line: record.line,
        cells: Object.fromEntries(columns.map(({ index, name }) => [name, (record.values[index] ?? "").trim()])),
      };
    const cells: Record<string, string> = {};
    for (const { index, name } of columns) cells[name] = (record.values[index] ?? "").trim();
    return { line: record.line, cells };
  });
  return { headers: columns.map((column) => column.name), rows };
}

// ───────────────────────────── CSV ─────────────────────────────

type Delimiter = "," | ";" | "\t";
const DELIMITERS: Delimiter[] = [";", "\t", ","];

/** Counts delimiters on the first non-blank line, outside quotes (a quoted header may span lines). */
function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let start = 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n") break;
    else if (!quoted && (char === "," || char === ";" || char === "\t")) counts[char]++;
  }
  // Ties go to the rarer character in ordinary text: ; then tab then comma.
  let best: Delimiter = ",";
  for (const candidate of DELIMITERS) if (counts[candidate] > counts[best]) best = candidate;
  return best;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** Characters handed to the CSV parser between two turns of the event loop. */
const CSV_SLICE = 64 * 1024;

/**
 * csv-parse's streaming parser, fed a slice at a time with a turn of the event loop
 * in between: a 20 MB list never holds up other requests for the whole parse.
 */
async function runCsvParser(text: string, options: CsvOptions): Promise<void> {
  const parser = parseCsvStream(options);
  let failed = false;
  const done = new Promise<void>((resolve, reject) => {
    parser.on("error", (error) => {
      failed = true;
      reject(error);
    });
    parser.on("end", () => resolve());
  });
  done.catch(() => {});
  parser.resume();
  for (let i = 0; i < text.length && !failed; i += CSV_SLICE) {
    parser.write(text.slice(i, i + CSV_SLICE));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!failed) parser.end();
  await done;
}

async function parseCsvFile(bytes: Uint8Array, maxRows: number): Promise<ParsedFile> {
  const decoded = decodeText(bytes);
  // One record separator for csv-parse's line counter; quoted CRLFs become LF.
  let text = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new ImportFileError("import.file.empty");

  // Excel's "sep=;" hint line: honour it, keep its line so numbers stay true.
  let delimiter: Delimiter | null = null;
  const hint = text.match(/^"?sep=([,;\t])"?[ \t]*(?=\n|$)/i);
  if (hint) {
    delimiter = hint[1] as Delimiter;
    text = text.slice(hint[0].length);
  }
  delimiter ??= detectDelimiter(text);

  // info.lines is the line on which a record ends; a record spans one extra
  // line for every newline inside its quoted fields. Read from on_record's context
  // rather than csv-parse's `info` option, which copies an info object per record.
  const sourceRecords: SourceRecord[] = [];
  let lastRecordEnd = 0;
  try {
    await runCsvParser(text, {
      delimiter,
      record_delimiter: "\n",
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      bom: false,
      on_record: (record: string[], context) => {
        lastRecordEnd = context.lines;
        let newlines = 0;
        for (const value of record) newlines += countNewlines(value);
        sourceRecords.push({ line: context.lines - newlines, values: record });
        return null;
      },
    });
  } catch {
    // The broken record starts on the first non-blank line after the last good one.
    const lines = text.split("\n");
    let line = lastRecordEnd + 1;
    while (line < lines.length && lines[line - 1].trim() === "") line++;
    throw new ImportFileError("import.file.badCsv", { line });
  }

  const { headers, rows } = buildTable(sourceRecords, (index) => String(index + 1), maxRows);
  return { format: "csv", headers, rows, encoding: decoded.encoding, delimiter };
}

// ───────────────────────────── XLSX ─────────────────────────────

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function numberText(value: number): string {
  // Spreadsheets keep 15 significant digits; drop binary noise (0.1 + 0.2).
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
}

function richText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && Array.isArray((value as { richText?: unknown }).richText)) {
    return (value as { richText: { text?: unknown }[] }).richText
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

function cellText(cell: ExcelJS.Cell, depth = 0): string {
  const value = cell.value as unknown;
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
      return depth > 2 || cell.master === cell ? "" : cellText(cell.master, depth + 1);
    case ExcelJS.ValueType.Null:
      return "";
    case ExcelJS.ValueType.Formula:
      // Never evaluated, and the cached result is deliberately ignored.
      return `=${cell.formula ?? ""}`;
    case ExcelJS.ValueType.Date:
      return value instanceof Date ? isoDate(value) : "";
    case ExcelJS.ValueType.Number:
      return typeof value === "number" ? numberText(value) : String(value ?? "");
    case ExcelJS.ValueType.Boolean:
      return value ? "TRUE" : "FALSE";
    case ExcelJS.ValueType.RichText:
      return richText(value);
    case ExcelJS.ValueType.Hyperlink:
      return richText((value as { text?: unknown } | null)?.text);
    case ExcelJS.ValueType.Error:
      return String((value as { error?: unknown } | null)?.error ?? "");
    default:
      return richText(value);
  }
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Limits on what an XLSX file holds once unpacked. An .xlsx is a zip: a few MB can
 * unpack to gigabytes (a "zip bomb"), so the archive is checked before the
 * spreadsheet library inflates it.
 */
export interface XlsxLimits {
  /** All entries together, unpacked. */
  maxUncompressedBytes: number;
  maxCells: number;
  maxRows: number;
  maxEntries: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxUncompressedBytes: 150 * 1024 * 1024,
  maxCells: 3_000_000,
  maxRows: MAX_IMPORT_ROWS + 1,
  maxEntries: 2_000,
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The entries the zip's central directory declares, or null when it is not a readable zip. */
function zipEntries(bytes: Buffer, maxEntries: number): ZipEntry[] | "too-many" | null {
  const EOCD = 0x06054b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return null; // zip64: never written by spreadsheet programs for lists this size
  if (count > maxEntries) return "too-many";
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's bytes, inflated never beyond what it declares (a lying header is refused, not followed). */
function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length === entry.uncompressedSize ? data : null;
  if (entry.method !== 8) return null;
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    return out.length === entry.uncompressedSize ? out : null;
  } catch {
    return null;
  }
}

function countOccurrences(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) count++;
  return count;
}

/**
 * Checks an XLSX archive against the limits before anything inflates it: the sizes
 * its directory declares, then each worksheet inflated one at a time and never past
 * its declared size, counting its rows and cells. Throws ImportFileError.
 */
export function checkXlsxLimits(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tooBig = () =>
    new ImportFileError("import.file.xlsxTooBig", {
      maxMb: Math.round(limits.maxUncompressedBytes / (1024 * 1024)),
      maxCells: limits.maxCells,
      maxRows: limits.maxRows - 1,
    });
  const entries = zipEntries(buffer, limits.maxEntries);
  if (entries === "too-many") throw tooBig();
  if (!entries) throw new ImportFileError("import.file.unreadable");
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) throw tooBig();
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const sheet = inflateEntry(buffer, entry);
    if (!sheet) throw new ImportFileError("import.file.unreadable");
    const xml = sheet.toString("utf8");
    if (countOccurrences(xml, /<row[\s>]/g) > limits.maxRows || countOccurrences(xml, /<c[\s>]/g) > limits.maxCells)
      throw tooBig();
  }
}

async function parseXlsx(bytes: Uint8Array, maxRows: number): Promise<ParsedFile> {
  checkXlsxLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's types ask for an ArrayBuffer (JSZip reads one as it is): a copy of exactly these bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new ImportFileError("import.file.unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("import.file.empty");

  const records: SourceRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    const headerValues: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      values[column - 1] = cellText(cell);
      // In a header, a merged cell names one column, not all it covers.
      headerValues[column - 1] = cell.type === ExcelJS.ValueType.Merge ? "" : values[column - 1];
    });
    for (let i = 0; i < values.length; i++) {
      values[i] ??= "";
      headerValues[i] ??= "";
    }
    if (isEmptyRecord(values)) return;
    records.push({ line: rowNumber, values, headerValues });
    // Header plus the allowed rows; stop reading a sheet that is far too long.
    if (records.length > maxRows + 1) throw new ImportFileError("import.file.tooManyRows", { max: maxRows });
  });

  const { headers, rows } = buildTable(records, columnLetter, maxRows);
  return { format: "xlsx", headers, rows, encoding: null, delimiter: null };
}

// ───────────────────────────── JSON ─────────────────────────────

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An array of plain values (`"articles": ["ч. 2 ст. 207.3 УК РФ"]`, `"interests": [...]`)
 * becomes its items on separate lines; empty items are dropped. An array holding
 * objects or arrays is refused like a nested object.
 */
function arrayText(items: unknown[]): string {
  const lines: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item === "string") lines.push(item.replace(/\s+/g, " ").trim());
    else if (typeof item === "number" || typeof item === "boolean") lines.push(String(item));
    else throw new ImportFileError("import.file.jsonShape");
  }
  return lines.filter(Boolean).join("\n");
}

function parseJson(bytes: Uint8Array, maxRows: number): ParsedFile {
  const decoded = decodeText(bytes);
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new ImportFileError("import.file.empty");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportFileError("import.file.invalidJson");
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (isPlainObject(data) && Object.hasOwn(data, "prisoners")) list = data.prisoners;
  if (!Array.isArray(list)) throw new ImportFileError("import.file.jsonShape");
  if (list.length === 0) throw new ImportFileError("import.file.empty");

  const headers: string[] = [];
  const known = new Set<string>();
  const objects: { line: number; entries: [string, string][] }[] = [];
  list.forEach((item, index) => {
    if (!isPlainObject(item)) throw new ImportFileError("import.file.jsonShape");
    const entries: [string, string][] = [];
    const inThisObject = new Set<string>();
    for (const [rawKey, value] of Object.entries(item)) {
      const key = cleanHeader(rawKey);
      if (key === "") continue;
      if (inThisObject.has(key)) throw new ImportFileError("import.file.duplicateHeader", { header: key });
      inThisObject.add(key);
      if (!known.has(key)) {
        known.add(key);
        headers.push(key);
      }
      let text: string;
      if (value === null || value === undefined) text = "";
      else if (typeof value === "string") text = value;
      else if (typeof value === "number" || typeof value === "boolean") text = String(value);
      else if (Array.isArray(value)) text = arrayText(value);
      else throw new ImportFileError("import.file.jsonShape");
      entries.push([key, text.trim()]);
    }
    objects.push({ line: index + 2, entries });
  });
  if (headers.length === 0) throw new ImportFileError("import.file.empty");

  const nonEmpty = objects.filter(({ entries }) => entries.some(([, text]) => text !== ""));
  if (nonEmpty.length > maxRows) throw new ImportFileError("import.file.tooManyRows", { max: maxRows });
  const rows: RawRow[] = nonEmpty.map(({ line, entries }) => {
    const values = new Map(entries);
    return { line, cells: Object.fromEntries(headers.map((header) => [header, values.get(header) ?? ""])) };
  });
  return { format: "json", headers, rows, encoding: decoded.encoding, delimiter: null };
}
