// `npm run bench:import`: imports a realistic 20,000-row list into an empty
// database, re-imports it, and compares with a plain bulk insert of the same rows
// through the same client; then times name search over the 20,000 prisoners.
// Runs on PGlite (on disk) and, when TEST_DATABASE_URL is set, on PostgreSQL.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, setDatabase } from "#app/utils/db.server.ts";
import type { DatabaseTarget } from "#app/utils/config.server.ts";
import { importFile } from "#app/imports/runs.server.ts";
import { searchPrisoners } from "#app/models/prisoner-search.server.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);

const SURNAMES: [be: string, ru: string, latin: string][] = [
  ["Кастусёў", "Костусев", "Kastusiou"],
  ["Лабановіч", "Лобанович", "Labanovich"],
  ["Сідарэнка", "Сидоренко", "Sidarenka"],
  ["Ціханоўскі", "Тихановский", "Tsikhanouski"],
  ["Бяляцкі", "Беляцкий", "Bialiatski"],
  ["Статкевіч", "Статкевич", "Statkevich"],
  ["Калеснікаў", "Колесников", "Kalesnikau"],
  ["Пратасевіч", "Протасевич", "Pratasevich"],
  ["Лосік", "Лосик", "Losik"],
  ["Бабарыка", "Бабарико", "Babaryka"],
  ["Мікалаеў", "Николаев", "Mikalaeu"],
  ["Гарбачоў", "Горбачёв", "Harbachou"],
  ["Шаўчэнка", "Шевченко", "Shauchenka"],
  ["Кавалёў", "Ковалёв", "Kavaliou"],
  ["Новік", "Новик", "Novik"],
  ["Жук", "Жук", "Zhuk"],
  ["Мельнік", "Мельник", "Melnik"],
  ["Кузьміч", "Кузьмич", "Kuzmich"],
  ["Латышаў", "Латышев", "Latyshau"],
  ["Дзмітрыеў", "Дмитриев", "Dzmitryeu"],
];
const GIVEN: [be: string, ru: string, latin: string][] = [
  ["Рыгор", "Григорий", "Ryhor"],
  ["Алесь", "Александр", "Ales"],
  ["Зміцер", "Дмитрий", "Zmitser"],
  ["Сяргей", "Сергей", "Siarhei"],
  ["Ігар", "Игорь", "Ihar"],
  ["Андрэй", "Андрей", "Andrei"],
  ["Мікола", "Николай", "Mikola"],
  ["Павел", "Павел", "Pavel"],
  ["Уладзімір", "Владимир", "Uladzimir"],
  ["Яўген", "Евгений", "Yauhen"],
  ["Віктар", "Виктор", "Viktar"],
  ["Юрый", "Юрий", "Yury"],
];
const PATRONYMICS = ["Іванавіч", "Пятровіч", "Сяргеевіч", "Мікалаевіч", "Аляксандравіч", "Іванович", "Петрович", "Сергеевич"];
const FACILITIES = [
  ["ИК №4", "ул. Антошкина, 3, 246035 г. Гомель"],
  ["ИК №2", "ул. Сикорского, 1, 213800 г. Бобруйск"],
  ["СИЗО №1", "ул. Володарского, 2, 220030 г. Минск"],
  ["ИК №22", "п/о Доманово, 225295 Ивацевичский р-н"],
  ["ИК №15", "ул. Крупской, 99а, 212013 г. Могилёв"],
  ["ИК №17", "ул. Ленина, 1, 213010 г. Шклов"],
  ["Тюрьма №1", "ул. Кирова, 1, 230023 г. Гродно"],
  ["Тюрьма №8", "ул. Советская, 22а, 222163 г. Жодино"],
  ["ИК №3", "п. Витьба, 211322 Витебский р-н"],
];
const STATUSES = ["осужден", "под следствием", "осужден", "осужден"];

function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

function generateCsv(rows: number): Buffer {
  const next = random(42);
  const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)];
  const lines = ["№;ФИО;Имя латиницей;Дата рождения;Место заключения;Адрес;Статус;Статьи"];
  const produced: string[] = [];
  for (let i = 0; i < rows; i++) {
    const line = i + 2;
    if (i % 100 === 57) {
      lines.push(`${100_000 + i};Иванов;31.02.1990;;;;;`); // bad row: one-word name and impossible date
      continue;
    }
    if (i % 100 === 73 && produced.length > 0) {
      lines.push(produced[Math.floor(next() * produced.length)]); // the same person twice
      continue;
    }
    const [sBe, sRu, sLat] = pick(SURNAMES);
    const [gBe, gRu, gLat] = pick(GIVEN);
    const belarusian = next() < 0.6;
    const name = belarusian ? `${sBe} ${gBe} ${pick(PATRONYMICS)}` : `${sRu} ${gRu} ${pick(PATRONYMICS)}`;
    const latin = next() < 0.3 ? `${gLat} ${sLat}` : "";
    const year = 1950 + Math.floor(next() * 55);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const dob = next() < 0.05 ? String(year) : `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
    const [facility, address] = pick(FACILITIES);
    const row = `${100_000 + i};${name};${latin};${dob};${facility};"${address}";${pick(STATUSES)};ст. 342 ч.1 УК`;
    produced.push(row);
    lines.push(row);
    void line;
  }
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
}

async function freshTarget(kind: "pglite" | "postgres"): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-bench-"));
    return { target: { kind: "pglite", dataDir: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `sm_bench_${crypto.randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function benchmark(kind: "pglite" | "postgres", file: Buffer) {
  const results: Record<string, string> = {};
  // 1 + 2: import into an empty database, then the same file again.
  {
    const { target, drop } = await freshTarget(kind);
    const db = await openDatabase(target, { migrate: true });
    setDatabase(db.prisma);
    await db.prisma.source.create({ data: { slug: "bench", name: "Benchmark list", country: "BY" } });
    const run = () => importFile({ sourceSlug: "bench", bytes: file, fileName: "bench.csv", dryRun: false, actor: { channel: "cli" } });
    const [first, firstMs] = await timed(run);
    const [second, secondMs] = await timed(run);
    results.firstImportMs = firstMs.toFixed(0);
    results.firstRowsPerSecond = ((ROWS / firstMs) * 1000).toFixed(0);
    results.reimportMs = secondMs.toFixed(0);
    results.reimportRowsPerSecond = ((ROWS / secondMs) * 1000).toFixed(0);
    results.created = String(first.summary.created);
    results.errors = String(first.summary.errors.length);
    results.reimportUnchanged = String(second.summary.unchanged);
    results.reimportNoChanges = String(second.noChanges);

    // Search over the imported prisoners.
    const queries = ["Ryhor Kastusiou", "Костусев Григорий", "Labanovich", "Kastusov", "Ціханоўскі"];
    const timings: Record<string, number> = {};
    for (const q of queries) {
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) runs.push((await timed(() => searchPrisoners({ q, perPage: 25 })))[1]);
      timings[q] = median(runs);
    }
    results.search = Object.entries(timings)
      .map(([q, ms]) => `${q}: ${ms.toFixed(1)} ms`)
      .join("; ");
    results.prisoners = String(await db.prisma.prisoner.count());
    await db.close();
    await drop();
  }
  // 3: a plain bulk insert of the same rows (prisoner + name) through the same client.
  {
    const { target, drop } = await freshTarget(kind);
    const db = await openDatabase(target, { migrate: true });
    const rows = file
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(";"));
    const [, bulkMs] = await timed(async () => {
      const prisoners = rows.map((cells) => ({ id: crypto.randomUUID(), country: "BY" as const, articles: cells[7] ?? null, sortName: cells[1] }));
      for (let i = 0; i < prisoners.length; i += 2000) await db.prisma.prisoner.createMany({ data: prisoners.slice(i, i + 2000) });
      const names = prisoners.map((p, i) => {
        const [surname = "", givenName = "", patronymic = null] = rows[i][1].split(" ");
        return { prisonerId: p.id, script: "cyrillic_ru" as const, surname, givenName, patronymic, isPrimary: true };
      });
      for (let i = 0; i < names.length; i += 2000) await db.prisma.prisonerName.createMany({ data: names.slice(i, i + 2000) });
    });
    results.bulkInsertMs = bulkMs.toFixed(0);
    results.bulkRowsPerSecond = ((ROWS / bulkMs) * 1000).toFixed(0);
    results.importOverBulkRatio = (Number(results.firstImportMs) / bulkMs).toFixed(2);
    await db.close();
    await drop();
  }
  return results;
}

async function main() {
  const file = generateCsv(ROWS);
  console.info(`Generated ${ROWS} rows (${(file.length / 1024 / 1024).toFixed(1)} MB): Belarusian and Russian Cyrillic, Latin spellings, 9 facilities, ~1% duplicates, ~1% bad rows.`);
  const kinds: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  for (const kind of kinds) {
    const r = await benchmark(kind, file);
    console.info(`\n== ${kind === "pglite" ? "PGlite (on disk)" : "PostgreSQL"} ==`);
    console.info(`first import:   ${r.firstImportMs} ms  (${r.firstRowsPerSecond} rows/s; ${r.created} created, ${r.errors} rows with errors)`);
    console.info(`re-import:      ${r.reimportMs} ms  (${r.reimportRowsPerSecond} rows/s; ${r.reimportUnchanged} unchanged, no changes: ${r.reimportNoChanges})`);
    console.info(`plain bulk insert of the same rows: ${r.bulkInsertMs} ms  (${r.bulkRowsPerSecond} rows/s)`);
    console.info(`import / bulk insert: ${r.importOverBulkRatio}×  (aim: within 3×)`);
    console.info(`re-import faster than first import: ${Number(r.reimportMs) < Number(r.firstImportMs) ? "yes" : "NO"}`);
    console.info(`search over ${r.prisoners} prisoners (median of 7, aim < 50 ms): ${r.search}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
