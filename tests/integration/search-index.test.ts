import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

/**
 * Plans, not timings: the name queries of app/models/prisoner-search.server.ts must be
 * answerable from the name-key indexes. Sequential scans are disabled for the
 * statement so the test does not depend on table size: if an index stops applying
 * (dropped, or the query rewritten into a form it cannot serve), the planner falls
 * back to a sequential scan anyway and the assertion fails. PGlite runs the same
 * PostgreSQL planner, so the test runs on both databases.
 */
async function plan(sql: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describeEachDatabase("name search uses the name-key indexes", () => {
  test("an exact or transliterated word is looked up through an index on the key", async () => {
    const text = await plan(
      `SELECT "prisonerId" FROM "PrisonerNameKey" WHERE "kind" = 'token' AND "key" = ANY(ARRAY['kastusiou','kastusev'])`,
    );
    expect(text).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(text).toMatch(/PrisonerNameKey_(kind_key_pattern|key)_idx/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  test("near-miss candidates (prefix and length) come from the text_pattern_ops index", async () => {
    const text = await plan(
      `SELECT DISTINCT "key" FROM "PrisonerNameKey" WHERE "kind" = 'token' AND "key" LIKE 'ka%' AND length("key") BETWEEN 7 AND 11`,
    );
    expect(text).toContain("PrisonerNameKey_kind_key_pattern_idx");
    expect(text).toMatch(/Index Cond: .*key.*~>=~/);
    expect(text).not.toMatch(/Seq Scan/);
  });
});
