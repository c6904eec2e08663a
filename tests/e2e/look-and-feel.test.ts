import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { newWatchedContext, type Page } from "#tests/support/browser.ts";
import { DEMO_ADMIN, DEMO_VOLUNTEER, demoAppSuite, signInDemoCoordinator } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

const AXE = path.resolve("node_modules/axe-core/axe.min.js");
const SCREENSHOTS = path.resolve("docs/screenshots");
/** `npm run screenshots` (scripts/screenshots.ts) sets this to refresh docs/screenshots. */
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === "1";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = fs.readFileSync(AXE, "utf8");

/**
 * Every axe-core violation on the page, whatever its impact. axe is injected from
 * node_modules through the debugging protocol (the app's CSP rightly refuses an inline script tag).
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  })) as AxeViolation[];
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Opens a page, waits for hydration, and checks it with axe. */
async function visit(page: Page, url: string, label: string, found: string[]) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  for (const violation of await axeViolations(page)) found.push(`${label}: ${violation}`);
}

async function switchLanguage(page: Page, locale: string) {
  // The switch applies on change (with JavaScript), without pressing its button: once the page is hydrated.
  await page.waitForLoadState("networkidle");
  await page.locator("#language-select").selectOption(locale);
  await expect.poll(() => page.locator("html").getAttribute("lang"), { timeout: 30_000 }).toBe(locale);
  await page.waitForLoadState("networkidle");
}

async function screenshot(page: Page, name: string) {
  if (!updateScreenshots) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [viewport, size] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${viewport}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("every main page, in English, Russian and Belarusian", () => {
  test("axe finds no violations, and server and browser render the same text (no hydration mismatch)", async () => {
    const found: string[] = [];
    const { context, problems } = await newWatchedContext(demo.browser, { locale: "be-BY" });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const url = (p: string) => `${demo.app.url}${p}`;

    // Signed out: the landing page, sign-in and the privacy notice.
    for (const locale of ["en", "ru", "be"]) {
      await page.goto(url("/"));
      await switchLanguage(page, locale);
      await visit(page, url("/"), `${locale} /`, found);
      if (locale === "en") await screenshot(page, "landing");
      await visit(page, url("/login"), `${locale} /login`, found);
      await visit(page, url("/privacy"), `${locale} /privacy`, found);
    }
    await page.goto(url("/"));
    await switchLanguage(page, "en");

    // A volunteer.
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, DEMO_VOLUNTEER));
    await page.waitForURL(/\/home$/);
    await page.goto(url("/prisoners"));
    const prisonerPath = new URL(
      await page
        .locator("table a[href^='/prisoners/']")
        .first()
        .evaluate((a) => (a as HTMLAnchorElement).href),
    ).pathname;
    for (const locale of ["en", "ru", "be"]) {
      await page.goto(url("/home"));
      await switchLanguage(page, locale);
      for (const p of ["/home", "/write", "/letters", "/prisoners", prisonerPath, "/parcels", "/settings"]) {
        await visit(page, url(p), `${locale} volunteer ${p}`, found);
        if (locale === "en" && ["/home", "/write", "/prisoners", prisonerPath].includes(p)) {
          await screenshot(page, p === prisonerPath ? "prisoner" : p.slice(1));
        }
      }
    }
    // Dates in Belarusian come from the app's own data, not the browser's: a Belarusian month name.
    await page.goto(url("/settings"));
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("be");
    expect(await page.locator("main").textContent()).toMatch(
      /(студзеня|лютага|сакавіка|красавіка|мая|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня|сту|лют|сак|кра|чэр|ліп|жні|вер|кас|ліс|сне) \d{4} г\./,
    );
    await page.goto(url("/home"));
    await switchLanguage(page, "en");
    await context.clearCookies();
    // Signed out again in a Belarusian browser: back to English for the sign-in helpers.
    await page.goto(url("/"));
    await switchLanguage(page, "en");

    // A coordinator.
    await signInDemoCoordinator(page, demo.app.url, demo.mail);
    for (const locale of ["en", "ru", "be"]) {
      await page.goto(url("/coordinator/volunteers"));
      await switchLanguage(page, locale);
      for (const p of [
        "/coordinator/volunteers",
        "/coordinator/items",
        "/coordinator/dashboard",
        "/coordinator/routes",
        "/imports",
        `${prisonerPath}/edit`,
      ]) {
        await visit(page, url(p), `${locale} coordinator ${p}`, found);
        if (locale === "en" && ["/coordinator/volunteers", "/coordinator/items"].includes(p))
          await screenshot(page, p.split("/").pop()!);
      }
    }
    await page.goto(url("/home"));
    await switchLanguage(page, "en");

    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
    // About sixty pages, each checked by axe: minutes on a shared machine.
  }, 900_000);

  test("axe finds no violations on every other page either: public, volunteer, coordinator and admin", async () => {
    const found: string[] = [];
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const url = (p: string) => `${demo.app.url}${p}`;
    /** The path of the first link on a page that matches, e.g. the first need on the needs board. */
    const firstLink = async (listPath: string, selector: string) => {
      await page.goto(url(listPath));
      return new URL(
        await page
          .locator(selector)
          .first()
          .evaluate((a) => (a as HTMLAnchorElement).href),
      ).pathname;
    };
    // The language is set as the switch's form sets it (its own browser test is above), so
    // that this long walk through every page does not hang on the switch's timing.
    const setLanguage = async (locale: string) => {
      const response = await page.request.post(url("/language"), {
        form: { locale, redirectTo: "/" },
        headers: { Origin: demo.app.url },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
    };
    const checkAll = async (who: string, paths: string[]) => {
      for (const locale of ["en", "ru", "be"]) {
        await setLanguage(locale);
        for (const p of paths) {
          await visit(page, url(p), `${locale} ${who} ${p}`, found);
          expect(await page.locator("html").getAttribute("lang"), `${locale} ${p}`).toBe(locale);
        }
      }
      await setLanguage("en");
    };

    // Signed out: the public pages.
    await checkAll("public", ["/needs/public", "/c/new-year-postcards", "/c/new-year-postcards/embed"]);

    // A volunteer: needs, a campaign, a draft letter and a parcel.
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, DEMO_VOLUNTEER));
    await page.waitForURL(/\/home$/);
    const needPath = await firstLink("/needs", "main a[href^='/needs/']:not([href='/needs/public'])");
    await page.goto(url("/write"));
    await page.getByTestId("candidates").locator("li").first().getByRole("link").first().click();
    await page.waitForURL(/\/prisoners\/[^/?]+$/);
    await page.getByRole("button", { name: "Write a letter" }).click();
    await page.waitForURL(/\/letters\/[^/?]+$/);
    const letterPath = new URL(page.url()).pathname;
    await checkAll("volunteer", ["/needs", needPath, "/campaigns/new-year-postcards", letterPath]);
    await context.clearCookies();
    await page.goto(url("/"));

    // The admin (who also coordinates): every coordinator and admin page not checked above.
    await signInDemoCoordinator(page, demo.app.url, demo.mail, { account: DEMO_ADMIN });
    const coordinatorNeed = await firstLink(
      "/coordinator/needs",
      "main a[href^='/coordinator/needs/']:not([href$='/new'])",
    );
    const campaign = await firstLink(
      "/coordinator/campaigns",
      "main a[href^='/coordinator/campaigns/']:not([href$='/new'])",
    );
    const route = await firstLink("/coordinator/routes", "main a[href^='/coordinator/routes/']:not([href$='/new'])");
    const facility = await firstLink("/facilities", "main a[href^='/facilities/']");
    const prisonerId = (await firstLink("/prisoners", "table a[href^='/prisoners/']")).split("/").pop();
    await checkAll("admin", [
      "/coordinator/needs",
      "/coordinator/needs/new",
      coordinatorNeed,
      `/coordinator/families/new?prisoner=${prisonerId}`,
      `/coordinator/needs/new?prisoner=${prisonerId}`,
      "/coordinator/campaigns",
      "/coordinator/campaigns/new",
      campaign,
      "/coordinator/outbox",
      "/coordinator/parcels",
      "/coordinator/parcel-rules",
      "/coordinator/settings",
      "/coordinator/writing-help",
      "/coordinator/routes/new",
      route,
      "/facilities",
      facility,
      "/imports/upload",
      "/imports/mappings",
      "/admin/audit",
      "/admin/tokens",
    ]);

    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 900_000);

  test("on a phone the menu folds behind a button that works without JavaScript", async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${demo.app.url}/`);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect.poll(() => nav.isVisible()).toBe(false);
    await page.getByText("Menu", { exact: true }).click();
    await expect.poll(() => nav.isVisible()).toBe(true);
    // The footer names who runs the site and links the privacy notice.
    await page.getByRole("link", { name: "Privacy notice" }).click();
    await page.waitForURL(/\/privacy$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Privacy notice");
    // Without JavaScript the language switch works through its button.
    await page.getByText("Menu", { exact: true }).click();
    await page.locator("#language-select").selectOption("ru");
    await page.getByRole("button", { name: "Change" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("ru");
    await context.close();
  });
});
