import type { Translate } from "#app/i18n/i18n.ts";

export interface RouteCost {
  /** Minor units (5500 = 55.00); 0 is free. */
  minor: number;
  currency: string | null;
}

/** 5500 → "55", 150 → "1.50": minor units as the amount a person reads. */
export function formatAmount(minor: number): string {
  return minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2);
}

/**
 * What a letter through the route costs, as the review step says it: the cost the
 * coordinators stated for the route, or, when they stated none, what follows from the
 * hand-over (self-post: the writer pays the postage; a service: nothing for the writer).
 */
export function routeCostText(t: Translate, route: { cost: RouteCost | null; handover: string }): string {
  if (route.cost && route.cost.minor > 0) {
    return t("letters.facts.costAmount", {
      amount: formatAmount(route.cost.minor),
      currency: route.cost.currency ?? "",
    });
  }
  if (route.cost) return t("letters.facts.costFree");
  return t(route.handover === "print_pdf" ? "letters.facts.costPostage" : "letters.facts.costFree");
}
