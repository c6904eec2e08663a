import { describe, expect, test } from "vitest";
import { newWatchedContext } from "#tests/support/browser.ts";
import { DEMO_VOLUNTEER as VOLUNTEER, demoAppSuite } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

describe("the prisoner page before anyone writes", () => {
  test("a facility that takes only relatives' letters is said on the person's page, at phone size without JavaScript", async () => {
    // Sign in with JavaScript (the code arrives by e-mail), then read the page as Tor Browser's safest level does.
    const signIn = await newWatchedContext(demo.browser);
    const signInPage = await signIn.context.newPage();
    await enterSignInCode(signInPage, await requestSignInCode(signInPage, demo.app.url, demo.mail, VOLUNTEER));
    await signInPage.waitForURL(/\/home$/);
    const storageState = await signIn.context.storageState();
    await signIn.context.close();

    const context = await demo.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      locale: "en-GB",
      storageState,
    });
    const page = await context.newPage();
    // Ясюкевич Николай is held in ИК №2, Babruisk, whose rule stops non-relatives' letters (demo data).
    await page.goto(`${demo.app.url}/prisoners?q=Ясюкевич`);
    await page
      .getByRole("link", { name: /Ясюкевич|Jasiukievič|Yasyukevich/ })
      .first()
      .click();
    await page.waitForURL(/\/prisoners\/[^/?]+$/);
    const note = page.getByTestId("delivery-note");
    expect(await note.count()).toBe(1);
    expect(await note.textContent()).toContain("The letter bank keeps your letter");
    // The warning comes before the buttons that start a letter.
    const noteBox = await note.boundingBox();
    const writeBox = await page.getByRole("button", { name: "Write a letter" }).boundingBox();
    expect(noteBox && writeBox && noteBox.y < writeBox.y).toBe(true);
    // A convicted person's conditions of detention are shown, "not known" until a coordinator records them.
    expect(await page.locator("dl.facts").textContent()).toContain("Conditions of detention");
    await context.close();
  });
});
