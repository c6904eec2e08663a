import { defineConfig } from "vitest/config";

// Three suites: unit (no I/O), integration (real databases: PGlite always,
// PostgreSQL when TEST_DATABASE_URL is set) and e2e (the built app in Chromium).
export default defineConfig({
  test: {
    // PGlite start-up is CPU-heavy, and the machine has two cores.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/test-env.ts", "tests/support/fail-on-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One app server and one browser at a time.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
