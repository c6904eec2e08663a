import { describe, expect, test } from "vitest";
import { routeEligibility, type EligibilityContext, type RouteInfo } from "#app/letters/route-eligibility.ts";

const route = (slug: string, over: Partial<RouteInfo> = {}): RouteInfo => ({
  id: slug,
  slug,
  name: slug,
  countries: ["BY"],
  itemKinds: ["letter", "postcard"],
  languages: ["ru", "be"],
  translates: false,
  handover: "email",
  handoverEmail: `${slug}@example.org`,
  active: true,
  position: 0,
  ...over,
});

const ROUTES: RouteInfo[] = [
  route("atelier", { itemKinds: ["postcard", "letter"], translates: true, position: 1 }),
  route("pismo-bel", { position: 2 }),
  route("viasna-self-post", { handover: "print_pdf", itemKinds: ["letter", "postcard", "parcel"], position: 3 }),
  route("letter-bank", { handover: "bank", countries: ["BY", "RU"], languages: ["ru", "be", "en", "pl"], position: 4 }),
  route("ovd-info", { countries: ["RU"], languages: ["ru"], position: 5 }),
  route("fsin-pismo", {
    countries: ["RU"],
    languages: ["ru"],
    itemKinds: ["letter"],
    handover: "batch_export",
    position: 6,
  }),
  route("retired", { active: false, position: 7 }),
];

const ctx = (over: Partial<EligibilityContext> = {}): EligibilityContext => ({
  country: "BY",
  kind: "letter",
  language: "ru",
  prisoner: { doNotWrite: false, incommunicado: false, relativesOnly: false, status: "convicted" },
  facility: { acceptsNonRelativeLetters: true, languages: ["ru", "be"] },
  ...over,
});

function offered(c: EligibilityContext) {
  return routeEligibility(ROUTES, c)
    .verdicts.filter((v) => v.eligible)
    .map((v) => v.route.slug);
}

function refusals(c: EligibilityContext, slug: string) {
  return routeEligibility(ROUTES, c).verdicts.find((v) => v.route.slug === slug)!.refusals;
}

describe("route eligibility", () => {
  test("a Russian letter to a Belarusian colony: Belarusian routes and the bank, the first recommended", () => {
    expect(offered(ctx())).toEqual(["atelier", "pismo-bel", "viasna-self-post", "letter-bank"]);
    expect(routeEligibility(ROUTES, ctx()).recommendedId).toBe("atelier");
  });

  test("an e-mail service without its hand-over address carries nothing, and is not recommended", () => {
    const routes = ROUTES.map((r) => (r.slug === "atelier" ? { ...r, handoverEmail: null } : r));
    const verdicts = routeEligibility(routes, ctx());
    expect(verdicts.verdicts.find((v) => v.route.slug === "atelier")!.refusals).toEqual(["notConfigured"]);
    expect(verdicts.recommendedId).toBe("pismo-bel");
    // Services that do not hand over by e-mail need no address.
    expect(refusals(ctx(), "viasna-self-post")).toEqual([]);
  });

  test("country: Russian services only for Russia", () => {
    expect(refusals(ctx(), "ovd-info")).toEqual(["country"]);
    expect(offered(ctx({ country: "RU", facility: { acceptsNonRelativeLetters: true, languages: ["ru"] } }))).toEqual([
      "letter-bank",
      "ovd-info",
      "fsin-pismo",
    ]);
  });

  test("kind: a postcard is not offered to a letters-only service", () => {
    const c = ctx({ country: "RU", kind: "postcard", facility: null });
    expect(refusals(c, "fsin-pismo")).toEqual(["kind"]);
    expect(offered(c)).toContain("ovd-info");
  });

  test("language: an English text goes only through a service that translates, or the bank", () => {
    const c = ctx({ language: "other" });
    expect(offered(c)).toEqual(["atelier"]);
    expect(refusals(c, "pismo-bel")).toEqual(["language", "facilityLanguage"]);
    expect(refusals(c, "letter-bank")).toEqual(["language"]);
    expect(offered(ctx({ language: "en" }))).toEqual(["atelier", "letter-bank"]);
  });

  test("a text too short to tell its language is not refused for language", () => {
    expect(offered(ctx({ language: "unknown" }))).toEqual(["atelier", "pismo-bel", "viasna-self-post", "letter-bank"]);
  });

  test("facility language: a Belarusian letter to a facility that takes only Russian", () => {
    const c = ctx({ language: "be", facility: { acceptsNonRelativeLetters: true, languages: ["ru"] } });
    expect(refusals(c, "pismo-bel")).toEqual(["facilityLanguage"]);
    expect(offered(c)).toEqual(["atelier", "letter-bank"]);
  });

  test("incommunicado, relatives-only, or a facility that passes only relatives' letters: only the bank, recommended", () => {
    for (const c of [
      ctx({ prisoner: { doNotWrite: false, incommunicado: true, relativesOnly: false, status: "convicted" } }),
      ctx({ prisoner: { doNotWrite: false, incommunicado: false, relativesOnly: true, status: "convicted" } }),
      ctx({ facility: { acceptsNonRelativeLetters: false, languages: ["ru", "be"] } }),
    ]) {
      expect(offered(c)).toEqual(["letter-bank"]);
      expect(refusals(c, "pismo-bel")).toEqual(["deliveryNotExpected"]);
      expect(routeEligibility(ROUTES, c).recommendedId).toBe("letter-bank");
    }
  });

  test("do not write and released: nothing is offered", () => {
    expect(
      offered(ctx({ prisoner: { doNotWrite: true, incommunicado: false, relativesOnly: false, status: "convicted" } })),
    ).toEqual([]);
    expect(
      offered(ctx({ prisoner: { doNotWrite: false, incommunicado: false, relativesOnly: false, status: "released" } })),
    ).toEqual([]);
    expect(
      routeEligibility(
        ROUTES,
        ctx({ prisoner: { doNotWrite: true, incommunicado: false, relativesOnly: false, status: "pretrial" } }),
      ).recommendedId,
    ).toBeNull();
  });

  test("an inactive route is never offered, and says so", () => {
    expect(refusals(ctx(), "retired")).toEqual(["inactive"]);
  });

  test("an address that cannot be printed (home confinement, no street or postcode): no self-post, other routes stay", () => {
    const c = ctx({ addressPrintable: false });
    expect(refusals(c, "viasna-self-post")).toEqual(["address"]);
    expect(offered(c)).toEqual(["atelier", "pismo-bel", "letter-bank"]);
    expect(routeEligibility(ROUTES, c).recommendedId).toBe("atelier");
  });
});
