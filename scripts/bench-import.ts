// `npm run bench:import`: imports a realistic list of 20,000 distinct people into an
// empty database, re-imports the same file, and compares both with the physical floor:
// COPY of the same file into a plain table (PostgreSQL through pg-copy-streams, PGlite
// through /dev/blob). Each database runs in a child process of its own, so the peak
// memory it prints belongs to that import alone (for PGlite it includes the database,
// which lives in the same process).
// Runs on PGlite (on disk) and, when TEST_DATABASE_URL is set, on PostgreSQL.
// BENCH_ROWS changes the number of people; BENCH_KINDS=postgres (or pglite) runs one.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { connectDatabase, disconnectDatabase } from "#app/utils/db.server.ts";
import { healthy } from "#app/runtime.server.ts";
import { longWorkMakingProgress } from "#app/utils/long-work.server.ts";
import type { DatabaseTarget } from "#app/utils/config.server.ts";
import { importFile } from "#app/imports/runs.server.ts";
import { recordImportPhases, recordedSpans } from "#app/imports/phases.server.ts";
import { generateList, VIASNA_MACHINE_HEADER } from "./bench-list.ts";

const PEOPLE = Number(process.env.BENCH_ROWS ?? 20_000);

// ───────────────────────────── Measuring one database ─────────────────────────────

async function freshTarget(
  kind: "pglite" | "postgres",
): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-bench-"));
    return {
      target: { kind: "pglite", dataDir: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
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

const FLOOR_TABLE = `CREATE TABLE bench_floor (${VIASNA_MACHINE_HEADER.split(",")
  .map((h) => `"${h}" text`)
  .join(", ")})`;

/** COPY of the file into a plain table: what the database itself needs to take these bytes. */
async function copyFloor(kind: "pglite" | "postgres", csv: Buffer): Promise<number> {
  const { target, drop } = await freshTarget(kind);
  try {
    if (target.kind === "postgres") {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      await client.query(FLOOR_TABLE);
      const [, ms] = await timed(
        () =>
          new Promise<void>((resolve, reject) => {
            const stream = client.query(copyFrom("COPY bench_floor FROM STDIN WITH (FORMAT csv, HEADER true)"));
            stream.on("finish", () => resolve());
            stream.on("error", reject);
            stream.end(csv);
          }),
      );
      const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM bench_floor");
      await client.end();
      if (Number(rows[0].n) < 1) throw new Error("COPY wrote nothing");
      return ms;
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const db = new PGlite(target.dataDir ?? undefined);
    await db.waitReady;
    await db.exec(FLOOR_TABLE);
    const [, ms] = await timed(() =>
      db.query("COPY bench_floor FROM '/dev/blob' WITH (FORMAT csv, HEADER true)", [], {
        blob: new Blob([new Uint8Array(csv)]),
      }),
    );
    await db.close();
    return ms;
  } finally {
    await drop();
  }
}

async function measure(kind: "pglite" | "postgres") {
  const { csv, people, badRows } = generateList(PEOPLE);
  const floorMs = await copyFloor(kind, csv);
  const { target, drop } = await freshTarget(kind);
  const prisma = await connectDatabase(target, { migrate: true });
  await prisma.source.create({ data: { slug: "bench", name: "Benchmark list", country: "BY" } });
  const rssBefore = process.memoryUsage().rss;
  const run = () =>
    importFile({ sourceSlug: "bench", bytes: csv, fileName: "bench.csv", dryRun: false, actor: { channel: "cli" } });
  const firstPhases = recordImportPhases();
  // Meanwhile, what another user would see: the liveness check (/healthz's work) every 50 ms, and the event loop's delay.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const healthWaits: number[] = [];
  const slowChecks: { start: number; end: number; called?: number; shortcut?: boolean }[] = [];
  let importing = true;
  const probing = (async () => {
    while (importing) {
      // Measured from when the check was due: a stalled event loop delays the timer too.
      const due = performance.now() + 50;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const called = performance.now();
      // What healthy() does: on the embedded database, progress of long work stands in for a query.
      const shortcut = kind === "pglite" && longWorkMakingProgress();
      await healthy();
      healthWaits.push(performance.now() - due);
      slowChecks.push({ start: due, end: performance.now(), called, shortcut });
    }
  })();
  // Where the event loop stalled: gaps of more than 150 ms between 10 ms ticks, with the spans that overlap them.
  const stalls: { start: number; end: number; called?: number; shortcut?: boolean }[] = [];
  let lastTick = performance.now();
  const tick = () => {
    const now = performance.now();
    if (now - lastTick > 150) stalls.push({ start: lastTick, end: now });
    lastTick = now;
  };
  const ticker = setInterval(tick, 10);
  const [first, firstMs] = await timed(run).finally(() => {
    importing = false;
    clearInterval(ticker);
    // A stall at the very end shows only here: the import's promise settles before the next tick.
    tick();
  });
  await probing;
  const spans = recordedSpans();
  const stallReport = [...stalls, ...slowChecks.filter((c) => c.end - c.start > 150)]
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, 5)
    .map(
      (g) =>
        `${g.called !== undefined ? `health check (timer ${Math.round(g.called - g.start)} ms, ${g.shortcut ? "no query" : "query"}) ` : ""}${Math.round(g.end - g.start)} ms in ${
          // The shortest spans that cover most of the gap: the step that was running.
          spans
            .filter((s) => Math.min(s.end, g.end) - Math.max(s.start, g.start) >= (g.end - g.start) / 2)
            .sort((a, b) => a.end - a.start - (b.end - b.start))
            .slice(0, 2)
            .map((s) => s.name)
            .join(" within ") || "(no span)"
        }`,
    );
  loopDelay.disable();
  const peakAfterFirst = process.resourceUsage().maxRSS * 1024;
  const secondPhases = recordImportPhases();
  const [second, secondMs] = await timed(run);
  const prisoners = await prisma.prisoner.count();
  await disconnectDatabase();
  await drop();
  return {
    kind,
    people,
    badRows,
    floorMs,
    firstMs,
    secondMs,
    created: first.summary.created,
    errors: first.summary.errors.length,
    reimportUnchanged: second.summary.unchanged,
    reimportNoChanges: second.noChanges,
    prisoners,
    rssBeforeMb: rssBefore / 1024 / 1024,
    peakRssMb: peakAfterFirst / 1024 / 1024,
    firstPhases: Object.fromEntries(firstPhases),
    healthChecks: healthWaits.length,
    worstHealthMs: Math.max(...healthWaits),
    worstLoopDelayMs: loopDelay.max / 1e6,
    stallReport,
    secondPhases: Object.fromEntries(secondPhases),
  };
}

// ───────────────────────────── The report ─────────────────────────────

async function main() {
  const child = process.argv.indexOf("--measure");
  if (child >= 0) {
    const result = await measure(process.argv[child + 1] as "pglite" | "postgres");
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  const { csv, people, badRows } = generateList(PEOPLE);
  console.info(
    `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, load average at start ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.info(
    `Generated a Viasna-shaped export: ${people} distinct people (checked), ${badRows} broken rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB.`,
  );
  const kinds = (process.env.BENCH_KINDS?.split(",") ??
    (process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"])) as ("pglite" | "postgres")[];
  const self = fileURLToPath(import.meta.url);
  for (const kind of kinds) {
    const out = spawnSync(process.execPath, [...process.execArgv, self, "--measure", kind], {
      encoding: "utf8",
      env: process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = out.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (!line) {
      console.error(out.stdout, out.stderr);
      throw new Error(`The ${kind} measurement failed`);
    }
    const r = JSON.parse(line.slice("RESULT ".length)) as Awaited<ReturnType<typeof measure>>;
    const name = kind === "pglite" ? "PGlite (on disk)" : "PostgreSQL";
    const aimFirst = kind === "pglite" ? 10_000 : 3_000;
    console.info(`\n== ${name} ==`);
    if (r.created !== r.people || r.prisoners !== r.people) {
      console.info(
        `The import created ${r.created} prisoners (${r.prisoners} in the database) from ${r.people} distinct people: no ratio reported.`,
      );
      process.exitCode = 1;
      continue;
    }
    console.info(`floor: COPY of the file into a plain table   ${r.floorMs.toFixed(0)} ms`);
    console.info(
      `first import:   ${r.firstMs.toFixed(0)} ms  (${((r.people / r.firstMs) * 1000).toFixed(0)} people/s; ${r.created} created, ${r.errors} rows with errors; ${(r.firstMs / r.floorMs).toFixed(1)}× the floor; aim < ${aimFirst} ms)`,
    );
    console.info(
      `re-import:      ${r.secondMs.toFixed(0)} ms  (${r.reimportUnchanged} unchanged, no changes: ${r.reimportNoChanges}; aim < 2000 ms)`,
    );
    const phases = (p: Record<string, number>) =>
      Object.entries(p)
        .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
        .join(", ");
    console.info(`  where the first import's time goes (ms): ${phases(r.firstPhases)}`);
    console.info(
      `  meanwhile: ${r.healthChecks} liveness checks, the slowest answered in ${r.worstHealthMs.toFixed(0)} ms (aim < 200 ms); longest event-loop stall ${r.worstLoopDelayMs.toFixed(0)} ms`,
    );
    console.info(`  longest stalls: ${r.stallReport.join("; ") || "none over 150 ms"}`);
    console.info(`  where the re-import's time goes (ms): ${phases(r.secondPhases)}`);
    console.info(
      `peak memory of the import process: ${r.peakRssMb.toFixed(0)} MB (${r.rssBeforeMb.toFixed(0)} MB before it; aim < 300 MB${kind === "pglite" ? ", the embedded database included" : ""})`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
