// `npm run bench:parse`: the CPU-only steps of an import, timed apart from any database:
// name keys for 20,000 rows, reading a file at the row limit (CSV and JSON, exactly
// MAX_IMPORT_ROWS rows, and one more, which must be refused), and reading and
// normalising the benchmark's 20,000-person list. Unit tests check the same behaviour
// on small inputs; the time is measured here.
import os from "node:os";
import { nameMatchKeys } from "#app/names/match-keys.ts";
import { ImportFileError, MAX_IMPORT_ROWS, parseImportFile } from "#app/imports/parse.server.ts";
import { recognizeColumns } from "#app/imports/columns.ts";
import { normalizeRow } from "#app/imports/normalize.ts";
import { generateList } from "./bench-list.ts";

function check(condition: boolean, claim: string): void {
  if (!condition) throw new Error(`The benchmark's own check failed: ${claim}`);
}

async function timed<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.info(`${label.padEnd(58)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  return result;
}

async function refused(bytes: Uint8Array, fileName: string): Promise<boolean> {
  try {
    await parseImportFile(bytes, { fileName });
    return false;
  } catch (error) {
    return error instanceof ImportFileError && error.messageKey === "import.file.tooManyRows";
  }
}

async function main() {
  console.info(
    `Machine: ${os.cpus().length} cores, load average at start ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );

  const surnames = ["Kastusiou", "Лукашэнка", "Tikhanovskaya", "Бяляцкі", "Statkevich", "Знак", "Losik"];
  const givens = ["Ryhor", "Аляксандр", "Sviatlana", "Алесь", "Mikalai", "Максім", "Ihar"];
  const keyCount = await timed("name keys for 20,000 rows", () => {
    let count = 0;
    for (let i = 0; i < 20_000; i++) {
      const surname = `${surnames[i % surnames.length]}${String.fromCharCode(97 + (i % 26))}${i % 100}`;
      count += nameMatchKeys({ surname, givenName: givens[i % givens.length], patronymic: "Іванавіч" }).length;
    }
    return count;
  });
  check(keyCount > 20_000, "every row has keys");

  const utf8 = (text: string) => new TextEncoder().encode(text);
  const csv = (rows: number) => utf8(`n\n${"x\n".repeat(rows)}`);
  const json = (rows: number) => utf8(JSON.stringify(Array.from({ length: rows }, () => ({ n: "x" }))));
  const atLimit = await timed(`CSV of exactly ${MAX_IMPORT_ROWS} rows`, () =>
    parseImportFile(csv(MAX_IMPORT_ROWS), { fileName: "a.csv" }),
  );
  check(atLimit.rows.length === MAX_IMPORT_ROWS, "a file at the limit is read whole");
  check(
    await timed(`CSV of ${MAX_IMPORT_ROWS + 1} rows (refused)`, () => refused(csv(MAX_IMPORT_ROWS + 1), "a.csv")),
    "one row more is refused",
  );
  const jsonAtLimit = await timed(`JSON of exactly ${MAX_IMPORT_ROWS} rows`, () =>
    parseImportFile(json(MAX_IMPORT_ROWS), { fileName: "a.json" }),
  );
  check(jsonAtLimit.rows.length === MAX_IMPORT_ROWS, "a JSON file at the limit is read whole");
  check(
    await timed(`JSON of ${MAX_IMPORT_ROWS + 1} rows (refused)`, () => refused(json(MAX_IMPORT_ROWS + 1), "a.json")),
    "one JSON row more is refused",
  );

  const list = generateList(20_000);
  const parsed = await timed(
    `the benchmark list (${list.people} people, ${(list.csv.length / 1024 / 1024).toFixed(1)} MB): read`,
    () => parseImportFile(list.csv, { fileName: "bench.csv" }),
  );
  const { mapping } = recognizeColumns(parsed.headers);
  const normalised = await timed("the benchmark list: normalise every row", () =>
    parsed.rows.map((row) => normalizeRow(row, mapping, {})),
  );
  check(normalised.filter((r) => r.row).length >= list.people, "every distinct person normalises to a row");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
