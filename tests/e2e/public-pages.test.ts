import { describe, expect, test } from "vitest";
import { expectAccessible, newWatchedContext, type Page } from "#tests/support/browser.ts";
import { demoAppSuite } from "#tests/support/demo-app.ts";

const demo = demoAppSuite();

const SLUG = "new-year-postcards";
/** What must never reach a public page: demo accounts (addresses and pseudonyms) and the demo family. */
const NEVER = [
  "@demo.solidarity.test",
  "Admin Ales",
  "Coordinator Kasia",
  "Лясная птушка",
  "New Friend",
  "Mother and two children",
  "Ганна",
  "+375 29",
];
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

async function expectNothingPrivate(page: Page, label: string) {
  const html = await page.content();
  for (const secret of NEVER) expect(html.includes(secret), `${label} shows "${secret}"`).toBe(false);
  expect(html.match(EMAIL)?.[0] ?? null, label).toBeNull();
}

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("public pages", () => {
  test("without cookies, at 390 px: the landing page leads to the campaign page with its progress, card, feed and JSON; nothing private", async () => {
    const { context, problems } = await newWatchedContext(demo.browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${demo.app.url}/`);
    const publicLinks = page.getByTestId("landing-public");
    await publicLinks.getByRole("link", { name: "New Year postcards" }).click();
    await page.waitForURL(new RegExp(`/c/${SLUG}$`));
    await expect.poll(async () => page.getByRole("heading", { level: 1 }).textContent()).toBe("New Year postcards");
    const progress = (await page.getByTestId("public-progress").textContent()) ?? "";
    expect(progress).toMatch(/^\d+ of \d+ sent$/);
    expect(await page.getByTestId("reported-amount").textContent()).toMatch(
      /reported by bysol\.org on \d{4}-\d{2}-\d{2}/,
    );
    expect(await page.getByRole("link", { name: "Join as a volunteer" }).getAttribute("href")).toBe("/signup");
    await expectNothingPrivate(page, "campaign page");
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, "public campaign page");

    // Open Graph and Twitter card meta point at the card, which is a 1200×630 PNG.
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toBe(`${demo.app.url}/c/${SLUG}/card.png`);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("New Year postcards");
    const card = await page.request.get(image!);
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await card.body())).toEqual([1200, 630]);

    // The same page again with its ETag: 304, no body. The campaign page refuses frames.
    const first = await page.request.get(`${demo.app.url}/c/${SLUG}`);
    const etag = first.headers()["etag"];
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers()["x-frame-options"]).toBe("DENY");
    expect(first.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const again = await page.request.get(`${demo.app.url}/c/${SLUG}`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);

    // The Atom feed and the public JSON list it.
    const feed = await page.request.get(`${demo.app.url}/campaigns.atom`);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const atom = await feed.text();
    expect(atom).toContain(`<id>${demo.app.url}/c/${SLUG}</id>`);
    expect(atom).toContain("<title>New Year postcards</title>");
    const list = await page.request.get(`${demo.app.url}/api/v1/public/campaigns`, {
      headers: { "Accept-Language": "ru" },
    });
    const json = await list.json();
    const listed = json.campaigns.find((c: { slug: string }) => c.slug === SLUG);
    expect(listed).toMatchObject({ title: "Новогодние открытки", url: `${demo.app.url}/c/${SLUG}` });
    for (const body of [atom, JSON.stringify(json)]) for (const secret of NEVER) expect(body).not.toContain(secret);

    // The embed refuses frames too until admins list a site.
    const embed = await page.request.get(`${demo.app.url}/c/${SLUG}/embed`);
    expect(embed.status()).toBe(200);
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("with JavaScript off, at 390 px: the campaign page and the shared needs show counts and no private data", async () => {
    const { context, problems } = await newWatchedContext(demo.browser, {
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
      locale: "be-BY",
    });
    const page = await context.newPage();
    await page.goto(`${demo.app.url}/c/${SLUG}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Навагоднія паштоўкі");
    expect(await page.getByTestId("public-progress").textContent()).toMatch(/^Адпраўлена \d+ з \d+$/);
    await expectNothingPrivate(page, "campaign page without JavaScript");

    await page.goto(`${demo.app.url}/`);
    await page.getByRole("link", { name: "Чым можна дапамагчы" }).click();
    await page.waitForURL(/\/needs\/public$/);
    const needs = page.getByTestId("public-needs");
    expect(await needs.locator("li").count()).toBeGreaterThan(0);
    // The fund's figure says where it comes from.
    expect(await needs.getByTestId("reported-amount").first().textContent()).toContain("bysol.org");
    await expectNothingPrivate(page, "shared needs");
    expect(problems).toEqual([]);
    await context.close();
  });
});
