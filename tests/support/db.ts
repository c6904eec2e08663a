import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import pg from "pg";
import { openDatabase, setDatabase } from "#app/utils/db.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { resetClock } from "#app/utils/clock.server.ts";

export interface TestDatabase {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
}

/** The databases integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): ("pglite" | "postgres")[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, migrated database of its own: in-memory PGlite, or a new PostgreSQL database that is dropped afterwards. */
export async function createTestDatabase(kind: "pglite" | "postgres") {
  if (kind === "pglite") {
    const db = await openDatabase({ kind: "pglite", dataDir: null }, { migrate: true });
    return { prisma: db.prisma, url: null as string | null, close: db.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `sm_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() }, { migrate: true });
  return {
    prisma: db.prisma,
    url: url.toString(),
    close: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

const TABLES_TO_CLEAR = [
  "StatusEvent",
  "Reply",
  "ParcelItem",
  "Parcel",
  "Letter",
  "Batch",
  "BannedTerm",
  "ReminderLog",
  "BackgroundTask",
  "Adoption",
  "FacilityStay",
  "PrisonerEdit",
  "PrisonerNameKey",
  "PrisonerName",
  "PrisonerSource",
  "ImportRowError",
  "ImportRun",
  "Prisoner",
  "Facility",
  "Source",
  "RouteStatus",
  "Route",
  "CatalogItem",
  "Session",
  "Verification",
  "ApiToken",
  "AuditLog",
  "RateLimit",
  "EmailOutbox",
  "Setting",
  "RiskPhrase",
  "Phrase",
  "User",
];

export async function clearDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE ${TABLES_TO_CLEAR.map((t) => `"${t}"`).join(", ")} CASCADE`);
}

/**
 * Runs the same tests once per database kind. The app's modules use the database
 * chosen here; every test starts with empty tables and the real clock.
 */
export function describeEachDatabase(name: string, body: (db: TestDatabase) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      const db = { kind } as TestDatabase;
      let close: () => Promise<void> = async () => {};
      beforeAll(async () => {
        const created = await createTestDatabase(kind);
        db.prisma = created.prisma;
        close = created.close;
      });
      beforeEach(async () => {
        setDatabase(db.prisma);
        resetClock();
        await clearDatabase(db.prisma);
      });
      afterAll(async () => {
        await close();
      });
      body(db);
    });
  }
}
