// `npm run bench:pages`: volunteer pages under concurrent load, compared with a bare route.
//
// Builds nothing: run `npm run build` first (it refuses to start without build/server).
// Needs PostgreSQL: TEST_DATABASE_URL or DATABASE_URL (postgres://…) names a server where
// a scratch database sm_bench_<random> is created (dropped at the end). The built server
// (`node server.js --demo`) starts on it with the demo data; the demo volunteer is signed
// in through a one-time link from the admin CLI (`user:login-link`) and the code form.
//
// Then, one target after the other, BENCH_CONNECTIONS (default 50) clients send requests
// back to back for BENCH_SECONDS (default 30) or BENCH_MAX_REQUESTS (default 20,000),
// whichever comes first, over loopback with node's fetch. Targets: /healthz (the bare
// route: a fixed "ok" after the database answers SELECT 1), a static file, /write,
// /prisoners?q=<a demo surname>, a prisoner page and /letters. Prints requests/s,
// p50/p95/p99 over every response, errors, and each page's p95 as a multiple of /healthz's.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runProjectCommand, startApp, testAppEnv } from "#tests/support/app-server.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 20_000);
const VOLUNTEER = "volunteer@demo.solidarity.test";

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

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
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
}

async function drive(label: string, url: string, cookie: string, expect: (text: string) => boolean): Promise<Result> {
  const times: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < deadline && sent < MAX_REQUESTS) {
      sent++;
      const t = performance.now();
      try {
        const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
        const text = await response.text();
        if (response.status !== 200 || !expect(text)) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    label,
    requests: times.length,
    errors,
    seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
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
    `${CONNECTIONS} concurrent clients, ${SECONDS} s or ${MAX_REQUESTS} requests per target, loopback, node fetch\n`,
  );

  const name = `sm_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-bench-pages-"));
  const app = await startApp({ dataDir, args: ["--demo"], env: { DATABASE_URL: dbUrl.toString(), LOG_LEVEL: "warn" } });
  try {
    const cookie = await signIn(app.url, testAppEnv(dataDir, { DATABASE_URL: dbUrl.toString(), APP_URL: app.url }));
    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    const [person] = (
      await db.query<{ id: string; surname: string }>(
        `SELECT p."id", n."surname" FROM "Prisoner" p JOIN "PrisonerName" n ON n."prisonerId" = p."id" AND n."isPrimary" ORDER BY p."sortName" LIMIT 1`,
      )
    ).rows;
    const { count } = (await db.query<{ count: string }>(`SELECT count(*) FROM "Prisoner"`)).rows[0];
    await db.end();
    if (!person) throw new Error("The demo data has no prisoner: not reporting.");
    console.info(
      `Demo data: ${count} prisoners; search query "${person.surname}"; prisoner page /prisoners/${person.id}\n`,
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
        (t) => t.includes(`/prisoners/${person.id}`),
      ],
      ["/prisoners/:id", `/prisoners/${person.id}`, (t) => t.includes("</html>")],
      ["/letters", "/letters", (t) => t.includes("</html>")],
    ];
    const results: Result[] = [];
    for (const [label, route, expect] of targets) {
      const r = await drive(label, `${app.url}${route}`, cookie, expect);
      results.push(r);
      console.info(`  measured ${label}`);
    }
    const bare = results[0];
    const ms = (v: number) => `${v.toFixed(1).padStart(8)} ms`;
    console.info(
      `\n${"target".padEnd(34)} ${"req/s".padStart(8)} ${"p50".padStart(11)} ${"p95".padStart(11)} ${"p99".padStart(11)}  errors  p95 ÷ bare`,
    );
    for (const r of results) {
      console.info(
        `${r.label.slice(0, 34).padEnd(34)} ${(r.requests / r.seconds).toFixed(1).padStart(8)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)}  ${String(r.errors).padStart(6)}  ${(r.p95 / bare.p95).toFixed(1).padStart(8)}×`,
      );
    }
    if (results.some((r) => r.errors > 0)) {
      console.info("\nSome responses failed (status or content): the figures of those rows are not valid.");
      process.exitCode = 1;
    }
  } finally {
    await app.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
