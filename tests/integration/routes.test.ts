import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { getRoute, updateRoute } from "#app/models/routes.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { routeEditSchema } from "#app/schemas/routes.ts";
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
      statuses: { create: [{ key: "queued", position: 0, usualDays: 1 }, { key: "handed_over", position: 1, usualDays: 3 }, { key: "delivered", position: 2, isFinal: true }] },
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
  test("a coordinator changes what a route accepts, its hand-over address and usual days; it is audited", async () => {
    const route = await seedRoute();
    const coordinator = await prisma.user.create({ data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" } });
    const parsed = routeEditSchema.parse(form());
    const handedOver = route.statuses.find((s) => s.key === "handed_over")!;
    await updateRoute(coordinator, route.id, parsed, { [handedOver.id]: 5 });
    const after = await getRoute(route.id);
    expect(after).toMatchObject({ itemKinds: ["letter", "postcard"], handoverEmail: "new-address@pismo.example", active: true, position: 2, translates: false });
    expect(after!.statuses.find((s) => s.key === "handed_over")!.usualDays).toBe(5);
    expect(await prisma.auditLog.findMany({ where: { action: "route.updated" } })).toHaveLength(1);
  });

  test("the form refuses an e-mail hand-over without an address, and an empty country list; volunteers cannot edit", async () => {
    const route = await seedRoute();
    const noAddress = routeEditSchema.safeParse(form({ handoverEmail: "" }));
    expect(noAddress.success).toBe(false);
    expect(noAddress.error?.issues[0]).toMatchObject({ path: ["handoverEmail"], message: "routes.validation.handoverEmail" });
    expect(routeEditSchema.safeParse(form({ countries: [] })).error?.issues[0].message).toBe("routes.validation.countries");
    // Unticked boxes are absent from a form: the route becomes inactive.
    expect(routeEditSchema.parse(form({ active: undefined })).active).toBe(false);
    const volunteer = await prisma.user.create({ data: { email: "v@example.org", pseudonym: "V", vettingState: "approved" } });
    await expect(updateRoute(volunteer, route.id, routeEditSchema.parse(form()), {})).rejects.toBeInstanceOf(PermissionError);
    expect((await getRoute(route.id))!.handoverEmail).toBe("letters@pismo.example");
  });
});
