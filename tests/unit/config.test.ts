import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import crypto from "node:crypto";
import {
  checkStartupConfiguration,
  checkWritableFolder,
  databaseTarget,
  dataEncryptionKeys,
  estimatedSecretBits,
  limits,
  mailTransport,
  sessionSecrets,
  trustProxyHops,
} from "#app/utils/config.server.ts";

const NAMES = [
  "DATA_DIR",
  "DATABASE_URL",
  "SESSION_SECRET",
  "DATA_ENCRYPTION_KEY",
  "NODE_ENV",
  "LOGIN_CODE_MINUTES",
  "SMTP_URL",
  "MAIL_TRANSPORT",
  "TRUST_PROXY",
] as const;

const STRONG_SECRET = crypto.randomBytes(32).toString("base64");
const STRONG_KEY = crypto.randomBytes(32).toString("base64");
let saved: Record<string, string | undefined>;
let dir: string;

beforeEach(() => {
  saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-config-"));
  process.env.DATA_DIR = dir;
  for (const name of NAMES.slice(1)) delete process.env[name];
  process.env.NODE_ENV = "test";
});

afterEach(() => {
  const env = process.env as Record<string, string | undefined>;
  for (const name of NAMES) {
    if (saved[name] === undefined) delete env[name];
    else env[name] = saved[name];
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("databaseTarget", () => {
  test("unset: PGlite in DATA_DIR/pglite", () => {
    expect(databaseTarget()).toEqual({ kind: "pglite", dataDir: path.join(dir, "pglite") });
    expect(databaseTarget("")).toEqual({ kind: "pglite", dataDir: path.join(dir, "pglite") });
  });

  test("reads DATABASE_URL from the environment", () => {
    process.env.DATABASE_URL = "pglite:memory";
    expect(databaseTarget()).toEqual({ kind: "pglite", dataDir: null });
  });

  test("file:./x is a PGlite folder relative to the working directory", () => {
    expect(databaseTarget("file:./x")).toEqual({ kind: "pglite", dataDir: path.resolve("x") });
    expect(databaseTarget("file:///srv/solidarity/db")).toEqual({ kind: "pglite", dataDir: "/srv/solidarity/db" });
  });

  test("pglite:memory is in memory", () => {
    expect(databaseTarget("pglite:memory")).toEqual({ kind: "pglite", dataDir: null });
    expect(databaseTarget("pglite://memory")).toEqual({ kind: "pglite", dataDir: null });
  });

  test("postgres:// and postgresql:// are PostgreSQL, the URL kept whole", () => {
    const url = "postgres://app:s3cret@db.internal:5432/solidarity?sslmode=require";
    expect(databaseTarget(url)).toEqual({ kind: "postgres", url });
    expect(databaseTarget("postgresql://db/solidarity")).toEqual({ kind: "postgres", url: "postgresql://db/solidarity" });
  });

  test("an unsupported scheme is refused without echoing credentials", () => {
    expect(() => databaseTarget("mysql://root:hunter2@db/x")).toThrow(/DATABASE_URL must start with/);
    expect(() => databaseTarget("mysql://root:hunter2@db/x")).not.toThrow(/hunter2/);
    expect(() => databaseTarget("sqlite:./dev.db")).toThrow(/got "sqlite:"/);
  });
});

describe("secrets", () => {
  test("comma-separated lists are split and trimmed", () => {
    process.env.SESSION_SECRET = " new-secret , old-secret ,, ";
    expect(sessionSecrets()).toEqual(["new-secret", "old-secret"]);
    process.env.NODE_ENV = "production";
    const other = crypto.randomBytes(32).toString("hex");
    process.env.SESSION_SECRET = ` ${STRONG_SECRET} , ${other} `;
    expect(sessionSecrets()).toEqual([STRONG_SECRET, other]);
    process.env.NODE_ENV = "test";
    process.env.DATA_ENCRYPTION_KEY = "a,b";
    expect(dataEncryptionKeys()).toEqual(["a", "b"]);
  });

  test("production refuses to start without secrets", () => {
    process.env.NODE_ENV = "production";
    expect(() => sessionSecrets()).toThrow(/SESSION_SECRET must be set in production/);
    expect(() => dataEncryptionKeys()).toThrow(/DATA_ENCRYPTION_KEY must be set in production/);
    expect(fs.existsSync(path.join(dir, "dev-secrets.json"))).toBe(false);
  });

  test("development generates secrets once, keeps them private in DATA_DIR and reuses them", () => {
    const first = sessionSecrets();
    const key = dataEncryptionKeys();
    expect(first).toHaveLength(1);
    expect(Buffer.from(key[0], "base64")).toHaveLength(32);
    const file = path.join(dir, "dev-secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(sessionSecrets()).toEqual(first);
    expect(dataEncryptionKeys()).toEqual(key);
  });
});

describe("secrets in production must be strong", () => {
  beforeEach(() => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = STRONG_SECRET;
    process.env.DATA_ENCRYPTION_KEY = STRONG_KEY;
  });

  test.each([
    ["a", "one letter"],
    ["e2e-session-secret", "a short phrase"],
    ["a".repeat(64), "one letter repeated"],
    ["abcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "a short pattern repeated"],
    [crypto.randomBytes(16).toString("base64"), "16 random bytes"],
    [crypto.randomBytes(16).toString("hex"), "16 random bytes in hex"],
  ])("SESSION_SECRET %j (%s) is refused", (secret) => {
    process.env.SESSION_SECRET = secret;
    expect(() => sessionSecrets()).toThrow(/SESSION_SECRET is too weak: use at least 32 random bytes/);
  });

  test("each entry of a rotation list must be strong", () => {
    process.env.SESSION_SECRET = `${STRONG_SECRET},short-old-one`;
    expect(() => sessionSecrets()).toThrow(/SESSION_SECRET \(entry 2\) is too weak/);
  });

  test("32 random bytes in base64 or hex are accepted", () => {
    expect(estimatedSecretBits(STRONG_SECRET)).toBeGreaterThanOrEqual(256);
    expect(estimatedSecretBits(crypto.randomBytes(32).toString("hex"))).toBeGreaterThanOrEqual(256);
    expect(sessionSecrets()).toEqual([STRONG_SECRET]);
  });

  test.each([
    [crypto.randomBytes(16).toString("base64"), /exactly 32 bytes/],
    [crypto.randomBytes(48).toString("base64"), /exactly 32 bytes/],
    ["not base64 at all!", /exactly 32 bytes/],
    [Buffer.alloc(32, 3).toString("base64"), /not random/],
  ])("DATA_ENCRYPTION_KEY %j is refused", (key, message) => {
    process.env.DATA_ENCRYPTION_KEY = key;
    expect(() => dataEncryptionKeys()).toThrow(message);
    process.env.DATA_ENCRYPTION_KEY = `${STRONG_KEY},${key}`;
    expect(() => dataEncryptionKeys()).toThrow(/entry 2/);
  });

  test("a key of exactly 32 random bytes is accepted", () => {
    expect(dataEncryptionKeys()).toEqual([STRONG_KEY]);
  });
});

describe("mail transport", () => {
  test("production without SMTP_URL is refused unless MAIL_TRANSPORT=none says to drop mails", () => {
    process.env.NODE_ENV = "production";
    expect(() => mailTransport()).toThrow(/No mail transport: set SMTP_URL, or MAIL_TRANSPORT=none/);
    process.env.MAIL_TRANSPORT = "none";
    expect(mailTransport()).toEqual({ kind: "none" });
    delete process.env.MAIL_TRANSPORT;
    process.env.SMTP_URL = "smtp://mail.example.org:587";
    expect(mailTransport()).toEqual({ kind: "smtp", url: "smtp://mail.example.org:587" });
  });

  test("development without SMTP prints mails; a misspelt setting is refused", () => {
    expect(mailTransport()).toEqual({ kind: "log" });
    process.env.MAIL_TRANSPORT = "off";
    expect(() => mailTransport()).toThrow(/MAIL_TRANSPORT must be "smtp" or "none"/);
  });
});

describe("TRUST_PROXY", () => {
  test("a number of hops; 0 by default; nonsense refused", () => {
    expect(trustProxyHops()).toBe(0);
    process.env.TRUST_PROXY = "1";
    expect(trustProxyHops()).toBe(1);
    process.env.TRUST_PROXY = "2";
    expect(trustProxyHops()).toBe(2);
    for (const value of ["true", "-1", "1.5", "99"]) {
      process.env.TRUST_PROXY = value;
      expect(() => trustProxyHops()).toThrow(/TRUST_PROXY must be the number of reverse proxies/);
    }
  });
});

describe("data folder", () => {
  test("a folder that cannot be created is refused in one sentence that names it", () => {
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "");
    const folder = path.join(file, "data");
    expect(() => checkWritableFolder(folder, "DATA_DIR")).toThrow(
      new RegExp(`^The data folder ${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} cannot be written \\(ENOTDIR\\): make it writable`),
    );
    process.env.DATA_DIR = folder;
    expect(() => checkStartupConfiguration()).toThrow(/cannot be written .*point DATA_DIR to a folder that is/);
  });

  test("a writable folder passes and keeps no probe file", () => {
    checkWritableFolder(path.join(dir, "new"), "DATA_DIR");
    expect(fs.readdirSync(path.join(dir, "new"))).toEqual([]);
  });
});

describe("limits", () => {
  test("defaults, overrides and refusal of nonsense", () => {
    expect(limits.loginCodeMinutes()).toBe(15);
    process.env.LOGIN_CODE_MINUTES = "5";
    expect(limits.loginCodeMinutes()).toBe(5);
    process.env.LOGIN_CODE_MINUTES = "0";
    expect(() => limits.loginCodeMinutes()).toThrow(/LOGIN_CODE_MINUTES must be a positive integer/);
    process.env.LOGIN_CODE_MINUTES = "soon";
    expect(() => limits.loginCodeMinutes()).toThrow(/positive integer/);
  });
});
