import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, startAppExpectingRefusal, type RunningApp } from "#tests/support/app-server.ts";
import { launchBrowser, type Browser } from "#tests/support/browser.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";
import { startMailServer, type TestMailServer } from "#tests/support/smtp.ts";

// Issue 12, item 10: the server runs in an explicit mode. Production (`node server.js`,
// `npm run serve`) has no development mailbox, no demo accounts, refuses `--demo` and
// refuses a database that holds the demo accounts; the demo listens on 127.0.0.1 only.
const DEMO_ADMIN = "admin@demo.solidarity.test";

describe("production mode", () => {
  let mail: TestMailServer;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    mail = await startMailServer();
    app = await startApp({ env: { SMTP_URL: mail.url } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await mail?.close();
  });

  test("says so when it starts", () => {
    expect(app.output()).toContain("Solidarity Mail (production mode) listening on http://127.0.0.1:");
  });

  test("has no development mailbox, not even for a signed-out visitor who guesses its address", async () => {
    const response = await fetch(`${app.url}/dev/mailbox`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/sign-in code/i);
    const home = await (await fetch(`${app.url}/login`)).text();
    expect(home).not.toContain('href="/dev/mailbox"');
  });

  test("tells no other site where a visitor came from: Referrer-Policy same-origin on pages and resources", async () => {
    for (const pathname of ["/login", "/healthz", "/favicon.svg", "/no-such-page"]) {
      const response = await fetch(`${app.url}${pathname}`);
      expect(response.headers.get("referrer-policy"), pathname).toBe("same-origin");
    }
  });

  test("the demo admin cannot sign in: the address is a stranger's, whose code leads to sign-up", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, app.url, mail, DEMO_ADMIN));
    await page.waitForURL(/\/signup/);
    await page.goto(`${app.url}/admin/audit`);
    await page.waitForURL(/\/login/);
    await context.close();
  });
});

describe("production refuses to start", () => {
  test("with --demo, whether NODE_ENV or APP_MODE says production", async () => {
    for (const [env, why] of [
      [{}, "NODE_ENV=production"],
      [{ NODE_ENV: "", APP_MODE: "production" }, "APP_MODE=production"],
    ] as const) {
      const refused = await startAppExpectingRefusal({ MAIL_TRANSPORT: "none", ...env }, undefined, ["--demo"]);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`Solidarity Mail cannot start: --demo is refused in production mode (${why})`);
      expect(refused.output).not.toContain("listening on");
    }
  });

  test("on a database that holds the demo accounts; the demo itself listens on 127.0.0.1 unless HOST says otherwise", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-demo-then-production-"));
    // HOST empty is HOST unset: the demo chooses its own address.
    const demo = await startApp({ dataDir, args: ["--demo"], env: { MAIL_TRANSPORT: "none", HOST: "" } });
    try {
      expect(demo.output()).toContain("Solidarity Mail (demo mode) listening on http://127.0.0.1:");
    } finally {
      await demo.stop();
    }
    const refused = await startAppExpectingRefusal({ MAIL_TRANSPORT: "none" }, dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      "Solidarity Mail cannot start: The database holds the demo accounts (admin@demo.solidarity.test,",
    );
    expect(refused.output).not.toContain("listening on");
  });

  test("with every wrong setting listed at once", async () => {
    const refused = await startAppExpectingRefusal({
      MAIL_TRANSPORT: "none",
      DATABASE_POOL_SIZE: "ten",
      SESSION_SECRET: "short",
      APP_URL: "",
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Solidarity Mail cannot start: 3 settings are wrong:");
    expect(refused.output).toContain('  - DATABASE_POOL_SIZE must be a positive integer, at most 1000 (got "ten").');
    expect(refused.output).toContain("  - APP_URL must be set in production");
    expect(refused.output).toContain("  - SESSION_SECRET is too weak");
    expect(refused.output).not.toContain("short");
  });
});
