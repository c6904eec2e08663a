import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/** Every environment variable the app reads, in one place (the README lists them). */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null }
  | { kind: "postgres"; url: string };

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? "./data");
}

export function databaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url && /^(file|pglite):/.test(url)) {
    const location = url.replace(/^(file|pglite):(\/\/)?/, "");
    if (location === "memory" || location === "") return { kind: "pglite", dataDir: null };
    return { kind: "pglite", dataDir: path.resolve(location) };
  }
  if (url) throw new Error(`DATABASE_URL must start with postgres://, postgresql://, file: or pglite: (got "${url.split(":")[0]}:")`);
  return { kind: "pglite", dataDir: path.join(dataDir(), "pglite") };
}

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

/** A setting the app cannot run with: the server prints the one sentence and stops. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

function requiredInProduction(name: string, bytes: number): string {
  const value = process.env[name];
  if (value) return value;
  if (isProduction()) throw new ConfigurationError(`${name} must be set in production (see README, "Configuration").`);
  return developmentSecret(name, bytes);
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
  if (secrets.length === 0) return "SESSION_SECRET must be set in production (see README, \"Configuration\").";
  const weak = secrets.findIndex((s) => estimatedSecretBits(s) < MIN_SECRET_BITS);
  if (weak === -1) return null;
  return `SESSION_SECRET${secrets.length > 1 ? ` (entry ${weak + 1})` : ""} is too weak: use at least 32 random bytes each, for example the output of \`openssl rand -base64 32\`.`;
}

function badEncryptionKey(keys: string[]): string | null {
  if (keys.length === 0) return "DATA_ENCRYPTION_KEY must be set in production (see README, \"Configuration\").";
  for (const [index, key] of keys.entries()) {
    const where = keys.length > 1 ? ` (entry ${index + 1})` : "";
    const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(key) ? Buffer.from(key, "base64") : null;
    if (!bytes || bytes.length !== 32) {
      return `DATA_ENCRYPTION_KEY${where} must be exactly 32 bytes written in base64, for example the output of \`openssl rand -base64 32\`.`;
    }
    // 32 random bytes nearly always hold 25 or more different values; fewer than 16 is a made-up key.
    if (new Set(bytes).size < 16) return `DATA_ENCRYPTION_KEY${where} is not random: generate it with \`openssl rand -base64 32\`.`;
  }
  return null;
}

/** Comma-separated: the first signs new cookies, all verify (rotation). */
export function sessionSecrets(): string[] {
  const secrets = splitList(requiredInProduction("SESSION_SECRET", 32));
  if (isProduction()) {
    const problem = weakSessionSecret(secrets);
    if (problem) throw new ConfigurationError(problem);
  }
  return secrets;
}

/** Comma-separated base64 keys of 32 bytes: the first encrypts, all decrypt (rotation). */
export function dataEncryptionKeys(): string[] {
  const keys = splitList(requiredInProduction("DATA_ENCRYPTION_KEY", 32));
  if (isProduction()) {
    const problem = badEncryptionKey(keys);
    if (problem) throw new ConfigurationError(problem);
  }
  return keys;
}

export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export function smtpUrl(): string | null {
  return process.env.SMTP_URL || null;
}

/**
 * How e-mail leaves: through SMTP; "none" drops every mail (a production site that
 * chose to run without e-mail, set with MAIL_TRANSPORT=none); "log" prints mails for
 * a developer, which production never does (bodies hold codes and letters).
 */
export type MailTransport = { kind: "smtp"; url: string } | { kind: "none" } | { kind: "log" };

export function mailTransport(): MailTransport {
  const url = smtpUrl();
  const setting = process.env.MAIL_TRANSPORT ?? "";
  if (setting && setting !== "none" && setting !== "smtp") {
    throw new ConfigurationError(`MAIL_TRANSPORT must be "smtp" or "none" (got "${setting}").`);
  }
  if (setting === "none") return { kind: "none" };
  if (url) return { kind: "smtp", url };
  if (isProduction() || setting === "smtp") {
    throw new ConfigurationError(
      "No mail transport: set SMTP_URL, or MAIL_TRANSPORT=none to run without e-mail (then every mail, sign-in codes too, is dropped).",
    );
  }
  return { kind: "log" };
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Solidarity Mail <no-reply@solidarity-mail.invalid>";
}

/** The development mailbox exists only without SMTP and outside production. */
export function devMailboxEnabled(): boolean {
  return !smtpUrl() && !isProduction() && process.env.MAIL_TRANSPORT !== "none";
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

export const limits = {
  sessionDays: () => intFromEnv("SESSION_DAYS", 30),
  privilegedIdleMinutes: () => intFromEnv("PRIVILEGED_IDLE_MINUTES", 30),
  loginCodeMinutes: () => intFromEnv("LOGIN_CODE_MINUTES", 15),
  signInPerAddressPerHour: () => intFromEnv("RATE_LIMIT_SIGNIN_PER_ADDRESS", 5),
  signInPerIpPerHour: () => intFromEnv("RATE_LIMIT_SIGNIN_PER_IP", 30),
  writesPerUserPerMinute: () => intFromEnv("RATE_LIMIT_WRITES_PER_MINUTE", 60),
};

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For. The client
 * address is the entry that many hops from the right: entries further left were
 * written by the client and prove nothing. 0 (the default) ignores the header.
 */
export function trustProxyHops(): number {
  const raw = process.env.TRUST_PROXY ?? "0";
  const hops = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(hops) || hops > 10) {
    throw new ConfigurationError(`TRUST_PROXY must be the number of reverse proxies in front of the app, 0 to 10 (got "${raw}").`);
  }
  return hops;
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

/** Every check the server runs before it opens the database; throws a ConfigurationError. */
export function checkStartupConfiguration(): void {
  trustProxyHops();
  mailTransport();
  organisation();
  const target = databaseTarget();
  if (target.kind === "pglite" && target.dataDir) {
    checkWritableFolder(target.dataDir, process.env.DATABASE_URL ? "DATABASE_URL" : "DATA_DIR");
  }
  // Outside production missing secrets are generated into DATA_DIR.
  if (!isProduction() && (!process.env.SESSION_SECRET || !process.env.DATA_ENCRYPTION_KEY)) checkWritableFolder(dataDir(), "DATA_DIR");
  sessionSecrets();
  dataEncryptionKeys();
}

/**
 * Who runs this site, shown in every page's footer and on /privacy:
 * ORGANISATION_NAME, ORGANISATION_CONTACT (an e-mail address or a web address) and
 * APP_TIME_ZONE (an IANA zone such as "Europe/Warsaw", the zone times are shown in; UTC by default).
 */
export function organisation(): { name: string; contact: string | null; timeZone: string } {
  const timeZone = process.env.APP_TIME_ZONE || "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new ConfigurationError(`APP_TIME_ZONE must be an IANA time zone such as "Europe/Warsaw" (got "${timeZone}").`);
  }
  return {
    name: process.env.ORGANISATION_NAME || "Solidarity Mail",
    contact: process.env.ORGANISATION_CONTACT || null,
    timeZone,
  };
}
