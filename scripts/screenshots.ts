/**
 * Refreshes docs/screenshots/: the main pages at 1280×800 and 390×844, taken by the
 * look-and-feel browser test against a freshly built app with demo data.
 * Run after `npm run build`: `npx tsx scripts/screenshots.ts`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const result = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--project",
    "e2e",
    "tests/e2e/look-and-feel.test.ts",
    "-t",
    "axe finds no violations",
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, UPDATE_SCREENSHOTS: "1" } },
);
process.exit(result.status ?? 1);
