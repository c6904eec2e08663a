import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, runProjectCommand, testAppEnv, type RunningApp } from "#tests/support/app-server.ts";
import { startMailServer, type TestMailServer } from "#tests/support/smtp.ts";
import { expectAccessible, launchBrowser, newWatchedContext, type Browser, type Page } from "#tests/support/browser.ts";
import { signInNewPrivilegedUser } from "#tests/support/flows.ts";

const COORDINATOR = "registry.coordinator@example.org";
const BOM = "\uFEFF";
const HEADER = "№;ФИО;Дата рождения;Место заключения;Адрес;Статус";
const FIRST_LIST =
  BOM +
  [
    HEADER,
    "201;Кастусёў Рыгор Іванавіч;12.03.1985;ИК №4;ул. Антошкина, 3, 246035 г. Гомель;осужден",
    "202;Лабановіч Ганна Сяргееўна;1972;СИЗО №1;ул. Володарского, 2, 220030 г. Минск;под следствием",
  ].join("\r\n") +
  "\r\n";
// Rygor moved to another colony; a row without an id looks like Hanna but has no
// date of birth; a row has an impossible date.
const SECOND_LIST =
  BOM +
  [
    HEADER,
    "201;Кастусёў Рыгор Іванавіч;12.03.1985;ИК №2;ул. Сикорского, 1, 213800 г. Бобруйск;осужден",
    ";Лабановіч Ганна;;СИЗО №1;ул. Володарского, 2, 220030 г. Минск;под следствием",
    "203;Сідарэнка Павел Мікалаевіч;31.02.1990;СИЗО №1;ул. Володарского, 2, 220030 г. Минск;под следствием",
  ].join("\r\n") +
  "\r\n";

let mail: TestMailServer;
let app: RunningApp;
let browser: Browser;
let files: string;
let apiToken: string;

beforeAll(async () => {
  mail = await startMailServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-e2e-import-"));
  const env = testAppEnv(dataDir);
  await runProjectCommand(
    [
      "scripts/admin.ts",
      "user:create",
      "--email",
      COORDINATOR,
      "--role",
      "coordinator",
      "--pseudonym",
      "Registry Keeper",
    ],
    env,
  );
  await runProjectCommand(
    ["scripts/admin.ts", "source:create", "--slug", "viasna", "--name", "Viasna list", "--country", "BY"],
    env,
  );
  // The token is printed once on its own line; its expiry follows on another.
  const created = await runProjectCommand(
    ["scripts/admin.ts", "token:create", "--name", "NGO sync", "--scope", "import"],
    env,
  );
  apiToken = created
    .trim()
    .split("\n")
    .find((line) => !line.startsWith("Valid until") && !/\s/.test(line.trim()))!
    .trim();
  app = await startApp({ dataDir, env: { SMTP_URL: mail.url } });
  browser = await launchBrowser();
  files = fs.mkdtempSync(path.join(os.tmpdir(), "sm-e2e-files-"));
  fs.writeFileSync(path.join(files, "first.csv"), FIRST_LIST);
  fs.writeFileSync(path.join(files, "second.csv"), SECOND_LIST);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mail?.close();
});

async function upload(page: Page, file: string) {
  await page.goto(`${app.url}/imports`);
  await page.getByLabel("Source list").selectOption("viasna");
  await page.getByLabel("File", { exact: true }).setInputFiles(path.join(files, file));
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.waitForURL(/\/imports\/[^/]+$/);
  await expect.poll(() => page.getByRole("heading", { name: "Preview of the import" }).count()).toBe(1);
}

function count(page: Page, label: string) {
  return page
    .getByTestId("import-counts")
    .locator("div", { has: page.locator(`dt:text-is("${label}")`) })
    .locator("dd")
    .textContent();
}

describe("a coordinator imports an NGO list", () => {
  test("preview with a transfer, a likely duplicate and an error row; confirm; find by a Latin spelling", async () => {
    const { context, problems } = await newWatchedContext(browser);
    const page = await context.newPage();
    await signInNewPrivilegedUser(page, app.url, mail, COORDINATOR);

    await upload(page, "first.csv");
    expect(await count(page, "New")).toBe("2");
    await expectAccessible(page, "import preview");
    await page.getByRole("button", { name: "Apply all changes" }).click();
    await expect.poll(() => page.getByText("Applied", { exact: true }).count()).toBeGreaterThan(0);

    await upload(page, "second.csv");
    expect(await count(page, "Transferred")).toBe("1");
    expect(await count(page, "Need your decision")).toBe("1");
    expect(await count(page, "Rows with errors")).toBe("1");
    // The transfer names both colonies; the error names its line and field.
    await expect.poll(() => page.getByText(/ИК №4, Гомель → ИК №2, Бобруйск/).count()).toBe(1);
    const errors = page.getByTestId("import-errors");
    await expect.poll(() => errors.getByRole("row").count()).toBe(2);
    expect(await errors.getByRole("row").nth(1).textContent()).toMatch(/^4Date of birth.*31\.02\.1990/);
    // The likely duplicate is shown for a person to decide.
    const review = page.getByTestId("review-3");
    await expect.poll(() => review.getByText(/Same person as Лабановіч Ганна Сяргееўна/).count()).toBe(1);
    await expectAccessible(page, "import preview with decisions");
    await review.getByLabel(/Same person as Лабановіч Ганна/).check();
    await page.getByRole("button", { name: "Apply all changes" }).click();
    await expect.poll(() => page.getByText("Applied", { exact: true }).count()).toBeGreaterThan(0);

    // Found by a Latin (BGN/PCGN) spelling of a Belarusian Cyrillic name.
    await page.goto(`${app.url}/prisoners?q=${encodeURIComponent("Ryhor Kastusiou")}`);
    const link = page.getByRole("link", { name: "Кастусёў Рыгор Іванавіч" });
    await expect.poll(() => link.count()).toBe(1);
    await expectAccessible(page, "prisoner search");
    await link.click();
    await page.waitForURL(/\/prisoners\/[^/]+$/);
    const envelope = page.getByTestId("envelope-address");
    await expect.poll(() => envelope.textContent()).toContain("ИК №2");
    expect(await envelope.textContent()).toContain("REPUBLIC OF BELARUS");
    await expect.poll(() => page.getByText(/ИК №4, Гомель/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "prisoner page");

    // Nobody was created twice: the decided row merged into the existing person.
    await page.goto(`${app.url}/prisoners?q=${encodeURIComponent("Labanovich")}`);
    await expect.poll(() => page.getByText("1 result").count()).toBe(1);

    // Who needs a letter: pick someone, then adopt them to write regularly.
    await page.goto(`${app.url}/write`);
    await expect.poll(() => page.getByRole("heading", { name: "Who needs a letter" }).count()).toBe(1);
    await expectAccessible(page, "who needs a letter");
    await page.getByRole("button", { name: "Pick someone for me" }).click();
    await page.waitForURL(/\/prisoners\/[^/]+\?picked=1$/);
    await expect.poll(() => page.getByText("We picked this person for you").count()).toBe(1);
    await page.getByRole("button", { name: "Write to this person regularly" }).click();
    await expect.poll(() => page.getByText("You write to this person regularly").count()).toBe(1);
    await page.goto(`${app.url}/write`);
    await expect.poll(() => page.getByRole("button", { name: /^Stop writing regularly: / }).count()).toBe(1);

    // Coordinators keep the risky-word list: a new word is listed at once.
    await page.goto(`${app.url}/coordinator/writing-help`);
    await expectAccessible(page, "writing help");
    await page.getByLabel("Word, stem or phrase").fill("пирог");
    await page.getByLabel("Category").first().selectOption("cipher");
    await page.getByLabel("Must be flagged (one example a line)").first().fill("принеси пирог");
    await page.getByRole("button", { name: "Add" }).first().click();
    await expect
      // The row's word is in the button's name, after its visible text (a browser may put a space before the colon).
      .poll(() => page.getByRole("button", { name: /^Remove ?: пирог$/ }).count(), { timeout: 20_000 })
      .toBe(1);
    await page.goto(`${app.url}/coordinator/routes`);
    await expect.poll(() => page.getByRole("heading", { name: "Routing services" }).count()).toBe(1);
    await expectAccessible(page, "routing services");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the HTTP API for NGO systems", () => {
  test("imports with a token and finds prisoners with the same transliteration-aware search", async () => {
    const post = (query: string, token: string | null, body: string, type = "text/csv") =>
      fetch(`${app.url}/api/v1/imports?${query}`, {
        method: "POST",
        headers: { "Content-Type": type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body,
      });
    expect((await post("source=viasna", null, FIRST_LIST)).status).toBe(401);
    expect((await post("source=viasna", "sm_not-a-token", FIRST_LIST)).status).toBe(401);
    expect((await post("source=nowhere", apiToken, FIRST_LIST)).status).toBe(404);
    const unreadable = await post("source=viasna", apiToken, "{ not json", "application/json");
    expect(unreadable.status).toBe(422);
    expect((await unreadable.json()).error).toBe("The file is not valid JSON.");

    const list = JSON.stringify([
      {
        id: "301",
        "Full name": "Мельнік Алег Пятровіч",
        "Date of birth": "1961",
        Facility: "ИК №15",
        Address: "ул. Крупской, 99а, 212013 г. Могилёв",
      },
      { id: "302", "Full name": "Жук", "Date of birth": "1980-05-05" },
    ]);
    const dryRun = await post("source=viasna&dryRun=1", apiToken, list, "application/json");
    expect(dryRun.status).toBe(200);
    const dryRunSummary = await dryRun.json();
    expect(dryRunSummary).toMatchObject({ created: 1, updated: 0, transferred: 0, needsReview: 0 });
    expect(dryRunSummary.errors).toEqual([
      { line: 3, field: "fullName", message: expect.stringContaining("only one word") },
    ]);
    const search = async (q: string) => {
      const response = await fetch(`${app.url}/api/v1/prisoners?q=${encodeURIComponent(q)}`, {
        headers: { Authorization: `Bearer ${apiToken}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()).prisoners as {
        names: string[];
        birthDate: string | null;
        facility: string | null;
        status: string;
      }[];
    };
    expect(await search("Aleh Melnik")).toEqual([]);

    const applied = await post("source=viasna", apiToken, list, "application/json");
    expect(await applied.json()).toMatchObject({ created: 1 });
    const found = await search("Aleh Melnik");
    expect(found).toEqual([
      expect.objectContaining({
        names: ["Мельнік Алег Пятровіч"],
        birthDate: "1961",
        facility: "ИК №15, Могилёв",
        facilityAddress: expect.objectContaining({ name: "ИК №15", city: "Могилёв" }),
        status: "convicted",
        releasedOn: null,
        releaseKind: null,
      }),
    ]);
  });
});
