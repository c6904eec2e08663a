import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { databaseTarget, dataEncryptionKeys, limits, sessionSecrets } from "#app/utils/config.server.ts";

const NAMES = ["DATA_DIR", "DATABASE_URL", "SESSION_SECRET", "DATA_ENCRYPTION_KEY", "NODE_ENV", "LOGIN_CODE_MINUTES"] as const;
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
