import { afterEach, expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { setSpaceProbeForTests } from "#app/utils/disk-space.server.ts";
import { ImportFileError } from "#app/imports/parse.server.ts";
import { importFile } from "#app/imports/runs.server.ts";
import { translate } from "#app/i18n/i18n.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { baseList, CLI, createSource, FILE_TYPES, listTable, toCsv } from "#tests/support/import-fixtures.ts";

const MB = 1024 * 1024;

afterEach(() => setSpaceProbeForTests());

/** A disk with room for the checks before the write and `roomyChecks` checks during it, full after. */
function diskFillingAfter(roomyChecks: number) {
  let checks = 0;
  return () => {
    checks++;
    return { dir: "/data/pglite", free: checks <= roomyChecks ? 10_000 * MB : 5 * MB };
  };
}

// Issue 11, item 1: the free-space check ran before an import only; a disk filling up
// during the import's writes hung the embedded database.
describeEachDatabase("a disk that fills up during an import", () => {
  test("the import stops between two chunks with a clear message, its transaction rolled back, and can be run again", async () => {
    await createSource("viasna");
    const bytes = toCsv(listTable(baseList()));
    setSpaceProbeForTests(diskFillingAfter(1));

    const error = await importFile({ sourceSlug: "viasna", bytes, ...FILE_TYPES.csv, dryRun: false, actor: CLI }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).messageKey).toBe("import.file.diskFullDuring");
    expect(translate("en", (error as ImportFileError).messageKey, (error as ImportFileError).params)).toBe(
      "The server's disk filled up while the list was being imported (5 MB left): the import was stopped and nothing was written. Ask the administrator to free some space, then import the list again.",
    );
    // Nothing of the list was written: the chunks before the full disk were rolled back with the rest.
    expect(
      await Promise.all([
        prisma.prisoner.count(),
        prisma.prisonerName.count(),
        prisma.prisonerNameKey.count(),
        prisma.facilityStay.count(),
      ]),
    ).toEqual([0, 0, 0, 0]);
    expect(await prisma.importRun.findMany({ select: { state: true } })).toEqual([{ state: "failed" }]);

    // Space freed: the same file imports whole.
    setSpaceProbeForTests(() => ({ dir: "/data/pglite", free: 10_000 * MB }));
    const again = await importFile({ sourceSlug: "viasna", bytes, ...FILE_TYPES.csv, dryRun: false, actor: CLI });
    expect(again.summary.created).toBe(baseList().length);
    expect(await prisma.prisoner.count()).toBe(baseList().length);
  });
});
