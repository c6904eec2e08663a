import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { migrationsDir } from "./config.server.ts";

/** The raw SQL access migrations need: several statements in one call. */
export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Any constant: instances starting together take turns instead of racing.
const ADVISORY_LOCK_ID = 724_310_551;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir()): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies prisma/migrations in order and records them in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate status` agrees with us. We run them
 * ourselves because the Prisma CLI takes ~20 s per call on PGlite and must not
 * open the embedded database from a second process while the server holds it.
 */
export async function applyMigrations(session: SqlSession, dir = migrationsDir()): Promise<MigrationResult> {
  await session.exec(`SELECT pg_advisory_lock(${ADVISORY_LOCK_ID})`);
  try {
    await session.exec(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const done = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const migration of listMigrations(dir)) {
      const previous = doneByName.get(migration.name);
      if (previous?.finished_at) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      if (previous) {
        throw new Error(
          `Migration ${migration.name} failed earlier and needs a person to look at it (see _prisma_migrations).`,
        );
      }
      // Each migration and its record commit together: a crash leaves it either done or not started.
      await session.exec("BEGIN");
      try {
        await session.exec(migration.sql);
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.length };
  } finally {
    await session.exec(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_ID})`);
  }
}
