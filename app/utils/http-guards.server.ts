// Checks the HTTP server (server.js) runs on every request before Remix sees it:
// which requests come from another site, and how large a body each route accepts.
// Plain functions, so unit tests can call them without a server.

import { EMBED_ORIGIN_PATTERN } from "./embed-origin.ts";

const KB = 1024;
const MB = 1024 * KB;

/** Sign-in and other public forms: an address, a code, a pseudonym. */
export const ANONYMOUS_FORM_LIMIT = 16 * KB;
/** Any other form of a signed-in person (a long letter is well under 100 KB). */
export const FORM_LIMIT = 1 * MB;
/** Imports (docs/imports.md: 20 MB files) with room for the multipart envelope. */
export const IMPORT_UPLOAD_LIMIT = 21 * MB;
/** Reply scans (docs/routes-and-tracking.md: 5 MB) with room for the rest of the form. */
export const REPLY_UPLOAD_LIMIT = 6 * MB;

const ANONYMOUS_PATHS = new Set(["/login", "/login/verify", "/signup", "/language", "/logout", "/2fa"]);

/** The largest request body a route accepts, decided from the path before anything is parsed. */
export function bodyLimitFor(pathname: string): number {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/imports/upload" || path === "/api/v1/imports") return IMPORT_UPLOAD_LIMIT;
  if (path.startsWith("/coordinator/items/")) return REPLY_UPLOAD_LIMIT;
  if (ANONYMOUS_PATHS.has(path) || path === "/") return ANONYMOUS_FORM_LIMIT;
  return FORM_LIMIT;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a state-changing request is refused as coming from another site, or null.
 * Browsers say where a request comes from in Sec-Fetch-Site (and Origin): only our
 * own origin may post. "same-site" is refused too: another port or subdomain of the
 * same host is another application. Requests without either header do not come from
 * a browser page (scripts, the API with its bearer token) and carry no cookies of a
 * victim's session by accident, so they pass.
 */
export function crossSiteRefusal(request: {
  method: string;
  secFetchSite: string | undefined;
  origin: string | undefined;
  /** scheme://host[:port] the request was sent to, as the server sees it */
  requestOrigin: string;
  /** APP_URL's origin */
  appOrigin: string;
}): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.secFetchSite?.toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site: ${site}`;
  if (request.origin !== undefined) {
    if (request.origin !== request.appOrigin && request.origin !== request.requestOrigin)
      return `Origin: ${request.origin.slice(0, 100)}`;
  }
  return null;
}

/** /c/<slug>/embed: the only page other sites may put in a frame (docs/public-pages.md, "Embedding"). */
export function isEmbedPath(pathname: string): boolean {
  return /^\/c\/[a-z0-9-]{1,60}\/embed\/?$/.test(pathname);
}

export interface FrameHeaders {
  /** The CSP frame-ancestors directive's value. */
  frameAncestors: string;
  /** X-Frame-Options, or null when the page may be framed by the allowed sites. */
  xFrameOptions: string | null;
}

/**
 * Who may frame a response: nobody, except the embed, which the admins' list of
 * origins may frame (still nobody while the list is empty). Entries are checked
 * again here, so a stored value can never add another directive to the header.
 */
export function frameHeaders(pathname: string, embedAncestors: readonly string[]): FrameHeaders {
  if (!isEmbedPath(pathname)) return { frameAncestors: "'none'", xFrameOptions: "DENY" };
  const allowed = embedAncestors.map((o) => o.trim().toLowerCase()).filter((o) => EMBED_ORIGIN_PATTERN.test(o));
  if (allowed.length === 0) return { frameAncestors: "'none'", xFrameOptions: "DENY" };
  return { frameAncestors: allowed.join(" "), xFrameOptions: null };
}
