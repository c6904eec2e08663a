import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { testAppEnv } from "#tests/support/app-server.ts";
import { expectAccessible, newWatchedContext, type Page } from "#tests/support/browser.ts";
import { DEMO_VOLUNTEER as VOLUNTEER, demoAppSuite, signInDemoCoordinator } from "#tests/support/demo-app.ts";
import { enterSignInCode, requestSignInCode } from "#tests/support/flows.ts";

const demo = demoAppSuite();

const root = path.resolve(import.meta.dirname, "../..");

/** `npm run admin -- …` against the test app's data (the app must be stopped: PGlite has one writer). */
function admin(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/admin.ts", ...args],
      { cwd: root, env: testAppEnv(dataDir) },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function item(page: Page, number: number) {
  return page.getByRole("group", { name: `Item ${number}`, exact: true });
}

describe("a volunteer sends a parcel to a pre-trial detainee", () => {
  test("refused for a banned item and the weight, fixed, customs declaration, tracking number; a coordinator sees it; the command line agrees", async () => {
    const { context, problems } = await newWatchedContext(demo.browser);
    const page = await context.newPage();
    await enterSignInCode(page, await requestSignInCode(page, demo.app.url, demo.mail, VOLUNTEER));
    await page.waitForURL(/\/home$/);

    // A pre-trial detainee in SIZO No. 1, Minsk.
    await page.goto(`${demo.app.url}/prisoners?q=${encodeURIComponent("Верабей")}`);
    await page.getByRole("link", { name: "Верабей Дзмітрый Алегавіч" }).click();
    await page.waitForURL(/\/prisoners\/[^/?]+$/);
    const prisonerId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByRole("button", { name: "Send a parcel" }).click();
    await page.waitForURL(/\/parcels\/[^/]+$/);
    const parcelUrl = page.url();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Parcel to Верабей Дзмітрый Алегавіч");
    await expectAccessible(page, "parcel editor");

    // 40 kg of sugar and a knife.
    await item(page, 1).getByLabel("From the catalogue").selectOption({ label: "Sugar, 1 kg" });
    await item(page, 1).getByLabel("Quantity").fill("40");
    await page.getByRole("button", { name: "Add an item" }).click();
    await item(page, 2)
      .getByLabel("Description (in Russian or Belarusian", { exact: false })
      .fill("Кухонная принадлежность для хлеба");
    // The customs form needs an English line for a described item; the banned word is caught in it too.
    await item(page, 2).getByLabel("The same in English (for the customs form)").fill("Kitchen knife for bread");
    await item(page, 2).getByLabel("Weight of one, in grams").fill("150");
    await item(page, 2).getByLabel("Value of one, in euros").fill("8");
    const verdict = page.getByTestId("parcel-verdict");
    // 40.15 kg of items and the default 300 g box.
    const overWeight = "The parcel weighs 40.45 kg; this facility accepts at most 30 kg in one parcel.";
    const knife = "“Kitchen knife for bread” is not allowed: it matches the banned word “knife”.";
    await expect.poll(() => verdict.textContent()).toContain(overWeight);
    expect(await verdict.textContent()).toContain(knife);
    expect(await verdict.textContent()).toContain("Customs form: CN 23");

    // The server says the same and keeps the parcel a draft.
    await page.getByLabel("How it is sent").selectOption({ label: "Parcel post (you post it yourself)" });
    await page.getByRole("button", { name: "Check and mark ready to post" }).click();
    const refused = page.getByTestId("parcel-refused");
    await expect.poll(() => refused.textContent()).toContain("The parcel cannot be sent yet:");
    expect(await refused.textContent()).toContain(overWeight);
    expect(await refused.textContent()).toContain(knife);
    await expectAccessible(page, "refused parcel");

    // Fixed: 2 kg of sugar, no knife, three packs of tea; the sender as a pseudonym and a relay address.
    await item(page, 1).getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Remove item 2" }).click();
    await page.getByRole("button", { name: "Add an item" }).click();
    await item(page, 2).getByLabel("From the catalogue").selectOption({ label: "Black tea, loose leaf, 100 g" });
    await item(page, 2).getByLabel("Quantity").fill("3");
    await page
      .getByLabel("Sender on the customs form")
      .fill("Forest Bird\nc/o Solidarity Relay, PO Box 12, 01001 Vilnius, Lithuania");
    await expect.poll(() => verdict.textContent()).toContain("Everything checks out: this parcel may be sent.");
    await page.getByRole("button", { name: "Check and mark ready to post" }).click();
    await page.waitForURL(/\?ready=1$/);
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Ready to post through Parcel post (you post it yourself).");
    await expectAccessible(page, "parcel ready to post");

    // The customs declaration: a CN 23 with every item in Russian and English, the recipient's full name.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the customs declaration (CN 23, PDF)" }).click(),
    ]);
    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync((await download.path())!)));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("CN 23");
    expect(flat).toContain("Сахар, 1 кг");
    expect(flat).toContain("Sugar, 1 kg");
    expect(flat).toContain("Чай чёрный листовой, 100 г");
    expect(flat).toContain("Black tea, loose leaf, 100 g");
    expect(flat).toContain("Воробей Дмитрий Олегович");
    expect(flat).toContain("REPUBLIC OF BELARUS");
    expect(flat).toContain("Forest Bird");
    expect(flat).toContain("Vilnius");
    expect(flat).toContain("2.300"); // net weight in kg
    expect(download.suggestedFilename()).not.toMatch(/Верабей|Vorobey|Воробей/);

    // A mistyped tracking number is refused, the right one accepted.
    const tracking = page.getByLabel("Tracking number from the receipt");
    await tracking.fill("RR473124828GB");
    await page.getByRole("button", { name: "Save the tracking number" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("The check digit (the last of the nine digits) does not match the others");
    await tracking.fill("rr 473 124 829 gb");
    await page.getByRole("button", { name: "Save the tracking number" }).click();
    await page.waitForURL(/\?tracked=1$/);
    await expect.poll(() => page.getByTestId("parcel-tracking-number").textContent()).toBe("RR473124829GB");
    expect((await page.getByTestId("parcel-status").textContent())?.toLowerCase()).toContain("posted");
    expect(await page.getByTestId("status-timeline").textContent()).toContain("RR473124829GB");
    await expectAccessible(page, "posted parcel");

    // My parcels lists it.
    await page.goto(`${demo.app.url}/parcels`);
    await expect.poll(() => page.getByRole("link", { name: "Parcel to Верабей Дзмітрый Алегавіч" }).count()).toBe(1);
    await expectAccessible(page, "my parcels");
    expect(problems).toEqual([]);
    await context.close();

    // The coordinator sees it in the list of all parcels.
    const coordinator = await newWatchedContext(demo.browser);
    const cPage = await coordinator.context.newPage();
    await signInDemoCoordinator(cPage, demo.app.url, demo.mail);
    await cPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Parcels", exact: true }).click();
    await cPage.waitForURL(/\/coordinator\/parcels$/);
    const table = cPage.getByTestId("all-parcels");
    await expect.poll(() => table.textContent()).toContain("Верабей Дзмітрый Алегавіч");
    expect(await table.textContent()).toContain("RR473124829GB");
    await expectAccessible(cPage, "all parcels");
    await cPage.getByRole("link", { name: "Верабей Дзмітрый Алегавіч" }).click();
    await cPage.waitForURL(parcelUrl);
    await expect.poll(() => cPage.getByTestId("parcel-tracking-number").textContent()).toBe("RR473124829GB");
    await cPage.goto(`${demo.app.url}/coordinator/parcel-rules`);
    await expect.poll(() => cPage.getByTestId("banned-terms").textContent()).toContain("knife");
    await expectAccessible(cPage, "parcel catalogue and banned words");
    expect(coordinator.problems).toEqual([]);
    await coordinator.context.close();

    // The command line gives the page's verdict for a file of items.
    await demo.app.stop();
    const files = fs.mkdtempSync(path.join(os.tmpdir(), "sm-parcel-items-"));
    fs.writeFileSync(
      path.join(files, "refused.json"),
      JSON.stringify([
        { catalog: "Sugar, 1 kg", quantity: 40 },
        { text: "Kitchen knife for bread", unitWeightGrams: 150, unitValue: 8 },
      ]),
    );
    const no = await admin(
      ["parcel:check", "--prisoner", prisonerId, "--items", path.join(files, "refused.json")],
      demo.app.dataDir,
    );
    expect(no.code, no.stderr).toBe(1);
    const refusedJson = JSON.parse(no.stdout);
    expect(refusedJson).toMatchObject({
      ok: false,
      customsForm: "CN23",
      totals: { weightGrams: 40_150, valueCents: 40 * 120 + 800, units: 41 },
    });
    expect(refusedJson.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining([overWeight, knife]),
    );
    fs.writeFileSync(
      path.join(files, "fine.json"),
      JSON.stringify({
        packageKind: "parcel",
        fromAbroad: true,
        items: [{ catalog: "чай чёрный листовой, 100 г", quantity: 2 }],
      }),
    );
    const yes = await admin(
      ["parcel:check", "--prisoner", prisonerId, "--items", path.join(files, "fine.json"), "--locale", "ru"],
      demo.app.dataDir,
    );
    expect(yes.code, yes.stderr).toBe(0);
    expect(JSON.parse(yes.stdout)).toMatchObject({ ok: true, problems: [] });
    const bad = await admin(
      ["parcel:check", "--prisoner", prisonerId, "--items", path.join(files, "missing.json")],
      demo.app.dataDir,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Cannot read");
  });
});
