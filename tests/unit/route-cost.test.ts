import { describe, expect, test } from "vitest";
import { translator } from "#app/i18n/i18n.ts";
import { formatAmount, routeCostText } from "#app/letters/route-cost.ts";

describe("what a letter through a route costs, as the review says it", () => {
  const en = translator("en");
  const ru = translator("ru");

  test("a stated cost is said with its currency; whole amounts without decimals", () => {
    expect(routeCostText(en, { cost: { minor: 5500, currency: "RUB" }, handover: "batch_export" })).toBe(
      "Costs about 55 RUB a letter",
    );
    expect(routeCostText(ru, { cost: { minor: 150, currency: "EUR" }, handover: "email" })).toBe(
      "Стоит около 1.50 EUR за письмо",
    );
    expect(formatAmount(5)).toBe("0.05");
  });

  test("a stated 0 is free, even for self-post; no statement follows from the hand-over", () => {
    expect(routeCostText(en, { cost: { minor: 0, currency: null }, handover: "print_pdf" })).toBe("Free for you");
    expect(routeCostText(en, { cost: null, handover: "print_pdf" })).toBe("You pay the postage");
    expect(routeCostText(en, { cost: null, handover: "email" })).toBe("Free for you");
  });
});
