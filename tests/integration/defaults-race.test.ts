import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { ensureParcelDefaults, listCatalog } from "#app/models/parcels.server.ts";
import { ensureWritingHelp, phrasebook, riskPhrases } from "#app/models/writing-help.server.ts";
import { ensureDefaultRoutes, listRoutes } from "#app/models/routes.server.ts";
import { DEFAULT_BANNED_TERMS, DEFAULT_CATALOG } from "#app/parcels/defaults.ts";
import { DEFAULT_PHRASEBOOK } from "#app/letters/default-phrasebook.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

describeEachDatabase("first-use defaults under concurrency", () => {
  test("six first 'Send a parcel' requests at once store the parcel catalogue once", async () => {
    const results = await Promise.allSettled([
      ...Array.from({ length: 3 }, () => ensureParcelDefaults()),
      ...Array.from({ length: 3 }, () => listCatalog()),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await prisma.catalogItem.count()).toBe(DEFAULT_CATALOG.length);
    expect(await prisma.bannedTerm.count()).toBe(new Set(DEFAULT_BANNED_TERMS.map((t) => JSON.stringify(t))).size);
  });

  test("six first letter pages at once set the writing help up once, without an error", async () => {
    const results = await Promise.allSettled([
      ensureWritingHelp(),
      ensureWritingHelp(),
      phrasebook(),
      phrasebook(),
      riskPhrases(),
      riskPhrases(),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await prisma.phrase.count()).toBe(DEFAULT_PHRASEBOOK.length);
    expect(await prisma.setting.count({ where: { key: "writingHelpInitialized" } })).toBe(1);
  });

  test("routes seeded by several instances at once exist once", async () => {
    const results = await Promise.allSettled([ensureDefaultRoutes(), ensureDefaultRoutes(), ensureDefaultRoutes()]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const routes = await listRoutes();
    expect(routes.length).toBeGreaterThan(0);
    expect(new Set(routes.map((r) => r.slug)).size).toBe(routes.length);
  });
});
