import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { expect } from "vitest";

/** Debian's chromium by default; CHROMIUM_PATH for other systems. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Playwright gives every launch a fresh, empty profile directory of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A browser context whose pages fail the test on any console error or page error
 * (a CSP violation shows up as one).
 */
export async function newWatchedContext(
  browser: Browser,
  options: { locale?: string; viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext({
    locale: options.locale ?? "en-GB",
    viewport: options.viewport,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const problems: string[] = [];
  context.on("page", (page) => watchPage(page, problems));
  return { context, problems };
}

function watchPage(page: Page, problems: string[]) {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
}

/** Fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const described = severe.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(described, `accessibility of ${label}`).toEqual([]);
}

export type { Browser, BrowserContext, Page };
