import fs from "node:fs";
import { databaseTarget, diskMarginBytes } from "./config.server.ts";

/**
 * The embedded database (PGlite) hangs for good, spinning, when the disk fills up
 * under it, and will not start again on a full disk. So the app checks the free
 * space of the data directory itself: at start-up, before large writes (imports),
 * and during them, between the chunks of their transaction, refusing below a margin
 * with a clear error instead.
 */

const MB = 1024 * 1024;

/** Space always left free: DISK_FREE_MARGIN_MB (app/utils/config.server.ts). */
export { diskMarginBytes };

export type StatFs = (dir: string) => { bavail: number | bigint; bsize: number | bigint };

/** Free bytes for this process in the file system holding `dir`, or null when it cannot be told. */
export function freeBytes(dir: string, statfs: StatFs = fs.statfsSync): number | null {
  try {
    const stats = statfs(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

export class DiskFullError extends Error {
  constructor(
    readonly dir: string,
    readonly free: number,
    readonly required: number,
  ) {
    super(
      `The disk is full: ${Math.floor(free / MB)} MB free where the database lives (${dir}), ` +
        `and at least ${Math.ceil(required / MB)} MB are needed. Free some space (or move DATA_DIR to a larger disk) and try again.`,
    );
    this.name = "DiskFullError";
  }
}

/**
 * Refuses (DiskFullError) unless the disk holding `dir` keeps the margin free, or
 * twice the expected size of the write, whichever is more. No directory (PostgreSQL,
 * in-memory PGlite) or an unknown free space: nothing to check.
 */
export function ensureFreeSpace(
  dir: string | null | undefined,
  expectedBytes = 0,
  statfs: StatFs = fs.statfsSync,
): void {
  if (!dir) return;
  const free = freeBytes(fs.existsSync(dir) ? dir : pathUp(dir), statfs);
  if (free === null) return;
  const required = Math.max(diskMarginBytes(), 2 * expectedBytes);
  if (free < required) throw new DiskFullError(dir, free, required);
}

function pathUp(dir: string): string {
  let current = dir;
  while (!fs.existsSync(current)) {
    const parent = current.replace(/[/\\][^/\\]*$/, "");
    if (parent === current || parent === "") return ".";
    current = parent;
  }
  return current;
}

/**
 * A start-up failure of the embedded database, explained: on a (nearly) full disk
 * PGlite only says it "failed to initialize properly".
 */
export function explainDatabaseStartFailure(error: unknown, dir: string, statfs: StatFs = fs.statfsSync): unknown {
  const free = freeBytes(fs.existsSync(dir) ? dir : pathUp(dir), statfs);
  const noSpace =
    (error as { code?: string } | null)?.code === "ENOSPC" ||
    /ENOSPC|no space left/i.test(String((error as Error)?.message ?? ""));
  if (noSpace || (free !== null && free < diskMarginBytes()))
    return new DiskFullError(dir, free ?? 0, diskMarginBytes());
  return error;
}

/** Where the running database keeps its files and how much room is left there; null when there is nothing to watch. */
export type SpaceProbe = () => { dir: string; free: number } | null;

function databaseDiskProbe(): { dir: string; free: number } | null {
  const target = databaseTarget();
  if (target.kind !== "pglite" || !target.dataDir) return null;
  const free = freeBytes(fs.existsSync(target.dataDir) ? target.dataDir : pathUp(target.dataDir));
  return free === null ? null : { dir: target.dataDir, free };
}

let probe: SpaceProbe = databaseDiskProbe;

/** Tests stand in for a disk that fills up while a write is under way; no argument restores the real one. */
export function setSpaceProbeForTests(replacement?: SpaceProbe): void {
  probe = replacement ?? databaseDiskProbe;
}

/**
 * Called between the chunks of a long write (an import's transaction): throws
 * DiskFullError once the embedded database's disk is below the margin. The caller's
 * transaction then rolls back, so nothing half-written stays, and the database is
 * stopped before the disk is so full that it would hang. One statfs call: cheap.
 */
export function ensureRoomWhileWriting(): void {
  const measured = probe();
  if (!measured) return;
  if (measured.free < diskMarginBytes()) throw new DiskFullError(measured.dir, measured.free, diskMarginBytes());
}
