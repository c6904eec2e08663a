// `npm run bench:pages`: volunteer pages under concurrent load, compared with a bare route.
//
// Builds nothing: run `npm run build` first (it refuses to start without build/server).
// Needs PostgreSQL: TEST_DATABASE_URL or DATABASE_URL (postgres://…) names a server where
// a scratch database sm_bench_<random> is created (dropped at the end). The built server
// (`node server.js --demo`) starts on it with the demo data; the demo volunteer is signed
// in through a one-time link from the admin CLI (`user:login-link`) and the code form.
//
// Then BENCH_PEOPLE (default 11,500) distinct people from the benchmarks' list generator
// are imported with the import CLI (`npm run import`), as a real list would be; the count
// of prisoners afterwards must be the demo's plus exactly those, or nothing is reported.
//
// Then, one target after the other, autocannon drives BENCH_CONNECTIONS (default 50)
// connections for BENCH_SECONDS (default 30) over loopback. Targets: /healthz (the bare
// route: a fixed "ok"), a static file, /write, /prisoners?q=<a common surname>, a
// prisoner page and /letters (BENCH_TARGETS=write,prisoner picks some by name).
// Prints requests/s, p50/p95/p99 over every response, errors (a wrong status, or a body
// without what the page must hold, checked on a sample request before and after), and
// each page's p95 as a multiple of the bare route's. BENCH_PROFILE=<dir> starts the
// server with `node --cpu-prof` and leaves its .cpuprofile there.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateList } from "./bench-list.ts";
import { runProjectCommand, startApp, testAppEnv, type RunningApp } from "#tests/support/app-server.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 11_500);
const ONLY = process.env.BENCH_TARGETS?.split(",").filter(Boolean);
const PROFILE_DIR = process.env.BENCH_PROFILE;
const VOLUNTEER = "volunteer@demo.solidarity.test";

// autocannon is CommonJS; the few fields used here.
interface AutocannonResult {
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface AutocannonInstance {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; headers: Record<string, string> },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** Cookies from Set-Cookie headers, as a Cookie header value. */
function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
}

async function signIn(appUrl: string, env: NodeJS.ProcessEnv): Promise<string> {
  const out = await runProjectCommand(["./scripts/admin.ts", "user:login-link", "--email", VOLUNTEER], env);
  const link = /https?:\/\/\S+/.exec(out)?.[0];
  if (!link) throw new Error(`user:login-link printed no link:\n${out}`);
  const url = new URL(link);
  const jar = new Map<string, string>();
  const body = new URLSearchParams({
    email: url.searchParams.get("email") ?? VOLUNTEER,
    code: url.searchParams.get("code") ?? "",
    redirectTo: "",
  });
  const response = await fetch(`${appUrl}/login/verify`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: appUrl, "Content-Type": "application/x-www-form-urlencoded" },
  });
  cookiesOf(response, jar);
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const check = await fetch(`${appUrl}/write`, { headers: { cookie }, redirect: "manual" });
  if (check.status !== 200)
    throw new Error(`Signing in failed: /write answered ${check.status} (verify answered ${response.status}).`);
  return cookie;
}

interface Result {
  label: string;
  alone: number;
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
}

async function check(url: string, cookie: string, expect: (text: string) => boolean): Promise<boolean> {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  return response.status === 200 && expect(await response.text());
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function drive(label: string, url: string, cookie: string, expect: (text: string) => boolean): Promise<Result> {
  const before = await check(url, cookie, expect);
  // One request at a time first: what a single page costs with nothing else running.
  const alone: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await (await fetch(url, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
    alone.push(performance.now() - t);
  }
  alone.sort((x, y) => x - y);
  // Every response's time, for exact percentiles (autocannon's own table has no p95).
  const times: number[] = [];
  const r = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  const after = await check(url, cookie, expect);
  times.sort((x, y) => x - y);
  return {
    label,
    alone: percentile(alone, 50),
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx + (before ? 0 : 1) + (after ? 0 : 1),
    seconds: r.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

/** Imports `people` generated people through the import CLI; refuses when the registry does not then hold them. */
async function importPeople(dbUrl: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const count = async () => Number((await db.query(`SELECT count(*) FROM "Prisoner"`)).rows[0].count);
    const demo = await count();
    if (PEOPLE <= 0) return demo;
    const list = generateList(PEOPLE);
    const file = path.join(dataDir, "bench-people.csv");
    fs.writeFileSync(file, list.csv);
    await runProjectCommand(
      ["./scripts/admin.ts", "source:create", "--slug", "bench", "--name", "Benchmark list", "--country", "BY"],
      env,
    );
    const started = performance.now();
    await runProjectCommand(["./scripts/import.ts", "--source", "bench", "--file", file], env);
    const total = await count();
    console.info(
      `Imported ${list.people} generated people in ${((performance.now() - started) / 1000).toFixed(1)} s: ${total} prisoners (${demo} from the demo).`,
    );
    if (total !== demo + list.people)
      throw new Error(
        `The generator claims ${list.people} distinct people, but the registry holds ${total - demo} more after the import. Not reporting.`,
      );
    await db.query("ANALYZE");
    return total;
  } finally {
    await db.end();
  }
}

async function main() {
  const root = path.resolve(import.meta.dirname, "..");
  if (!fs.existsSync(path.join(root, "build/server/index.js")))
    throw new Error("Run `npm run build` first: this benchmark starts the built server.");
  const adminUrl = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find(
    (u) => u && /^postgres(ql)?:\/\//.test(u),
  );
  if (!adminUrl)
    throw new Error(
      "Set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres",
    );
  const [one, five, fifteen] = os.loadavg();
  console.info(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} at start; ${new Date().toISOString()}`,
  );
  console.info(
    `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target, loopback; ${PEOPLE} imported people\n`,
  );

  const name = `sm_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-bench-pages-"));
  let app: RunningApp | undefined;
  try {
    app = await startApp({
      dataDir,
      args: ["--demo"],
      env: { DATABASE_URL: dbUrl.toString(), LOG_LEVEL: "warn" },
      nodeArgs: PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : [],
    });
    const cliEnv = testAppEnv(dataDir, { DATABASE_URL: dbUrl.toString(), APP_URL: app.url });
    const cookie = await signIn(app.url, cliEnv);
    const count = await importPeople(dbUrl.toString(), dataDir, cliEnv);
    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    // The most common surname (a search with many matches) and one of its people.
    const [person] = (
      await db.query<{ id: string; surname: string; matches: number }>(
        `WITH common AS (SELECT "surname", count(*)::int AS matches FROM "PrisonerName" WHERE "isPrimary" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1)
         SELECT n."prisonerId" AS id, c."surname", c.matches FROM common c JOIN "PrisonerName" n ON n."surname" = c."surname" AND n."isPrimary"
         ORDER BY n."prisonerId" LIMIT 1`,
      )
    ).rows;
    await db.end();
    if (!person) throw new Error("The registry has no prisoner: not reporting.");
    console.info(
      `${count} prisoners; search query "${person.surname}" (${person.matches} people); prisoner page /prisoners/${person.id}\n`,
    );
    const asset = fs.readdirSync(path.join(root, "build/client")).find((f) => /\.(ico|svg|png|txt)$/.test(f));
    const targets: [string, string, (t: string) => boolean][] = [
      ["/healthz (bare route)", "/healthz", (t) => t === "ok"],
      ...(asset
        ? [[`/${asset} (static file)`, `/${asset}`, () => true] as [string, string, (t: string) => boolean]]
        : []),
      ["/write", "/write", (t) => t.includes("</html>")],
      [
        `/prisoners?q=${person.surname}`,
        `/prisoners?q=${encodeURIComponent(person.surname)}`,
        (t) => t.includes(`/prisoners/`),
      ],
      ["/prisoners/:id", `/prisoners/${person.id}`, (t) => t.includes("</html>")],
      ["/letters", "/letters", (t) => t.includes("</html>")],
    ];
    const results: Result[] = [];
    const chosen = targets.filter(
      ([label], i) =>
        (i === 0 && !PROFILE_DIR) || !ONLY || ONLY.some((w) => label.toLowerCase().includes(w.toLowerCase())),
    );
    for (const [label, route, expect] of chosen) {
      const r = await drive(label, `${app.url}${route}`, cookie, expect);
      results.push(r);
      console.info(`  measured ${label}`);
    }
    // Profiling drives only the chosen targets, so there may be no bare route to compare with.
    const bare = results.find((r) => r.label.startsWith("/healthz")) ?? { errors: 1, p95: NaN };
    const ms = (v: number) => `${v.toFixed(1).padStart(8)} ms`;
    console.info(
      `\n${"target".padEnd(34)} ${"alone".padStart(11)} ${"req/s".padStart(8)} ${"p50".padStart(11)} ${"p95".padStart(11)} ${"p99".padStart(11)}  errors  p95 ÷ bare`,
    );
    for (const r of results) {
      console.info(
        `${r.label.slice(0, 34).padEnd(34)} ${ms(r.alone)} ${(r.requests / r.seconds).toFixed(1).padStart(8)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)}  ${String(r.errors).padStart(6)}  ${r.errors || bare.errors ? "       —" : `${(r.p95 / bare.p95).toFixed(1).padStart(8)}×`}`,
      );
    }
    console.info(
      "\nalone: median of 20 requests one at a time before the load; p50/p95/p99 over every response under load.",
    );
    if (results.some((r) => r.errors > 0)) {
      console.info(
        "\nSome responses failed (status or content): no ratio for those rows, their figures are not valid.",
      );
      process.exitCode = 1;
    }
  } finally {
    await app?.stop();
    if (process.env.BENCH_KEEP === "1") console.info(`Kept the database ${name} (BENCH_KEEP=1): drop it when done.`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
