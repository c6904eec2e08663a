import ExcelJS from "exceljs";
import type { Country } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { importFile } from "#app/imports/runs.server.ts";
import type { ImportActor } from "#app/imports/engine.server.ts";

/**
 * Prisoner lists as NGOs publish them, built in the test: one table, written
 * out as CSV (BOM, semicolons, CRLF, Cyrillic headers), XLSX or JSON.
 */

/** Short names for the columns of a typical Belarusian list. */
export const COLUMNS = {
  id: "№",
  name: "ФИО",
  birth: "Дата рождения",
  facility: "Место заключения",
  address: "Адрес",
  status: "Статус",
  reasons: "Гуманитарный список",
  articles: "Статьи",
  sentence: "Приговор",
  notes: "Примечание",
  latin: "Имя латиницей",
  country: "Страна",
} as const;

export type Column = keyof typeof COLUMNS;
export type ListRow = Partial<Record<Column, string>> & { name: string; extra?: Record<string, string> };

export const DEFAULT_COLUMNS: Column[] = [
  "id",
  "name",
  "birth",
  "facility",
  "address",
  "status",
  "reasons",
  "articles",
  "sentence",
  "notes",
];

export interface Table {
  headers: string[];
  rows: string[][];
}

export const GOMEL_IK4 = { facility: "ИК №4", address: "ул. Ленина, 1, 246035 г. Гомель" };
export const MINSK_SIZO1 = { facility: "СИЗО №1", address: "ул. Володарского, 2, 220030 г. Минск" };
export const MOGILEV_IK15 = { facility: "ИК №15", address: "ул. Заводская, 5, 212013 г. Могилёв" };
export const NOVOPOLOTSK_IK1 = { facility: "ИК №1", address: "ул. Техническая, 8, 211440 г. Новополоцк" };

/** The running example: five people on one source's list. */
export function baseList(): ListRow[] {
  return [
    {
      id: "1",
      name: "Касцюсёў Рыгор",
      birth: "12.03.1985",
      ...GOMEL_IK4,
      status: "осужден",
      reasons: "нет",
      articles: "ст. 342 УК",
      sentence: "3 года колонии",
      notes: "",
    },
    {
      id: "2",
      name: "Іваноўская Алена Пятроўна",
      birth: "01.07.1990",
      ...MINSK_SIZO1,
      status: "под следствием",
      reasons: "многодетная мать",
      articles: "ст. 361-1 УК",
      sentence: "",
      notes: "",
    },
    {
      id: "3",
      name: "Сідарэнка Павел",
      birth: "1957",
      ...MOGILEV_IK15,
      status: "осужден",
      reasons: "пенсионер, инвалидность",
      articles: "ст. 130 УК",
      sentence: "5 лет",
      notes: "",
    },
    {
      id: "4",
      name: "Лосік Ігар",
      birth: "19.02.1992",
      ...NOVOPOLOTSK_IK1,
      status: "осуждён",
      reasons: "",
      articles: "ст. 293 УК",
      sentence: "15 лет",
      notes: "",
    },
    {
      id: "5",
      name: "Бабарыка Віктар",
      birth: "09.11.1963",
      ...NOVOPOLOTSK_IK1,
      status: "осужден",
      reasons: "",
      articles: "ст. 235 УК",
      sentence: "14 лет",
      notes: "",
    },
  ];
}

/** Rows as a table; the extra columns of any row are added after the named ones. */
export function listTable(rows: ListRow[], columns: Column[] = DEFAULT_COLUMNS): Table {
  const extraHeaders = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const headers = [...columns.map((c) => COLUMNS[c]), ...extraHeaders];
  return {
    headers,
    rows: rows.map((r) => [...columns.map((c) => r[c] ?? ""), ...extraHeaders.map((h) => r.extra?.[h] ?? "")]),
  };
}

function quoteCsv(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** As Excel on a Belarusian Windows saves "CSV UTF-8": BOM, semicolons, CRLF. */
export function toCsv(
  table: Table,
  { bom = true, delimiter = ";" }: { bom?: boolean; delimiter?: string } = {},
): Uint8Array {
  const lines = [table.headers, ...table.rows].map((cells) => cells.map((c) => quoteCsv(c, delimiter)).join(delimiter));
  const text = `${lines.join("\r\n")}\r\n`;
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
}

/**
 * A worksheet as a person would type it: numbers in the № column, real date
 * cells for full dates of birth, and text starting with "=" as a formula.
 */
export async function toXlsx(table: Table): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Палітвязні");
  sheet.addRow(table.headers);
  for (const cells of table.rows) {
    const values = cells.map((cell, index): ExcelJS.CellValue => {
      const header = table.headers[index];
      if (header === COLUMNS.id && /^\d+$/.test(cell)) return Number(cell);
      const date = header === COLUMNS.birth ? cell.match(/^(\d{2})\.(\d{2})\.(\d{4})$/) : null;
      if (date) return new Date(Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])));
      if (cell.startsWith("=")) return { formula: cell.slice(1) } as ExcelJS.CellFormulaValue;
      return cell === "" ? null : cell;
    });
    sheet.addRow(values);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A JSON array of objects keyed by the header texts (empty cells left out). */
export function toJson(table: Table): Uint8Array {
  const objects = table.rows.map((cells) =>
    Object.fromEntries(cells.flatMap((cell, i) => (cell === "" ? [] : [[table.headers[i], cell]]))),
  );
  return new TextEncoder().encode(JSON.stringify(objects, null, 2));
}

export type Format = "csv" | "xlsx" | "json";

export const FILE_TYPES: Record<Format, { fileName: string; contentType: string }> = {
  csv: { fileName: "spis.csv", contentType: "text/csv" },
  xlsx: { fileName: "spis.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  json: { fileName: "spis.json", contentType: "application/json" },
};

export async function encode(table: Table, format: Format): Promise<Uint8Array> {
  return format === "csv" ? toCsv(table) : format === "xlsx" ? toXlsx(table) : toJson(table);
}

export async function createSource(slug: string, country: Country | null = "BY") {
  return prisma.source.create({ data: { slug, name: `List ${slug}`, country } });
}

export const CLI: ImportActor = { channel: "cli" };

/** importFile for a table in one of the three formats. */
export async function importTable(
  sourceSlug: string,
  table: Table,
  { format = "csv", dryRun = false, actor = CLI }: { format?: Format; dryRun?: boolean; actor?: ImportActor } = {},
) {
  return importFile({ sourceSlug, bytes: await encode(table, format), ...FILE_TYPES[format], dryRun, actor });
}

/** Every row of the tables an import writes to, in a stable order. */
export async function registrySnapshot() {
  const [prisoners, names, keys, stays, edits, links, facilities] = await Promise.all([
    prisma.prisoner.findMany({ orderBy: { id: "asc" } }),
    prisma.prisonerName.findMany({ orderBy: { id: "asc" } }),
    prisma.prisonerNameKey.findMany({ orderBy: [{ prisonerId: "asc" }, { kind: "asc" }, { key: "asc" }] }),
    prisma.facilityStay.findMany({ orderBy: { id: "asc" } }),
    prisma.prisonerEdit.findMany({ orderBy: { id: "asc" } }),
    prisma.prisonerSource.findMany({ orderBy: { id: "asc" } }),
    prisma.facility.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { prisoners, names, keys, stays, edits, links, facilities };
}

/** The registry as a person reads it, without ids or times: comparable across databases and formats. */
export async function registryContents() {
  const prisoners = await prisma.prisoner.findMany({
    include: {
      names: { orderBy: [{ isPrimary: "desc" }, { surname: "asc" }] },
      currentFacility: true,
      sources: { include: { source: { select: { slug: true } } } },
      stays: { include: { facility: { select: { name: true } } } },
    },
  });
  return prisoners
    .map((p) => ({
      names: p.names.map((n) => ({
        script: n.script,
        surname: n.surname,
        givenName: n.givenName,
        patronymic: n.patronymic,
        isPrimary: n.isPrimary,
      })),
      country: p.country,
      status: p.status,
      birthDate: p.birthDate?.toISOString().slice(0, 10) ?? null,
      birthYearOnly: p.birthYearOnly,
      articles: p.articles,
      sentence: p.sentence,
      notes: p.notes,
      humanitarian: p.humanitarian,
      humanitarianReasons: [...p.humanitarianReasons].sort(),
      needsReview: p.needsReview,
      facility: p.currentFacility
        ? {
            name: p.currentFacility.name,
            type: p.currentFacility.type,
            street: p.currentFacility.street,
            postcode: p.currentFacility.postcode,
            city: p.currentFacility.city,
          }
        : null,
      sources: p.sources.map((s) => ({
        source: s.source.slug,
        externalId: s.externalId,
        missing: s.missingSince !== null,
      })),
      stays: p.stays.map((s) => ({ facility: s.facility.name, open: s.toDate === null })),
    }))
    .sort((a, b) => a.names[0].surname.localeCompare(b.names[0].surname));
}

/** The prisoner whose primary spelling has this surname (throws when there is none or several). */
export async function prisonerBySurname(surname: string) {
  const names = await prisma.prisonerName.findMany({ where: { surname, isPrimary: true } });
  if (names.length !== 1) throw new Error(`expected one prisoner named ${surname}, found ${names.length}`);
  return prisma.prisoner.findUniqueOrThrow({
    where: { id: names[0].prisonerId },
    include: {
      names: true,
      nameKeys: true,
      sources: true,
      stays: { orderBy: { fromDate: "asc" } },
      currentFacility: true,
    },
  });
}
