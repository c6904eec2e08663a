import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { letterPage } from "#app/models/letter-page.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createPrisoner, createRoute, createSentLetter, createVolunteer } from "#tests/support/factories.ts";

describeEachDatabase("custom status labels on the letter page", () => {
  test("the page data carries the names the route gave its own statuses, for the status, the history and what is ahead", async () => {
    const writer = await createVolunteer({ email: "writer@example.org" });
    const prisoner = await createPrisoner();
    const route = await createRoute("relay-post", { handover: "print_pdf" }, [
      { key: "queued", position: 0, usualDays: 1 },
      { key: "at_relay", position: 1, usualDays: 5 },
      { key: "posted", position: 2, usualDays: 14 },
      { key: "with_lawyer", position: 3, usualDays: 3 },
      { key: "delivered", position: 4, isFinal: true },
    ]);
    await createRouteLabels(route.id, { at_relay: "At the relay in Vilnius", with_lawyer: "Handed to the lawyer" });
    const letter = await createSentLetter(writer.id, prisoner.id, { routeId: route.id, status: "at_relay" });

    const page = await letterPage(writer, letter.id);
    expect(page?.statusLabels).toEqual({ at_relay: "At the relay in Vilnius", with_lawyer: "Handed to the lawyer" });
    expect(page?.letter.status).toBe("at_relay");
    expect(page?.letter.ahead.map((s) => s.key)).toContain("with_lawyer");
  });

  test("a letter without a route has no labels", async () => {
    const writer = await createVolunteer({ email: "drafter@example.org" });
    const prisoner = await createPrisoner();
    const letter = await createSentLetter(writer.id, prisoner.id, { state: "draft", status: null, sentAt: null });
    expect((await letterPage(writer, letter.id))?.statusLabels).toEqual({});
  });
});

/** Names a coordinator gave the route's own statuses. */
async function createRouteLabels(routeId: string, labels: Record<string, string>) {
  for (const [key, label] of Object.entries(labels))
    await prisma.routeStatus.updateMany({ where: { routeId, key }, data: { label } });
}
