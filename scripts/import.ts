// `npm run import -- --source SOURCE --file PATH [--dry-run] [--json]`
// Imports an NGO prisoner list through the same engine as the web and the API.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectDatabase, disconnectDatabase } from "#app/utils/db.server.ts";
import { importFile } from "#app/imports/runs.server.ts";
import { ImportFileError } from "#app/imports/parse.server.ts";
import { UnknownSourceError } from "#app/imports/engine.server.ts";
import { translate } from "#app/i18n/i18n.ts";
import { prisma } from "#app/utils/db.server.ts";

const USAGE = "Usage: npm run import -- --source SOURCE --file PATH [--partial] [--dry-run] [--json]";

async function main() {
  const { values } = parseArgs({
    options: {
      source: { type: "string" },
      file: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      // Only part of the source's list: no one is flagged as missing from it.
      partial: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  const fail = (message: string, code = 2): never => {
    if (values.json) process.stdout.write(JSON.stringify({ error: message }) + "\n");
    else console.error(message);
    process.exit(code);
  };
  if (!values.source || !values.file) return fail(USAGE);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(values.file);
  } catch (error) {
    return fail(`Cannot read ${values.file}: ${(error as Error).message}`);
  }
  await connectDatabase(undefined, { migrate: true });
  try {
    const result = await importFile({
      sourceSlug: values.source,
      bytes,
      fileName: path.basename(values.file),
      dryRun: values["dry-run"] ?? false,
      partial: values.partial ?? false,
      actor: { channel: "cli" },
    });
    if (values.json) {
      process.stdout.write(JSON.stringify(result.summary) + "\n");
    } else {
      const s = result.summary;
      console.info(
        `${values["dry-run"] ? "Dry run (nothing written)" : "Imported"}: ${s.created} new, ${s.updated} updated, ${s.transferred} transferred, ` +
          `${s.unchanged} unchanged, ${s.missing} missing from this list, ${s.needsReview} need review, ${s.skipped} skipped, ${s.errors.length} rows with errors.`,
      );
      if (result.noChanges) console.info("Nothing changed: the registry already matches this file.");
      for (const v of result.plan.unknownValues) {
        console.info(
          `  unknown ${v.field} "${v.text}" on ${v.rows} rows (first on line ${v.firstLine}): map it in the web app, /imports/mappings, or in a preview`,
        );
      }
      if (s.needsReview > 0)
        console.info(`Rows that need a person's decision wait in the web app: /imports/${result.runId}`);
      for (const e of s.errors) console.info(`  line ${e.line}, ${e.field}: ${e.message}`);
    }
  } catch (error) {
    if (error instanceof ImportFileError) return fail(translate("en", error.messageKey, error.params), 1);
    if (error instanceof UnknownSourceError) {
      const known = (await prisma.source.findMany({ select: { slug: true } })).map((s) => s.slug);
      return fail(
        `Unknown source "${error.slug}". Known sources: ${known.join(", ") || "none"}. Create one with: npm run admin -- source:create`,
        2,
      );
    }
    throw error;
  }
}

main()
  .then(() => disconnectDatabase())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectDatabase().catch(() => {});
    process.exit(1);
  });
