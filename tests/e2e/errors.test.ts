import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { newWatchedContext } from "#tests/support/browser.ts";
import { DEMO_ADMIN, DEMO_TOTP_SECRET, DEMO_VOLUNTEER as VOLUNTEER, demoAppSuite } from "#tests/support/demo-app.ts";
import { enterAuthenticatorCode, enterSignInCode, requestSignInCode, totpCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

/**
 * Posts a form as a browser does without the app's JavaScript (a document request),
 * and returns the response; the page then shows what the server rendered.
 */
async function postAsDocument(page: Page, url: string, fields: Record<string, string>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === url && r.request().method() === "POST"),
    page.evaluate(
      ({ url, fields }) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = url;
        for (const [name, value] of Object.entries(fields)) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      },
      { url, fields },
    ),
  ]);
  await page.waitForLoadState();
  return response;
}

/** The browser reports an error response of the page itself as a console error: expected here. */
function unexpected(problems: string[]) {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of (403|409)/.test(p));
}

describe("refusals render their own page", () => {
  test("a 409 says the thing changed in the meantime and why; a 403 says there is no access", async () => {
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, VOLUNTEER));
    await page.waitForURL(/\/home$/);
    await page.goto(`${demo.app.url}/prisoners?reason=large_family_parent`);
    await page.getByRole("link", { name: "Цярэшка Святлана Іванаўна" }).click();
    await page.waitForURL(/\/prisoners\/[^/?]+$/);
    await page.getByRole("button", { name: "Write a letter" }).click();
    await page.waitForURL(/\/letters\/[^/]+$/);
    const letterUrl = page.url();

    // "I posted it" on a draft: the letter is not on its way by post (LetterStateError "not-self-post").
    const conflict = await postAsDocument(page, letterUrl, { intent: "posted-answer", answer: "posted" });
    expect(conflict.status()).toBe(409);
    const errorPage = page.getByTestId("error-page");
    expect(await errorPage.getAttribute("data-status")).toBe("409");
    expect(await errorPage.getByRole("heading", { level: 1 }).textContent()).toBe("This changed in the meantime");
    expect(await page.getByTestId("error-reason").textContent()).toBe(
      "This letter is not one you post yourself, or it is no longer on its way.",
    );
    expect(await page.getByTestId("error-reason").getAttribute("data-code")).toBe("not-self-post");
    // A conflict offers to reload the page, and the layout stays around the error.
    expect(await page.getByRole("link", { name: "Reload the page" }).count()).toBe(1);
    expect(await page.locator("header.site-header").count()).toBe(1);

    // Adopting a prisoner who is not offered (PermissionError from the model, no catch in the route).
    const forbidden = await postAsDocument(page, `${demo.app.url}/prisoners/no-such-prisoner`, { intent: "adopt" });
    expect(forbidden.status()).toBe(403);
    expect(await errorPage.getAttribute("data-status")).toBe("403");
    expect(await errorPage.getByRole("heading", { level: 1 }).textContent()).toBe("No access");
    expect(await errorPage.textContent()).toContain("You do not have access to this page.");

    // Starting a draft for someone not offered: the same page, not the raw body of a resource route.
    const refusedDraft = await postAsDocument(page, `${demo.app.url}/letters/new`, {
      prisonerId: "no-such-prisoner",
      kind: "letter",
    });
    expect(refusedDraft.status()).toBe(403);
    expect(await errorPage.getAttribute("data-status")).toBe("403");
    expect(await errorPage.getByRole("heading", { level: 1 }).textContent()).toBe("No access");

    // The letter itself is unchanged and still opens.
    const reopened = await page.goto(letterUrl);
    expect(reopened?.status()).toBe(200);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe("a refusal reached through the app's own navigation (JavaScript)", () => {
  test("saving a draft deleted in another tab shows the 409 page with the reason", async () => {
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, VOLUNTEER));
    await page.waitForURL(/\/home$/);
    await page.goto(`${demo.app.url}/prisoners?reason=large_family_parent`);
    await page.getByRole("link", { name: "Цярэшка Святлана Іванаўна" }).click();
    await page.waitForURL(/\/prisoners\/[^/?]+$/);
    await page.getByRole("button", { name: "Write a letter" }).click();
    await page.waitForURL(/\/letters\/[^/]+$/);

    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByLabel("Yes, delete this draft for good").check();
    await other.getByRole("button", { name: "Delete draft" }).click();
    await other.waitForURL(/\/letters\?deleted=1/);

    await page.getByRole("button", { name: "Save draft" }).click();
    const errorPage = page.getByTestId("error-page");
    await expect.poll(() => errorPage.getAttribute("data-status")).toBe("409");
    expect(await errorPage.getByRole("heading", { level: 1 }).textContent()).toBe("This changed in the meantime");
    expect(await page.getByTestId("error-reason").getAttribute("data-code")).toBe("not-a-draft");
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe("signing in without JavaScript", () => {
  test("the demo admin reaches /2fa and, with the authenticator code, the app", async () => {
    const { context, problems } = await newWatchedContext(demo.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, DEMO_ADMIN));
    await page.waitForURL(/\/2fa/);
    await enterAuthenticatorCode(page, totpCode(DEMO_TOTP_SECRET));
    expect(new URL(page.url()).pathname).toBe("/home");
    expect(problems).toEqual([]);
    await context.close();
  });
});
