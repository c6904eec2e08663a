import { describe, expect, test } from "vitest";
import type { Country, ItemKind } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { createSession, markSecondFactor } from "#app/utils/session.server.ts";
import {
  activeVolunteersThisMonth,
  countStuckItems,
  coverage,
  dashboard,
  dashboardFiltersFromUrl,
  dashboardFiltersToParams,
  endingsByFacility,
  itemsByRouteAndStatus,
  sentAndDeliveredPerWeek,
  situationPerMonth,
  type DashboardFilters,
} from "#app/models/dashboard.server.ts";
import { loader as exportLoader } from "#app/routes/coordinator.dashboard-export.tsx";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createSource } from "#tests/support/factories.ts";

// "Today" for every test: Wednesday 18 June 2025, noon UTC. The default period is then
// the 12 weeks from Monday 31 March to Wednesday 18 June (weeks start on Monday).
const TODAY = new Date("2025-06-18T12:00:00Z");
const WEEKS = [
  "2025-03-31",
  "2025-04-07",
  "2025-04-14",
  "2025-04-21",
  "2025-04-28",
  "2025-05-05",
  "2025-05-12",
  "2025-05-19",
  "2025-05-26",
  "2025-06-02",
  "2025-06-09",
  "2025-06-16",
];
const at = (iso: string) => new Date(`${iso}Z`);
const FINALS = ["delivered", "reply_received", "returned", "censored", "refused", "unknown"];

function freezeToday() {
  advanceClock(TODAY.getTime() - Date.now());
}

function filtersFor(query: string): DashboardFilters {
  return dashboardFiltersFromUrl(new URLSearchParams(query), TODAY);
}

describe("dashboard filters from the URL", () => {
  test("default period: this week and the 11 before it, up to today", () => {
    const f = filtersFor("");
    expect(f).toEqual({ country: null, routeId: null, from: at("2025-03-31T00:00:00"), to: at("2025-06-19T00:00:00") });
    expect(dashboardFiltersToParams(f)).toEqual({ country: "", route: "", from: "2025-03-31", to: "2025-06-18" });
  });

  test("country, route and dates are read; bad values fall back; a reversed period is turned round", () => {
    expect(filtersFor("country=RU&route=abc_1-2&from=2025-05-01&to=2025-05-31")).toEqual({
      country: "RU",
      routeId: "abc_1-2",
      from: at("2025-05-01T00:00:00"),
      to: at("2025-06-01T00:00:00"),
    });
    expect(filtersFor("from=2025-05-31&to=2025-05-01")).toMatchObject({
      from: at("2025-05-01T00:00:00"),
      to: at("2025-06-01T00:00:00"),
    });
    expect(filtersFor("country=DE&route=%27%3B--&from=2025-02-30&to=yesterday")).toEqual(filtersFor(""));
    // Only "to": twelve weeks ending with that day's week.
    expect(filtersFor("to=2025-01-15")).toMatchObject({
      from: at("2024-10-28T00:00:00"),
      to: at("2025-01-16T00:00:00"),
    });
    // At most three years.
    expect(filtersFor("from=2000-01-01&to=2025-06-18").from).toEqual(
      new Date(at("2025-06-19T00:00:00").getTime() - 3 * 366 * 86_400_000),
    );
  });
});

describeEachDatabase("coordinators' dashboard", () => {
  async function seed() {
    const route = (
      slug: string,
      position: number,
      countries: Country[],
      kinds: ItemKind[],
      steps: [string, number | null][],
    ) =>
      prisma.route.create({
        data: {
          slug,
          name: `Route ${slug}`,
          description: "x",
          countries,
          itemKinds: kinds,
          languages: ["ru"],
          handover: "email",
          position,
          statuses: {
            create: [
              ...steps.map(([key, usualDays], i) => ({ key, position: i, usualDays })),
              ...FINALS.map((key, i) => ({ key, position: steps.length + i, isFinal: true })),
            ],
          },
        },
      });
    const atelier = await route(
      "atelier",
      0,
      ["BY"],
      ["letter", "postcard", "parcel"],
      [
        ["queued", 2],
        ["posted", 3],
        ["in_transit", 14],
      ],
    );
    const ovd = await route(
      "ovd",
      1,
      ["RU"],
      ["letter", "parcel"],
      [
        ["queued", 5],
        ["in_transit", 10],
      ],
    );
    const bank = await route("bank", 2, ["BY", "RU"], ["letter"], [["held_in_bank", null]]);

    const facility = (country: Country, name: string, city: string) =>
      prisma.facility.create({
        data: { country, type: "colony", name, street: "ул. Ленина, 1", postcode: "246035", city },
      });
    const f1 = await facility("BY", "ИК №4", "Гомель");
    const f2 = await facility("RU", "ИК №2", "Ярцево");
    const f3 = await facility("BY", "СИЗО №1", "Минск");

    const prisoner = async (
      surname: string,
      country: Country,
      facilityId: string | null,
      extra: { humanitarian?: boolean; status?: "released"; doNotWrite?: boolean } = {},
    ) =>
      prisma.prisoner.create({
        data: {
          country,
          currentFacilityId: facilityId,
          sortName: surname.toLowerCase(),
          ...extra,
          names: { create: { script: "cyrillic_ru", surname, givenName: "Иван", isPrimary: true } },
        },
      });
    const p1 = await prisoner("Первый", "BY", f1.id, { humanitarian: true });
    const p2 = await prisoner("Второй", "BY", f3.id);
    const p3 = await prisoner("Третий", "RU", f2.id, { humanitarian: true });
    await prisoner("Четвёртый", "BY", f1.id, { status: "released" });
    await prisoner("Пятый", "RU", f2.id, { doNotWrite: true });
    const p6 = await prisoner("Шестой", "BY", f1.id);
    const p7 = await prisoner("Седьмой", "RU", null, { humanitarian: true });
    const p8 = await prisoner("Восьмой", "BY", f1.id, { humanitarian: true });
    const p9 = await prisoner("Девятый", "BY", f1.id, { humanitarian: true });

    const user = (n: number) =>
      prisma.user.create({ data: { email: `v${n}@example.org`, pseudonym: `V${n}`, vettingState: "approved" } });
    const [v1, v2, v3] = [await user(1), await user(2), await user(3)];

    /** An item sent at its first event's time, now in its last event's status. */
    const item = async (
      type: "letter" | "postcard" | "parcel",
      who: { prisonerId: string; routeId: string; facilityId: string | null; personId: string },
      events: [status: string, when: string][],
    ) => {
      const [last, lastAt] = events[events.length - 1];
      const common = {
        prisonerId: who.prisonerId,
        routeId: who.routeId,
        facilityId: who.facilityId,
        state: FINALS.includes(last) ? ("closed" as const) : ("sent" as const),
        status: last,
        sentAt: at(events[0][1]),
        statusChangedAt: at(lastAt),
      };
      const created =
        type === "parcel"
          ? await prisma.parcel.create({ data: { ...common, senderId: who.personId } })
          : await prisma.letter.create({ data: { ...common, kind: type, authorId: who.personId } });
      await prisma.statusEvent.createMany({
        data: events.map(([status, when], i) => ({
          [type === "parcel" ? "parcelId" : "letterId"]: created.id,
          fromStatus: i === 0 ? null : events[i - 1][0],
          toStatus: status,
          occurredAt: at(when),
        })),
      });
      return created;
    };
    const A = (prisonerId: string, facilityId: string | null, personId: string) => ({
      prisonerId,
      routeId: atelier.id,
      facilityId,
      personId,
    });
    const O = (prisonerId: string, facilityId: string | null, personId: string) => ({
      prisonerId,
      routeId: ovd.id,
      facilityId,
      personId,
    });
    const B = (prisonerId: string, facilityId: string | null, personId: string) => ({
      prisonerId,
      routeId: bank.id,
      facilityId,
      personId,
    });

    // Atelier (Belarus).
    await item("letter", A(p1.id, f1.id, v1.id), [
      ["queued", "2025-06-02T10:00:00"],
      ["posted", "2025-06-04T10:00:00"],
      ["delivered", "2025-06-10T10:00:00"],
    ]); // L1
    await item("postcard", A(p1.id, f1.id, v2.id), [["queued", "2025-06-16T09:00:00"]]); // L2: queued 51 h, usually 2 days: stuck
    await item("letter", A(p2.id, f3.id, v1.id), [
      ["queued", "2025-05-05T10:00:00"],
      ["posted", "2025-05-06T10:00:00"],
      ["returned", "2025-05-20T10:00:00"],
    ]); // L3
    await item("letter", A(p2.id, f3.id, v2.id), [
      ["queued", "2025-03-10T10:00:00"],
      ["posted", "2025-03-11T10:00:00"],
      ["in_transit", "2025-03-12T10:00:00"],
    ]); // L6: stuck, sent before the period
    await item("letter", A(p1.id, f1.id, v1.id), [
      ["queued", "2025-04-01T10:00:00"],
      ["posted", "2025-04-02T10:00:00"],
      ["reply_received", "2025-04-20T10:00:00"],
    ]); // L7: a reply without "delivered"
    await item("letter", A(p2.id, f3.id, v2.id), [
      ["queued", "2025-04-03T10:00:00"],
      ["delivered", "2025-04-10T10:00:00"],
      ["reply_received", "2025-04-25T10:00:00"],
    ]); // L8: counted once
    await item("letter", A(p2.id, f3.id, v1.id), [
      ["queued", "2025-04-14T10:00:00"],
      ["returned", "2025-04-28T10:00:00"],
      ["reply_received", "2025-05-02T10:00:00"],
    ]); // L9: returned, then a reply
    await item("letter", A(p1.id, f1.id, v3.id), [
      ["queued", "2025-03-20T10:00:00"],
      ["delivered", "2025-04-05T10:00:00"],
    ]); // L10: sent before, delivered in the period
    await item("letter", A(p8.id, f1.id, v1.id), [
      ["queued", "2025-03-01T10:00:00"],
      ["delivered", "2025-04-25T10:00:00"],
    ]); // L11: covers P8 by delivery
    await item("letter", A(p9.id, f1.id, v2.id), [
      ["queued", "2025-02-01T10:00:00"],
      ["delivered", "2025-02-20T10:00:00"],
    ]); // L12: long ago
    await item("parcel", A(p1.id, null, v2.id), [
      ["queued", "2025-05-26T10:00:00"],
      ["posted", "2025-05-27T10:00:00"],
      ["refused", "2025-06-03T10:00:00"],
    ]); // PA1: no facility recorded
    // OVD-Info (Russia).
    await item("letter", O(p3.id, f2.id, v3.id), [
      ["queued", "2025-05-12T10:00:00"],
      ["in_transit", "2025-05-13T10:00:00"],
      ["censored", "2025-05-28T10:00:00"],
    ]); // L4
    await item("letter", O(p3.id, f2.id, v3.id), [["queued", "2025-06-17T08:00:00"]]); // L5: queued 28 h, usually 5 days
    await item("letter", O(p3.id, f2.id, v3.id), [
      ["queued", "2025-04-07T10:00:00"],
      ["delivered", "2025-04-30T10:00:00"],
    ]); // L15
    await item("parcel", O(p3.id, f2.id, v1.id), [
      ["queued", "2025-06-09T10:00:00"],
      ["in_transit", "2025-06-10T10:00:00"],
    ]); // PA2: 8 days, usually 10
    // Letter bank (both countries): no usual days, never stuck.
    await item("letter", B(p3.id, null, v2.id), [["held_in_bank", "2025-05-15T10:00:00"]]); // L13
    await item("letter", B(p2.id, null, v1.id), [["held_in_bank", "2025-06-11T10:00:00"]]); // L14
    // A draft counts nowhere.
    await prisma.letter.create({
      data: {
        prisonerId: p6.id,
        authorId: v3.id,
        routeId: atelier.id,
        state: "draft",
        createdAt: at("2025-06-17T10:00:00"),
      },
    });

    return { atelier, ovd, bank, f1, f2, f3, p6, p7, p9 };
  }

  const weekly = (counts: Record<string, [sent: number, delivered: number]>, weeks = WEEKS) =>
    weeks.map((week) => ({ week, sent: counts[week]?.[0] ?? 0, delivered: counts[week]?.[1] ?? 0 }));

  test("every panel, for the default period and no filter", async () => {
    freezeToday();
    const s = await seed();
    const f = filtersFor("");

    expect(
      (await itemsByRouteAndStatus(f)).map((r) => [r.routeName, r.status, r.letters, r.postcards, r.parcels, r.total]),
    ).toEqual([
      ["Route atelier", "queued", 0, 1, 0, 1],
      ["Route atelier", "delivered", 1, 0, 0, 1],
      ["Route atelier", "reply_received", 3, 0, 0, 3],
      ["Route atelier", "returned", 1, 0, 0, 1],
      ["Route atelier", "refused", 0, 0, 1, 1],
      ["Route ovd", "queued", 1, 0, 0, 1],
      ["Route ovd", "in_transit", 0, 0, 1, 1],
      ["Route ovd", "delivered", 1, 0, 0, 1],
      ["Route ovd", "censored", 1, 0, 0, 1],
      ["Route bank", "held_in_bank", 2, 0, 0, 2],
    ]);

    expect(await sentAndDeliveredPerWeek(f)).toEqual(
      weekly({
        "2025-03-31": [2, 1],
        "2025-04-07": [1, 1],
        "2025-04-14": [1, 1],
        "2025-04-21": [0, 1],
        "2025-04-28": [0, 2],
        "2025-05-05": [1, 0],
        "2025-05-12": [2, 0],
        "2025-05-26": [1, 0],
        "2025-06-02": [1, 0],
        "2025-06-09": [2, 1],
        "2025-06-16": [2, 0],
      }),
    );

    expect(await countStuckItems(f)).toBe(2);

    expect(await endingsByFacility(f)).toEqual([
      {
        facilityId: s.f2.id,
        facilityName: "ИК №2",
        city: "Ярцево",
        country: "RU",
        returned: 0,
        censored: 1,
        refused: 0,
        total: 1,
      },
      // The parcel had no facility recorded: the prisoner's current one.
      {
        facilityId: s.f1.id,
        facilityName: "ИК №4",
        city: "Гомель",
        country: "BY",
        returned: 0,
        censored: 0,
        refused: 1,
        total: 1,
      },
      // L9 was returned, then a reply came: it did not end returned.
      {
        facilityId: s.f3.id,
        facilityName: "СИЗО №1",
        city: "Минск",
        country: "BY",
        returned: 1,
        censored: 0,
        refused: 0,
        total: 1,
      },
    ]);

    const cover = await coverage(f);
    expect(cover).toMatchObject({ days: 60, prisoners: 7, humanitarian: 5, uncovered: 3, humanitarianUncovered: 2 });
    expect(cover.longestWaiting.map((p) => [p.name, p.humanitarian, p.lastSentAt?.toISOString() ?? null])).toEqual([
      ["Седьмой Иван", true, null],
      ["Девятый Иван", true, "2025-02-01T10:00:00.000Z"],
      ["Шестой Иван", false, null],
    ]);
    expect(cover.longestWaiting[1]).toMatchObject({
      id: s.p9.id,
      country: "BY",
      facilityName: "ИК №4",
      city: "Гомель",
    });

    expect(await activeVolunteersThisMonth(f)).toEqual({ month: "2025-06-01", count: 3 });

    const all = await dashboard(f);
    expect(all.totals).toEqual({ sent: 13, delivered: 7 });
    expect(all.stuck).toBe(2);
  });

  test("filtered by country", async () => {
    freezeToday();
    const s = await seed();
    const by = filtersFor("country=BY");
    const ru = filtersFor("country=RU");

    const byData = await dashboard(by);
    expect(byData.totals).toEqual({ sent: 8, delivered: 6 });
    expect(byData.weeks).toEqual(
      weekly({
        "2025-03-31": [2, 1],
        "2025-04-07": [0, 1],
        "2025-04-14": [1, 1],
        "2025-04-21": [0, 1],
        "2025-04-28": [0, 1],
        "2025-05-05": [1, 0],
        "2025-05-26": [1, 0],
        "2025-06-02": [1, 0],
        "2025-06-09": [1, 1],
        "2025-06-16": [1, 0],
      }),
    );
    expect(byData.byRouteAndStatus.map((r) => [r.routeName, r.status, r.total])).toEqual([
      ["Route atelier", "queued", 1],
      ["Route atelier", "delivered", 1],
      ["Route atelier", "reply_received", 3],
      ["Route atelier", "returned", 1],
      ["Route atelier", "refused", 1],
      ["Route bank", "held_in_bank", 1],
    ]);
    expect(byData.stuck).toBe(2);
    expect(byData.endings.map((e) => [e.facilityName, e.total])).toEqual([
      ["ИК №4", 1],
      ["СИЗО №1", 1],
    ]);
    expect(byData.coverage).toMatchObject({ prisoners: 5, humanitarian: 3, uncovered: 2, humanitarianUncovered: 1 });
    expect(byData.coverage.longestWaiting.map((p) => p.id)).toEqual([s.p9.id, s.p6.id]);
    expect(byData.volunteers.count).toBe(2);

    const ruData = await dashboard(ru);
    expect(ruData.totals).toEqual({ sent: 5, delivered: 1 });
    expect(ruData.weeks.find((w) => w.week === "2025-04-28")).toEqual({ week: "2025-04-28", sent: 0, delivered: 1 });
    expect(ruData.stuck).toBe(0);
    expect(ruData.endings).toEqual([expect.objectContaining({ facilityName: "ИК №2", censored: 1, total: 1 })]);
    expect(ruData.coverage).toMatchObject({ prisoners: 2, humanitarian: 2, uncovered: 1, humanitarianUncovered: 1 });
    expect(ruData.coverage.longestWaiting.map((p) => p.id)).toEqual([s.p7.id]);
    // V3 wrote L5, V1 sent the parcel PA2.
    expect(ruData.volunteers.count).toBe(2);
  });

  test("filtered by route", async () => {
    freezeToday();
    const s = await seed();
    const atelier = await dashboard(filtersFor(`route=${s.atelier.id}`));
    expect(atelier.totals).toEqual({ sent: 7, delivered: 6 });
    expect(atelier.byRouteAndStatus.every((r) => r.routeId === s.atelier.id)).toBe(true);
    expect(atelier.stuck).toBe(2);
    expect(atelier.endings.map((e) => [e.facilityName, e.returned, e.refused])).toEqual([
      ["ИК №4", 0, 1],
      ["СИЗО №1", 1, 0],
    ]);
    expect(atelier.volunteers.count).toBe(2);
    // Coverage does not depend on the route.
    expect(atelier.coverage).toMatchObject({ prisoners: 7, uncovered: 3 });

    const bank = await dashboard(filtersFor(`route=${s.bank.id}&country=RU`));
    expect(bank.totals).toEqual({ sent: 1, delivered: 0 });
    expect(bank.byRouteAndStatus.map((r) => [r.status, r.letters])).toEqual([["held_in_bank", 1]]);
    expect(bank.stuck).toBe(0);
    expect(bank.volunteers.count).toBe(0);
  });

  test("a chosen period: weeks cut at its edges, endings and routes within it; stuck and coverage stay as of today", async () => {
    freezeToday();
    const s = await seed();
    const may = filtersFor("from=2025-05-01&to=2025-05-31");
    const data = await dashboard(may);
    expect(data.weeks).toEqual(
      weekly({ "2025-04-28": [0, 1], "2025-05-05": [1, 0], "2025-05-12": [2, 0], "2025-05-26": [1, 0] }, [
        "2025-04-28",
        "2025-05-05",
        "2025-05-12",
        "2025-05-19",
        "2025-05-26",
      ]),
    );
    expect(data.totals).toEqual({ sent: 4, delivered: 1 });
    expect(data.byRouteAndStatus.map((r) => [r.routeName, r.status, r.total])).toEqual([
      ["Route atelier", "returned", 1],
      ["Route atelier", "refused", 1],
      ["Route ovd", "censored", 1],
      ["Route bank", "held_in_bank", 1],
    ]);
    expect(data.endings.map((e) => [e.facilityId, e.returned, e.censored, e.refused])).toEqual([
      [s.f2.id, 0, 1, 0],
      [s.f3.id, 1, 0, 0],
    ]);
    expect(data.stuck).toBe(2);
    expect(data.coverage.uncovered).toBe(3);
    expect(data.volunteers).toEqual({ month: "2025-06-01", count: 3 });
    // The same period written the wrong way round.
    expect(await dashboard(filtersFor("from=2025-05-31&to=2025-05-01"))).toEqual(data);
  });

  test("the CSV export: every panel, one number a row; coordinators only", async () => {
    freezeToday();
    const s = await seed();
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" },
    });
    const volunteer = await prisma.user.create({
      data: { email: "w@example.org", pseudonym: "W", vettingState: "approved" },
    });
    const signedIn = async (userId: string, query: string) => {
      const setCookie = await createSession(userId, new Request("http://localhost:3999/login/verify"));
      const cookie = setCookie.split(";")[0];
      const session = await prisma.session.findFirstOrThrow({ where: { userId } });
      await markSecondFactor(session.idHash);
      return new Request(`http://localhost:3999/coordinator/dashboard-export?${query}`, { headers: { cookie } });
    };

    const refused = await exportLoader({ request: await signedIn(volunteer.id, ""), params: {}, context: {} }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);

    const response = await exportLoader({
      request: await signedIn(coordinator.id, `country=RU&route=${s.ovd.id}&from=2025-05-01&to=2025-05-31`),
      params: {},
      context: {},
    });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="dashboard-2025-05-01-2025-05-31.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the Cyrillic as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")).toEqual([
      "panel,route,status,facility,period,metric,value",
      "filter,,,,,country,RU",
      "filter,Route ovd,,,,route," + s.ovd.id,
      "filter,,,,,from,2025-05-01",
      "filter,,,,,to,2025-05-31",
      "by_route_status,Route ovd,censored,,,letters,1",
      "by_route_status,Route ovd,censored,,,postcards,0",
      "by_route_status,Route ovd,censored,,,parcels,0",
      "by_route_status,Route ovd,censored,,,total,1",
      "per_week,,,,2025-04-28,sent,0",
      "per_week,,,,2025-04-28,delivered,0",
      "per_week,,,,2025-05-05,sent,0",
      "per_week,,,,2025-05-05,delivered,0",
      "per_week,,,,2025-05-12,sent,1",
      "per_week,,,,2025-05-12,delivered,0",
      "per_week,,,,2025-05-19,sent,0",
      "per_week,,,,2025-05-19,delivered,0",
      "per_week,,,,2025-05-26,sent,0",
      "per_week,,,,2025-05-26,delivered,0",
      "stuck,,,,,stuck_items,0",
      'endings_by_facility,,,"ИК №2, Ярцево",,returned,0',
      'endings_by_facility,,,"ИК №2, Ярцево",,censored,1',
      'endings_by_facility,,,"ИК №2, Ярцево",,refused,0',
      'endings_by_facility,,,"ИК №2, Ярцево",,total,1',
      "coverage,,,,,prisoners,2",
      "coverage,,,,,without_letter_60_days,1",
      "coverage,,,,,humanitarian,2",
      "coverage,,,,,humanitarian_without_letter_60_days,1",
      "volunteers,,,,2025-06,active_this_month,2",
      "situation,,,,2025-05,released_RU,0",
      "situation,,,,2025-05,newly_listed_RU,0",
      "",
    ]);
  });

  test("released and newly listed per month, by country, counted by hand", async () => {
    freezeToday();
    const person = (country: Country, createdAt = "2025-01-01T00:00:00") =>
      prisma.prisoner.create({ data: { country, createdAt: at(createdAt) } });
    const release = (prisonerId: string, occurredOn: string | null, createdAt: string) =>
      prisma.situationChange.create({
        data: {
          prisonerId,
          status: "released",
          occurredOn: occurredOn ? at(`${occurredOn}T00:00:00`) : null,
          createdAt: at(createdAt),
        },
      });
    const viasna = await createSource("viasna", { name: "Viasna" });
    const memorial = await createSource("memorial", { name: "Memorial", country: "RU" });
    const listed = (prisonerId: string, sourceId: string, firstSeenAt: string) =>
      prisma.prisonerSource.create({ data: { prisonerId, sourceId, firstSeenAt: at(firstSeenAt) } });

    // BY: released in May (recorded twice: counted once), listed long before.
    const a = await person("BY");
    await release(a.id, "2025-05-10", "2025-06-01T10:00:00");
    await release(a.id, "2025-05-20", "2025-06-02T10:00:00");
    await listed(a.id, viasna.id, "2024-02-01T00:00:00");
    // BY: released without a known date, recorded in June.
    const b = await person("BY");
    await release(b.id, null, "2025-06-02T09:00:00");
    // RU: released before the period; another at the very end of April.
    await release((await person("RU")).id, "2025-03-15", "2025-03-16T00:00:00");
    await release((await person("RU")).id, "2025-04-30", "2025-05-02T00:00:00");
    // BY: first listed in April by one list, again in June by another: April only.
    const e = await person("BY");
    await listed(e.id, viasna.id, "2025-04-03T08:00:00");
    await listed(e.id, memorial.id, "2025-06-01T08:00:00");
    // RU: listed in the last hour of May.
    await listed((await person("RU")).id, memorial.id, "2025-05-31T23:00:00");
    // Added by hand in May, on no list: not "newly listed".
    await person("BY", "2025-05-05T00:00:00");

    const f = filtersFor("from=2025-04-01&to=2025-06-18");
    expect((await situationPerMonth(f)).map((r) => [r.month, r.country, r.released, r.newlyListed])).toEqual([
      ["2025-04", "BY", 0, 1],
      ["2025-04", "RU", 1, 0],
      ["2025-05", "BY", 1, 0],
      ["2025-05", "RU", 0, 1],
      ["2025-06", "BY", 1, 0],
      ["2025-06", "RU", 0, 0],
    ]);
    expect(
      (await situationPerMonth(filtersFor("country=RU&from=2025-04-01&to=2025-06-18"))).map((r) => [
        r.month,
        r.country,
        r.released,
        r.newlyListed,
      ]),
    ).toEqual([
      ["2025-04", "RU", 1, 0],
      ["2025-05", "RU", 0, 1],
      ["2025-06", "RU", 0, 0],
    ]);
    expect((await dashboard(f)).situation).toHaveLength(6);
  });
});
