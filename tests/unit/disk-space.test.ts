import os from "node:os";
import { afterEach, describe, expect, test } from "vitest";
import {
  DiskFullError,
  diskMarginBytes,
  ensureFreeSpace,
  explainDatabaseStartFailure,
  freeBytes,
  type StatFs,
} from "#app/utils/disk-space.server.ts";
import { startDatabaseWatchdog } from "#app/utils/db-watchdog.server.ts";

const MB = 1024 * 1024;
const disk =
  (freeMb: number): StatFs =>
  () => ({ bavail: BigInt(freeMb * 256), bsize: BigInt(4096) });
const savedMargin = process.env.DISK_FREE_MARGIN_MB;

afterEach(() => {
  if (savedMargin === undefined) delete process.env.DISK_FREE_MARGIN_MB;
  else process.env.DISK_FREE_MARGIN_MB = savedMargin;
});

describe("free-space guard", () => {
  test("refuses below the 64 MB margin, or below twice the expected write, with a sentence that says the disk is full", () => {
    const dir = os.tmpdir();
    expect(diskMarginBytes()).toBe(64 * MB);
    expect(() => ensureFreeSpace(dir, 0, disk(65))).not.toThrow();
    expect(() => ensureFreeSpace(dir, 0, disk(6))).toThrow(DiskFullError);
    expect(() => ensureFreeSpace(dir, 0, disk(6))).toThrow(/^The disk is full: 6 MB free .* at least 64 MB are needed/);
    // A 100 MB write needs 200 MB free.
    expect(() => ensureFreeSpace(dir, 100 * MB, disk(150))).toThrow(/at least 200 MB/);
    expect(() => ensureFreeSpace(dir, 100 * MB, disk(201))).not.toThrow();
  });

  test("the margin is configurable; PostgreSQL or an unknown free space is not checked", () => {
    process.env.DISK_FREE_MARGIN_MB = "10";
    expect(() => ensureFreeSpace(os.tmpdir(), 0, disk(11))).not.toThrow();
    expect(() => ensureFreeSpace(os.tmpdir(), 0, disk(9))).toThrow(DiskFullError);
    expect(() => ensureFreeSpace(null, 0, disk(0))).not.toThrow();
    const broken: StatFs = () => {
      throw new Error("statfs not supported");
    };
    expect(freeBytes(os.tmpdir(), broken)).toBeNull();
    expect(() => ensureFreeSpace(os.tmpdir(), 0, broken)).not.toThrow();
    // The real file system answers.
    expect(freeBytes(os.tmpdir())).toBeGreaterThan(0);
  });

  test("a directory not created yet is measured on the nearest existing parent", () => {
    expect(() => ensureFreeSpace(`${os.tmpdir()}/not/yet/there`, 0, disk(1))).toThrow(DiskFullError);
  });

  test("PGlite's raw start-up failure on a full disk becomes 'the disk is full'; other failures stay as they are", () => {
    const raw = new Error("PGlite failed to initialize properly");
    expect(String(explainDatabaseStartFailure(raw, os.tmpdir(), disk(3)))).toMatch(/The disk is full/);
    expect(explainDatabaseStartFailure(raw, os.tmpdir(), disk(500))).toBe(raw);
    expect(
      explainDatabaseStartFailure(Object.assign(new Error("write failed"), { code: "ENOSPC" }), os.tmpdir(), disk(500)),
    ).toBeInstanceOf(DiskFullError);
  });
});

describe("database watchdog", () => {
  test("a query that never answers is reported as stuck; an answer clears it", async () => {
    const messages: string[] = [];
    let answer: (() => void) | null = null;
    const probe = () => new Promise<void>((resolve) => (answer = resolve));
    const watchdog = startDatabaseWatchdog(probe, {
      intervalMs: 20,
      stuckAfterMs: 100,
      report: (m) => messages.push(m),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(watchdog.stuckSince()).toBeInstanceOf(Date);
      expect(messages).toEqual([expect.stringMatching(/the database has not answered a query for \d+ s: it is stuck/)]);
      answer!();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(watchdog.stuckSince()).toBeNull();
      expect(messages.at(-1)).toBe("watchdog: the database answers again");
    } finally {
      await watchdog.stop();
    }
  });

  test("a database that answers is never reported", async () => {
    const messages: string[] = [];
    const watchdog = startDatabaseWatchdog(async () => 1, {
      intervalMs: 10,
      stuckAfterMs: 50,
      report: (m) => messages.push(m),
      watchEventLoop: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await watchdog.stop();
    expect(messages).toEqual([]);
    expect(watchdog.stuckSince()).toBeNull();
  });
});

describe("free-space guard during a write", () => {
  test("passes while the margin is free and refuses once the disk drops below it; nothing to watch, nothing refused", async () => {
    const { ensureRoomWhileWriting, setSpaceProbeForTests } = await import("#app/utils/disk-space.server.ts");
    try {
      setSpaceProbeForTests(() => ({ dir: "/data/pglite", free: 65 * MB }));
      expect(() => ensureRoomWhileWriting()).not.toThrow();
      setSpaceProbeForTests(() => ({ dir: "/data/pglite", free: 63 * MB }));
      expect(() => ensureRoomWhileWriting()).toThrow(
        /^The disk is full: 63 MB free where the database lives \(\/data\/pglite\)/,
      );
      setSpaceProbeForTests(() => null);
      expect(() => ensureRoomWhileWriting()).not.toThrow();
    } finally {
      setSpaceProbeForTests();
    }
  });
});
