import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { demoAppSuite, DEMO_VOLUNTEER, signInDemoCoordinator } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";
import { expectAccessible, newWatchedContext } from "#tests/support/browser.ts";
import { toAddress } from "#tests/support/smtp.ts";

/**
 * Issue 10 end to end: a coordinator imports a Viasna-shaped export as published; it
 * releases a person a volunteer writes to, names a status word the importer does not
 * know and a facility the registry does not know. The volunteer is told by e-mail and
 * is no longer offered the person.
 */

const suite = demoAppSuite();

const HEADER =
  "id,url,name,status,gender,photo,description,birthday,arrested,articles,prison,declaration,decision,penalty,judge,councel,penalty_start_date,release_date,verdict_date,appeal_date,fake_terrorist_list,died,clusters";
const EXPORT = [
  HEADER,
  // Андрэй Лапіцкі (demo, viasna-1204) was pardoned.
  "viasna-1204,https://prisoners.spring96.org/ru/person/1204,Лапіцкі Андрэй Віктаравіч,former,male,,,1987-03-14,2024-02-07,ст. 342 ч.1 УК РБ,освобожден (помилован),,,лишение свободы,,,,2026-11-28,,,,,",
  // A new name, with a status word the importer does not know, in a colony the registry does not know.
  'viasna-3001,https://prisoners.spring96.org/ru/person/3001,Гарбач Алесь Мікалаевіч,этапирован,male,,,1990-05-05,2025-01-10,ч. 1 ст. 342 УК,"ИК №9 г. Горки\n213410, г. Горки, ул. Дзержинского, 1",,,лишение свободы,,,,,,,,,',
].join("\n");

describe("a list that releases a person a volunteer writes to", () => {
  test("the coordinator maps the unknown word, confirms the new facility and applies; the volunteer is told and no longer offered the person", async () => {
    const { app, mail, browser } = suite;
    const files = fs.mkdtempSync(path.join(os.tmpdir(), "sm-e2e-situation-"));
    fs.writeFileSync(path.join(files, "viasna-export.csv"), EXPORT);

    // The volunteer writes regularly to Андрэй Лапіцкі.
    const volunteer = await newWatchedContext(browser);
    const vPage = await volunteer.context.newPage();
    await enterSignInCode(vPage, await requestSignInCode(vPage, app.url, mail, DEMO_VOLUNTEER));
    await vPage.waitForURL((url) => !url.pathname.startsWith("/login"));
    await vPage.goto(`${app.url}/prisoners?q=${encodeURIComponent("Lapicki")}`);
    await vPage
      .getByRole("link", { name: /Лапіцкі Андрэй/ })
      .first()
      .click();
    await vPage.waitForURL(/\/prisoners\/[^/]+$/);
    const prisonerUrl = vPage.url();
    await vPage.getByRole("button", { name: "Write to this person regularly" }).click();
    await expect.poll(() => vPage.getByText("You write to this person regularly").count()).toBeGreaterThan(0);
    await vPage.goto(`${app.url}/write`);
    await expect.poll(() => vPage.getByText(/Лапіцкі Андрэй/).count()).toBeGreaterThan(0);

    // The coordinator uploads the export as published, as part of the list.
    const coordinator = await newWatchedContext(browser);
    const page = await coordinator.context.newPage();
    await signInDemoCoordinator(page, app.url, mail);
    await page.goto(`${app.url}/imports`);
    await page.getByLabel("Source list").selectOption("viasna");
    await page.getByLabel("File", { exact: true }).setInputFiles(path.join(files, "viasna-export.csv"));
    await page.getByLabel(/Only part of the list/).check();
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.waitForURL(/\/imports\/[^/]+$/);
    await expect.poll(() => page.getByRole("heading", { name: "Preview of the import" }).count()).toBe(1);
    expect(await page.getByText("A partial list: no one is flagged as missing.").count()).toBe(1);

    // One unknown status word, answered once for the source.
    const unknown = page.getByTestId("unknown-values");
    await expect.poll(() => unknown.getByText(/«этапирован»|“этапирован”/).count()).toBe(1);
    await expectAccessible(page, "import preview with unknown values");
    await unknown.getByLabel(/этапирован/).selectOption("convicted");
    await unknown.getByRole("button", { name: "Use these answers" }).click();
    await expect.poll(() => page.getByTestId("unknown-values").count()).toBe(0);

    // The colony the registry does not know is shown for a person to confirm.
    const facilities = page.getByTestId("new-facilities");
    await expect.poll(() => facilities.getByText(/ИК №9, Горки/).count()).toBeGreaterThan(0);
    expect(await facilities.getByLabel(/ИК №9/).inputValue()).toBe("new");
    await page.getByRole("button", { name: "Apply all changes" }).click();
    await expect.poll(() => page.getByText("Applied", { exact: true }).count()).toBeGreaterThan(0);

    // The answer is kept for the source.
    await page.goto(`${app.url}/imports/mappings`);
    await expect.poll(() => page.getByTestId("value-mappings").getByText("этапирован").count()).toBe(1);
    await expectAccessible(page, "value mappings");

    // The released person's page shows the release; the new person is convicted in the new colony.
    await page.goto(prisonerUrl);
    await expect.poll(() => page.getByText(/Released/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Pardon/).count()).toBeGreaterThan(0);
    await page.goto(`${app.url}/prisoners?q=${encodeURIComponent("Гарбач")}`);
    await page.getByRole("link", { name: /Гарбач Алесь/ }).click();
    await expect.poll(() => page.getByTestId("envelope-address").textContent()).toContain("ИК №9");

    // The volunteer is told by e-mail, without the name in it.
    const message = await mail.waitForMail(
      (m) => toAddress(m) === DEMO_VOLUNTEER && m.subject === "News about a person you write to",
    );
    for (const part of ["Лапіцкі", "Лапицкий", "Андрэй", "Lapicki"]) {
      expect(message.subject).not.toContain(part);
      expect(message.text ?? "").not.toContain(part);
    }
    expect(message.text).toContain("released");

    // And is no longer offered the person.
    await vPage.goto(`${app.url}/write`);
    await expect.poll(() => vPage.getByRole("heading", { name: "Who needs a letter" }).count()).toBe(1);
    expect(await vPage.getByText(/Лапіцкі Андрэй/).count()).toBe(0);
    await vPage.goto(prisonerUrl);
    expect(await vPage.getByRole("button", { name: "Write to this person regularly" }).count()).toBe(0);

    await volunteer.context.close();
    await coordinator.context.close();
    expect(volunteer.problems).toEqual([]);
    expect(coordinator.problems).toEqual([]);
  });
});
