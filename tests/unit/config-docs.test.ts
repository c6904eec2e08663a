import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ENVIRONMENT, TOOL_VARIABLES } from "#app/utils/config.server.ts";
import { DOC, withCurrentTables } from "../../scripts/config-docs.ts";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(relative);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every environment variable a file reads by name. */
function variablesRead(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return [
    ...text.matchAll(
      /process\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\])|stubEnv\(\s*["']([A-Z][A-Z0-9_]*)["']/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe("docs/configuration.md", () => {
  test("its tables are the ones generated from the schema (run `npm run docs:config` after changing it)", () => {
    const document = fs.readFileSync(DOC, "utf8");
    expect(document).toBe(withCurrentTables(document));
  });

  test("documents every variable of the schema and of the tools, and no other", () => {
    const document = fs.readFileSync(DOC, "utf8");
    const documented = [...document.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual([...Object.keys(ENVIRONMENT), ...TOOL_VARIABLES.map((v) => v.name)].sort());
  });
});

describe("nothing but the configuration module reads the environment", () => {
  test("app/ and server.js", () => {
    const readers = [...sourceFiles("app"), "server.js"].filter((file) =>
      /process\.env/.test(fs.readFileSync(path.join(root, file), "utf8")),
    );
    expect(readers).toEqual(["app/utils/config.server.ts"]);
  });

  test("every variable scripts and tests read is documented", () => {
    const known = new Set([...Object.keys(ENVIRONMENT), ...TOOL_VARIABLES.map((v) => v.name)]);
    const unknown = [...sourceFiles("scripts"), ...sourceFiles("tests")].flatMap((file) =>
      variablesRead(file)
        .filter((name) => !known.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  test("every variable in the schema is read through it (no stale entry)", () => {
    const source = fs.readFileSync(path.join(root, "app/utils/config.server.ts"), "utf8");
    const stale = Object.keys(ENVIRONMENT).filter((name) => !new RegExp(`setting\\("${name}"\\)`).test(source));
    expect(stale).toEqual([]);
  });
});
