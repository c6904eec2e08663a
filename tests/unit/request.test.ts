import { describe, expect, test } from "vitest";
import { clientIp, deviceLabel, safeRedirect } from "#app/utils/request.server.ts";
import { TRICKY_REDIRECTS } from "#tests/support/redirects.ts";

/** Where a browser would go if the value were sent as a Location header from our site. */
function browserTarget(location: string): string {
  return new URL(location, "https://solidarity.example/login").origin;
}

describe("safeRedirect", () => {
  test.each(["//evil.com", "https://evil.com", "/\\evil.com", "evil.com", "javascript:alert(1)", "\\\\evil.com"])(
    "refuses %j",
    (to) => {
      expect(safeRedirect(to)).toBe("/home");
      expect(safeRedirect(to, "/")).toBe("/");
    },
  );

  test("keeps same-site paths with their query and hash", () => {
    expect(safeRedirect("/prisoners?q=Ales&page=2#top")).toBe("/prisoners?q=Ales&page=2#top");
    expect(safeRedirect("/")).toBe("/");
  });

  test("missing or non-string values give the fallback", () => {
    expect(safeRedirect(null)).toBe("/home");
    expect(safeRedirect(undefined)).toBe("/home");
    expect(safeRedirect("")).toBe("/home");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/home");
  });

  // Browsers remove tabs and line breaks from URLs before parsing them, so
  // "/\t/evil.com" becomes "//evil.com": another site. Whatever safeRedirect
  // returns must stay on our origin once a browser has parsed it.
  test("never leaves the site once a browser has parsed the result", () => {
    const attempts = ["/\t/evil.com", "/\t\\evil.com", "/\n/evil.com", "/\r/evil.com", "/ /evil.com"];
    const escaping = attempts.filter((to) => browserTarget(safeRedirect(to)) !== "https://solidarity.example");
    expect(escaping, "values a browser would resolve to another site").toEqual([]);
  });
});

describe("safeRedirect: tricky inputs never leave the site", () => {
  test.each(TRICKY_REDIRECTS)("%j", (to) => {
    const result = safeRedirect(to);
    expect(browserTarget(result)).toBe("https://solidarity.example");
    expect(result).toMatch(/^\/(?![/\\])/);
  });

  test("the reported case: /.//evil.example/phish is refused, not normalised to //evil.example/phish", () => {
    expect(safeRedirect("/.//evil.example/phish")).toBe("/home");
    expect(safeRedirect("/..//evil.example/phish", "")).toBe("");
  });

  test("encoded slashes stay encoded inside one path segment of our site", () => {
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirect("/letters/./new?x=1")).toBe("/letters/new?x=1");
  });
});

describe("deviceLabel", () => {
  test.each([
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
      "Chrome · Android",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      "Edge · Windows",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari · iOS",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari · macOS",
    ],
    ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox · Linux"],
    ["curl/8.5.0", "Browser"],
  ])("%s → %s", (userAgent, expected) => {
    expect(deviceLabel(userAgent)).toBe(expected);
  });

  test("no user agent → no label", () => {
    expect(deviceLabel(null)).toBeNull();
    expect(deviceLabel("")).toBeNull();
  });
});

describe("clientIp", () => {
  test("reads the address the HTTP server put in the context", () => {
    expect(clientIp({ clientIp: "203.0.113.7", cspNonce: "n" })).toBe("203.0.113.7");
    expect(clientIp(undefined)).toBe("unknown");
    expect(clientIp({})).toBe("unknown");
  });
});
