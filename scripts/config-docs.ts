// Writes the tables of docs/configuration.md from the configuration schema
// (app/utils/config.server.ts), between the two marker comments. `npm run docs:config`;
// tests/unit/config-docs.test.ts fails when the file is not current.
import fs from "node:fs";
import path from "node:path";
import { configurationTables } from "#app/utils/config.server.ts";

export const DOC = path.resolve(import.meta.dirname, "../docs/configuration.md");
export const BEGIN =
  "<!-- generated from app/utils/config.server.ts by `npm run docs:config`: edit the schema, not this table -->";
export const END = "<!-- end of the generated tables -->";

/** The document with its generated part replaced by the current tables. */
export function withCurrentTables(document: string): string {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${DOC} must hold the two markers:\n${BEGIN}\n${END}`);
  return `${document.slice(0, start + BEGIN.length)}\n\n${configurationTables()}\n\n${document.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const before = fs.readFileSync(DOC, "utf8");
  const after = withCurrentTables(before);
  if (after === before) {
    console.info("docs/configuration.md is current.");
  } else {
    fs.writeFileSync(DOC, after);
    console.info("docs/configuration.md updated.");
  }
}
