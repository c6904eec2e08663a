import { describe, expect, test } from "vitest";
import {
  fundraiserAllowed,
  holdExpired,
  holdUntil,
  needIsFulfilled,
  needProgress,
  type PledgeLike,
} from "#app/support/rules.ts";
import { needSchema, pledgeSchema } from "#app/schemas/support.ts";

const T0 = new Date("2026-12-01T12:00:00Z");
const hour = 3_600_000;

function pledge(p: Partial<PledgeLike>): PledgeLike {
  return { amount: 1, state: "held", heldUntil: new Date(T0.getTime() + 48 * hour), fulfilledAmount: 0, ...p };
}

describe("holds", () => {
  test("a pledge holds for the need's days, to the millisecond", () => {
    expect(holdUntil(T0, 7).toISOString()).toBe("2026-12-08T12:00:00.000Z");
  });

  test("a held pledge expires at heldUntil, a confirmed one never does", () => {
    const until = new Date("2026-12-03T12:00:00Z");
    expect(holdExpired({ state: "held", heldUntil: until }, new Date("2026-12-03T11:59:59Z"))).toBe(false);
    expect(holdExpired({ state: "held", heldUntil: until }, until)).toBe(true);
    expect(holdExpired({ state: "confirmed", heldUntil: until }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });

  test("an expired hold returns its amount to the board", () => {
    const held = pledge({ amount: 3, heldUntil: new Date(T0.getTime() + hour) });
    expect(needProgress(5, [held], T0).available).toBe(2);
    expect(needProgress(5, [held], new Date(T0.getTime() + 2 * hour)).available).toBe(5);
  });
});

describe("progress", () => {
  test("counts fulfilled, reserved and open amounts by pledge state", () => {
    const progress = needProgress(
      100,
      [
        pledge({ amount: 20, state: "held" }),
        pledge({ amount: 30, state: "confirmed" }),
        pledge({ amount: 25, state: "fulfilled", fulfilledAmount: 25 }),
        pledge({ amount: 10, state: "withdrawn" }),
        pledge({ amount: 10, state: "expired" }),
      ],
      T0,
    );
    expect(progress).toEqual({
      quantity: 100,
      fulfilled: 25,
      reserved: 50,
      available: 25,
      percent: 25,
      pledgedPercent: 75,
    });
  });

  test("partial fulfilment counts what arrived and returns the rest", () => {
    const progress = needProgress(10, [pledge({ amount: 10, state: "fulfilled", fulfilledAmount: 4 })], T0);
    expect(progress).toMatchObject({ fulfilled: 4, reserved: 0, available: 6, percent: 40 });
    expect(needIsFulfilled(progress)).toBe(false);
  });

  test("a need is fulfilled once what arrived covers it, and figures never pass the quantity", () => {
    const progress = needProgress(
      3,
      [
        pledge({ amount: 2, state: "fulfilled", fulfilledAmount: 2 }),
        pledge({ amount: 2, state: "fulfilled", fulfilledAmount: 2 }),
      ],
      T0,
    );
    expect(progress).toMatchObject({ fulfilled: 3, available: 0, percent: 100 });
    expect(needIsFulfilled(progress)).toBe(true);
  });

  test("percentages round down: a bar is never shown fuller than it is", () => {
    expect(needProgress(3, [pledge({ state: "fulfilled", fulfilledAmount: 2 })], T0).percent).toBe(66);
  });
});

describe("fundraiser links", () => {
  const allowed = ["bysol.org"];
  test.each([
    ["https://bysol.org/en/campaign/1", true],
    ["https://www.bysol.org/x", true],
    ["http://bysol.org/x", false],
    ["https://bysol.org.evil.example/x", false],
    ["https://evilbysol.org/x", false],
    ["https://user:pw@bysol.org/x", false],
    ["javascript:alert(1)", false],
    ["not a url", false],
  ])("%s → %s", (url, expected) => {
    expect(fundraiserAllowed(url, allowed)).toBe(expected);
  });
});

describe("forms", () => {
  const base = {
    prisonerId: "p1",
    familyId: "",
    kind: "money",
    text: "Travel to the colony for the long visit",
    quantity: "120",
    currency: "eur",
    deadline: "2027-01-15",
    via: "fundraiser",
    fundraiserUrl: "https://bysol.org/x",
    holdDays: "7",
  };

  test("a need form parses to typed values", () => {
    const parsed = needSchema.parse(base);
    expect(parsed).toMatchObject({ quantity: 120, currency: "EUR", holdDays: 7, via: "fundraiser" });
  });

  test("help through a fund needs its link; other ways of helping take none", () => {
    expect(needSchema.safeParse({ ...base, fundraiserUrl: "" }).error?.issues[0].message).toBe(
      "support.validation.fundraiserUrl",
    );
    expect(needSchema.safeParse({ ...base, via: "task" }).error?.issues[0].message).toBe(
      "support.validation.fundraiserOnly",
    );
  });

  test("hold days stay between 1 and 60, pledges are whole positive numbers", () => {
    expect(needSchema.safeParse({ ...base, holdDays: "0" }).success).toBe(false);
    expect(needSchema.safeParse({ ...base, holdDays: "61" }).success).toBe(false);
    expect(pledgeSchema.safeParse({ amount: "0" }).success).toBe(false);
    expect(pledgeSchema.safeParse({ amount: "2.5" }).success).toBe(false);
    expect(pledgeSchema.parse({ amount: " 20 " })).toEqual({ amount: 20 });
  });
});
