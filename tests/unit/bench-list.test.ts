import { parse } from "csv-parse/sync";
import { expect, test } from "vitest";
import { generateList } from "../../scripts/bench-list.ts";

test("the benchmark list has as many distinct people as it claims, and the same list every time", () => {
  const first = generateList(3000);
  const records = parse(first.csv, { columns: true }) as Record<string, string>[];
  const people = new Set<string>();
  let broken = 0;
  for (const record of records) {
    if (record.name === "Иванов") broken++;
    else people.add(`${record.name}|${record.birthday}`);
  }
  expect(people.size).toBe(3000);
  expect(first.people).toBe(3000);
  expect(broken).toBe(first.badRows);
  expect(broken).toBeGreaterThan(0);
  expect(generateList(3000).csv.equals(first.csv)).toBe(true);
  const surnames = new Set([...people].map((p) => p.split(" ")[0]));
  expect(surnames.size).toBeGreaterThan(1000);
});
