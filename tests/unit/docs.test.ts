import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

// The README keeps the two commands, what the app does and links; the rest lives in
// docs/ by topic. These checks keep that navigable as pages are added and renamed.
const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const docs = fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md"));
const decisions = fs.readdirSync(path.join(root, "docs/decisions")).filter((f) => f.endsWith(".md"));
const pages = ["README.md", ...docs.map((f) => `docs/${f}`), ...decisions.map((f) => `docs/decisions/${f}`)];

/** GitHub's anchor for a heading. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- ]/gu, "")
    .replace(/ /g, "-");
}

function headings(file: string): Set<string> {
  const text = read(file).replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#+ (.+)$/gm)].map((m) => anchor(m[1])));
}

describe("documentation", () => {
  test("the README keeps the two commands and links every topic page in docs/", () => {
    const readme = read("README.md");
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test");
    for (const file of docs) expect(readme, file).toContain(`(docs/${file})`);
    expect(readme.split("\n").length).toBeLessThan(100);
  });

  test.each(pages)("every relative link of %s leads to a file and heading that exist", (file) => {
    const broken: string[] = [];
    for (const [, link] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(link)) continue;
      const [target, hash] = link.split("#");
      const resolved = target ? path.join(path.dirname(file), target) : file;
      if (!fs.existsSync(path.join(root, resolved))) broken.push(link);
      else if (hash && resolved.endsWith(".md") && !headings(resolved).has(hash)) broken.push(link);
    }
    expect(broken).toEqual([]);
  });

  test.each(decisions)("decision record %s has a date and a status", (file) => {
    expect(read(`docs/decisions/${file}`)).toMatch(
      /^# \d{3} — .+\n\n- Date: \d{4}-\d{2}-\d{2}\n- Status: (proposed|accepted|superseded by \d{3}|deprecated)/,
    );
  });
});
