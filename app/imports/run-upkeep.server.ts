import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { decrypt, isEncrypted } from "#app/utils/crypto.server.ts";
import { importFileContent } from "#app/utils/sealed-fields.server.ts";
import { databaseTarget } from "#app/utils/config.server.ts";
import { DiskFullError, ensureFreeSpace, ensureRoomWhileWriting } from "#app/utils/disk-space.server.ts";
import { ImportFileError } from "./parse.server.ts";

/** What a list of this size may take on disk once imported: rows, indexes, history and the write-ahead log. */
const DISK_BYTES_PER_FILE_BYTE = 10;

/**
 * Refuses an import (ImportFileError, in the person's language) when the embedded
 * database's disk lacks the margin or room for it: a full disk would hang it.
 */
export function ensureRoomForImport(fileBytes: number): void {
  const target = databaseTarget();
  try {
    ensureFreeSpace(target.kind === "pglite" ? target.dataDir : null, fileBytes * DISK_BYTES_PER_FILE_BYTE);
  } catch (error) {
    if (error instanceof DiskFullError) {
      throw new ImportFileError("import.file.diskFull", {
        freeMb: Math.floor(error.free / 1048576),
        neededMb: Math.ceil(error.required / 1048576),
      });
    }
    throw error;
  }
}

/**
 * Between the chunks of an import's transaction: stops it (ImportFileError, in the
 * person's language) when the disk filled up meanwhile. The transaction is rolled
 * back by the throw, so nothing of the list is written.
 */
export function ensureRoomDuringImport(): void {
  try {
    ensureRoomWhileWriting();
  } catch (error) {
    if (error instanceof DiskFullError)
      throw new ImportFileError("import.file.diskFullDuring", { freeMb: Math.floor(error.free / 1048576) });
    throw error;
  }
}

/**
 * Upkeep of import runs. A run being applied holds a lease its process renews
 * while it works; a run whose lease ran out belongs to a process that died (kill,
 * crash, full disk). Its transaction was rolled back, so nothing was written: it is
 * marked failed, and the same file can be imported again.
 */
export const IMPORT_LEASE_MS = 2 * 60_000;

/** Marks runs whose applying process died as failed; returns how many. Called before runs are shown, and hourly. */
export async function failAbandonedRuns(): Promise<number> {
  const { count } = await prisma.importRun.updateMany({
    where: { state: "applying", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }] },
    data: { state: "failed", leaseUntil: null, fileContent: null },
  });
  return count;
}

/** A kept import file's base64 content (encrypted since files are kept encrypted; plain in older rows). */
export function openImportFile(runId: string, stored: string): string {
  return isEncrypted(stored) ? decrypt(stored, importFileContent(runId)) : stored;
}

export const IMPORT_FILE_KEPT_MS = 24 * 3_600_000;

/**
 * Deletes kept import files nobody needs any more: those of runs applied, failed or
 * discarded, and of previews (or runs waiting for a review decision) left alone for a
 * day. The run, its summary and row errors stay in the history.
 */
export async function deleteStaleImportFiles(): Promise<number> {
  const dayAgo = new Date(now().getTime() - IMPORT_FILE_KEPT_MS);
  const { count } = await prisma.importRun.updateMany({
    where: {
      fileContent: { not: null },
      OR: [
        { state: { in: ["failed", "discarded", "dry-run"] } },
        { state: { in: ["preview", "applied"] }, createdAt: { lt: dayAgo } },
      ],
    },
    data: { fileContent: null },
  });
  return count;
}

/** The hourly "import-runs" background task. */
export async function importUpkeep(): Promise<void> {
  await failAbandonedRuns();
  await deleteStaleImportFiles();
}
