import { describe, expect, test } from "vitest";
import { expectAccessible, newWatchedContext, type Page } from "#tests/support/browser.ts";
import { DEMO_VOLUNTEER as VOLUNTEER, demoAppSuite, signInDemoCoordinator } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const PERSON = "Верабей Дзмітрый Алегавіч"; // born 19 December, in pre-trial detention in the demo registry
const SLUG = "december-birthdays";

/** "3 of 8 items sent (37%)" → [3, 8]. */
async function progressOf(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId("campaign-progress").first().textContent()) ?? "";
  const match = /(\d+) of (\d+) items sent/.exec(text);
  if (!match) throw new Error(`no progress in "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

function personRow(page: Page, name: string) {
  return page.getByTestId("campaign-people").locator("li").filter({ hasText: name });
}

describe("campaigns", () => {
  test("a coordinator creates a birthday campaign; a volunteer writes a postcard from its page and the progress moves", async () => {
    const coordinatorContext = await newWatchedContext(demo.browser);
    const coordinator = await coordinatorContext.context.newPage();
    await signInDemoCoordinator(coordinator, demo.app.url, demo.mail);

    await coordinator.goto(`${demo.app.url}/coordinator/needs`);
    await coordinator.getByRole("link", { name: "Campaigns" }).first().click();
    await coordinator.waitForURL(/\/coordinator\/campaigns$/);
    await coordinator.getByRole("link", { name: "New campaign" }).click();
    await coordinator.waitForURL(/\/coordinator\/campaigns\/new$/);
    await coordinator.getByLabel("Address (slug)").fill("December Birthdays");
    await coordinator.getByLabel("Title in English").fill("December birthdays");
    await coordinator.getByLabel("Why, in English").fill("A card on a birthday tells someone they are not forgotten.");
    await coordinator.getByLabel("Rule").selectOption({ label: "Birthdays in a month" });
    await coordinator.getByLabel("Month of the birthdays").selectOption({ label: "December" });
    await coordinator.getByLabel("Country").selectOption({ label: "Belarus" });
    await coordinator.getByLabel("Starts on").fill(day(0));
    await coordinator.getByLabel("Ends on (included)").fill(day(20));
    await coordinator.getByLabel("Goal").selectOption({ label: "N items for each person on the list" });
    await coordinator.getByLabel("N (items)").fill("2");
    await coordinator.getByLabel("A public page may show this campaign").check();
    await coordinator.getByRole("button", { name: "Create the campaign" }).click();
    // The browser checks the same schema as the server: the slug is explained before anything is sent.
    await expect
      .poll(async () => coordinator.getByRole("alert").first().textContent())
      .toBe("Use at least 3 lower-case Latin letters, digits and single hyphens.");
    await coordinator.getByLabel("Address (slug)").fill(SLUG);
    await expectAccessible(coordinator, "new campaign");
    await coordinator.getByRole("button", { name: "Create the campaign" }).click();
    await coordinator.waitForURL(/\/coordinator\/campaigns\?saved=/);
    const list = coordinator.getByTestId("coordinator-campaigns");
    expect(await list.textContent()).toContain("December birthdays");
    expect(await list.textContent()).toContain("2 items per person");

    // The volunteer finds it on the home page.
    const volunteerContext = await newWatchedContext(demo.browser);
    const volunteer = await volunteerContext.context.newPage();
    await enterSignInCode(volunteer, await requestSignInCode(volunteer, demo.app.url, demo.mail, VOLUNTEER));
    await volunteer.waitForURL(/\/home$/);
    await volunteer.getByTestId("active-campaigns").getByRole("link", { name: "December birthdays" }).click();
    await volunteer.waitForURL(new RegExp(`/campaigns/${SLUG}$`));
    const [before, goal] = await progressOf(volunteer);
    expect(goal % 2).toBe(0);
    expect(await personRow(volunteer, PERSON).getByTestId("person-count").textContent()).toContain("0 of 2");
    expect(await volunteer.getByTestId("campaign-from-page").textContent()).toBe("0 items written from this page");
    await expectAccessible(volunteer, "campaign page");

    // Pick for me: someone with the fewest items, shown first.
    await volunteer.getByRole("button", { name: "Pick for me" }).click();
    await volunteer.waitForURL(/\?picked=/);
    const picked = volunteer.getByTestId("campaign-people").locator("li").first();
    expect(await picked.getAttribute("data-picked")).toBe("true");
    expect(await picked.getByTestId("person-count").textContent()).toContain("0 of 2");

    // A postcard from the campaign page, sent through the recommended route.
    await personRow(volunteer, PERSON)
      .getByRole("button", { name: `Write a postcard: ${PERSON}` })
      .click();
    await volunteer.waitForURL(/\/letters\/[^/?]+$/);
    // The letter page says which campaign it is for, and links back to it.
    expect(await volunteer.getByTestId("letter-campaign").getByRole("link").textContent()).toBe("December birthdays");
    await volunteer
      .getByLabel("Text", { exact: true })
      .fill("С днём рождения! Желаю вам здоровья, сил и тепла. Мы помним о вас.");
    await expect
      .poll(() => volunteer.getByTestId("autosave-status").textContent(), { timeout: 15_000 })
      .toMatch(/Draft saved at/);
    await volunteer.getByRole("button", { name: "Review and send" }).click();
    await volunteer.waitForURL(/\?review=/);
    await volunteer.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => volunteer.getByText(/^Sent through/).count()).toBeGreaterThan(0);

    // The campaign's progress moved, in total and for the person.
    await volunteer.goto(`${demo.app.url}/campaigns/${SLUG}`);
    expect(await progressOf(volunteer)).toEqual([before + 1, goal]);
    expect(await personRow(volunteer, PERSON).getByTestId("person-count").textContent()).toContain("1 of 2");
    expect(await volunteer.getByTestId("campaign-from-page").textContent()).toBe("1 item written from this page");

    // Also on /write, while it runs.
    await volunteer.goto(`${demo.app.url}/write`);
    expect(await volunteer.getByTestId("active-campaigns").textContent()).toContain("December birthdays");

    // The coordinators' list shows how each running campaign is going.
    await coordinator.goto(`${demo.app.url}/coordinator/campaigns`);
    const entry = coordinator.getByTestId("coordinator-campaigns").locator("li", { hasText: "December birthdays" });
    expect(await entry.getByTestId("campaign-progress").textContent()).toContain(`${before + 1} of ${goal} items sent`);

    expect(coordinatorContext.problems).toEqual([]);
    expect(volunteerContext.problems).toEqual([]);
    await coordinatorContext.context.close();
    await volunteerContext.context.close();
  });

  test("without JavaScript, at phone width: a coordinator edits the campaign (the server explains a missing title), a volunteer picks and starts a letter", async () => {
    const PHONE = { width: 390, height: 844 };
    const withoutJavaScript = async (signIn: (page: Page) => Promise<void>) => {
      const withScript = await demo.browser.newContext({ locale: "en-GB" });
      await signIn(await withScript.newPage());
      const storageState = await withScript.storageState();
      await withScript.close();
      return demo.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: "en-GB", storageState });
    };
    const coordinatorContext = await withoutJavaScript((page) => signInDemoCoordinator(page, demo.app.url, demo.mail));
    const coordinator = await coordinatorContext.newPage();
    await coordinator.goto(`${demo.app.url}/coordinator/campaigns`);
    await coordinator.getByRole("link", { name: "December birthdays" }).click();
    await coordinator.waitForURL(/\/coordinator\/campaigns\/[^/?]+$/);
    expect(await coordinator.getByLabel("A public page may show this campaign").isChecked()).toBe(true);
    await coordinator.getByLabel("Title in English").fill("");
    await coordinator.getByLabel("N (items)").fill("3");
    await coordinator.getByLabel("A public page may show this campaign").uncheck();
    await coordinator.getByRole("button", { name: "Save the campaign" }).click();
    await expect
      .poll(async () => coordinator.getByRole("alert").first().textContent())
      .toBe("Give a title in at least one language.");
    // What was typed is still there, the unticked box too.
    expect(await coordinator.getByLabel("N (items)").inputValue()).toBe("3");
    expect(await coordinator.getByLabel("A public page may show this campaign").isChecked()).toBe(false);
    await coordinator.getByLabel("Title in English").fill("Birthdays in December");
    await coordinator.getByRole("button", { name: "Save the campaign" }).click();
    await coordinator.waitForURL(/\/coordinator\/campaigns\?saved=/);
    const item = coordinator
      .getByTestId("coordinator-campaigns")
      .locator("li")
      .filter({ hasText: "Birthdays in December" });
    expect(await item.textContent()).toContain("3 items per person");
    expect(await item.textContent()).not.toContain("public page");
    const scrollWidth = await coordinator.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);

    const volunteerContext = await withoutJavaScript(async (page) => {
      await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, VOLUNTEER));
      await page.waitForURL(/\/home$/);
    });
    const volunteer = await volunteerContext.newPage();
    await volunteer.goto(`${demo.app.url}/campaigns/${SLUG}`);
    expect(await volunteer.getByRole("heading", { level: 1 }).textContent()).toBe("Birthdays in December");
    await volunteer.getByRole("button", { name: "Pick for me" }).click();
    await volunteer.waitForURL(/\?picked=/);
    const picked = volunteer.getByTestId("campaign-people").locator("li").first();
    expect(await picked.getAttribute("data-picked")).toBe("true");
    await picked.getByRole("button", { name: /^Write a letter: / }).click();
    await volunteer.waitForURL(/\/letters\/[^/?]+$/);
    expect(await volunteer.getByLabel("Text", { exact: true }).count()).toBe(1);

    await coordinatorContext.close();
    await volunteerContext.close();
  });
});
