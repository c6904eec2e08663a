import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import pg from "pg";
import { openDatabase, prisma, setDatabase } from "#app/utils/db.server.ts";
import { DEMO_ACCOUNTS, DEMO_LOADED, seedDemoData } from "#app/models/demo.server.ts";
import { SEED_LOCK_ID } from "#app/utils/seed-lock.server.ts";
import { createTestDatabase, describeEachDatabase } from "#tests/support/db.ts";

describeEachDatabase("demo data under concurrency", () => {
  test("two instances loading the demo into one empty database at once: it is loaded once, neither fails", async () => {
    // On PostgreSQL each call runs on its own pooled connection, as two instances would.
    {
      const results = await Promise.allSettled([seedDemoData(), seedDemoData(), seedDemoData()]);
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      expect(results.map((r) => (r.status === "fulfilled" ? r.value : null)).filter(Boolean)).toEqual([true]);
      expect(await prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
      expect(await prisma.setting.count({ where: { key: DEMO_LOADED } })).toBe(1);
      const slugs = (await prisma.route.findMany({ select: { slug: true } })).map((r) => r.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });
});

// kill -9 needs a second process on a shared database: PostgreSQL only.
test.skipIf(!process.env.TEST_DATABASE_URL)(
  "a demo start killed half-way leaves nothing behind, and the next start loads the demo with its accounts",
  async () => {
    const created = await createTestDatabase("postgres");
    const watcher = new pg.Client({ connectionString: created.url! });
    await watcher.connect();
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/support/demo-seed-child.ts"], {
        env: { ...process.env, DATABASE_URL: created.url! },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      let output = "";
      child.stdout.on("data", (chunk) => (output += String(chunk)));
      // Kill as soon as the loader is seen at work: holding the seeding lock, or with rows already written.
      const deadline = Date.now() + 60_000;
      let killed = false;
      while (Date.now() < deadline && !killed) {
        const { rows } = await watcher.query<{ working: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted)
            OR EXISTS (SELECT 1 FROM "Prisoner") AS working`,
          [SEED_LOCK_ID],
        );
        if (rows[0].working) {
          child.kill("SIGKILL");
          killed = true;
        } else await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await exited;
      expect(killed).toBe(true);
      expect(output).toBe("");

      // The next start (this process) finds an empty database again and loads the demo whole.
      const { prisma: client, close } = await openDatabase({ kind: "postgres", url: created.url! });
      try {
        setDatabase(client);
        expect(await seedDemoData()).toBe(true);
        const emails = (await client.user.findMany({ select: { email: true } })).map((u) => u.email).sort();
        expect(emails).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      } finally {
        await close();
      }
    } finally {
      await watcher.end();
      await created.close();
    }
  },
  120_000,
);
