import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { expectAccessible, newWatchedContext } from "#tests/support/browser.ts";
import { DEMO_VOLUNTEER as VOLUNTEER, demoAppSuite } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

describe("a volunteer writes a letter that can get through", () => {
  test("language warning, phrasebook, a risky word highlighted and removed, autosave, self-post and its PDF", async () => {
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, VOLUNTEER));
    await page.waitForURL(/\/home$/);

    // A humanitarian-list prisoner.
    await page.goto(`${demo.app.url}/prisoners?reason=large_family_parent`);
    await page.getByRole("link", { name: "Цярэшка Святлана Іванаўна" }).click();
    await page.waitForURL(/\/prisoners\/[^/?]+$/);
    await page.getByRole("button", { name: "Write a letter" }).click();
    await page.waitForURL(/\/letters\/[^/]+$/);
    const letterUrl = page.url();
    await expectAccessible(page, "letter editor");

    const text = page.getByLabel("Text", { exact: true });
    const guidance = page.getByTestId("guidance");
    await text.fill("Dear Sviatlana, we think of you every day and we hope you are well.");
    await expect
      .poll(() => guidance.textContent())
      .toContain("Belarusian prisons deliver letters in Russian or Belarusian only");

    // Phrases from the phrasebook, in Russian, with their meaning shown in English.
    await text.fill("");
    await page.getByText("Phrasebook: ready sentences in Russian and Belarusian").click();
    const phrasebook = page.getByTestId("phrasebook");
    await expect.poll(() => phrasebook.getByText("I hope this letter finds you in good health.").count()).toBe(1);
    await phrasebook
      .getByRole("button", { name: "Insert in Russian: Надеюсь, это письмо застанет вас в добром здравии." })
      .click();
    await phrasebook.getByRole("button", { name: "Insert in Russian: Желаю вам крепкого здоровья." }).click();
    // Each phrase on a line of its own.
    await expect
      .poll(() => text.inputValue())
      .toBe("Надеюсь, это письмо застанет вас в добром здравии.\nЖелаю вам крепкого здоровья.");
    await expect.poll(() => guidance.textContent()).toContain("Language: Russian");
    expect(await guidance.textContent()).not.toContain("deliver letters in Russian or Belarusian only");

    // A risky word is highlighted, then removed.
    await text.press("End");
    await text.pressSequentially(" Желаю свободы.");
    await expect
      .poll(() => page.getByTestId("highlighted-text").locator("mark.mark-risk").textContent())
      .toBe("свободы");
    await expect.poll(() => guidance.textContent()).toContain("may stop the letter at the censor");
    await text.fill("Надеюсь, это письмо застанет вас в добром здравии. Желаю вам крепкого здоровья.");
    await expect.poll(() => page.getByTestId("highlighted-text").locator("mark").count()).toBe(0);
    await expect.poll(() => guidance.textContent()).toContain("Nothing here should worry a censor.");

    // Autosaved to the server: a reload (or a closed tab) keeps it.
    await expect
      .poll(() => page.getByTestId("autosave-status").textContent(), { timeout: 15_000 })
      .toMatch(/Draft saved at/);
    await page.goto(letterUrl);
    await expect
      .poll(() => page.getByLabel("Text", { exact: true }).inputValue())
      .toBe("Надеюсь, это письмо застанет вас в добром здравии. Желаю вам крепкого здоровья.");

    // Only fitting routes are offered; send through self-post.
    await page.getByText(/other way/).click();
    await page.getByLabel(/Self-post following Viasna's manual/).check();
    await page.getByRole("button", { name: "Review and send" }).click();
    await page.waitForURL(/\?review=/);
    await expect
      .poll(() => page.getByTestId("review-text").textContent())
      .toBe("Надеюсь, это письмо застанет вас в добром здравии. Желаю вам крепкого здоровья.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => page.getByText("Sent through Self-post following Viasna's manual").count()).toBe(1);
    await expectAccessible(page, "sent letter");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the print-ready PDF" }).click(),
    ]);
    const pdfPath = await download.path();
    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(pdfPath!)));
    const { text: pages } = await extractText(pdf, { mergePages: true });
    expect(pages).toContain("Терешко Светлана Ивановна");
    expect(pages).toContain("ИК №4");
    expect(pages).toContain("REPUBLIC OF BELARUS");
    // The letter's text wraps at the page width.
    expect(pages.replace(/\s+/g, " ")).toContain(
      "Надеюсь, это письмо застанет вас в добром здравии. Желаю вам крепкого здоровья.",
    );
    expect(pages).toContain("Лясная птушка");

    // My letters lists it as sent.
    await page.goto(`${demo.app.url}/letters`);
    await expect.poll(() => page.getByRole("link", { name: "Letter to Цярэшка Святлана Іванаўна" }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
