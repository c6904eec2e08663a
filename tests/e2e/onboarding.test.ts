import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as OTPAuth from "otpauth";
import { startApp, runProjectCommand, testAppEnv, type RunningApp } from "#tests/support/app-server.ts";
import { startMailServer, toAddress, type TestMailServer } from "#tests/support/smtp.ts";
import { expectAccessible, launchBrowser, newWatchedContext, type Browser, type Page } from "#tests/support/browser.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const VOLUNTEER = "new.volunteer@example.org";
const COORDINATOR = "coordinator@example.org";

let mail: TestMailServer;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  mail = await startMailServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-e2e-onboarding-"));
  // The host creates the first coordinator with the admin command line, before the server holds the database.
  const created = await runProjectCommand(
    [
      "scripts/admin.ts",
      "user:create",
      "--email",
      COORDINATOR,
      "--role",
      "coordinator",
      "--pseudonym",
      "Coordinator Ola",
    ],
    testAppEnv(dataDir),
  );
  expect(created).toContain("Created coordinator coordinator@example.org");
  app = await startApp({ dataDir, env: { SMTP_URL: mail.url } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mail?.close();
});

async function codeFromMail(address: string, after: number): Promise<string> {
  const message = await mail.waitForMail(
    (m) => toAddress(m) === address && (m.date?.getTime() ?? 0) >= after - 1000 && /\b\d{6}\b/.test(m.text ?? ""),
  );
  // Nothing about the platform's purpose or any prisoner in the subject line.
  expect(message.subject).toBe("Your sign-in code");
  return /\b(\d{6})\b/.exec(message.text ?? "")![1];
}

async function requestCode(page: Page, email: string) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel("E-mail address").fill(email);
  const sentAt = Date.now();
  await page.getByRole("button", { name: "Send me a code" }).click();
  await page.waitForURL(/\/login\/verify/);
  return sentAt;
}

describe("a new volunteer joins and is approved by a coordinator with TOTP", () => {
  test("sign up, wait, approval, access", async () => {
    const volunteer = await newWatchedContext(browser);
    const vPage = await volunteer.context.newPage();

    // Landing and sign-in pages are reachable, accessible and use the CSP nonce.
    const landing = await vPage.goto(app.url);
    const csp = landing!.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    await expectAccessible(vPage, "landing page");

    // Client-side validation (react-hook-form + zod) explains a bad address in place.
    await vPage.goto(`${app.url}/login`);
    await expectAccessible(vPage, "sign-in page");
    await vPage.getByLabel("E-mail address").fill("not-an-address");
    await vPage.getByRole("button", { name: "Send me a code" }).click();
    await expect.poll(() => vPage.getByText("Enter a valid e-mail address").count()).toBe(1);
    expect(await vPage.getByLabel("E-mail address").getAttribute("aria-invalid")).toBe("true");

    const sentAt = await requestCode(vPage, VOLUNTEER);
    await expectAccessible(vPage, "code page");
    const code = await codeFromMail(VOLUNTEER, sentAt);
    await vPage.getByLabel("Sign-in code").fill(code);
    await vPage.getByRole("button", { name: "Sign in" }).click();

    await vPage.waitForURL(/\/signup$/);
    await expectAccessible(vPage, "sign-up page");
    await vPage.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => vPage.getByText("A pseudonym has 2 to 40 characters.").count()).toBe(1);
    await vPage.getByLabel("Pseudonym", { exact: true }).fill("Quiet Heron");
    await vPage.getByLabel("Russian").check();
    await vPage.getByLabel(/every letter is read by a prison censor/).check();
    await vPage.getByRole("button", { name: "Create account" }).click();

    await vPage.waitForURL(/\/pending$/);
    await expect.poll(() => vPage.getByRole("heading", { name: "Waiting for approval" }).count()).toBe(1);
    await expectAccessible(vPage, "pending page");
    // Pending volunteers see nothing about prisoners.
    await vPage.goto(`${app.url}/prisoners`);
    expect(new URL(vPage.url()).pathname).toBe("/pending");

    // The coordinator signs in: e-mail code, then TOTP enrolment.
    const coordinator = await newWatchedContext(browser);
    const cPage = await coordinator.context.newPage();
    const cSentAt = await requestCode(cPage, COORDINATOR);
    await cPage.getByLabel("Sign-in code").fill(await codeFromMail(COORDINATOR, cSentAt));
    await cPage.getByRole("button", { name: "Sign in" }).click();
    await cPage.waitForURL(/\/2fa/);
    await expect.poll(() => cPage.getByRole("heading", { name: "Set up your authenticator" }).count()).toBe(1);
    await expectAccessible(cPage, "TOTP enrolment page");
    // Until TOTP is done, the coordinator's pages stay closed.
    await cPage.goto(`${app.url}/coordinator/volunteers`);
    await cPage.waitForURL(/\/2fa/);
    const secret = (await cPage.getByTestId("totp-secret").textContent())!.trim();
    await cPage.getByLabel("Authenticator code").fill("000000");
    await cPage.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => cPage.getByText("This code is not correct").count()).toBe(1);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    await cPage.getByLabel("Authenticator code").fill(totp.generate());
    await cPage.getByRole("button", { name: "Verify" }).click();
    await cPage.waitForURL(/\/coordinator\/volunteers/);

    await cPage.goto(`${app.url}/coordinator/volunteers?state=pending`);
    await expectAccessible(cPage, "volunteers page");
    const row = cPage.getByTestId(`user-row-${VOLUNTEER}`);
    await expect.poll(() => row.getByText("Quiet Heron").count()).toBe(1);
    await row.getByRole("button", { name: "Approve: Quiet Heron" }).click();
    await expect.poll(() => cPage.getByText("Quiet Heron is approved").count()).toBe(1);

    // The volunteer is told by e-mail, through the real SMTP server.
    const approval = await mail.waitForMail((m) => toAddress(m) === VOLUNTEER && m.subject === "Your account is ready");
    expect(approval.text).toContain("Quiet Heron");

    await vPage.goto(`${app.url}/home`);
    await expect.poll(() => vPage.getByRole("heading", { name: "Welcome, Quiet Heron" }).count()).toBe(1);
    await expectAccessible(vPage, "home page");
    await vPage.goto(`${app.url}/prisoners`);
    await expect.poll(() => vPage.getByRole("heading", { name: "Prisoners" }).count()).toBe(1);
    await expectAccessible(vPage, "prisoner list");
    // A volunteer cannot open coordinator pages.
    const forbidden = await vPage.goto(`${app.url}/coordinator/volunteers`);
    expect(forbidden!.status()).toBe(403);
    await vPage.goto(`${app.url}/settings`);
    await expectAccessible(vPage, "settings page");

    expect(volunteer.problems.filter((p) => !p.includes("403"))).toEqual([]);
    expect(coordinator.problems).toEqual([]);
    await volunteer.context.close();
    await coordinator.context.close();
  });

  test("the language choice is remembered and the development mailbox does not exist in production", async () => {
    const { context, problems } = await newWatchedContext(browser, { locale: "ru-RU" });
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    // The default follows the browser.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).not.toBe("Sign in or join");
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    await page.getByLabel("Язык").selectOption("be");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("be");
    await page.reload();
    expect(await page.locator("html").getAttribute("lang")).toBe("be");
    await expectAccessible(page, "sign-in page in Belarusian");

    const mailbox = await page.goto(`${app.url}/dev/mailbox`);
    expect(mailbox!.status()).toBe(404);
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    await context.close();
  });
});
