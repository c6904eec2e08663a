import { expect, test } from "vitest";
import { etagOf, notModified, publicCacheHeaders } from "#app/utils/public-http.server.ts";
import { wrapTitle } from "#app/support/share-card.server.ts";
import { frameHeaders, isEmbedPath } from "#app/utils/http-guards.server.ts";

const request = (ifNoneMatch?: string) =>
  new Request("http://localhost/x", { headers: ifNoneMatch ? { "If-None-Match": ifNoneMatch } : {} });

test("ETags follow the data; If-None-Match matches one of a list, weak or strong, or *", () => {
  const a = etagOf("page", "en", { progress: 3 });
  expect(etagOf("page", "en", { progress: 3 })).toBe(a);
  expect(etagOf("page", "ru", { progress: 3 })).not.toBe(a);
  expect(etagOf("page", "en", { progress: 4 })).not.toBe(a);
  expect(notModified(request(), a)).toBe(false);
  expect(notModified(request(a), a)).toBe(true);
  expect(notModified(request(`"other", W/${a}`), a)).toBe(true);
  expect(notModified(request("*"), a)).toBe(true);
  expect(notModified(request('"other"'), a)).toBe(false);
  expect(publicCacheHeaders(a)["Cache-Control"]).toMatch(/^public, max-age=\d+/);
  expect(publicCacheHeaders(a, { personal: true })["Cache-Control"]).toBe("private, no-cache");
});

test("card titles wrap at word boundaries into at most three lines, cut with an ellipsis", () => {
  expect(wrapTitle("Новогодние открытки", 26, 3)).toEqual(["Новогодние открытки"]);
  expect(wrapTitle("Паштоўкі да дня нараджэння ў гэтым месяцы", 26, 3)).toEqual([
    "Паштоўкі да дня нараджэння",
    "ў гэтым месяцы",
  ]);
  const long = wrapTitle("слово ".repeat(40), 26, 3);
  expect(long).toHaveLength(3);
  expect(long[2].endsWith("…")).toBe(true);
  for (const line of long) expect(line.length).toBeLessThanOrEqual(26);
});

test("only /c/<slug>/embed may be framed, and only by well-formed https origins", () => {
  expect(isEmbedPath("/c/new-year/embed")).toBe(true);
  expect(isEmbedPath("/c/new-year/embed/")).toBe(true);
  expect(isEmbedPath("/c/new-year")).toBe(false);
  expect(isEmbedPath("/x/c/new-year/embed")).toBe(false);
  expect(
    frameHeaders("/c/a/embed", ["https://ngo.example", "http://plain.example", "https://x.example 'self'"]),
  ).toEqual({
    frameAncestors: "https://ngo.example",
    xFrameOptions: null,
  });
  expect(frameHeaders("/c/a", ["https://ngo.example"])).toEqual({ frameAncestors: "'none'", xFrameOptions: "DENY" });
});
