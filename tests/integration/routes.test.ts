import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import {
  createRoute,
  ensureDefaultRoutes,
  getRoute,
  StatusInUseError,
  updateRoute,
  updateRouteStatuses,
} from "#app/models/routes.server.ts";
import { DEFAULT_ROUTE_SLUGS } from "#app/tracking/default-routes.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { parseStatusEdits, routeEditSchema } from "#app/schemas/routes.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

async function seedRoute() {
  return prisma.route.create({
    data: {
      slug: "pismo-bel",
      name: "pismo.bel",
      description: "x",
      countries: ["BY"],
      itemKinds: ["letter"],
      languages: ["ru", "be"],
      handover: "email",
      handoverEmail: "letters@pismo.example",
      statuses: {
        create: [
          { key: "queued", position: 0, usualDays: 1 },
          { key: "handed_over", position: 1, usualDays: 3 },
          { key: "delivered", position: 2, isFinal: true },
        ],
      },
    },
    include: { statuses: true },
  });
}

const form = (over: Record<string, unknown> = {}) => ({
  name: "pismo.bel",
  description: "Electronic hand-over",
  countries: ["BY"],
  itemKinds: ["letter", "postcard"],
  languages: ["ru", "be"],
  handover: "email",
  handoverEmail: "new-address@pismo.example",
  active: "on",
  position: "2",
  ...over,
});

describeEachDatabase("routes kept by coordinators", () => {
  test("a new installation gets the default routes once; after that the database is the truth", async () => {
    await Promise.all([ensureDefaultRoutes(), ensureDefaultRoutes()]);
    const routes = await prisma.route.findMany({ include: { statuses: true } });
    expect(routes.map((r) => r.slug).sort()).toEqual([...DEFAULT_ROUTE_SLUGS].sort());
    for (const route of routes) expect(route.statuses.filter((s) => !s.isFinal).length, route.slug).toBeGreaterThan(0);
    // No made-up hand-over address on a real installation: e-mail services wait, paused, for a coordinator.
    for (const route of routes.filter((r) => r.handover === "email"))
      expect([route.slug, route.handoverEmail, route.active]).toEqual([route.slug, null, false]);
    expect(
      routes
        .filter((r) => r.active)
        .map((r) => r.handover)
        .sort(),
    ).toEqual(["bank", "batch_export", "batch_export", "batch_export", "print_pdf", "print_pdf"]);
    // A coordinator's removal is not undone on the next start.
    await prisma.route.deleteMany({ where: { slug: "rosuznik" } });
    await ensureDefaultRoutes();
    expect(await prisma.route.count({ where: { slug: "rosuznik" } })).toBe(0);
  });

  test("an installation that already has routes keeps them and gets no duplicates", async () => {
    await seedRoute();
    await ensureDefaultRoutes();
    expect((await prisma.route.findMany()).map((r) => r.slug)).toEqual(["pismo-bel"]);
  });

  test("a coordinator adds a route: a unique slug, a simple path of statuses to shape, audited; volunteers cannot", async () => {
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" },
    });
    const input = routeEditSchema.parse(
      form({ name: "Pismo Relay (Vilnius)", handover: "print_pdf", handoverEmail: "", active: undefined }),
    );
    const first = await getRoute(await createRoute(coordinator, input));
    const second = await getRoute(await createRoute(coordinator, input));
    expect([first!.slug, second!.slug]).toEqual(["pismo-relay-vilnius", "pismo-relay-vilnius-2"]);
    expect(first).toMatchObject({ name: "Pismo Relay (Vilnius)", handover: "print_pdf", active: false });
    expect(first!.statuses.map((s) => [s.key, s.position, s.isFinal])).toEqual([
      ["queued", 0, false],
      ["posted", 1, false],
      ["delivered", 2, true],
      ["returned", 3, true],
      ["censored", 4, true],
      ["refused", 5, true],
      ["unknown", 6, true],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "route.created" } })).toBe(2);
    const volunteer = await prisma.user.create({
      data: { email: "v@example.org", pseudonym: "V", vettingState: "approved" },
    });
    await expect(createRoute(volunteer, input)).rejects.toBeInstanceOf(PermissionError);
  });

  test("a coordinator changes what a route accepts and its hand-over address; it is audited", async () => {
    const route = await seedRoute();
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" },
    });
    await updateRoute(coordinator, route.id, routeEditSchema.parse(form()));
    const after = await getRoute(route.id);
    expect(after).toMatchObject({
      itemKinds: ["letter", "postcard"],
      handoverEmail: "new-address@pismo.example",
      active: true,
      position: 2,
      translates: false,
    });
    expect(await prisma.auditLog.findMany({ where: { action: "route.updated" } })).toHaveLength(1);
  });

  test("a route's cost per letter is data coordinators keep: stated, free, or not stated; FSIN-Pismo starts at 55 RUB", async () => {
    await ensureDefaultRoutes();
    const route = (await prisma.route.findUnique({ where: { slug: "fsin-pismo" } }))!;
    expect(route).toMatchObject({ costMinor: 5500, costCurrency: "RUB" });
    // Routes whose cost follows from the hand-over (self-post: the postage) state none.
    expect(await prisma.route.findUnique({ where: { slug: "viasna-self-post" } })).toMatchObject({ costMinor: null });

    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" },
    });
    await updateRoute(coordinator, route.id, routeEditSchema.parse(form({ cost: "1,50", costCurrency: "eur" })));
    expect(await getRoute(route.id)).toMatchObject({ costMinor: 150, costCurrency: "EUR" });
    // "0" is free: no currency needed, none kept.
    await updateRoute(coordinator, route.id, routeEditSchema.parse(form({ cost: "0", costCurrency: "EUR" })));
    expect(await getRoute(route.id)).toMatchObject({ costMinor: 0, costCurrency: null });
    // Empty: not stated.
    await updateRoute(coordinator, route.id, routeEditSchema.parse(form({ cost: "", costCurrency: "" })));
    expect(await getRoute(route.id)).toMatchObject({ costMinor: null, costCurrency: null });

    // An amount needs its currency; words and three decimals are refused, each on its own field.
    expect(routeEditSchema.safeParse(form({ cost: "55" })).error?.issues[0]).toMatchObject({
      path: ["costCurrency"],
      message: "routes.validation.costCurrency",
    });
    expect(routeEditSchema.safeParse(form({ cost: "about 55", costCurrency: "RUB" })).error?.issues[0]).toMatchObject({
      path: ["cost"],
      message: "routes.validation.cost",
    });
    expect(routeEditSchema.safeParse(form({ cost: "1.505", costCurrency: "RUB" })).success).toBe(false);
    expect(routeEditSchema.safeParse(form({ cost: "55", costCurrency: "RUBL" })).error?.issues[0].path).toEqual([
      "costCurrency",
    ]);
  });

  test("a coordinator adds, reorders and removes statuses and changes usual days; endings stay after the steps", async () => {
    const route = await seedRoute();
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" },
    });
    const id = (key: string) => route.statuses.find((s) => s.key === key)!.id;
    const data = new FormData();
    // handed_over first, then queued; the ending given position 0 still goes last.
    data.set(`position:${id("queued")}`, "5");
    data.set(`days:${id("queued")}`, "2");
    data.set(`position:${id("handed_over")}`, "1");
    data.set(`days:${id("handed_over")}`, "5");
    data.set(`position:${id("delivered")}`, "0");
    data.set("newKey", "at_border");
    data.set("newLabel", "At the border");
    data.set("newDays", "4");
    const parsed = parseStatusEdits(data, route.statuses);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await updateRouteStatuses(coordinator, route.id, parsed.edits, parsed.added);
    const after = (await getRoute(route.id))!.statuses;
    expect(after.map((s) => [s.key, s.position, s.usualDays, s.isFinal])).toEqual([
      ["handed_over", 0, 5, false],
      ["queued", 1, 2, false],
      ["at_border", 2, 4, false],
      ["delivered", 3, null, true],
    ]);
    expect(after.find((s) => s.key === "at_border")!.label).toBe("At the border");

    const removal = new FormData();
    for (const s of after) removal.set(`position:${s.id}`, String(s.position));
    removal.set(`remove:${after.find((s) => s.key === "at_border")!.id}`, "on");
    const parsedRemoval = parseStatusEdits(removal, after);
    if (!parsedRemoval.ok) throw new Error("unexpected");
    await updateRouteStatuses(coordinator, route.id, parsedRemoval.edits, null);
    expect((await getRoute(route.id))!.statuses.map((s) => s.key)).toEqual(["handed_over", "queued", "delivered"]);
  });

  test("a status items are in cannot be removed; bad keys, missing labels and a route without steps are refused", async () => {
    const route = await seedRoute();
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" },
    });
    const prisoner = await prisma.prisoner.create({ data: { country: "BY" } });
    await prisma.letter.create({
      data: { prisonerId: prisoner.id, state: "sent", routeId: route.id, status: "queued" },
    });
    const queued = route.statuses.find((s) => s.key === "queued")!;
    const data = new FormData();
    data.set(`remove:${queued.id}`, "on");
    const parsed = parseStatusEdits(data, route.statuses);
    if (!parsed.ok) throw new Error("unexpected");
    await expect(updateRouteStatuses(coordinator, route.id, parsed.edits, null)).rejects.toMatchObject({
      key: "queued",
      count: 1,
    });
    await expect(updateRouteStatuses(coordinator, route.id, parsed.edits, null)).rejects.toBeInstanceOf(
      StatusInUseError,
    );
    expect((await getRoute(route.id))!.statuses).toHaveLength(3);

    const bad = new FormData();
    bad.set("newKey", "Bad Key!");
    expect(parseStatusEdits(bad, route.statuses)).toMatchObject({
      ok: false,
      errors: { newKey: "routes.statuses.badKey" },
    });
    const unlabelled = new FormData();
    unlabelled.set("newKey", "at_border");
    expect(parseStatusEdits(unlabelled, route.statuses)).toMatchObject({
      ok: false,
      errors: { newLabel: "validation.required" },
    });
    const taken = new FormData();
    taken.set("newKey", "queued");
    expect(parseStatusEdits(taken, route.statuses)).toMatchObject({
      ok: false,
      errors: { newKey: "routes.statuses.keyTaken" },
    });
    const noSteps = new FormData();
    for (const s of route.statuses.filter((s) => !s.isFinal)) noSteps.set(`remove:${s.id}`, "on");
    expect(parseStatusEdits(noSteps, route.statuses)).toMatchObject({
      ok: false,
      errors: { form: "routes.statuses.needsStep" },
    });
  });

  test("the form refuses an e-mail hand-over without an address, and an empty country list; volunteers cannot edit", async () => {
    const route = await seedRoute();
    const noAddress = routeEditSchema.safeParse(form({ handoverEmail: "" }));
    expect(noAddress.success).toBe(false);
    expect(noAddress.error?.issues[0]).toMatchObject({
      path: ["handoverEmail"],
      message: "routes.validation.handoverEmail",
    });
    expect(routeEditSchema.safeParse(form({ countries: [] })).error?.issues[0].message).toBe(
      "routes.validation.countries",
    );
    // Unticked boxes are absent from a form: the route becomes inactive.
    expect(routeEditSchema.parse(form({ active: undefined })).active).toBe(false);
    const volunteer = await prisma.user.create({
      data: { email: "v@example.org", pseudonym: "V", vettingState: "approved" },
    });
    await expect(updateRoute(volunteer, route.id, routeEditSchema.parse(form()))).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(updateRouteStatuses(volunteer, route.id, [], null)).rejects.toBeInstanceOf(PermissionError);
    expect((await getRoute(route.id))!.handoverEmail).toBe("letters@pismo.example");
  });
});
