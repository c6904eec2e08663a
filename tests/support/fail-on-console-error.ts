import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error is a defect: it fails the test that caused it.
// A test that expects one spies on console.error itself and restores it.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    const printed = errors.map((args) => args.map(String).join(" ")).join("\n");
    errors = [];
    throw new Error(`console.error was called:\n${printed}`);
  }
});
