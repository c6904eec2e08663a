import { prisma } from "./db.server";
import { now } from "./clock.server";
import { sha256 } from "./crypto.server";

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in the database, so every app instance shares one count.
 * One atomic upsert per hit: concurrent requests cannot both slip under the limit.
 * Keys are hashed so the table holds no e-mail addresses or IPs.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const at = now();
  const windowStartCutoff = new Date(at.getTime() - windowSeconds * 1000);
  const rows = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${sha256(key)}, ${at}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartCutoff} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartCutoff} THEN ${at} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const { count, windowStart } = rows[0];
  const retryAfterSeconds = Math.max(1, Math.ceil((new Date(windowStart).getTime() + windowSeconds * 1000 - at.getTime()) / 1000));
  return { allowed: Number(count) <= limit, retryAfterSeconds };
}

/** Old windows are useless; the outbox worker calls this now and then. */
export async function pruneRateLimits(olderThanSeconds = 86_400): Promise<number> {
  const cutoff = new Date(now().getTime() - olderThanSeconds * 1000);
  const { count } = await prisma.rateLimit.deleteMany({ where: { windowStart: { lt: cutoff } } });
  return count;
}
