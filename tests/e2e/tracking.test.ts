import { describe, expect, test } from "vitest";
import { toAddress } from "#tests/support/smtp.ts";
import { expectAccessible, newWatchedContext } from "#tests/support/browser.ts";
import { DEMO_VOLUNTEER as VOLUNTEER, demoAppSuite, signInDemoCoordinator } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const DAY_SECONDS = 86_400;

// A 1×1 PNG: a "scan" of the prisoner's reply.
const SCAN = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

// The clock this test controls: the app reads CLOCK_OFFSET_SECONDS outside production,
// so moving time forward is a restart on the same data with a larger offset.
const clockEnv = (offsetDays: number) => ({ NODE_ENV: "test", CLOCK_OFFSET_SECONDS: String(offsetDays * DAY_SECONDS) });

const demo = demoAppSuite({ env: clockEnv(0) });

describe("coordinators track items from hand-over to their end, and tell the volunteer", () => {
  test("a batch of atelier letters is posted, a reply with a scan reaches the volunteer, and items get stuck when time passes", async () => {
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await signInDemoCoordinator(page, demo.app.url, demo.mail);

    // The atelier's letters that have been handed over.
    await page.goto(`${demo.app.url}/coordinator/items`);
    await expectAccessible(page, "items list");
    await page
      .getByLabel("Route")
      .first()
      .selectOption({ label: "Solidarity Postcards Atelier (Maysternia Pashtovak Salidarnasci)" });
    await page.getByLabel("Status").first().selectOption({ label: "Handed over to the service" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/status=handed_over/);
    const rows = page.getByTestId("item-row");
    await expect.poll(() => rows.count()).toBe(2);

    // Moving them back to "queued" is refused, and nothing changes.
    for (const box of await page.getByRole("checkbox", { name: /^Select the item for/ }).all()) await box.check();
    await page.getByLabel("Move to status").selectOption({ label: "Queued" });
    await page.getByRole("button", { name: "Change status" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Nothing was changed");
    expect(await page.getByRole("alert").first().textContent()).toContain(
      "the route does not go back to an earlier status",
    );

    // The batch goes to "posted".
    for (const box of await page.getByRole("checkbox", { name: /^Select the item for/ }).all()) await box.check();
    await page.getByLabel("Move to status").selectOption({ label: "Posted" });
    await page.getByRole("button", { name: "Change status" }).click();
    await page.getByText("2 items changed.").waitFor();
    await page.goto(`${demo.app.url}/coordinator/items?status=posted`);
    await expect.poll(() => page.getByTestId("item-row").count()).toBe(2);
    expect(await page.getByTestId("item-row").first().textContent()).not.toContain("stuck");

    // A reply with a scan for the first of them.
    const prisonerName = (await page.getByTestId("item-row").first().locator("td").nth(2).textContent())!.trim();
    await page.getByTestId("item-row").first().getByRole("link", { name: "Postcard" }).click();
    await page.waitForURL(/\/coordinator\/items\/letter\/[^/?]+$/);
    const letterId = page.url().split("/").pop()!;
    await expectAccessible(page, "item page");
    expect(await page.getByTestId("status-timeline").textContent()).toContain("Posted");
    await page.getByLabel("Short text of the reply").fill("Дзякуй за паштоўку! Усё добра.");
    await page.getByLabel("Scan (optional)").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: SCAN });
    const repliedAt = Date.now();
    await page.getByRole("button", { name: "Record the reply" }).click();
    await page.getByText("Reply recorded. The writer has been told by e-mail.").waitFor();
    expect(await page.getByTestId("item-status").textContent()).toBe("Reply received");

    // The volunteer is told by e-mail: no prisoner's name in it, a link to sign in.
    const message = await demo.mail.waitForMail(
      (m) =>
        toAddress(m) === VOLUNTEER && (m.date?.getTime() ?? 0) >= repliedAt - 1000 && m.subject !== "Your sign-in code",
    );
    expect(message.subject).toBe("You have news about something you sent");
    expect(`${message.subject} ${message.text}`).not.toContain(prisonerName.split(" ")[0]);
    expect(message.text).toContain(`/login?redirectTo=${encodeURIComponent(`/letters/${letterId}`)}`);

    // …signs in and sees the reply and its scan on their letter.
    const volunteerContext = await newWatchedContext(demo.browser);
    const volunteerPage = await volunteerContext.context.newPage();
    await enterSignInCode(volunteerPage, await requestSignInCode(volunteerPage, demo.app.url, demo.mail, VOLUNTEER));
    await volunteerPage.waitForURL(/\/home$/);
    await volunteerPage.goto(`${demo.app.url}/letters/${letterId}`);
    const replies = volunteerPage.getByTestId("replies");
    await expect.poll(() => replies.textContent()).toContain("Дзякуй за паштоўку! Усё добра.");
    expect(await volunteerPage.getByTestId("letter-status").textContent()).toBe("Reply received");
    expect(await volunteerPage.getByTestId("status-timeline").textContent()).toContain("Posted");
    const download = volunteerPage.waitForEvent("download");
    await replies.getByRole("link", { name: /Download the scan/ }).click();
    expect((await download).suggestedFilename()).toBe("reply.png");
    await expectAccessible(volunteerPage, "letter with a reply");
    await volunteerContext.context.close();
    expect(volunteerContext.problems).toEqual([]);

    // Three days later the other posted postcard has been "posted" longer than the
    // atelier's usual two days: it is stuck, and counted.
    await demo.restart(clockEnv(3));
    await page.goto(`${demo.app.url}/coordinator/items?stuck=1`);
    // Three days idle: the session has expired, and the second factor runs on the app's clock.
    if (page.url().includes("/login"))
      await signInDemoCoordinator(page, demo.app.url, demo.mail, { clockOffsetDays: 3 });
    await page.goto(`${demo.app.url}/coordinator/items?stuck=1&status=posted`);
    const stuckRows = page.getByTestId("item-row");
    await expect.poll(() => stuckRows.count()).toBe(1);
    expect(await stuckRows.first().textContent()).toContain("stuck");
    expect(await page.getByTestId("stuck-count").textContent()).toMatch(/\d+ items stuck/);

    // A coordinator adds a service of their own; it starts paused, with statuses to shape.
    await page.goto(`${demo.app.url}/coordinator/routes`);
    await page.getByRole("link", { name: "Add a routing service" }).click();
    await page.waitForURL(/\/coordinator\/routes\/new$/);
    await expectAccessible(page, "new route");
    await page.getByLabel("Name").fill("Vilnius letter relay");
    await page
      .getByLabel("Description for volunteers")
      .fill("Volunteers in Vilnius print letters and post them inside Belarus.");
    await page.getByRole("button", { name: "Add the service" }).click();
    await page.waitForURL(/\/coordinator\/routes\/(?!new)[^/?]+\?saved=1$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Vilnius letter relay");
    expect(await page.getByTestId("statuses-form").textContent()).toContain("Queued");

    await context.close();
    expect(problems).toEqual([]);
  });
});
