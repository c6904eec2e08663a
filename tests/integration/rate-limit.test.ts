import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { hitGrowingLimit, hitRateLimit, pruneRateLimits } from "#app/utils/rate-limit.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

describeEachDatabase("rate limits", () => {
  test("exactly `limit` of 20 concurrent hits are allowed", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit("signin:address:a@example.org", 5, 3600)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    for (const r of results) {
      expect(r.retryAfterSeconds).toBeGreaterThan(3590);
      expect(r.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
    const [row] = await prisma.rateLimit.findMany();
    expect(row.count).toBe(20);
  });

  test("a new window starts once the window has passed", async () => {
    for (let i = 0; i < 3; i++) expect((await hitRateLimit("k", 3, 60)).allowed).toBe(true);
    const refused = await hitRateLimit("k", 3, 60);
    expect(refused.allowed).toBe(false);
    advanceClock(45_000);
    const stillRefused = await hitRateLimit("k", 3, 60);
    expect(stillRefused).toEqual({ allowed: false, retryAfterSeconds: 15 });
    advanceClock(15_000);
    expect(await hitRateLimit("k", 3, 60)).toEqual({ allowed: true, retryAfterSeconds: 60 });
    expect((await hitRateLimit("k", 3, 60)).allowed).toBe(true);
    expect((await hitRateLimit("k", 3, 60)).allowed).toBe(true);
    expect((await hitRateLimit("k", 3, 60)).allowed).toBe(false);
  });

  test("keys are counted separately and stored hashed", async () => {
    for (let i = 0; i < 2; i++) await hitRateLimit("signin:address:a@example.org", 1, 60);
    expect((await hitRateLimit("signin:address:b@example.org", 1, 60)).allowed).toBe(true);
    const keys = (await prisma.rateLimit.findMany()).map((r) => r.key);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(key).not.toContain("example.org");
    }
  });

  test("a growing limit lets exactly `free` of 20 concurrent hits through", async () => {
    const policy = { free: 5, firstWaitSeconds: 60, maxWaitSeconds: 900, resetSeconds: 3600 };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitGrowingLimit("signin:address:a@example.org", policy)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.filter((r) => !r.allowed).map((r) => r.retryAfterSeconds);
    expect(new Set(refused)).toEqual(new Set([60]));
    const [row] = await prisma.rateLimit.findMany();
    expect(row.count).toBe(5);
  });

  test("pruneRateLimits removes old windows only", async () => {
    await hitRateLimit("old", 5, 60);
    advanceClock(2 * 86_400_000);
    await hitRateLimit("new", 5, 60);
    expect(await pruneRateLimits()).toBe(1);
    expect(await prisma.rateLimit.count()).toBe(1);
  });
});
