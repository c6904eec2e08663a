import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runProjectCommand, testAppEnv } from "#tests/support/app-server.ts";

const root = path.resolve(import.meta.dirname, "../..");
let env: NodeJS.ProcessEnv;
let dir: string;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...args], {
      cwd: root,
      env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-cli-"));
  env = testAppEnv(dir);
  await runProjectCommand(
    ["scripts/admin.ts", "source:create", "--slug", "viasna", "--name", "Viasna list", "--country", "BY"],
    env,
  );
  fs.writeFileSync(
    path.join(dir, "list.csv"),
    '\uFEFF№;ФИО;Дата рождения;Место заключения;Статьи\r\n1;Кастусёў Рыгор Іванавіч;12.03.1985;ИК №4;=HYPERLINK("x")\r\n2;Иванов;01.01.1990;ИК №4;\r\n',
  );
});

describe("npm run import", () => {
  test("prints one JSON summary, and the same file again changes nothing", async () => {
    const first = await run([
      "scripts/import.ts",
      "--source",
      "viasna",
      "--file",
      path.join(dir, "list.csv"),
      "--json",
    ]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      created: 1,
      updated: 0,
      transferred: 0,
      unchanged: 0,
      missing: 0,
      needsReview: 0,
      skipped: 0,
      errors: [
        { line: 3, field: "fullName", message: "“Иванов” is only one word. Give at least a surname and a first name." },
      ],
    });
    const again = await run(["scripts/import.ts", "--source", "viasna", "--file", path.join(dir, "list.csv")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 new, 0 updated, 0 transferred, 1 unchanged");
    expect(again.stdout).toContain("Nothing changed");
  });

  test("a dry run writes nothing; an unreadable file and an unknown source fail with a clear message", async () => {
    fs.writeFileSync(path.join(dir, "other.csv"), "№;ФИО\r\n9;Лосік Ігар\r\n");
    const dry = await run([
      "scripts/import.ts",
      "--source",
      "viasna",
      "--file",
      path.join(dir, "other.csv"),
      "--dry-run",
      "--json",
    ]);
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 1 });
    // Had the first dry run written anything, the second would find the person unchanged.
    const dryAgain = await run([
      "scripts/import.ts",
      "--source",
      "viasna",
      "--file",
      path.join(dir, "other.csv"),
      "--dry-run",
      "--json",
    ]);
    expect(JSON.parse(dryAgain.stdout)).toMatchObject({ created: 1, unchanged: 0 });

    fs.writeFileSync(path.join(dir, "broken.xlsx"), "PK\u0003\u0004 this is not a workbook");
    const broken = await run([
      "scripts/import.ts",
      "--source",
      "viasna",
      "--file",
      path.join(dir, "broken.xlsx"),
      "--json",
    ]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).error).toMatch(/cannot be read/);

    const missing = await run([
      "scripts/import.ts",
      "--source",
      "viasna",
      "--file",
      path.join(dir, "no-such-file.csv"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read");

    const unknown = await run(["scripts/import.ts", "--source", "nowhere", "--file", path.join(dir, "list.csv")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown source "nowhere"');
  });
});

describe("npm run admin -- token:…", () => {
  test("a token is created with an expiry, listed without its secret, and revoked by the start of its id", async () => {
    const created = await run([
      "scripts/admin.ts",
      "token:create",
      "--name",
      "Viasna sync",
      "--scope",
      "import",
      "--days",
      "30",
    ]);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^sm_/);
    expect(created.stderr).toMatch(/Valid until \d{4}-\d{2}-\d{2}\./);

    const listed = await run(["scripts/admin.ts", "token:list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(token.slice(3));
    const [line] = listed.stdout
      .trim()
      .split("\n")
      .filter((l) => l.includes("Viasna sync"));
    const [id, state, scope] = line.split("\t");
    expect([state, scope]).toEqual(["active", "import"]);
    expect(line).toContain("last used -");

    const revoked = await run(["scripts/admin.ts", "token:revoke", "--id", id.slice(0, 10)]);
    expect(revoked.code).toBe(0);
    expect((await run(["scripts/admin.ts", "token:list"])).stdout).toContain(`${id}\trevoked\timport`);
    const again = await run(["scripts/admin.ts", "token:revoke", "--id", id]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("No active token");
  });
});
