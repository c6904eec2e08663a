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
  appMode,
  appUrl,
  ConfigurationError,
  databasePoolSize,
  devMailboxEnabled,
  estimatedSecretBits,
  isProduction,
  limits,
  listenAddress,
  loadConfiguration,
  loadsDemoData,
  mailTransport,
  secureTransport,
  sessionSecrets,
  trustProxyHops,
  unloadConfiguration,
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
  "APP_MODE",
  "DATABASE_POOL_SIZE",
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
  unloadConfiguration();
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
    expect(databaseTarget("postgresql://db/solidarity")).toEqual({
      kind: "postgres",
      url: "postgresql://db/solidarity",
    });
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
      new RegExp(
        `^The data folder ${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} cannot be written \\(ENOTDIR\\): make it writable`,
      ),
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

/** A production environment that passes every check, to spoil one setting at a time. */
function production(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: "test",
    APP_MODE: "production",
    DATA_DIR: dir,
    APP_URL: "https://letters.example.org/",
    SESSION_SECRET: STRONG_SECRET,
    DATA_ENCRYPTION_KEY: STRONG_KEY,
    SMTP_URL: "smtps://user:pass@smtp.example.org:465",
    ...extra,
  };
}

/** The problems loadConfiguration reports, or [] when it accepts the environment. */
function problems(flags: { demo?: boolean; dev?: boolean } | null, env: Record<string, string | undefined>): string[] {
  try {
    loadConfiguration(flags, env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return error.problems;
  } finally {
    unloadConfiguration();
  }
}

describe("start-up parses the whole environment once", () => {
  test("a good production environment is taken whole; the accessors then answer from it, not from process.env", () => {
    loadConfiguration({}, production({ DATABASE_POOL_SIZE: "25", HOST: "10.0.0.5", PORT: "8080", TRUST_PROXY: "1" }));
    process.env.DATABASE_POOL_SIZE = "ten";
    process.env.TRUST_PROXY = "nonsense";
    expect(appMode()).toBe("production");
    expect(isProduction()).toBe(true);
    expect(databasePoolSize()).toBe(25);
    expect(trustProxyHops()).toBe(1);
    expect(listenAddress()).toEqual({ host: "10.0.0.5", port: 8080 });
    expect(appUrl()).toBe("https://letters.example.org");
    expect(secureTransport()).toBe(true);
    expect(devMailboxEnabled()).toBe(false);
    expect(loadsDemoData()).toBe(false);
    expect(limits.loginCodeMinutes()).toBe(15);
    unloadConfiguration();
    expect(() => databasePoolSize()).toThrow(
      /DATABASE_POOL_SIZE must be a positive integer, at most 1000 \(got "ten"\)/,
    );
  });

  test("every problem is listed at once, secrets never echoed", () => {
    const found = problems(
      {},
      production({
        DATABASE_POOL_SIZE: "ten",
        PORT: "70000",
        APP_URL: undefined,
        SESSION_SECRET: "hunter2",
        SMTP_URL: "mail.example.org",
        MAIL_TRANSPORT: "off",
        MIGRATE_ON_START: "yes",
        OUTBOX_POLL_MS: "5",
      }),
    );
    expect(found).toEqual([
      'PORT must be a positive integer, at most 65535 (got "70000").',
      'DATABASE_POOL_SIZE must be a positive integer, at most 1000 (got "ten").',
      'MIGRATE_ON_START must be "0" or "1" (got "yes").',
      "SMTP_URL must start with smtp:// or smtps://.",
      'MAIL_TRANSPORT must be "smtp" or "none" (got "off").',
      'OUTBOX_POLL_MS must be a whole number from 100 to 3600000 (got "5").',
      "APP_URL must be set in production (see docs/configuration.md).",
      expect.stringMatching(/^No mail transport/),
      expect.stringMatching(/^SESSION_SECRET is too weak/),
    ]);
    expect(found.join("\n")).not.toContain("hunter2");
    expect(found.join("\n")).not.toContain("mail.example.org");
    expect(() => loadConfiguration({}, production({ PORT: "x", DATABASE_POOL_SIZE: "0" }))).toThrow(
      /^2 settings are wrong:\n {2}- PORT .*\n {2}- DATABASE_POOL_SIZE /,
    );
  });

  test("a refused start leaves nothing loaded", () => {
    expect(problems({}, production({ TRUST_PROXY: "-1" }))).toEqual([
      'TRUST_PROXY must be the number of reverse proxies in front of the app, 0 to 10 (got "-1").',
    ]);
    process.env.NODE_ENV = "test";
    expect(appMode()).toBe("development");
  });
});

describe("modes", () => {
  const demoEnv = { NODE_ENV: "test", DATA_DIR: undefined as string | undefined };
  beforeEach(() => {
    demoEnv.DATA_DIR = dir;
  });

  test("node server.js with nothing set is production, and refuses to run on generated secrets", () => {
    const found = problems({}, { DATA_DIR: dir });
    expect(found).toContain("APP_URL must be set in production (see docs/configuration.md).");
    expect(found).toContain("SESSION_SECRET must be set in production (see docs/configuration.md).");
    expect(found).toContain("DATA_ENCRYPTION_KEY must be set in production (see docs/configuration.md).");
    expect(found).toContainEqual(expect.stringMatching(/^No mail transport/));
    expect(fs.existsSync(path.join(dir, "dev-secrets.json"))).toBe(false);
  });

  test("--demo is demo mode: demo data, development mailbox, 127.0.0.1, generated secrets", () => {
    loadConfiguration({ demo: true }, demoEnv);
    expect(appMode()).toBe("demo");
    expect(loadsDemoData()).toBe(true);
    expect(devMailboxEnabled()).toBe(true);
    expect(listenAddress()).toEqual({ host: "127.0.0.1", port: 3000 });
    expect(appUrl()).toBe("http://localhost:3000");
    expect(secureTransport()).toBe(false);
    expect(mailTransport()).toEqual({ kind: "log" });
    expect(fs.existsSync(path.join(dir, "dev-secrets.json"))).toBe(true);
  });

  test("HOST opens the demo to the network only when asked; SMTP closes the mailbox", () => {
    loadConfiguration({ demo: true }, { ...demoEnv, HOST: "0.0.0.0", SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(listenAddress().host).toBe("0.0.0.0");
    expect(devMailboxEnabled()).toBe(false);
  });

  test("--dev is development; demo data only with --demo too", () => {
    loadConfiguration({ dev: true }, demoEnv);
    expect(appMode()).toBe("development");
    expect(loadsDemoData()).toBe(false);
    unloadConfiguration();
    loadConfiguration({ dev: true, demo: true }, demoEnv);
    expect(loadsDemoData()).toBe(true);
  });

  test("production refuses --demo and --dev, whether APP_MODE or NODE_ENV says production", () => {
    expect(problems({ demo: true }, production())).toEqual([
      expect.stringMatching(/^--demo is refused in production mode \(APP_MODE=production\)/),
    ]);
    expect(problems({ demo: true }, production({ APP_MODE: undefined, NODE_ENV: "production" }))).toEqual([
      expect.stringMatching(/^--demo is refused in production mode \(NODE_ENV=production\)/),
    ]);
    expect(problems({ dev: true }, production())).toEqual([
      expect.stringMatching(/^--dev \(the Vite development server\) is refused/),
    ]);
  });

  test("APP_MODE=demo runs the demo with NODE_ENV=production (the browser tests' production build)", () => {
    loadConfiguration({ demo: true }, { NODE_ENV: "production", APP_MODE: "demo", DATA_DIR: dir });
    expect(appMode()).toBe("demo");
    expect(isProduction()).toBe(false);
  });

  test("a misspelt mode is refused", () => {
    expect(problems({}, production({ APP_MODE: "prod" }))).toContain(
      'APP_MODE must be "production", "demo" or "development" (got "prod").',
    );
  });

  test("outside a server the mode comes from the environment: APP_MODE, else NODE_ENV", () => {
    expect(appMode()).toBe("development");
    process.env.NODE_ENV = "production";
    expect(appMode()).toBe("production");
    process.env.APP_MODE = "demo";
    expect(appMode()).toBe("demo");
  });
});
