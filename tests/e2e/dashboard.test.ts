import { describe, expect, test } from "vitest";
import { expectAccessible, newWatchedContext, type Page } from "#tests/support/browser.ts";
import { DEMO_VOLUNTEER, demoAppSuite, signInDemoCoordinator } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

async function columnSum(page: Page, testId: string, column: number): Promise<number> {
  const cells = await page.getByTestId(testId).locator(`tbody tr td:nth-of-type(${column})`).allTextContents();
  return cells.reduce((sum, text) => sum + Number(text), 0);
}

describe("the coordinators' dashboard", () => {
  test("panels, the weekly chart with its table, filters in the URL, the CSV, and no accessibility problems", async () => {
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await signInDemoCoordinator(page, demo.app.url, demo.mail);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL(/\/coordinator\/dashboard$/);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Dashboard" }).count()).toBe(1);
    for (const heading of [
      "Sent and delivered per week",
      "Items by route and status",
      "Returns and censorship by facility",
      "Who has had no letter for 60 days",
    ]) {
      expect(await page.getByRole("heading", { level: 2, name: heading }).count(), heading).toBe(1);
    }

    // The chart is one image with a name and a description; its numbers are in the table.
    const chart = page.getByRole("img", { name: "Sent and delivered per week" });
    expect(await chart.count()).toBe(1);
    expect(await chart.locator("desc").textContent()).toMatch(/items sent and \d+ delivered/);
    expect(await page.getByTestId("dashboard-weeks").locator("tbody tr").count()).toBe(12);
    const summary = page.getByTestId("dashboard-summary");
    const sent = Number(
      await summary
        .locator("div", { has: page.locator('dt:text-is("Sent in the period")') })
        .locator("dd")
        .first()
        .textContent(),
    );
    expect(await columnSum(page, "dashboard-weeks", 1)).toBe(sent);
    expect(await page.locator("svg.chart-svg rect.chart-bar-sent").count()).toBe(12);

    // Demo data: most prisoners have had no letter yet; the longest-waiting list links to them.
    const uncovered = Number(await page.getByTestId("dashboard-coverage").locator("dd").first().textContent());
    expect(uncovered).toBeGreaterThan(0);
    expect(
      await page.getByTestId("dashboard-longest-waiting").locator("tbody a[href^='/prisoners/']").count(),
    ).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "See the stuck items" }).getAttribute("href")).toBe(
      "/coordinator/items?stuck=1",
    );
    await expectAccessible(page, "dashboard");

    // Filters travel in the URL (a GET form), and so does the CSV link.
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Russia" });
    await page.getByLabel("From", { exact: true }).fill("2025-01-06");
    await page.getByLabel("To", { exact: true }).fill("2025-03-30");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/country=RU/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ country: "RU", from: "2025-01-06", to: "2025-03-30" });
    expect(await page.getByTestId("dashboard-weeks").locator("tbody tr").count()).toBe(12);
    expect(await page.getByLabel("Country", { exact: true }).inputValue()).toBe("RU");
    expect(await page.getByRole("link", { name: "See the stuck items" }).getAttribute("href")).toBe(
      "/coordinator/items?stuck=1&country=RU",
    );

    const csvHref = await page.getByRole("link", { name: "Download CSV (all panels)" }).getAttribute("href");
    expect(csvHref).toBe("/coordinator/dashboard-export?country=RU&from=2025-01-06&to=2025-03-30");
    const csv = await page.request.get(`${demo.app.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toBe('attachment; filename="dashboard-2025-01-06-2025-03-30.csv"');
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("panel,route,status,facility,period,metric,value");
    expect(lines).toContain("filter,,,,,country,RU");
    expect(lines).toContain("per_week,,,,2025-01-06,sent,0");
    await expectAccessible(page, "dashboard with filters");

    expect(problems).toEqual([]);
    await context.close();
  });

  test("volunteers cannot open it", async () => {
    const { context } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, DEMO_VOLUNTEER));
    await page.waitForURL(/\/home$/);
    expect(await page.getByRole("link", { name: "Dashboard" }).count()).toBe(0);
    const response = await page.request.get(`${demo.app.url}/coordinator/dashboard-export`);
    expect(response.status()).toBe(403);
    await context.close();
  });
});
