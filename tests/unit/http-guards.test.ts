import { describe, expect, test } from "vitest";
import {
  ANONYMOUS_FORM_LIMIT,
  bodyLimitFor,
  crossSiteRefusal,
  FORM_LIMIT,
  IMPORT_UPLOAD_LIMIT,
  REPLY_UPLOAD_LIMIT,
} from "#app/utils/http-guards.server.ts";
import { MAX_IMPORT_BYTES } from "#app/imports/parse.server.ts";
import { MAX_ATTACHMENT_BYTES } from "#app/schemas/tracking.ts";

const APP = "https://letters.example.org";

function verdict(headers: { method?: string; secFetchSite?: string; origin?: string; requestOrigin?: string }) {
  return crossSiteRefusal({
    method: headers.method ?? "POST",
    secFetchSite: headers.secFetchSite,
    origin: headers.origin,
    requestOrigin: headers.requestOrigin ?? APP,
    appOrigin: APP,
  });
}

describe("crossSiteRefusal", () => {
  test("our own pages may post", () => {
    expect(verdict({ secFetchSite: "same-origin", origin: APP })).toBeNull();
    expect(verdict({ origin: APP })).toBeNull();
    // Behind a proxy that keeps the Host header, the request's own origin counts too.
    expect(verdict({ origin: "http://10.0.0.5:3000", requestOrigin: "http://10.0.0.5:3000" })).toBeNull();
  });

  test("another site, another port of the same host and a sandboxed page are refused", () => {
    expect(verdict({ secFetchSite: "cross-site", origin: "https://evil.example" })).toMatch(/cross-site/);
    expect(verdict({ secFetchSite: "same-site", origin: "https://letters.example.org:8443" })).toMatch(/same-site/);
    expect(verdict({ origin: "https://letters.example.org:8443" })).toMatch(/Origin/);
    expect(verdict({ origin: "https://evil.example" })).toMatch(/Origin/);
    expect(verdict({ origin: "null" })).toMatch(/Origin: null/);
  });

  test("reads are never refused; clients without browser headers (scripts, the API) pass", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(verdict({ method, secFetchSite: "cross-site", origin: "https://evil.example" })).toBeNull();
    expect(verdict({})).toBeNull();
    expect(verdict({ method: "DELETE", secFetchSite: "cross-site" })).not.toBeNull();
  });
});

describe("bodyLimitFor", () => {
  test("sign-in and other public forms are small", () => {
    for (const path of ["/login", "/login/verify", "/signup", "/language", "/logout", "/2fa", "/login/"]) {
      expect(bodyLimitFor(path)).toBe(ANONYMOUS_FORM_LIMIT);
    }
    expect(ANONYMOUS_FORM_LIMIT).toBeLessThanOrEqual(16 * 1024);
  });

  test("uploads get their documented limits with room for the form around them, everything else 1 MB", () => {
    expect(bodyLimitFor("/imports/upload")).toBe(IMPORT_UPLOAD_LIMIT);
    expect(bodyLimitFor("/api/v1/imports")).toBe(IMPORT_UPLOAD_LIMIT);
    expect(IMPORT_UPLOAD_LIMIT).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(IMPORT_UPLOAD_LIMIT).toBeLessThan(MAX_IMPORT_BYTES + 2 * 1024 * 1024);
    expect(bodyLimitFor("/coordinator/items/letter/abc")).toBe(REPLY_UPLOAD_LIMIT);
    expect(REPLY_UPLOAD_LIMIT).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
    expect(bodyLimitFor("/letters/new")).toBe(FORM_LIMIT);
    expect(bodyLimitFor("/settings")).toBe(FORM_LIMIT);
  });
});
