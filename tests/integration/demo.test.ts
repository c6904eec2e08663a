import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET, seedDemoData } from "#app/models/demo.server.ts";
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
      expect(route.statuses.some((s) => s.isFinal), route.slug).toBe(true);
      expect(route.statuses.map((s) => s.position)).toEqual(route.statuses.map((_, i) => i));
    }

    const prisoners = await prisma.prisoner.findMany({ include: { names: true } });
    expect(prisoners.length).toBeGreaterThan(5);
    for (const prisoner of prisoners) expect(prisoner.names.filter((n) => n.isPrimary)).toHaveLength(1);

    // Items on their way for a newcomer to see: each with a status history that ends in its status.
    const letters = await prisma.letter.findMany({ include: { events: { orderBy: { occurredAt: "asc" } }, route: { select: { slug: true } } } });
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
});
