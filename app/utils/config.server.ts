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

function requiredInProduction(name: string, bytes: number): string {
  const value = process.env[name];
  if (value) return value;
  if (isProduction()) throw new Error(`${name} must be set in production (see README, "Configuration").`);
  return developmentSecret(name, bytes);
}

/** Comma-separated: the first signs new cookies, all verify (rotation). */
export function sessionSecrets(): string[] {
  return requiredInProduction("SESSION_SECRET", 32)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Comma-separated base64 keys of 32 bytes: the first encrypts, all decrypt (rotation). */
export function dataEncryptionKeys(): string[] {
  return requiredInProduction("DATA_ENCRYPTION_KEY", 32)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export function smtpUrl(): string | null {
  return process.env.SMTP_URL || null;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Solidarity Mail <no-reply@solidarity-mail.invalid>";
}

/** The development mailbox exists only without SMTP and outside production. */
export function devMailboxEnabled(): boolean {
  return !smtpUrl() && !isProduction();
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

/** Only set behind a proxy you control, so X-Forwarded-For cannot be forged. */
export function trustProxy(): boolean {
  return process.env.TRUST_PROXY === "1";
}
