// A separate process that imports a file into DATABASE_URL (PostgreSQL) from the
// command line's point of view, for the test that kills an import while it is applied.
import fs from "node:fs";
import { connectDatabase, disconnectDatabase } from "#app/utils/db.server.ts";
import { importFile } from "#app/imports/runs.server.ts";

await connectDatabase({ kind: "postgres", url: process.env.DATABASE_URL! });
await importFile({
  sourceSlug: process.env.IMPORT_SOURCE!,
  bytes: new Uint8Array(fs.readFileSync(process.env.IMPORT_FILE!)),
  fileName: "list.csv",
  contentType: "text/csv",
  dryRun: false,
  actor: { channel: "cli" },
});
process.stdout.write("applied\n");
await disconnectDatabase();
