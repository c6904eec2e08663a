import { describe, expect, test } from "vitest";
import { askHeardBack, expectedAhead, usualDeliveryDays } from "#app/letters/expected-timeline.ts";

const atelier = [
  { key: "queued", position: 0, usualDays: 2, isFinal: false },
  { key: "handed_over", position: 1, usualDays: 3, isFinal: false },
  { key: "posted", position: 2, usualDays: 2, isFinal: false },
  { key: "in_transit", position: 3, usualDays: 14, isFinal: false },
  { key: "arrived_at_facility", position: 4, usualDays: 7, isFinal: false },
  { key: "delivered", position: 5, usualDays: null, isFinal: true },
  { key: "unknown", position: 6, usualDays: null, isFinal: true },
];

describe("the expected timeline of a letter", () => {
  test("next statuses with days from the route's usual days, counted from the current status", () => {
    const since = new Date("2026-12-01T10:00:00Z");
    expect(expectedAhead(atelier, "queued", since)).toEqual([
      { key: "handed_over", expectedOn: "2026-12-03" },
      { key: "posted", expectedOn: "2026-12-06" },
      { key: "in_transit", expectedOn: "2026-12-08" },
      { key: "arrived_at_facility", expectedOn: "2026-12-22" },
      { key: "delivered", expectedOn: "2026-12-29" },
    ]);
    expect(expectedAhead(atelier, "arrived_at_facility", since)).toEqual([
      { key: "delivered", expectedOn: "2026-12-08" },
    ]);
    expect(expectedAhead(atelier, "delivered", since)).toEqual([]);
  });

  test("an unknown usual time leaves later days unknown", () => {
    const bank = [
      { key: "queued", position: 0, usualDays: 1, isFinal: false },
      { key: "held_in_bank", position: 1, usualDays: null, isFinal: false },
      { key: "delivered", position: 2, usualDays: null, isFinal: true },
    ];
    expect(expectedAhead(bank, "queued", new Date("2026-12-01T00:00:00Z"))).toEqual([
      { key: "held_in_bank", expectedOn: "2026-12-02" },
      { key: "delivered", expectedOn: null },
    ]);
    expect(usualDeliveryDays(bank)).toBeNull();
  });

  test('"Did you hear back?" only after the usual delivery time, and never after an ending', () => {
    expect(usualDeliveryDays(atelier)).toBe(28);
    const sentAt = new Date("2026-12-01T00:00:00Z");
    expect(askHeardBack({ statuses: atelier, sentAt, ended: false, now: new Date("2026-12-01T00:01:00Z") })).toBe(
      false,
    );
    expect(askHeardBack({ statuses: atelier, sentAt, ended: false, now: new Date("2026-12-28T00:00:00Z") })).toBe(
      false,
    );
    expect(askHeardBack({ statuses: atelier, sentAt, ended: false, now: new Date("2026-12-29T00:00:00Z") })).toBe(true);
    expect(askHeardBack({ statuses: atelier, sentAt, ended: true, now: new Date("2027-02-01T00:00:00Z") })).toBe(false);
  });
});
