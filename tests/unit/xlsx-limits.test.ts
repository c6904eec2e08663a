import zlib from "node:zlib";
import { describe, expect, test } from "vitest";
import ExcelJS from "exceljs";
import { checkXlsxLimits, ImportFileError, parseImportFile, XLSX_LIMITS } from "#app/imports/parse.server.ts";

const XLSX = {
  fileName: "list.xlsx",
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

interface Entry {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
}

/** A zip archive of deflated entries, written by hand so that sizes can be made to lie. */
function zip(entries: Entry[], declare: (entry: Entry) => number = (e) => e.size): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(declare(entry), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.compressed);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(entry.crc, 16);
    head.writeUInt32LE(entry.compressed.length, 20);
    head.writeUInt32LE(declare(entry), 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    offset += 30 + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function entry(name: string, text: string): Entry {
  const data = Buffer.from(text);
  return { name, compressed: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

/** A worksheet of `rows` rows that unpacks to about rows × 60 bytes, deflated piece by piece (never whole in memory). */
function bombSheet(rows: number): Entry {
  const chunks: Buffer[] = [];
  const row = Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>');
  const block = Buffer.concat(Array.from({ length: 10_000 }, () => row));
  let crc = 0;
  let size = 0;
  const write = (data: Buffer) => {
    crc = zlib.crc32(data, crc);
    size += data.length;
    chunks.push(zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  };
  write(
    Buffer.from(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  );
  for (let written = 0; written < rows; written += 10_000) write(block);
  write(Buffer.from("</sheetData></worksheet>"));
  chunks.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { name: "xl/worksheets/sheet1.xml", compressed: Buffer.concat(chunks), crc: crc >>> 0, size };
}

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error("expected a refusal");
}

describe("XLSX limits (zip bombs)", () => {
  test("a sheet that unpacks to hundreds of megabytes is refused at once, with bounded memory", async () => {
    const bomb = zip([entry("[Content_Types].xml", "<Types/>"), bombSheet(4_000_000)]);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const error = await refusal(parseImportFile(new Uint8Array(bomb), XLSX));
    expect(error.messageKey).toBe("import.file.xlsxTooBig");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  test("a sheet whose header understates its size is refused without being inflated past it", async () => {
    const sheet = bombSheet(100_000);
    const lying = zip([entry("[Content_Types].xml", "<Types/>"), sheet], (e) => (e === sheet ? 4096 : e.size));
    const started = Date.now();
    expect((await refusal(parseImportFile(new Uint8Array(lying), XLSX))).messageKey).toBe("import.file.unreadable");
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 60_000);

  test("too many rows or cells in a small sheet are refused before the spreadsheet is loaded", async () => {
    const sheet = bombSheet(20_000);
    const bytes = new Uint8Array(zip([sheet]));
    expect(() => checkXlsxLimits(bytes, { ...XLSX_LIMITS, maxRows: 10_001 })).toThrow(ImportFileError);
    expect(() => checkXlsxLimits(bytes, { ...XLSX_LIMITS, maxCells: 19_999 })).toThrow(ImportFileError);
    expect(() => checkXlsxLimits(bytes, { ...XLSX_LIMITS, maxUncompressedBytes: 1024 * 1024 })).toThrow(
      ImportFileError,
    );
    expect(() => checkXlsxLimits(bytes)).not.toThrow();
  });

  test("an ordinary list made by a spreadsheet program passes and is read", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Spis");
    sheet.addRow(["ФИО", "Дата рождения"]);
    sheet.addRow(["Касцюсёў Рыгор", "12.03.1985"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(() => checkXlsxLimits(bytes)).not.toThrow();
    const parsed = await parseImportFile(bytes, XLSX);
    expect(parsed.rows.map((r) => r.cells)).toEqual([{ ФИО: "Касцюсёў Рыгор", "Дата рождения": "12.03.1985" }]);
  });
});
