import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const ROUTES = path.resolve("app/routes");
const MAX_LINES = 300;

// STYLE.md: a route module stays under 300 lines; a heavy action or a long view goes
// to a sibling .server.ts or a component of its own.
test(`no route module is over ${MAX_LINES} lines`, () => {
  const tooLong = fs
    .readdirSync(ROUTES)
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => ({ name, lines: fs.readFileSync(path.join(ROUTES, name), "utf8").split("\n").length }))
    .filter((file) => file.lines > MAX_LINES)
    .map((file) => `${file.name}: ${file.lines} lines`);
  expect(tooLong).toEqual([]);
});
