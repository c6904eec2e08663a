import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { DEMO_ACCOUNTS, DEMO_LOADED, DEMO_TOTP_SECRET, seedDemo, seedDemoData } from "#app/models/demo.server.ts";
import { seedRegistry } from "../../prisma/demo-data";
import { totpCodeFor, verifyTotp } from "#app/models/totp.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

async function counts() {
  const [users, prisoners, names, routes, statuses, facilities, verifications, catalog] = await Promise.all([
    prisma.user.count(),
    prisma.prisoner.count(),
    prisma.prisonerName.count(),
    prisma.route.count(),
    prisma.routeStatus.count(),
    prisma.facility.count(),
    prisma.verification.count(),
    prisma.catalogItem.count(),
  ]);
  return { users, prisoners, names, routes, statuses, facilities, verifications, catalog };
}

describeEachDatabase("demo data", () => {
  test("loads into an empty database once, and changes nothing the second time", async () => {
    expect(await seedDemoData()).toBe(true);

    const users = await prisma.user.findMany({ orderBy: { email: "asc" } });
    expect(users).toHaveLength(4);
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(users.filter((u) => u.role === "admin")).toHaveLength(1);
    expect(users.filter((u) => u.role === "coordinator")).toHaveLength(1);
    const pending = users.filter((u) => u.vettingState === "pending");
    expect(pending).toHaveLength(1);
    expect(pending[0].approvedAt).toBeNull();
    for (const user of users.filter((u) => u.vettingState === "approved")) expect(user.approvedAt).toBeInstanceOf(Date);

    const routes = await prisma.route.findMany({ include: { statuses: { orderBy: { position: "asc" } } } });
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(route.statuses.length, route.slug).toBeGreaterThan(1);
      expect(
        route.statuses.some((s) => s.isFinal),
        route.slug,
      ).toBe(true);
      expect(route.statuses.map((s) => s.position)).toEqual(route.statuses.map((_, i) => i));
    }

    const prisoners = await prisma.prisoner.findMany({ include: { names: true } });
    expect(prisoners.length).toBeGreaterThan(5);
    for (const prisoner of prisoners) expect(prisoner.names.filter((n) => n.isPrimary)).toHaveLength(1);

    // Items on their way for a newcomer to see: each with a status history that ends in its status.
    const letters = await prisma.letter.findMany({
      include: { events: { orderBy: { occurredAt: "asc" } }, route: { select: { slug: true } } },
    });
    expect(letters.map((l) => `${l.route?.slug}:${l.status}`).sort()).toEqual([
      "atelier:delivered",
      "atelier:handed_over",
      "atelier:handed_over",
      "viasna-self-post:queued",
    ]);
    for (const letter of letters) expect(letter.events.at(-1)?.toStatus).toBe(letter.status);

    const before = await counts();
    expect(await seedDemoData()).toBe(false);
    expect(await counts()).toEqual(before);
  });

  test("the demo coordinator and admin can pass the second factor with the published secret", async () => {
    await seedDemoData();
    const privileged = await prisma.user.findMany({ where: { role: { in: ["coordinator", "admin"] } } });
    expect(privileged).toHaveLength(2);
    for (const user of privileged) expect(await verifyTotp(user.id, totpCodeFor(DEMO_TOTP_SECRET))).toBe(true);
    const volunteers = await prisma.user.findMany({ where: { role: "volunteer" }, select: { id: true } });
    expect(await prisma.verification.count({ where: { target: { in: volunteers.map((v) => v.id) } } })).toBe(0);
  });

  test("a database that already has a user is left alone", async () => {
    await prisma.user.create({ data: { email: "real@example.org", pseudonym: "Real" } });
    expect(await seedDemoData()).toBe(false);
    expect(await counts()).toMatchObject({ users: 1, prisoners: 0, routes: 0 });
  });

  // Issue 11, item 4: older versions loaded the demo in steps; an interrupted start
  // left prisoners and routes without accounts, and every later start refused.
  test("an interrupted demo load by an older version (registry written, no accounts) is removed and loaded again whole", async () => {
    expect(await seedDemoData()).toBe(true);
    const whole = await counts();
    await prisma.$executeRawUnsafe(
      `TRUNCATE "User", "Prisoner", "Facility", "Source", "CatalogItem", "Route", "Setting", "Verification" CASCADE`,
    );

    // What an older version wrote before it was killed: the registry, one account, no marker.
    await seedRegistry(prisma);
    await prisma.user.create({ data: { email: DEMO_ACCOUNTS[0].email, pseudonym: "half" } });
    expect(await prisma.prisoner.count()).toBeGreaterThan(5);

    const outcome = await seedDemo();
    expect(outcome).toMatchObject({ kind: "repaired" });
    expect(outcome.message).toMatch(/interrupted demo load .*1 account of 4/);
    expect(await counts()).toEqual(whole);
    expect((await prisma.user.findMany()).map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(await prisma.setting.count({ where: { key: DEMO_LOADED } })).toBe(1);
    expect(await seedDemo()).toMatchObject({ kind: "already-loaded" });
  });

  test("a whole demo loaded by an older version (no marker) is kept as it is and marked", async () => {
    await seedDemoData();
    const letter = await prisma.letter.findFirstOrThrow();
    await prisma.setting.delete({ where: { key: DEMO_LOADED } });
    const before = await counts();
    expect(await seedDemo()).toMatchObject({ kind: "already-loaded" });
    expect(await counts()).toEqual(before);
    expect(await prisma.letter.findUnique({ where: { id: letter.id } })).not.toBeNull();
    expect(await prisma.setting.count({ where: { key: DEMO_LOADED } })).toBe(1);
  });

  test("demo rows mixed with real ones are left alone, and the message says what is in the way", async () => {
    await seedRegistry(prisma);
    await prisma.user.create({ data: { email: "real@example.org", pseudonym: "Real" } });
    await prisma.prisoner.create({ data: { country: "BY" } });
    const before = await counts();
    const outcome = await seedDemo();
    expect(outcome).toEqual({
      kind: "not-empty",
      message: "database not empty (1 account, 1 prisoner not from the demo): demo data not loaded",
    });
    expect(await counts()).toEqual(before);
  });
});
