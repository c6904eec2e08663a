// `npm test`: every check, in order, stopping at the first failure.
// Typecheck, lint, formatting (Prettier), unit + integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), build, then browser tests against the built app.
import { spawnSync } from "node:child_process";

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["formatting", "npx", ["prettier", "--check", "."]],
  ["unit and integration tests", "npx", ["vitest", "run", "--project", "unit", "--project", "integration"]],
  ["build", "npx", ["remix", "vite:build"]],
  ["browser tests", "npx", ["vitest", "run", "--project", "e2e"]],
];

const started = Date.now();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.info(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.info(`✔ ${name} (${seconds} s)`);
}
console.info(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
