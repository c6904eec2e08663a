// `npm run bench:search`: times the name search (searchPrisoners, as /prisoners, the API's
// ?q= and picking call it) over 20,000 and 100,000 distinct people.
//
// People come from scripts/bench-list.ts generateList (many rare surnames, a few common
// ones; it asserts the people are distinct). Their names and match keys are bulk-inserted
// through app/models/name-keys.server.ts (the same key rows an import writes), then 200
// queries of each kind are timed: exact Cyrillic, transliterated Latin, a near miss (one
// letter of the surname changed) and a Latin surname alone. p50/p95/p99 per kind.
//
// PostgreSQL: TEST_DATABASE_URL or DATABASE_URL (postgres://…) names a server where a
// scratch database sm_bench_<random> is created and dropped at the end.
// PGlite (in memory) runs too; BENCH_PGLITE=0 skips it. BENCH_SIZES="20000,100000" changes sizes.
import crypto from "node:crypto";
import os from "node:os";
import pg from "pg";
import { openDatabase, setDatabase } from "#app/utils/db.server.ts";
import type { DatabaseTarget } from "#app/utils/config.server.ts";
import { insertNameKeys, insertNames, nameKeyRows, sortNameOf, type NameRow } from "#app/models/name-keys.server.ts";
import { rankPrisonersByName, searchPrisoners } from "#app/models/prisoner-search.server.ts";
import { detectScript, splitFullName, type PersonName } from "#app/names/match-keys.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { generateList, mulberry32 } from "./bench-list";

const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const SIZES = (process.env.BENCH_SIZES ?? "20000,100000").split(",").map(Number);
const KINDS = ["exact Cyrillic", "transliterated Latin", "near miss", "surname only"] as const;
type Kind = (typeof KINDS)[number];

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// A plain press transliteration (Belarusian and Russian letters), as a journalist would type a name.
const LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  д: "d",
  е: "e",
  ё: "io",
  ж: "zh",
  з: "z",
  і: "i",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
  "'": "",
  "’": "",
};
function latin(word: string): string {
  const out = [...word.toLowerCase()].map((c) => LATIN[c] ?? c).join("");
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** One letter in the middle of a word replaced by its neighbour in the alphabet. */
function misspell(word: string, next: () => number): string {
  const i = 2 + Math.floor(next() * Math.max(1, word.length - 3));
  const c = word[i];
  const swapped = c === "а" ? "о" : c === "о" ? "а" : c === "е" ? "и" : String.fromCharCode(c.charCodeAt(0) + 1);
  return word.slice(0, i) + swapped + word.slice(i + 1);
}

interface Person {
  id: string;
  name: PersonName;
}

function peopleOf(count: number): Person[] {
  const list = generateList(count);
  const rows = parseCsv(list.csv.toString("utf8")).slice(1);
  const people: Person[] = [];
  for (const cells of rows) {
    const name = splitFullName(cells[2] ?? "");
    if (!name || !name.givenName) continue;
    people.push({ id: `bp${cells[0]}`, name });
  }
  const distinct = new Set(rows.filter((r) => r[2]).map((r) => `${r[2]}|${r[7]}`)).size;
  if (people.length !== list.people || distinct < list.people) {
    throw new Error(
      `The generator claims ${list.people} distinct people; the list yields ${people.length} names (${distinct} distinct with birth dates). Not reporting.`,
    );
  }
  return people;
}

async function load(prisma: PrismaClient, people: Person[]): Promise<void> {
  for (let i = 0; i < people.length; i += 10_000) {
    const batch = people.slice(i, i + 10_000);
    await prisma.$executeRaw`
      INSERT INTO "Prisoner" ("id", "country", "status", "sortName", "updatedAt")
      SELECT id, 'BY'::"Country", 'convicted'::"PrisonerStatus", sn, now()
      FROM unnest(${batch.map((p) => p.id)}::text[], ${batch.map((p) => sortNameOf(p.name))}::text[]) AS t(id, sn)`;
    const names: NameRow[] = batch.map((p) => ({
      prisonerId: p.id,
      script: detectScript(`${p.name.surname} ${p.name.givenName}`),
      surname: p.name.surname,
      givenName: p.name.givenName,
      patronymic: p.name.patronymic ?? null,
      isPrimary: true,
    }));
    await insertNames(prisma, names);
    await insertNameKeys(
      prisma,
      batch.flatMap((p) => nameKeyRows(p.id, [p.name])),
    );
  }
  await prisma.$executeRawUnsafe(`ANALYZE`);
}

function queriesFor(people: Person[]): Record<Kind, { q: string; id: string }[]> {
  const next = mulberry32(4_242);
  const out = Object.fromEntries(KINDS.map((k) => [k, [] as { q: string; id: string }[]])) as Record<
    Kind,
    { q: string; id: string }[]
  >;
  while (out["near miss"].length < QUERIES) {
    const p = people[Math.floor(next() * people.length)];
    const { surname, givenName } = p.name;
    if (out["exact Cyrillic"].length < QUERIES) out["exact Cyrillic"].push({ q: `${surname} ${givenName}`, id: p.id });
    if (out["transliterated Latin"].length < QUERIES)
      out["transliterated Latin"].push({ q: `${latin(givenName)} ${latin(surname)}`, id: p.id });
    if (out["surname only"].length < QUERIES) out["surname only"].push({ q: latin(surname), id: p.id });
    if (surname.length >= 6) out["near miss"].push({ q: `${misspell(surname, next)} ${givenName}`, id: p.id });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function scratchPostgres(adminUrl: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `sm_bench_${crypto.randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function benchmark(label: string, target: DatabaseTarget, people: Person[]): Promise<void> {
  const db = await openDatabase(target, { migrate: true });
  try {
    setDatabase(db.prisma);
    const started = performance.now();
    await load(db.prisma, people);
    const keys = await db.prisma.prisonerNameKey.count();
    console.info(
      `\n${label}: ${people.length.toLocaleString("en")} people, ${keys.toLocaleString("en")} name keys loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const queries = queriesFor(people);
    for (const kind of KINDS) {
      // Untimed check that each kind finds what it claims: the person asked for is among the matches.
      let found = 0;
      for (const { q, id } of queries[kind].slice(0, 50)) if ((await rankPrisonersByName(q)).has(id)) found++;
      for (const { q } of queries[kind].slice(0, 5)) await searchPrisoners({ q }); // warm-up
      const times: number[] = [];
      let matches = 0;
      for (const { q } of queries[kind]) {
        const t = performance.now();
        const result = await searchPrisoners({ q });
        times.push(performance.now() - t);
        matches += result.total;
      }
      times.sort((a, b) => a - b);
      const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
      const hit = `${found}/50 find their person`;
      const warn = found < 45 ? "  (generator or search broken: not a valid figure)" : "";
      console.info(
        `  ${kind.padEnd(22)} p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  p99 ${fmt(percentile(times, 99))}  ` +
          `avg matches ${(matches / times.length).toFixed(0).padStart(5)}  ${hit}${warn}`,
      );
    }
  } finally {
    await db.close();
  }
}

async function main() {
  const [one, five, fifteen] = os.loadavg();
  console.info(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} at start; ${new Date().toISOString()}`,
  );
  const adminUrl = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find(
    (u) => u && /^postgres(ql)?:\/\//.test(u),
  );
  for (const size of SIZES) {
    const people = peopleOf(size);
    if (adminUrl) {
      const { target, drop } = await scratchPostgres(adminUrl);
      try {
        await benchmark("PostgreSQL", target, people);
      } finally {
        await drop();
      }
    } else {
      console.info("No TEST_DATABASE_URL or DATABASE_URL pointing at PostgreSQL: skipping the PostgreSQL run.");
    }
    if (process.env.BENCH_PGLITE !== "0")
      await benchmark("PGlite (in memory)", { kind: "pglite", dataDir: null }, people);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
