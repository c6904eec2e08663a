import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { hitRateLimit } from "./rate-limit.server.ts";
import { clientIp } from "./request.server.ts";

/**
 * Public responses (docs/public-pages.md): anyone may ask without signing in, so
 * they are rate-limited per client address and cacheable. The ETag is computed from
 * the data the response is made of (and the language), never from the rendered HTML
 * (which carries a per-request CSP nonce), so an unchanged page answers 304.
 */

/** Requests one address may make to public pages per minute. */
export const PUBLIC_RATE_LIMIT = 120;
export const PUBLIC_RATE_WINDOW_SECONDS = 60;
/** Browsers and shared caches may keep a public answer this long before asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/** Throws 429 (with Retry-After) when the client asked for public pages too often. */
export async function limitPublicRequest(context: AppLoadContext | undefined): Promise<void> {
  const verdict = await hitRateLimit(`public:${clientIp(context)}`, PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_SECONDS);
  if (!verdict.allowed) {
    throw new Response("Too many requests. Please wait a minute and try again.", {
      status: 429,
      headers: { "Retry-After": String(verdict.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

/** A strong ETag of the data a response is made of. */
export function etagOf(...parts: unknown[]): string {
  const hash = crypto.createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 27);
  return `"${hash}"`;
}

/** Whether the request's If-None-Match names this ETag (or "*"). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/**
 * Caching headers of a public response. Pages that show the signed-in person's menu
 * (documents, when a cookie came along) are kept private; the answer depends on the
 * language, so caches keep one copy per Accept-Language and cookie.
 */
export function publicCacheHeaders(etag: string, options: { personal?: boolean } = {}): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": options.personal
      ? "private, no-cache"
      : `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${PUBLIC_MAX_AGE_SECONDS}`,
    Vary: "Accept-Language, Cookie",
  };
}

/**
 * A resource route's public answer: 304 without a body when the client holds this
 * ETag, else the body with the caching headers.
 */
export function publicResponse(
  request: Request,
  etag: string,
  body: () => BodyInit,
  headers: Record<string, string>,
): Response {
  const cache = publicCacheHeaders(etag);
  if (notModified(request, etag)) return new Response(null, { status: 304, headers: cache });
  return new Response(body(), { status: 200, headers: { ...headers, ...cache } });
}

/** Whether the request carries a cookie (a signed-in person's page is not shared through caches). */
export function hasCookie(request: Request): boolean {
  return Boolean(request.headers.get("cookie"));
}
