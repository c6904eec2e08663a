import fs from "node:fs";
import path from "node:path";
import { PrismaClient, type Prisma } from "#app/generated/prisma/client.ts";
import { databasePoolSize, databaseTarget, type DatabaseTarget } from "./config.server";
import { applyMigrations, type MigrationResult } from "./migrate.server";
import { ensureFreeSpace, explainDatabaseStartFailure } from "./disk-space.server";
import { pgliteAdapterFactory } from "./pglite-adapter.server";

export type Db = PrismaClient;

interface OpenDatabase {
  prisma: PrismaClient;
  target: DatabaseTarget;
  migrations: MigrationResult | null;
  close: () => Promise<void>;
}

interface OpenOptions {
  /** Apply pending migrations before handing out the client. */
  migrate?: boolean;
}

let current: OpenDatabase | null = null;

/**
 * The live Prisma client. Domain modules import this binding; it is replaced when
 * the process connects (server start, a script, or a test choosing its database).
 */
/** "The client or a transaction": what a function that only reads or writes (and takes no locks of its own) is given. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export let prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get() {
    throw new Error("Database not connected: call connectDatabase() first");
  },
});

const LOCK_FILE = "solidarity-mail.lock";

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is a single-process database: a second process writing the same folder
 * would corrupt it. Take a lock file and explain what to do when it is held.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  if (fs.existsSync(lockPath)) {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
    if (pid && pid !== process.pid && isProcessAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
          "Stop that process first, or run on PostgreSQL (DATABASE_URL=postgres://...).",
      );
    }
  }
  fs.writeFileSync(lockPath, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
}

export async function openDatabase(
  target: DatabaseTarget = databaseTarget(),
  { migrate = false }: OpenOptions = {},
): Promise<OpenDatabase> {
  if (target.kind === "postgres") {
    let migrations: MigrationResult | null = null;
    if (migrate) {
      const { default: pg } = await import("pg");
      const raw = new pg.Client({ connectionString: target.url });
      await raw.connect();
      try {
        migrations = await applyMigrations({
          exec: async (sql) => void (await raw.query(sql)),
          query: async (sql, params) => (await raw.query(sql, params)).rows,
        });
      } finally {
        await raw.end();
      }
    }
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const adapter = new PrismaPg({
      connectionString: target.url,
      max: databasePoolSize(),
    });
    const client = new PrismaClient({ adapter });
    await client.$connect();
    return { prisma: client, target, migrations, close: () => client.$disconnect() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // On a full disk PGlite would fail with a raw error, or hang: say so plainly first.
  ensureFreeSpace(target.dataDir);
  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  try {
    const pglite = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
    await pglite.waitReady.catch((error: unknown) => {
      throw target.dataDir ? explainDatabaseStartFailure(error, target.dataDir) : error;
    });
    const migrations = migrate
      ? await applyMigrations({
          exec: async (sql) => void (await pglite.exec(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
        })
      : null;
    // pglite-prisma-adapter ships its own (older) copy of Prisma's adapter types: see pglite-adapter.server.ts.
    const adapter = pgliteAdapterFactory(new PrismaPGlite(pglite));
    const client = new PrismaClient({ adapter });
    return {
      prisma: client,
      target,
      migrations,
      close: async () => {
        await client.$disconnect();
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Connects the process-wide client used by the app's modules. */
export async function connectDatabase(target?: DatabaseTarget, options?: OpenOptions): Promise<PrismaClient> {
  if (current) return current.prisma;
  current = await openDatabase(target, options);
  prisma = current.prisma;
  return prisma;
}

/** The database this process opened with connectDatabase, if any (readiness checks its disk). */
export function currentDatabaseTarget(): DatabaseTarget | null {
  return current?.target ?? null;
}

/** Tests point the app's modules at a database they opened themselves. */
export function setDatabase(client: PrismaClient): void {
  prisma = client;
}

export async function disconnectDatabase(): Promise<void> {
  if (!current) return;
  const open = current;
  current = null;
  await open.close();
}
