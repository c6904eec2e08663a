import { prisma } from "./db.server";
import { now } from "./clock.server";
import { keyedHash } from "./crypto.server";

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in the database, so every app instance shares one count.
 * One atomic upsert per hit: concurrent requests cannot both slip under the limit.
 * Keys are an HMAC under the server secret, so the table holds no e-mail addresses
 * or IPs, and a copy of the database cannot be tested against guessed addresses.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const at = now();
  const windowStartCutoff = new Date(at.getTime() - windowSeconds * 1000);
  const rows = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${rateLimitKey(key)}, ${at}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartCutoff} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartCutoff} THEN ${at} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const { count, windowStart } = rows[0];
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((new Date(windowStart).getTime() + windowSeconds * 1000 - at.getTime()) / 1000),
  );
  return { allowed: Number(count) <= limit, retryAfterSeconds };
}

export interface GrowingLimitPolicy {
  /** Hits allowed one after another without waiting. */
  free: number;
  /** The wait before the first hit after the free ones; each further hit doubles it. */
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  /** A quiet spell this long starts over with the free hits. */
  resetSeconds: number;
}

function waitAfter(count: number, policy: GrowingLimitPolicy): number {
  if (count < policy.free) return 0;
  return Math.min(policy.firstWaitSeconds * 2 ** (count - policy.free), policy.maxWaitSeconds);
}

/**
 * A limit that grows gently instead of closing for a fixed window: after `free`
 * hits each further one needs a wait since the previous allowed hit, doubling up to
 * `maxWaitSeconds`. Someone hammering a key slows it down, but never shuts it for
 * longer than the longest wait. Refused hits do not count. One atomic statement.
 */
export async function hitGrowingLimit(key: string, policy: GrowingLimitPolicy): Promise<RateLimitResult> {
  const at = now();
  const hashed = rateLimitKey(key);
  const resetCutoff = new Date(at.getTime() - policy.resetSeconds * 1000);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${hashed}, ${at}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${resetCutoff} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = ${at}
    WHERE "RateLimit"."windowStart" <= ${resetCutoff}
       OR "RateLimit"."count" < ${policy.free}
       OR "RateLimit"."windowStart" + make_interval(secs => LEAST(${policy.firstWaitSeconds}::float8 * POWER(2::float8, "RateLimit"."count" - ${policy.free}), ${policy.maxWaitSeconds}::float8)) <= ${at}
    RETURNING "count"`;
  if (rows.length > 0) return { allowed: true, retryAfterSeconds: 0 };
  const row = await prisma.rateLimit.findUnique({ where: { key: hashed } });
  if (!row) return { allowed: false, retryAfterSeconds: 1 };
  const readyAt = row.windowStart.getTime() + waitAfter(row.count, policy) * 1000;
  // From the moment of answering: a concurrent hit allowed after this one arrived has moved the window on.
  const answeredAt = Math.max(at.getTime(), now().getTime());
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((readyAt - answeredAt) / 1000)) };
}

export function rateLimitKey(key: string): string {
  return keyedHash(`rate-limit:${key}`);
}

/** Old windows are useless; the hourly housekeeping task (app/background-tasks.server.ts) deletes them. */
export async function pruneRateLimits(olderThanSeconds = 86_400): Promise<number> {
  const cutoff = new Date(now().getTime() - olderThanSeconds * 1000);
  const { count } = await prisma.rateLimit.deleteMany({ where: { windowStart: { lt: cutoff } } });
  return count;
}
