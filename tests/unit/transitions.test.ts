import { describe, expect, test } from "vitest";
import { checkTransition, nextStatuses, stuckFor, type StatusStep } from "#app/tracking/transitions.ts";

const DAY = 86_400_000;

// A route as coordinators set one up: three working statuses, then the endings.
const ROUTE: StatusStep[] = [
  { key: "queued", position: 0, usualDays: 2, isFinal: false },
  { key: "handed_over", position: 1, usualDays: 3, isFinal: false },
  { key: "posted", position: 2, usualDays: 14, isFinal: false },
  { key: "delivered", position: 3, usualDays: null, isFinal: true },
  { key: "reply_received", position: 4, usualDays: null, isFinal: true },
  { key: "unknown", position: 5, usualDays: null, isFinal: true },
];

const keys = (steps: StatusStep[]) => steps.map((s) => s.key);

describe("checkTransition", () => {
  test("forward, and forward skipping statuses, is allowed", () => {
    expect(checkTransition(ROUTE, "queued", "handed_over")).toEqual({ allowed: true, late: false, final: false });
    expect(checkTransition(ROUTE, "queued", "posted")).toEqual({ allowed: true, late: false, final: false });
    expect(checkTransition(ROUTE, "handed_over", "posted")).toEqual({ allowed: true, late: false, final: false });
  });

  test("a final status can be reached from any working status, and is marked final", () => {
    expect(checkTransition(ROUTE, "queued", "delivered")).toEqual({ allowed: true, late: false, final: true });
    expect(checkTransition(ROUTE, "posted", "unknown")).toEqual({ allowed: true, late: false, final: true });
    expect(checkTransition(ROUTE, "handed_over", "reply_received")).toEqual({
      allowed: true,
      late: false,
      final: true,
    });
  });

  test("backwards is refused", () => {
    expect(checkTransition(ROUTE, "posted", "queued")).toEqual({ allowed: false, reason: "backwards" });
    expect(checkTransition(ROUTE, "posted", "handed_over")).toEqual({ allowed: false, reason: "backwards" });
    expect(checkTransition(ROUTE, "handed_over", "queued")).toEqual({ allowed: false, reason: "backwards" });
  });

  test("the same status again is refused", () => {
    expect(checkTransition(ROUTE, "queued", "queued")).toEqual({ allowed: false, reason: "same-status" });
    expect(checkTransition(ROUTE, "posted", "posted")).toEqual({ allowed: false, reason: "same-status" });
    expect(checkTransition(ROUTE, "delivered", "delivered")).toEqual({ allowed: false, reason: "same-status" });
  });

  test("a status the route does not have is refused, from anywhere", () => {
    expect(checkTransition(ROUTE, "queued", "lost_in_mail")).toEqual({ allowed: false, reason: "unknown-status" });
    expect(checkTransition(ROUTE, null, "lost_in_mail")).toEqual({ allowed: false, reason: "unknown-status" });
    expect(checkTransition(ROUTE, "delivered", "lost_in_mail")).toEqual({ allowed: false, reason: "unknown-status" });
    // Keys are exact: no case folding.
    expect(checkTransition(ROUTE, "queued", "Posted")).toEqual({ allowed: false, reason: "unknown-status" });
    expect(checkTransition([], null, "queued")).toEqual({ allowed: false, reason: "unknown-status" });
  });

  test("from no status yet, any status of the route goes", () => {
    for (const step of ROUTE) {
      expect(checkTransition(ROUTE, null, step.key)).toEqual({ allowed: true, late: false, final: step.isFinal });
    }
  });

  test("after a final status only another final one, recorded as late", () => {
    expect(checkTransition(ROUTE, "unknown", "reply_received")).toEqual({ allowed: true, late: true, final: true });
    expect(checkTransition(ROUTE, "delivered", "reply_received")).toEqual({ allowed: true, late: true, final: true });
    // Even one listed earlier in the route: endings have no order among themselves.
    expect(checkTransition(ROUTE, "reply_received", "delivered")).toEqual({ allowed: true, late: true, final: true });
  });

  test("a working status after a final one is refused as after-final", () => {
    expect(checkTransition(ROUTE, "delivered", "posted")).toEqual({ allowed: false, reason: "after-final" });
    expect(checkTransition(ROUTE, "unknown", "queued")).toEqual({ allowed: false, reason: "after-final" });
    // A working status placed after the endings does not sneak through either.
    const odd: StatusStep[] = [...ROUTE, { key: "archived", position: 9, usualDays: null, isFinal: false }];
    expect(checkTransition(odd, "delivered", "archived")).toEqual({ allowed: false, reason: "after-final" });
  });

  test("an item whose status was removed from the route may move anywhere in it", () => {
    expect(checkTransition(ROUTE, "in_transit", "queued")).toEqual({ allowed: true, late: false, final: false });
    expect(checkTransition(ROUTE, "in_transit", "posted")).toEqual({ allowed: true, late: false, final: false });
    expect(checkTransition(ROUTE, "in_transit", "delivered")).toEqual({ allowed: true, late: false, final: true });
  });
});

describe("nextStatuses", () => {
  test("offers the later working statuses and every ending", () => {
    expect(keys(nextStatuses(ROUTE, "queued"))).toEqual([
      "handed_over",
      "posted",
      "delivered",
      "reply_received",
      "unknown",
    ]);
    expect(keys(nextStatuses(ROUTE, "posted"))).toEqual(["delivered", "reply_received", "unknown"]);
  });

  test("from nothing or a removed status: everything; from an ending: the other endings", () => {
    expect(keys(nextStatuses(ROUTE, null))).toEqual(keys(ROUTE));
    expect(keys(nextStatuses(ROUTE, "in_transit"))).toEqual(keys(ROUTE));
    expect(keys(nextStatuses(ROUTE, "unknown"))).toEqual(["delivered", "reply_received"]);
  });
});

describe("stuckFor", () => {
  const since = new Date("2025-03-01T10:00:00Z");
  const after = (ms: number) => new Date(since.getTime() + ms);
  const posted = ROUTE[2]; // usually 14 days

  test("exactly the usual days is not stuck; a millisecond more is", () => {
    expect(stuckFor(posted, since, after(14 * DAY))).toEqual({ days: 14, stuck: false });
    expect(stuckFor(posted, since, after(14 * DAY + 1))).toEqual({ days: 14, stuck: true });
    expect(stuckFor(posted, since, after(14 * DAY - 1))).toEqual({ days: 13, stuck: false });
  });

  test("days are whole days, rounded down", () => {
    expect(stuckFor(posted, since, since)).toEqual({ days: 0, stuck: false });
    expect(stuckFor(posted, since, after(DAY - 1))).toEqual({ days: 0, stuck: false });
    expect(stuckFor(posted, since, after(3 * DAY + 12 * 3_600_000))).toEqual({ days: 3, stuck: false });
  });

  test("a final status is never stuck, however long", () => {
    const finalWithDays: StatusStep = { key: "delivered", position: 3, usualDays: 1, isFinal: true };
    expect(stuckFor(finalWithDays, since, after(400 * DAY))).toEqual({ days: 400, stuck: false });
    expect(stuckFor(ROUTE[3], since, after(400 * DAY))).toEqual({ days: 400, stuck: false });
  });

  test("a status without usual days, or one the route no longer has, is never stuck", () => {
    const open: StatusStep = { key: "at_event", position: 1, usualDays: null, isFinal: false };
    expect(stuckFor(open, since, after(400 * DAY))).toEqual({ days: 400, stuck: false });
    expect(stuckFor(undefined, since, after(400 * DAY))).toEqual({ days: 400, stuck: false });
  });

  test("zero usual days: stuck as soon as any time passes", () => {
    const sameDay: StatusStep = { key: "queued", position: 0, usualDays: 0, isFinal: false };
    expect(stuckFor(sameDay, since, since).stuck).toBe(false);
    expect(stuckFor(sameDay, since, after(1)).stuck).toBe(true);
  });
});
