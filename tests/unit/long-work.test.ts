import { describe, expect, test } from "vitest";
import { beginLongWork, longWorkMakingProgress, PROGRESS_FRESH_MS } from "#app/utils/long-work.server.ts";

describe("long work seen by the liveness check", () => {
  test("work that finished a batch recently counts as progress; stalled or ended work does not", () => {
    expect(longWorkMakingProgress()).toBe(false);
    const work = beginLongWork("import");
    const started = Date.now();
    expect(longWorkMakingProgress(started)).toBe(true);
    // No batch for longer than the freshness window: the check must query the database again.
    expect(longWorkMakingProgress(started + PROGRESS_FRESH_MS + 1)).toBe(false);
    work.progress();
    expect(longWorkMakingProgress(Date.now())).toBe(true);
    work.end();
    expect(longWorkMakingProgress(Date.now())).toBe(false);
  });
});
