import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

/**
 * The configuration: every environment variable the app reads, as one zod schema
 * (`ENVIRONMENT`), with its type, range, default and meaning. Nothing else in `app/`
 * or `server.js` reads `process.env` (a unit test checks), and docs/configuration.md is
 * generated from this table (`npx tsx scripts/config-docs.ts`; a unit test checks it is
 * current).
 *
 * The server parses it once at start-up (`loadConfiguration`, called by `bootstrap`):
 * every problem is collected and the server refuses to start with the whole list.
 * From then on the accessors below answer from that parsed copy. Outside a started
 * server (command-line tools, tests that change the environment between cases) each
 * accessor parses its own variable when asked, with the same schema and messages.
 */

// ---------------------------------------------------------------------------
// Modes

/**
 * - `production`: `npm run serve` (`node server.js`), containers and services. Strong
 *   secrets, a mail transport and APP_URL are required; no demo data, no development
 *   mailbox; `--demo` is refused, and so is a database that holds the demo accounts.
 * - `demo`: `npm start` (`node server.js --demo`). Demo data in an empty database,
 *   e-mails in the development mailbox when no SMTP server is set, secrets generated
 *   under DATA_DIR, listens on 127.0.0.1 unless HOST says otherwise.
 * - `development`: `npm run dev` (`node server.js --dev --demo`): as demo, with Vite.
 */
export const APP_MODES = ["production", "demo", "development"] as const;
export type AppMode = (typeof APP_MODES)[number];

/** What `node server.js` was asked for on its command line. */
export interface ServerFlags {
  demo?: boolean;
  dev?: boolean;
}

// ---------------------------------------------------------------------------
// The schema

/** One environment variable: its schema (from the raw text, undefined when unset or empty) and its documentation. */
interface Variable<T> {
  schema: z.ZodType<T, string | undefined>;
  /** The default as the documentation shows it. */
  default: string;
  /** What it does (Markdown, one paragraph). */
  doc: string;
  /** Production refuses to start without it. */
  requiredInProduction?: boolean;
  /** Never echoed in a message (passwords, keys). */
  secret?: boolean;
  /** Only tests set it; production ignores it. */
  testsOnly?: boolean;
}

function variable<T>(schema: z.ZodType<T, string | undefined>, options: Omit<Variable<T>, "schema">): Variable<T> {
  return { schema, ...options };
}

/** A whole number in a range; unset gives the fallback. */
function integer(min: number, max: number, fallback: number) {
  const rule =
    min === 1 ? `must be a positive integer, at most ${max}` : `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = Number(raw.trim());
      if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: "custom", message: rule });
        return z.NEVER;
      }
      return value;
    });
}

/** "0" or "1"; unset gives the fallback. */
function flag(fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      if (raw !== "0" && raw !== "1") {
        ctx.addIssue({ code: "custom", message: 'must be "0" or "1"' });
        return z.NEVER;
      }
      return raw === "1";
    });
}

function text(fallback: string) {
  return z
    .string()
    .optional()
    .transform((raw) => raw ?? fallback);
}

const optionalText = z
  .string()
  .optional()
  .transform((raw) => raw ?? null);

function oneOf<const V extends readonly [string, ...string[]]>(values: V, message: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return null;
      if (!(values as readonly string[]).includes(raw)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return raw as V[number];
    });
}

function databaseUrlProblem(url: string): string | null {
  if (/^postgres(ql)?:\/\//.test(url) || /^(file|pglite):/.test(url)) return null;
  return `must start with postgres://, postgresql://, file: or pglite: (got "${url.split(":")[0]}:")`;
}

export const ENVIRONMENT = {
  APP_MODE: variable(oneOf(APP_MODES, 'must be "production", "demo" or "development"'), {
    default: "*(from the command)*",
    doc: "`production` (`npm run serve`), `demo` (`npm start`) or `development` (`npm run dev`); see [deploying.md](deploying.md#modes). Without it `node server.js` runs in production mode, `--demo` in demo mode and `--dev` in development mode, except that `NODE_ENV=production` means production. Set `APP_MODE=production` in a container or service: `--demo` is then refused.",
  }),
  NODE_ENV: variable(optionalText, {
    default: "",
    doc: "Set by the tools (`test` under vitest). `production` without `APP_MODE` means production mode; with `APP_MODE=demo` it only makes React and Remix run their production builds (the browser tests do).",
  }),
  HOST: variable(optionalText, {
    default: "`127.0.0.1`; `0.0.0.0` in production",
    doc: "The address the server listens on. The demo listens on this machine only, so its development mailbox (sign-in codes, letter texts) is not on the network.",
  }),
  PORT: variable(integer(1, 65_535, 3000), { default: "`3000`", doc: "The port the server listens on." }),
  APP_URL: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return null;
        let url: URL | null = null;
        try {
          url = new URL(raw);
        } catch {
          url = null;
        }
        if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
          ctx.addIssue({
            code: "custom",
            message: "must be the site's public address, e.g. https://letters.example.org",
          });
          return z.NEVER;
        }
        return raw.replace(/\/$/, "");
      }),
    {
      default: "`http://localhost:$PORT`",
      requiredInProduction: true,
      doc: "The public address: links in e-mails, and the only origin whose form posts are accepted.",
    },
  ),
  TRUST_PROXY: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const value = raw ?? "0";
        const hops = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(hops) || hops > 10) {
          ctx.addIssue({
            code: "custom",
            message: "must be the number of reverse proxies in front of the app, 0 to 10",
          });
          return z.NEVER;
        }
        return hops;
      }),
    {
      default: "`0`",
      doc: "The number of reverse proxies you control in front of the app (`1` for one nginx). The client address is read that many entries from the right of `X-Forwarded-For`; entries further left are written by the client and ignored.",
    },
  ),
  DATABASE_URL: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return null;
        const problem = databaseUrlProblem(raw);
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
        return raw;
      }),
    {
      default: "*(unset: PGlite in `$DATA_DIR/pglite`)*",
      secret: true,
      doc: "`postgres://user@host:5432/db` for PostgreSQL; `file:./path` or `pglite:./path` for PGlite in another folder; `pglite:memory` for a throw-away database.",
    },
  ),
  DATA_DIR: variable(text("./data"), {
    default: "`./data`",
    doc: "Where the embedded database and, outside production, generated secrets live.",
  }),
  DATABASE_POOL_SIZE: variable(integer(1, 1000, 10), {
    default: "`10`",
    doc: "PostgreSQL connections per app instance.",
  }),
  MIGRATE_ON_START: variable(flag(true), {
    default: "`1`",
    doc: "`0` to skip applying migrations at start (then run `npm run db:migrate`).",
  }),
  MIGRATIONS_DIR: variable(text("prisma/migrations"), {
    default: "`prisma/migrations`",
    doc: "Where the migrations are read from, relative to the working directory: set it when the server does not run from the project folder.",
  }),
  DISK_FREE_MARGIN_MB: variable(integer(0, 1024 ** 3, 64), {
    default: "`64`",
    doc: 'The embedded database hangs on a full disk, so the server refuses to start, and imports are refused, when the disk holding `DATA_DIR` has less than this free (imports also need twice their expected size); the message says "The disk is full". A watchdog reports on standard error when the database stops answering (`watchdog: …`).',
  }),
  SESSION_SECRET: variable(optionalText, {
    default: "*(generated outside production)*",
    secret: true,
    requiredInProduction: true,
    doc: "Signs cookies and keys rate limits and sign-in codes; a comma-separated list for rotation: the first signs, all verify. In production each entry must hold at least 32 random bytes (`openssl rand -base64 32`). Outside production a generated one is kept in `$DATA_DIR/dev-secrets.json`.",
  }),
  DATA_ENCRYPTION_KEY: variable(optionalText, {
    default: "*(generated outside production)*",
    secret: true,
    requiredInProduction: true,
    doc: "Exactly 32 random bytes, base64 (`openssl rand -base64 32`); encrypts secrets, letters, replies and their scans, parcels' sender details, kept import files and e-mail bodies at rest. Letters, replies, parcels and import files are bound to their table, column and row (AES-GCM associated data): a ciphertext copied to another row or column is refused. Comma-separated for rotation: put the new key first, run `npm run admin -- keys:reencrypt`, then drop the old one; the same command binds values written before the binding existed (see [operations.md](operations.md#key-rotation)).",
  }),
  SMTP_URL: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return null;
        if (!/^smtps?:\/\/[^/]/.test(raw)) {
          ctx.addIssue({ code: "custom", message: "must start with smtp:// or smtps://" });
          return z.NEVER;
        }
        return raw;
      }),
    {
      default: "*(unset: outside production, mails go to the log and the development mailbox)*",
      secret: true,
      doc: "e.g. `smtps://user:pass@smtp.example.org:465`. Production refuses to start without it unless `MAIL_TRANSPORT=none`.",
    },
  ),
  MAIL_TRANSPORT: variable(oneOf(["smtp", "none"], 'must be "smtp" or "none"'), {
    default: "`smtp`",
    doc: "`none` runs without e-mail: every mail (sign-in codes too) is dropped and recorded in the outbox as not sent. Mail bodies are never written to the log in production.",
  }),
  MAIL_FROM: variable(text("Solidarity Mail <no-reply@solidarity-mail.invalid>"), {
    default: "`Solidarity Mail <no-reply@solidarity-mail.invalid>`",
    doc: "The sender of every e-mail.",
  }),
  INSECURE_COOKIES: variable(flag(false), {
    default: "`0`",
    doc: "`1` only to run production over plain HTTP on a private machine (the browser tests do): cookies lose `Secure` and HSTS is not sent.",
  }),
  SESSION_DAYS: variable(integer(1, 3650, 30), { default: "`30`", doc: "Session lifetime in days." }),
  PRIVILEGED_IDLE_MINUTES: variable(integer(1, 1440, 30), {
    default: "`30`",
    doc: "Idle timeout for coordinators and admins, in minutes.",
  }),
  LOGIN_CODE_MINUTES: variable(integer(1, 1440, 15), {
    default: "`15`",
    doc: "How long a sign-in code is valid, in minutes.",
  }),
  RATE_LIMIT_SIGNIN_PER_ADDRESS: variable(integer(1, 1000, 5), {
    default: "`5`",
    doc: "Codes an address gets at once; after those each further code waits 1, 2, 4, 8, then 15 minutes after the previous one (an hour of quiet starts over). A refused request replaces no code.",
  }),
  RATE_LIMIT_SIGNIN_PER_IP: variable(integer(1, 100_000, 30), {
    default: "`30`",
    doc: "Sign-in codes per client address per hour.",
  }),
  RATE_LIMIT_WRITES_PER_MINUTE: variable(integer(1, 100_000, 60), {
    default: "`60`",
    doc: "Form submissions per minute: per account when signed in, per client address otherwise.",
  }),
  OUTBOX_POLL_MS: variable(integer(100, 3_600_000, 2000), {
    default: "`2000`",
    doc: "How often each instance looks for e-mail to send, in milliseconds.",
  }),
  OUTBOX_MAX_ATTEMPTS: variable(integer(1, 100, 8), {
    default: "`8`",
    doc: "SMTP attempts (with growing pauses) before a mail is marked failed.",
  }),
  BACKGROUND_POLL_MS: variable(integer(100, 3_600_000, 60_000), {
    default: "`60000`",
    doc: "How often each instance looks for a due background task (scheduled letters, reminders, retention, import upkeep, housekeeping), in milliseconds.",
  }),
  TOTP_ISSUER: variable(text("Solidarity Mail"), {
    default: "`Solidarity Mail`",
    doc: "The name authenticator apps show.",
  }),
  ORGANISATION_NAME: variable(text("Solidarity Mail"), {
    default: "`Solidarity Mail`",
    doc: "Who runs this site: shown in every page's footer and on the privacy notice (`/privacy`).",
  }),
  ORGANISATION_CONTACT: variable(optionalText, {
    default: "",
    doc: "How to reach the people who run this site (an e-mail address or a web address), shown in the footer and on the privacy notice.",
  }),
  APP_TIME_ZONE: variable(
    text("UTC").refine(isTimeZone, { message: 'must be an IANA time zone such as "Europe/Warsaw"' }),
    {
      default: "`UTC`",
      doc: "The time zone times are shown in (an IANA zone such as `Europe/Warsaw`). Dates of birth and release days are shown as stored.",
    },
  ),
  PDF_FONT_DIR: variable(text("app/letters/fonts"), {
    default: "`app/letters/fonts`",
    doc: "The folder with the fonts embedded in PDFs (letters, envelopes, customs declarations), relative to the working directory.",
  }),
  CLOCK_OFFSET_SECONDS: variable(integer(-315_360_000, 315_360_000, 0), {
    default: "`0`",
    testsOnly: true,
    doc: "Moves the app's clock (browser tests of reminders and tracking). Ignored in production.",
  }),
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof ENVIRONMENT;
type Values = { [K in VariableName]: z.output<(typeof ENVIRONMENT)[K]["schema"]> };

/** The whole schema as one zod object (an environment in, typed settings out). */
export const environmentSchema = z.object(
  Object.fromEntries(Object.entries(ENVIRONMENT).map(([name, v]) => [name, v.schema])) as {
    [K in VariableName]: (typeof ENVIRONMENT)[K]["schema"];
  },
);

/**
 * Variables that tests and benchmarks read, never the app: documented with the rest
 * (scripts and tests only; a unit test checks every one they read is listed).
 */
export const TOOL_VARIABLES: { name: string; default: string; doc: string }[] = [
  { name: "CHROMIUM_PATH", default: "`/usr/bin/chromium`", doc: "Tests: the browser the browser tests drive." },
  {
    name: "TEST_DATABASE_URL",
    default: "",
    doc: "Tests and benchmarks: a PostgreSQL server where they create and drop their own databases.",
  },
  {
    name: "UPDATE_SCREENSHOTS",
    default: "",
    doc: "Browser tests: `1` rewrites the screenshots in `docs/screenshots/` (`npx tsx scripts/screenshots.ts` sets it).",
  },
  {
    name: "IMPORT_SOURCE",
    default: "",
    doc: "Tests: the source an import child process (`tests/support/import-child.ts`) imports into.",
  },
  { name: "IMPORT_FILE", default: "", doc: "Tests: the file that child process imports." },
  { name: "BENCH_CONNECTIONS", default: "`50`", doc: "`bench:pages`: concurrent clients." },
  { name: "BENCH_SECONDS", default: "`30`", doc: "`bench:pages`: seconds per target." },
  { name: "BENCH_MAX_REQUESTS", default: "`20000`", doc: "`bench:pages`: requests per target at most." },
  { name: "BENCH_PEOPLE", default: "`11500`", doc: "`bench:pages`: generated people imported before the run." },
  {
    name: "BENCH_TARGETS",
    default: "all",
    doc: "`bench:pages`: comma-separated target names to run (default: every target).",
  },
  {
    name: "BENCH_PROFILE",
    default: "unset",
    doc: "`bench:pages`: a folder: runs the server under `--cpu-prof` writing there.",
  },
  { name: "BENCH_LETTERS", default: "`1000`", doc: "`bench:export`: letters (with envelopes) in the batch PDF." },
  { name: "BENCH_RUNS", default: "`9`", doc: "`bench:dashboard`: timed runs per panel." },
  { name: "BENCH_EVENTS", default: "`1000000`", doc: "`bench:dashboard`: status events on PostgreSQL." },
  { name: "BENCH_PGLITE_EVENTS", default: "`200000`", doc: "`bench:dashboard`: status events on PGlite." },
  { name: "BENCH_KEEP", default: "`0`", doc: "`bench:dashboard`: `1` keeps the PostgreSQL database." },
  { name: "BENCH_PGLITE", default: "`1`", doc: "`bench:dashboard`, `bench:search`: `0` skips PGlite." },
  { name: "BENCH_ROWS", default: "`20000`", doc: "`bench:import`: people in the generated list." },
  {
    name: "BENCH_KINDS",
    default: "*(PGlite, and PostgreSQL with `TEST_DATABASE_URL`)*",
    doc: "`bench:import`: `pglite`, `postgres` or both, comma-separated.",
  },
  { name: "BENCH_QUERIES", default: "`200`", doc: "`bench:search`: queries per kind." },
  { name: "BENCH_SIZES", default: "`20000,100000`", doc: "`bench:search`: registry sizes, comma-separated." },
];

// ---------------------------------------------------------------------------
// Parsing

/** A setting the app cannot run with: the server prints the sentence (or the list) and stops. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(
      list.length === 1 ? list[0] : `${list.length} settings are wrong:\n${list.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.problems = list;
  }
}

type Environment = Record<string, string | undefined>;

/** An empty value counts as unset (`FOO= node server.js`). */
function rawValue(env: Environment, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === "" ? undefined : raw;
}

function parseVariable<K extends VariableName>(
  name: K,
  raw: string | undefined,
): { ok: true; value: Values[K] } | { ok: false; problem: string } {
  const spec: Variable<unknown> = ENVIRONMENT[name];
  const result = spec.schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data as Values[K] };
  const got = spec.secret || raw === undefined ? "" : ` (got "${raw}")`;
  return { ok: false, problem: `${name} ${result.error.issues[0]?.message ?? "is not valid"}${got}.` };
}

interface Loaded {
  mode: AppMode;
  flags: ServerFlags;
  values: Values;
}

/** Set by loadConfiguration at start-up; the accessors then read only this. */
let loaded: Loaded | null = null;
/** Outside a started server: each variable parsed when asked, again only when its text changed. */
const live = new Map<VariableName, { raw: string | undefined; value: unknown }>();

function setting<K extends VariableName>(name: K): Values[K] {
  if (loaded) return loaded.values[name];
  // The one place that reads the environment (outside a started server).
  const raw = rawValue(process.env, name);
  const memo = live.get(name);
  if (memo && memo.raw === raw) return memo.value as Values[K];
  const result = parseVariable(name, raw);
  if (!result.ok) throw new ConfigurationError(result.problem);
  live.set(name, { raw, value: result.value });
  return result.value;
}

function modeFrom(appMode: AppMode | null, nodeEnv: string | null, flags: ServerFlags | null): AppMode {
  if (appMode) return appMode;
  if (nodeEnv === "production") return "production";
  if (!flags) return "development";
  return flags.dev ? "development" : flags.demo ? "demo" : "production";
}

/**
 * The mode. A started server knows it from its command line and APP_MODE; outside
 * one (tools, tests) it is APP_MODE, else production when NODE_ENV=production, else
 * development.
 */
export function appMode(): AppMode {
  if (loaded) return loaded.mode;
  return modeFrom(setting("APP_MODE"), setting("NODE_ENV"), null);
}

export function isProduction(): boolean {
  return appMode() === "production";
}

/**
 * Parses the whole environment once, for a server starting with these flags (null:
 * not a server, the mode then comes from the environment alone): every problem is
 * collected and thrown together as one ConfigurationError. On success the accessors
 * answer from this copy until `unloadConfiguration`.
 */
export function loadConfiguration(flags: ServerFlags | null = null, env: Environment = process.env): void {
  const problems: string[] = [];
  const failed = new Set<VariableName>();
  const values: Partial<Record<VariableName, unknown>> = {};
  for (const name of Object.keys(ENVIRONMENT) as VariableName[]) {
    const result = parseVariable(name, rawValue(env, name));
    if (result.ok) {
      values[name] = result.value;
    } else {
      problems.push(result.problem);
      failed.add(name);
      // The default stands in, so the checks below can still run and report.
      const fallback = parseVariable(name, undefined);
      values[name] = fallback.ok ? fallback.value : null;
    }
  }
  const mode = modeFrom((values.APP_MODE as AppMode | null) ?? null, (values.NODE_ENV as string | null) ?? null, flags);
  if (mode === "production") {
    const why = values.APP_MODE
      ? "APP_MODE=production"
      : values.NODE_ENV === "production"
        ? "NODE_ENV=production"
        : "node server.js without --demo";
    if (flags?.demo) {
      problems.push(
        `--demo is refused in production mode (${why}): the demo accounts' authenticator key is published. For a demo on your own computer run \`npm start\` without production settings.`,
      );
    }
    if (flags?.dev) problems.push(`--dev (the Vite development server) is refused in production mode (${why}).`);
    for (const [name, spec] of Object.entries(ENVIRONMENT) as [VariableName, Variable<unknown>][]) {
      // The secrets' own checks below say it, with what a good one looks like.
      if (name === "SESSION_SECRET" || name === "DATA_ENCRYPTION_KEY") continue;
      if (spec.requiredInProduction && rawValue(env, name) === undefined) {
        problems.push(`${name} must be set in production (see docs/configuration.md).`);
      }
    }
  }
  // The checks that combine variables, run on the values just parsed.
  const previous = loaded;
  loaded = { mode, flags: flags ?? {}, values: values as Values };
  const check = (run: () => unknown): boolean => {
    try {
      run();
      return true;
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
      return false;
    }
  };
  try {
    check(mailTransport);
    const folders = !failed.has("DATABASE_URL") && !failed.has("DATA_DIR") && check(checkDataFolders);
    // Outside production the secrets may be generated into DATA_DIR: only into a folder that works.
    if (folders || mode === "production") {
      check(sessionSecrets);
      check(dataEncryptionKeys);
    }
  } finally {
    if (problems.length > 0) loaded = previous;
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
}

/** Forgets the start-up copy (a server that stopped; tests). */
export function unloadConfiguration(): void {
  loaded = null;
  live.clear();
}

/** Whether `node server.js` loads demo data: always in demo mode, with --demo in development. */
export function loadsDemoData(): boolean {
  const mode = appMode();
  return mode === "demo" || (mode === "development" && loaded?.flags.demo === true);
}

// ---------------------------------------------------------------------------
// Database and files

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

export function dataDir(): string {
  return path.resolve(setting("DATA_DIR"));
}

/** Where the database is: DATABASE_URL, or the embedded one under DATA_DIR. `url` overrides the environment. */
export function databaseTarget(url?: string): DatabaseTarget {
  const value = url === undefined ? setting("DATABASE_URL") : url;
  if (value && /^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  if (value && /^(file|pglite):/.test(value)) {
    const location = value.replace(/^(file|pglite):(\/\/)?/, "");
    if (location === "memory" || location === "") return { kind: "pglite", dataDir: null };
    return { kind: "pglite", dataDir: path.resolve(location) };
  }
  if (value) throw new ConfigurationError(`DATABASE_URL ${databaseUrlProblem(value)}`);
  return { kind: "pglite", dataDir: path.join(dataDir(), "pglite") };
}

export function databasePoolSize(): number {
  return setting("DATABASE_POOL_SIZE");
}

export function migrateOnStart(): boolean {
  return setting("MIGRATE_ON_START");
}

export function migrationsDir(): string {
  return path.resolve(setting("MIGRATIONS_DIR"));
}

export function pdfFontDir(): string {
  return path.resolve(process.cwd(), setting("PDF_FONT_DIR").trim() || "app/letters/fonts");
}

/** Space always left free where the embedded database lives, in bytes. */
export function diskMarginBytes(): number {
  return setting("DISK_FREE_MARGIN_MB") * 1024 * 1024;
}

/**
 * Folders the app will write to (the embedded database, development secrets) must be
 * writable: checked at start so the answer is one sentence, not a 500 on every page.
 */
export function checkWritableFolder(folder: string, setting: string): void {
  const probe = path.join(folder, `.write-check-${process.pid}`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(probe, "ok");
    fs.rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new ConfigurationError(
      `The data folder ${folder} cannot be written (${code}): make it writable for the app's user, or point ${setting} to a folder that is.`,
    );
  }
}

function checkDataFolders(): void {
  const target = databaseTarget();
  if (target.kind === "pglite" && target.dataDir) {
    checkWritableFolder(target.dataDir, setting("DATABASE_URL") ? "DATABASE_URL" : "DATA_DIR");
  }
  // Outside production missing secrets are generated into DATA_DIR.
  if (!isProduction() && (!setting("SESSION_SECRET") || !setting("DATA_ENCRYPTION_KEY")))
    checkWritableFolder(dataDir(), "DATA_DIR");
}

// ---------------------------------------------------------------------------
// Secrets

/**
 * Secrets that must survive restarts. In production they come from the environment;
 * a development or demo machine gets generated ones kept under DATA_DIR, so a
 * newcomer needs no configuration.
 */
function developmentSecret(name: string, bytes: number): string {
  const file = path.join(dataDir(), "dev-secrets.json");
  let secrets: Record<string, string> = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!secrets[name]) {
    secrets[name] = crypto.randomBytes(bytes).toString("base64");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A rough, conservative estimate of the bits of entropy in a secret typed into the
 * environment: its length times the bits of the smallest usual alphabet its
 * characters fit (hex, base64, …). Too few distinct characters count as none:
 * "aaaa…" or "abababab…" is no secret whatever its length.
 */
export function estimatedSecretBits(secret: string): number {
  const distinct = new Set(secret).size;
  if (distinct < 8) return 0;
  const bitsPerChar = /^[0-9]+$/.test(secret)
    ? Math.log2(10)
    : /^[0-9a-f]+$/i.test(secret)
      ? 4
      : /^[a-z]+$/i.test(secret)
        ? Math.log2(26)
        : /^[A-Za-z0-9+/=_-]+$/.test(secret)
          ? 6
          : 6.5;
  return Math.floor(secret.replace(/=+$/, "").length * bitsPerChar);
}

export const MIN_SECRET_BITS = 256;

/** Why a list of secrets cannot be used in production, or null when it can. */
function weakSessionSecret(secrets: string[]): string | null {
  if (secrets.length === 0) return "SESSION_SECRET must be set in production (see docs/configuration.md).";
  const weak = secrets.findIndex((s) => estimatedSecretBits(s) < MIN_SECRET_BITS);
  if (weak === -1) return null;
  return `SESSION_SECRET${secrets.length > 1 ? ` (entry ${weak + 1})` : ""} is too weak: use at least 32 random bytes each, for example the output of \`openssl rand -base64 32\`.`;
}

function badEncryptionKey(keys: string[]): string | null {
  if (keys.length === 0) return "DATA_ENCRYPTION_KEY must be set in production (see docs/configuration.md).";
  for (const [index, key] of keys.entries()) {
    const where = keys.length > 1 ? ` (entry ${index + 1})` : "";
    const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(key) ? Buffer.from(key, "base64") : null;
    if (!bytes || bytes.length !== 32) {
      return `DATA_ENCRYPTION_KEY${where} must be exactly 32 bytes written in base64, for example the output of \`openssl rand -base64 32\`.`;
    }
    // 32 random bytes nearly always hold 25 or more different values; fewer than 16 is a made-up key.
    if (new Set(bytes).size < 16)
      return `DATA_ENCRYPTION_KEY${where} is not random: generate it with \`openssl rand -base64 32\`.`;
  }
  return null;
}

/** Comma-separated: the first signs new cookies, all verify (rotation). */
export function sessionSecrets(): string[] {
  const configured = setting("SESSION_SECRET");
  if (isProduction()) {
    const secrets = splitList(configured ?? "");
    const problem = weakSessionSecret(secrets);
    if (problem) throw new ConfigurationError(problem);
    return secrets;
  }
  return splitList(configured ?? developmentSecret("SESSION_SECRET", 32));
}

/** Comma-separated base64 keys of 32 bytes: the first encrypts, all decrypt (rotation). */
export function dataEncryptionKeys(): string[] {
  const configured = setting("DATA_ENCRYPTION_KEY");
  if (isProduction()) {
    const keys = splitList(configured ?? "");
    const problem = badEncryptionKey(keys);
    if (problem) throw new ConfigurationError(problem);
    return keys;
  }
  return splitList(configured ?? developmentSecret("DATA_ENCRYPTION_KEY", 32));
}

// ---------------------------------------------------------------------------
// Web server

export function appUrl(): string {
  return setting("APP_URL") ?? `http://localhost:${setting("PORT")}`;
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For. The client
 * address is the entry that many hops from the right: entries further left were
 * written by the client and prove nothing. 0 (the default) ignores the header.
 */
export function trustProxyHops(): number {
  return setting("TRUST_PROXY");
}

/** Where the server listens: 127.0.0.1 unless production or HOST says otherwise. */
export function listenAddress(): { host: string; port: number } {
  return { host: setting("HOST") ?? (isProduction() ? "0.0.0.0" : "127.0.0.1"), port: setting("PORT") };
}

/** Cookies marked Secure, and HSTS sent: production over HTTPS (INSECURE_COOKIES=1 turns both off). */
export function secureTransport(): boolean {
  return isProduction() && !setting("INSECURE_COOKIES");
}

// ---------------------------------------------------------------------------
// E-mail

export function smtpUrl(): string | null {
  return setting("SMTP_URL");
}

/**
 * How e-mail leaves: through SMTP; "none" drops every mail (a production site that
 * chose to run without e-mail, set with MAIL_TRANSPORT=none); "log" prints mails for
 * a developer, which production never does (bodies hold codes and letters).
 */
export type MailTransport = { kind: "smtp"; url: string } | { kind: "none" } | { kind: "log" };

export function mailTransport(): MailTransport {
  const url = smtpUrl();
  const choice = setting("MAIL_TRANSPORT");
  if (choice === "none") return { kind: "none" };
  if (url) return { kind: "smtp", url };
  if (isProduction() || choice === "smtp") {
    throw new ConfigurationError(
      "No mail transport: set SMTP_URL, or MAIL_TRANSPORT=none to run without e-mail (then every mail, sign-in codes too, is dropped).",
    );
  }
  return { kind: "log" };
}

export function mailFrom(): string {
  return setting("MAIL_FROM");
}

/** The development mailbox exists only outside production, when mails are not sent anywhere. */
export function devMailboxEnabled(): boolean {
  return !isProduction() && !smtpUrl() && setting("MAIL_TRANSPORT") === null;
}

export function outboxPollMs(): number {
  return setting("OUTBOX_POLL_MS");
}

export function outboxMaxAttempts(): number {
  return setting("OUTBOX_MAX_ATTEMPTS");
}

export function backgroundPollMs(): number {
  return setting("BACKGROUND_POLL_MS");
}

// ---------------------------------------------------------------------------
// Sign-in, sessions, limits

export function totpIssuer(): string {
  return setting("TOTP_ISSUER");
}

export const limits = {
  sessionDays: () => setting("SESSION_DAYS"),
  privilegedIdleMinutes: () => setting("PRIVILEGED_IDLE_MINUTES"),
  loginCodeMinutes: () => setting("LOGIN_CODE_MINUTES"),
  signInPerAddressPerHour: () => setting("RATE_LIMIT_SIGNIN_PER_ADDRESS"),
  signInPerIpPerHour: () => setting("RATE_LIMIT_SIGNIN_PER_IP"),
  writesPerUserPerMinute: () => setting("RATE_LIMIT_WRITES_PER_MINUTE"),
};

/** Tests move the app's clock with CLOCK_OFFSET_SECONDS; production never does. */
export function clockOffsetMs(): number {
  return isProduction() ? 0 : setting("CLOCK_OFFSET_SECONDS") * 1000;
}

/** Every check the server runs before it opens the database; throws one ConfigurationError listing every problem. */
export function checkStartupConfiguration(flags: ServerFlags | null = null): void {
  const previous = loaded;
  try {
    loadConfiguration(flags);
  } finally {
    loaded = previous;
  }
}

// ---------------------------------------------------------------------------
// Documentation

function cell(value: string): string {
  return value.replace(/\|/g, "\\|");
}

/** The tables of docs/configuration.md, generated from the schema above. */
export function configurationTables(): string {
  const rows = (Object.entries(ENVIRONMENT) as [VariableName, Variable<unknown>][]).map(
    ([name, spec]) =>
      `| \`${name}\` | ${cell(spec.default)} | ${spec.requiredInProduction ? "yes" : ""} | ${cell(spec.testsOnly ? `Tests only. ${spec.doc}` : spec.doc)} |`,
  );
  const tools = TOOL_VARIABLES.map((v) => `| \`${v.name}\` | ${cell(v.default)} | ${cell(v.doc)} |`);
  return [
    "| variable | default | required in production | meaning |",
    "|---|---|---|---|",
    ...rows,
    "",
    "Read by tests and benchmarks only, never by the app:",
    "",
    "| variable | default | meaning |",
    "|---|---|---|",
    ...tools,
  ].join("\n");
}

/**
 * Who runs this site, shown in every page's footer and on /privacy:
 * ORGANISATION_NAME, ORGANISATION_CONTACT (an e-mail address or a web address) and
 * APP_TIME_ZONE (an IANA zone such as "Europe/Warsaw", the zone times are shown in; UTC by default).
 */
export function organisation(): { name: string; contact: string | null; timeZone: string } {
  return {
    name: setting("ORGANISATION_NAME"),
    contact: setting("ORGANISATION_CONTACT"),
    timeZone: setting("APP_TIME_ZONE"),
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
