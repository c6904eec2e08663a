import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, listMigrations, type SqlSession } from "#app/utils/migrate.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const MIGRATIONS = path.resolve("prisma/migrations");

/** "Model.field" for every scalar or enum field of every model in schema.prisma. */
function schemaColumns(): string[] {
  const schema = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const enums = new Set([...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  const scalars = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);
  const columns: string[] = [];
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const line of body.split("\n")) {
      const field = /^\s*(\w+)\s+(\w+)(\[\])?\??/.exec(line);
      if (field && (scalars.has(field[2]) || enums.has(field[2]))) columns.push(`${model}.${field[1]}`);
    }
  }
  return columns;
}
const folders = fs
  .readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface RawDatabase {
  session: SqlSession;
  /** A second, independent connection to the same database (PostgreSQL only). */
  connect?: () => Promise<{ session: SqlSession; close: () => Promise<void> }>;
  close: () => Promise<void>;
}

async function pgSession(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    session: {
      exec: async (sql: string) => void (await client.query(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    } satisfies SqlSession,
    close: () => client.end(),
  };
}

/** An empty database with nothing applied, of the same kind as the suite's. */
async function emptyDatabase(kind: "pglite" | "postgres"): Promise<RawDatabase> {
  if (kind === "pglite") {
    const db = new PGlite();
    await db.waitReady;
    return {
      session: {
        exec: async (sql) => void (await db.exec(sql)),
        query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      },
      close: () => db.close(),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `sm_migrate_${crypto.randomBytes(6).toString("hex")}`;
  const admin = await pgSession(adminUrl);
  await admin.session.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const main = await pgSession(url.toString());
  return {
    session: main.session,
    connect: () => pgSession(url.toString()),
    close: async () => {
      await main.close();
      const cleanup = await pgSession(adminUrl);
      await cleanup.session.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.close();
    },
  };
}

function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-migrations-"));
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function tempCopy(): string {
  const dir = copyMigrations();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describeEachDatabase("migrations", (db) => {
  // One raw database per kind (PGlite start-up is slow), emptied before each test.
  let raw: RawDatabase;
  beforeAll(async () => {
    raw = await emptyDatabase(db.kind);
  });
  beforeEach(async () => {
    await raw.session.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  });
  afterAll(async () => {
    await raw?.close();
  });

  test("the suite's database has one finished _prisma_migrations row per migration folder", async () => {
    expect(folders.length).toBeGreaterThan(0);
    const rows = await db.prisma.$queryRaw<
      { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]
    >`
      SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
    // The checksum is Prisma's (SHA-256 of migration.sql), so `prisma migrate status` agrees with us.
    const expected = folders.map((name) =>
      crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql")))
        .digest("hex"),
    );
    expect(rows.map((row) => row.checksum)).toEqual(expected);
  });

  test("the migrations create every table and column the Prisma schema declares", async () => {
    await applyMigrations(raw.session, MIGRATIONS);
    const columns = await raw.session.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const present = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const missing = schemaColumns().filter((column) => !present.has(column));
    expect(missing, "schema.prisma declares columns no migration creates: add a migration").toEqual([]);
  });

  test("applying twice applies nothing the second time and records nothing twice", async () => {
    const first = await applyMigrations(raw.session, MIGRATIONS);
    expect(first).toEqual({ applied: folders, alreadyApplied: 0 });
    const second = await applyMigrations(raw.session, MIGRATIONS);
    expect(second).toEqual({ applied: [], alreadyApplied: folders.length });
    const [{ count }] = await raw.session.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "_prisma_migrations"`,
    );
    expect(count).toBe(folders.length);
    // The schema really exists.
    const tables = await raw.session.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["User", "Session", "EmailOutbox", "RateLimit"]),
    );
  });

  test("a new migration folder is applied on the next run, alone", async () => {
    const dir = tempCopy();
    await applyMigrations(raw.session, dir);
    addMigration(dir, "99990101000000_add_note", `CREATE TABLE "TestNote" ("id" TEXT PRIMARY KEY);`);
    expect(listMigrations(dir).map((m) => m.name)).toEqual([...folders, "99990101000000_add_note"]);
    expect((await applyMigrations(raw.session, dir)).applied).toEqual(["99990101000000_add_note"]);
    await raw.session.query(`INSERT INTO "TestNote" ("id") VALUES ('x')`);
  });

  test("a migration changed after it was applied is refused", async () => {
    const dir = tempCopy();
    await applyMigrations(raw.session, dir);
    const file = path.join(dir, folders[0], "migration.sql");
    fs.appendFileSync(file, "\n-- an innocent-looking edit\n");
    await expect(applyMigrations(raw.session, dir)).rejects.toThrow(
      `Migration ${folders[0]} was changed after it was applied`,
    );
    // The refusal released the advisory lock: with the file restored, a run succeeds at once.
    fs.copyFileSync(path.join(MIGRATIONS, folders[0], "migration.sql"), file);
    expect((await applyMigrations(raw.session, dir)).applied).toEqual([]);
  });

  test("a failing migration is rolled back completely and not recorded", async () => {
    const dir = tempCopy();
    await applyMigrations(raw.session, dir);
    addMigration(
      dir,
      "99990101000000_broken",
      `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;`,
    );
    await expect(applyMigrations(raw.session, dir)).rejects.toThrow(/Migration 99990101000000_broken failed/);
    const half = await raw.session.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(half).toEqual([]);
    const recorded = await raw.session.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
    );
    expect(recorded).toEqual([]);
  });

  if (db.kind === "postgres") {
    test("two instances starting together apply each migration once (advisory lock)", async () => {
      const other = await raw.connect!();
      cleanups.push(other.close);
      const [a, b] = await Promise.all([
        applyMigrations(raw.session, MIGRATIONS),
        applyMigrations(other.session, MIGRATIONS),
      ]);
      expect([...a.applied, ...b.applied].sort()).toEqual(folders);
      const [{ count }] = await raw.session.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "_prisma_migrations"`,
      );
      expect(count).toBe(folders.length);
    });
  }
});
