import { describe, expect, test } from "vitest";
import { expectAccessible, newWatchedContext, type Page } from "#tests/support/browser.ts";
import { demoAppSuite, signInDemoCoordinator } from "#tests/support/demo-app.ts";
import { toAddress } from "#tests/support/smtp.ts";

/**
 * The English writer's journey (issue 14): sign up writing English only, be approved,
 * be offered people the atelier reaches, write in English, review and send, see what
 * happens next; later a reply comes, shown first at home, and the volunteer writes
 * back. On a desktop, on a phone, and with JavaScript disabled.
 */
const demo = demoAppSuite();

async function signInCode(page: Page, email: string): Promise<void> {
  await page.goto(`${demo.app.url}/login`);
  await page.getByLabel("E-mail address").fill(email);
  const sentAt = Date.now();
  await page.getByRole("button", { name: "Send me a code" }).click();
  await page.waitForURL(/\/login\/verify/);
  // The code form carries the address in the server's own HTML (it matters without JavaScript).
  expect(await page.locator('input[type="hidden"][name="email"]').getAttribute("value")).toBe(email);
  const message = await demo.mail.waitForMail(
    (m) => toAddress(m) === email && (m.date?.getTime() ?? 0) >= sentAt - 1000 && /\b\d{6}\b/.test(m.text ?? ""),
  );
  await page.getByLabel("Sign-in code").fill(/\b(\d{6})\b/.exec(message.text ?? "")![1]);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const JOURNEYS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, javaScriptEnabled: true },
  { name: "phone", viewport: { width: 390, height: 844 }, javaScriptEnabled: true },
  { name: "without JavaScript", viewport: { width: 1280, height: 800 }, javaScriptEnabled: false },
];

describe("an English-only volunteer's journey", () => {
  for (const journey of JOURNEYS) {
    test(
      `${journey.name}: sign up, approval, the atelier's people, review and send, the timeline ahead, a reply first at home, write back`,
      { timeout: 240_000 },
      async () => {
        const email = `english.${journey.name.replace(/\W+/g, "-").toLowerCase()}@example.org`;
        const pseudonym = `Quiet Owl ${JOURNEYS.indexOf(journey) + 1}`;
        const volunteer = await newWatchedContext(demo.browser, {
          viewport: journey.viewport,
          javaScriptEnabled: journey.javaScriptEnabled,
        });
        const v = await volunteer.context.newPage();
        // axe runs as a script in the page: checked where pages run scripts.
        const accessible = (label: string) =>
          journey.javaScriptEnabled ? expectAccessible(v, label) : Promise.resolve();
        await signInCode(v, email);

        await v.waitForURL(/\/signup$/);
        await v.getByLabel("Pseudonym", { exact: true }).fill(pseudonym);
        await v.getByLabel("English", { exact: true }).check();
        await v.getByLabel(/every letter is read by a prison censor/).check();
        await v.getByRole("button", { name: "Create account" }).click();
        await v.waitForURL(/\/pending$/);

        const coordinator = await newWatchedContext(demo.browser);
        const c = await coordinator.context.newPage();
        await signInDemoCoordinator(c, demo.app.url, demo.mail);
        await c.goto(`${demo.app.url}/coordinator/volunteers?state=pending`);
        await c
          .getByTestId(`user-row-${email}`)
          .getByRole("button", { name: `Approve: ${pseudonym}` })
          .click();
        await expect.poll(() => c.getByText(`${pseudonym} is approved`).count()).toBe(1);

        // Offered people the atelier reaches, with the way said plainly.
        await v.goto(`${demo.app.url}/write`);
        const candidates = v.getByTestId("candidates");
        await expect.poll(() => candidates.locator("li").count()).toBeGreaterThan(1);
        expect(await candidates.getByTestId("translated-note").first().textContent()).toContain(
          "Write in English — Solidarity Postcards Atelier",
        );
        expect(await candidates.getByTestId("delivery-note").count()).toBe(0);
        await accessible(`who needs a letter (${journey.name})`);
        await candidates.locator("li").first().getByRole("link").first().click();
        await v.waitForURL(/\/prisoners\/[^/?]+$/);
        await v.getByRole("button", { name: "Write a letter" }).click();
        await v.waitForURL(/\/letters\/[^/?]+$/);
        const letterUrl = v.url();
        expect(await v.getByTestId("language-note").textContent()).toContain(
          "Write in English — Solidarity Postcards Atelier",
        );
        // The guidance sits beside the text on a wide screen, and above the text and its buttons on a phone.
        const guidance = (await v.getByTestId("guidance").boundingBox())!;
        const textBox = (await v.getByLabel("Text", { exact: true }).boundingBox())!;
        const save = (await v.getByRole("button", { name: "Save draft" }).boundingBox())!;
        if (journey.viewport.width < 600) expect(guidance.y + guidance.height).toBeLessThanOrEqual(save.y);
        else expect(guidance.x).toBeGreaterThan(textBox.x + textBox.width);

        // Writes in English, reviews exactly what leaves, sends.
        const text =
          "Hello! I think of you every day and hope you are well. Spring is coming and the birds are back. Warm wishes from a friend.";
        await v.getByLabel("Text", { exact: true }).fill(text);
        await v.getByRole("button", { name: "Review and send" }).click();
        await v.waitForURL(/\?review=/);
        expect(await v.getByTestId("review-text").textContent()).toBe(text);
        expect(await v.getByTestId("review-signature").textContent()).toBe(pseudonym);
        const facts = await v.getByTestId("review").textContent();
        expect(facts).toContain("Solidarity Postcards Atelier");
        expect(facts).toContain("Translates your text");
        expect(facts).toContain("Replies come back to you");
        expect(facts).toContain("Free for you");
        await accessible(`review (${journey.name})`);
        await v.getByRole("button", { name: "Send", exact: true }).click();
        await v.waitForURL(/\?sent=1/);
        const ahead = v.getByTestId("expected-timeline");
        expect(await ahead.textContent()).toMatch(/Posted\s*expected around/);
        expect(await ahead.textContent()).toContain("Delivered");
        // Nobody asks "Did you hear back?" seconds after sending.
        expect(await v.getByTestId("heard-back").count()).toBe(0);
        await v.goto(`${demo.app.url}/letters?show=onTheWay`);
        expect(await v.getByTestId("next-step").first().textContent()).toContain("expected around");

        // Later a reply is recorded…
        const letterId = letterUrl.split("/").pop()!;
        await c.goto(`${demo.app.url}/coordinator/items/letter/${letterId}`);
        await c.getByLabel("Short text of the reply").fill("Thank you for the letter! I am well.");
        await c.getByRole("button", { name: "Record the reply" }).click();
        await c.getByText("Reply recorded. The writer has been told by e-mail.").waitFor();

        // …and the volunteer sees it first at home, marked in the navigation, and writes back.
        await v.goto(`${demo.app.url}/home`);
        expect(await v.getByTestId("unread-marker").textContent()).toBe("1");
        const firstPanel = v.locator("main section.panel").nth(1);
        expect(await firstPanel.getAttribute("data-testid")).toBe("home-replies");
        await accessible(`home with a reply (${journey.name})`);
        await firstPanel.getByRole("button", { name: "Write back" }).click();
        await v.waitForURL((url) => /\/letters\/[^/?]+$/.test(url.pathname) && !url.href.startsWith(letterUrl));
        await expect.poll(() => v.getByRole("button", { name: "Review and send" }).count()).toBe(1);
        await v.goto(`${demo.app.url}/home`);
        expect(await v.getByTestId("unread-marker").count()).toBe(0);

        expect(volunteer.problems).toEqual([]);
        expect(coordinator.problems).toEqual([]);
        await volunteer.context.close();
        await coordinator.context.close();
      },
    );
  }
});
