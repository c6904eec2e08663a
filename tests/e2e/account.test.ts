import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runProjectCommand, testAppEnv } from "#tests/support/app-server.ts";
import { expectAccessible, newWatchedContext } from "#tests/support/browser.ts";
import { DEMO_VOLUNTEER as VOLUNTEER, demoAppSuite } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

describe("a volunteer's own account", () => {
  test("switches a reminder off, then deletes the account; the old session is dead and the address can only sign up anew", async () => {
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, VOLUNTEER));
    await page.waitForURL(/\/home$/);

    // Reminders: all on by default; one switched off stays off after a reload.
    await page.goto(`${demo.app.url}/settings`);
    await expectAccessible(page, "settings page");
    const drafts = page.getByLabel("of a draft I have not touched for 7 days");
    const selfPost = page.getByLabel(/to say whether I posted a letter I print and post myself/);
    const adoptions = page.getByLabel(/when I have not written for 30 days/);
    expect([await drafts.isChecked(), await selfPost.isChecked(), await adoptions.isChecked()]).toEqual([
      true,
      true,
      true,
    ]);
    await drafts.uncheck();
    await page.getByRole("button", { name: "Save reminder settings" }).click();
    await expect.poll(() => page.getByText("Your reminder settings are saved.").count()).toBe(1);
    await page.reload();
    expect([await drafts.isChecked(), await selfPost.isChecked(), await adoptions.isChecked()]).toEqual([
      false,
      true,
      true,
    ]);

    // Deleting needs the confirmation box.
    const oldCookies = await context.cookies();
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect
      .poll(() => page.getByText("Tick the box to confirm that you want to delete your account.").count())
      .toBe(1);
    expect(new URL(page.url()).pathname).toBe("/settings");
    await expectAccessible(page, "settings page with an error");
    await page.getByLabel("I understand, and I want to delete my account").check();
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL((url) => url.pathname === "/" && url.searchParams.has("accountDeleted"));
    await expect.poll(() => page.getByText("Your account has been deleted.").count()).toBe(1);
    await expectAccessible(page, "landing page after deletion");

    // Signed out here, and the old session cookie opens nothing anywhere.
    await page.goto(`${demo.app.url}/settings`);
    await page.waitForURL(/\/login/);
    const stolen = await demo.browser.newContext();
    await stolen.addCookies(oldCookies);
    const stolenPage = await stolen.newPage();
    await stolenPage.goto(`${demo.app.url}/home`);
    expect(new URL(stolenPage.url()).pathname).toBe("/login");
    await stolen.close();

    // The same address signs in as someone new: the sign-up form, not the old account.
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, VOLUNTEER));
    await page.waitForURL(/\/signup$/);
    await expect.poll(() => page.getByRole("heading", { name: "Create your volunteer account" }).count()).toBe(1);

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("npm run admin -- user:delete", () => {
  test("deletes an account by address, and refuses the last admin", async () => {
    const env = testAppEnv(fs.mkdtempSync(path.join(os.tmpdir(), "sm-e2e-delete-")));
    const admin = (...args: string[]) => runProjectCommand(["scripts/admin.ts", ...args], env);
    await admin("user:create", "--email", "only.admin@example.org", "--role", "admin");
    await admin("user:create", "--email", "leaving@example.org", "--role", "volunteer");

    expect(await admin("user:delete", "--email", "Leaving@Example.org")).toContain(
      "Deleted the account of leaving@example.org",
    );
    await expect(admin("user:delete", "--email", "leaving@example.org")).rejects.toThrow(
      "No user with leaving@example.org.",
    );
    await expect(admin("user:delete", "--email", "only.admin@example.org")).rejects.toThrow(
      "The last admin cannot be deleted",
    );
    expect(await admin("user:login-link", "--email", "only.admin@example.org")).toContain("/login/verify?");
  });
});
