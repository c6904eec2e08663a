import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { openDatabase } from "#app/utils/db.server.ts";

/** A real, small disk: an 8 MB tmpfs, where mounting is allowed (root in CI); otherwise the test is skipped. */
function mountSmallDisk(): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-tmpfs-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", dir], { stdio: "ignore", timeout: 5_000 });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const smallDisk = mountSmallDisk();

afterAll(() => {
  if (!smallDisk) return;
  execFileSync("umount", [smallDisk], { stdio: "ignore" });
  fs.rmSync(smallDisk, { recursive: true, force: true });
});

test.skipIf(!smallDisk)(
  "on a nearly full disk (an 8 MB tmpfs) the embedded database refuses to start with 'The disk is full'",
  async () => {
    const dataDir = path.join(smallDisk!, "data");
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(
      /^The disk is full: [0-8] MB free where the database lives .* at least 64 MB are needed/,
    );
    // Nothing was left behind that a later start would trip over.
    expect(fs.existsSync(path.join(dataDir, "solidarity-mail.lock"))).toBe(false);
  },
);
