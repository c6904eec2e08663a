import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import pg from "pg";
import { openDatabase, prisma, setDatabase } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { getRun, importFile, listRuns } from "#app/imports/runs.server.ts";
import { IMPORT_LEASE_MS } from "#app/imports/run-upkeep.server.ts";
import { ImportFileError } from "#app/imports/parse.server.ts";
import { longWorkMakingProgress } from "#app/utils/long-work.server.ts";
import { createTestDatabase, describeEachDatabase } from "#tests/support/db.ts";
import {
  baseList,
  CLI,
  createSource,
  FILE_TYPES,
  listTable,
  toCsv,
  type ListRow,
} from "#tests/support/import-fixtures.ts";

const SOURCE = "viasna";

/** A long list of invented people, so that applying it takes a while. */
function longList(count: number): ListRow[] {
  const syllables = ["Ка", "Ло", "Мі", "Ра", "Су", "Ты", "Бе", "Ве", "Го", "Да"];
  const given = ["Рыгор", "Алена", "Павел", "Ігар", "Віктар", "Ганна", "Сяргей", "Марына"];
  return Array.from({ length: count }, (_, i) => {
    const surname = `${syllables[i % 10]}${syllables[Math.floor(i / 10) % 10]}${syllables[Math.floor(i / 100) % 10]}${syllables[Math.floor(i / 1000) % 10]}віч`;
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    return {
      id: String(i + 1),
      name: `${surname} ${given[i % given.length]}`,
      birth: `${day}.${month}.${1950 + (i % 50)}`,
      facility: "ИК №4",
      address: "ул. Ленина, 1, 246035 г. Гомель",
      status: "осужден",
    };
  });
}

describeEachDatabase("import runs whose process died", () => {
  test("a run left 'being applied' by a dead process is shown as failed once its lease runs out, and the file can be applied again", async () => {
    await createSource(SOURCE);
    const bytes = toCsv(listTable(baseList()));
    // What a process killed while applying leaves behind: its run, with the lease it took, and nothing written.
    const source = await prisma.source.findUniqueOrThrow({ where: { slug: SOURCE } });
    const crashed = await prisma.importRun.create({
      data: {
        sourceId: source.id,
        channel: "cli",
        fileName: "list.csv",
        fileHash: "x",
        format: "csv",
        state: "applying",
        leaseUntil: new Date(now().getTime() + IMPORT_LEASE_MS),
        createdAt: now(),
      },
    });
    // Within its lease it may still be at work.
    expect((await getRun(crashed.id))?.state).toBe("applying");
    advanceClock(IMPORT_LEASE_MS + 1_000);
    expect((await listRuns()).runs.find((r) => r.id === crashed.id)?.state).toBe("failed");
    expect((await getRun(crashed.id))?.state).toBe("failed");

    const again = await importFile({ sourceSlug: SOURCE, bytes, ...FILE_TYPES.csv, dryRun: false, actor: CLI });
    expect(again.summary.created).toBe(5);
    expect(await prisma.importRun.findUniqueOrThrow({ where: { id: again.runId } })).toMatchObject({
      state: "applied",
      leaseUntil: null,
    });
  });
});

describeEachDatabase("planning as long work", () => {
  test("planning a long list counts as long work while it runs (the embedded database's liveness check does not queue behind it), and not once it is done", async () => {
    await createSource(SOURCE);
    const bytes = toCsv(listTable(longList(1500)));
    // A dry run only plans: what the liveness check sees between the planning's slices.
    const seen: boolean[] = [];
    let planning = true;
    const watching = (async () => {
      while (planning) {
        seen.push(longWorkMakingProgress());
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    const result = await importFile({ sourceSlug: SOURCE, bytes, ...FILE_TYPES.csv, dryRun: true, actor: CLI }).finally(
      () => {
        planning = false;
      },
    );
    await watching;
    expect(result.summary.created).toBe(1500);
    expect(seen.filter(Boolean).length).toBeGreaterThan(1);
    expect(longWorkMakingProgress()).toBe(false);
  });
});

describeEachDatabase("imports on a nearly full disk", () => {
  test("an import the embedded database's disk has no room for is refused with a clear message, and nothing is written", async () => {
    await createSource(SOURCE);
    const saved = process.env.DISK_FREE_MARGIN_MB;
    // A margin no disk has: the real free space of DATA_DIR is below it.
    process.env.DISK_FREE_MARGIN_MB = String(1024 ** 3);
    try {
      const error = await importFile({
        sourceSlug: SOURCE,
        bytes: toCsv(listTable(baseList())),
        ...FILE_TYPES.csv,
        dryRun: false,
        actor: CLI,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).messageKey).toBe("import.file.diskFull");
    } finally {
      if (saved === undefined) delete process.env.DISK_FREE_MARGIN_MB;
      else process.env.DISK_FREE_MARGIN_MB = saved;
    }
    expect(await prisma.importRun.count()).toBe(0);
    expect(await prisma.prisoner.count()).toBe(0);
  });
});

test("the embedded database on a full disk refuses to start with 'the disk is full', not a raw PGlite failure", async () => {
  const saved = process.env.DISK_FREE_MARGIN_MB;
  process.env.DISK_FREE_MARGIN_MB = String(1024 ** 3);
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-full-"));
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(
      /^The disk is full: \d+ MB free where the database lives/,
    );
  } finally {
    if (saved === undefined) delete process.env.DISK_FREE_MARGIN_MB;
    else process.env.DISK_FREE_MARGIN_MB = saved;
  }
});

// kill -9 needs a second process on a shared database: PostgreSQL only.
test.skipIf(!process.env.TEST_DATABASE_URL)(
  "an import killed with kill -9 while applied: nothing written, shown as failed, applied again",
  async () => {
    const created = await createTestDatabase("postgres");
    const watcher = new pg.Client({ connectionString: created.url! });
    await watcher.connect();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sm-import-")), "list.csv");
    const { prisma: client, close } = await openDatabase({ kind: "postgres", url: created.url! });
    try {
      setDatabase(client);
      await createSource(SOURCE);
      const bytes = toCsv(listTable(longList(1500)));
      fs.writeFileSync(file, bytes);
      const child = spawn(process.execPath, ["--import", "tsx", "tests/support/import-child.ts"], {
        env: { ...process.env, DATABASE_URL: created.url!, IMPORT_SOURCE: SOURCE, IMPORT_FILE: file },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      let output = "";
      child.stdout.on("data", (chunk) => (output += String(chunk)));
      const deadline = Date.now() + 90_000;
      let killed = false;
      while (Date.now() < deadline && !killed) {
        const { rows } = await watcher.query(`SELECT 1 FROM "ImportRun" WHERE "state" = 'applying'`);
        if (rows.length > 0) {
          child.kill("SIGKILL");
          killed = true;
        } else await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await exited;
      expect(killed).toBe(true);
      expect(output).toBe("");
      expect(await client.prisoner.count()).toBe(0);
      const [run] = await client.importRun.findMany();
      expect(run.state).toBe("applying");

      advanceClock(IMPORT_LEASE_MS + 1_000);
      expect((await listRuns()).runs.map((r) => r.state)).toEqual(["failed"]);
      const again = await importFile({
        sourceSlug: SOURCE,
        bytes: new Uint8Array(bytes),
        ...FILE_TYPES.csv,
        dryRun: false,
        actor: CLI,
      });
      expect(again.summary.created).toBe(1500);
    } finally {
      await close();
      await watcher.end();
      await created.close();
    }
  },
  180_000,
);
