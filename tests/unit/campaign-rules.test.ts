import { describe, expect, test } from "vitest";
import {
  birthdayInMonth,
  campaignActive,
  campaignProgressFrom,
  campaignText,
  campaignWindow,
  pickFurthest,
} from "#app/support/campaign-rules.ts";
import { campaignInputFrom, campaignSchema, formValuesBack } from "#app/schemas/campaigns.ts";
import { routeEligibility, type RouteInfo } from "#app/letters/route-eligibility.ts";

const texts = { titleEn: null, titleRu: null, titleBe: null, whyEn: null, whyRu: null, whyBe: null };

describe("campaign texts", () => {
  test("the reader's language, else the nearest given one", () => {
    const all = { ...texts, titleEn: "Birthdays", titleRu: "Дни рождения", titleBe: "Дні нараджэння", whyRu: "Зачем" };
    expect(campaignText(all, "be")).toEqual({ title: "Дні нараджэння", why: "", language: "be" });
    expect(campaignText(all, "ru")).toEqual({ title: "Дни рождения", why: "Зачем", language: "ru" });
    const ruOnly = { ...texts, titleRu: "Дни рождения" };
    expect(campaignText(ruOnly, "en").language).toBe("ru");
    const beAndEn = { ...texts, titleEn: "Birthdays", titleBe: "Дні нараджэння" };
    // A Russian reader gets Belarusian before English.
    expect(campaignText(beAndEn, "ru").language).toBe("be");
    // A blank title does not count as given.
    expect(campaignText({ ...texts, titleBe: "  ", titleEn: "Birthdays" }, "be").language).toBe("en");
  });
});

describe("campaign window", () => {
  const campaign = { startsOn: new Date("2026-12-01T00:00:00Z"), endsOn: new Date("2026-12-31T00:00:00Z") };
  test("both days included, in UTC", () => {
    expect(campaignWindow(campaign)).toEqual({
      from: new Date("2026-12-01T00:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
    expect(campaignActive(campaign, new Date("2026-11-30T23:59:59Z"))).toBe(false);
    expect(campaignActive(campaign, new Date("2026-12-01T00:00:00Z"))).toBe(true);
    expect(campaignActive(campaign, new Date("2026-12-31T23:59:59Z"))).toBe(true);
    expect(campaignActive(campaign, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("campaign progress arithmetic", () => {
  const people = [
    { prisonerId: "a", count: 5 },
    { prisonerId: "b", count: 1 },
    { prisonerId: "c", count: 0 },
  ];
  test("per person: N for each, extra items to one person do not stand in for another", () => {
    const view = campaignProgressFrom({ goalKind: "per_person", goalCount: 2 }, people, 4, 3);
    expect(view.goal).toBe(6);
    expect(view.progress).toBe(3);
    expect(view.percent).toBe(50);
    expect(view.perPerson).toEqual([
      { prisonerId: "a", count: 5, goal: 2 },
      { prisonerId: "b", count: 1, goal: 2 },
      { prisonerId: "c", count: 0, goal: 2 },
    ]);
    expect(view.fromCampaignPage).toBe(3);
  });
  test("total: every counted item, off the list too; the bar stops at 100%", () => {
    const view = campaignProgressFrom({ goalKind: "total", goalCount: 8 }, people, 4, 0);
    expect(view.progress).toBe(10);
    expect(view.percent).toBe(100);
    expect(view.perPerson.every((p) => p.goal === null)).toBe(true);
  });
  test("an empty list has no per-person goal", () => {
    expect(campaignProgressFrom({ goalKind: "per_person", goalCount: 3 }, [], 0, 0)).toMatchObject({
      goal: 0,
      progress: 0,
      percent: 0,
    });
  });
});

describe("pick for me", () => {
  test("the fewest items first, ties by sort name, then id", () => {
    const goal = { goalKind: "per_person" as const, goalCount: 2 };
    expect(
      pickFurthest(goal, [
        { prisonerId: "z", count: 1, sortName: "a" },
        { prisonerId: "y", count: 0, sortName: "c" },
        { prisonerId: "x", count: 0, sortName: "b" },
      ]),
    ).toBe("x");
    expect(
      pickFurthest(goal, [
        { prisonerId: "q", count: 0, sortName: "same" },
        { prisonerId: "p", count: 0, sortName: "same" },
      ]),
    ).toBe("p");
    expect(pickFurthest(goal, [{ prisonerId: "done", count: 2 }])).toBeNull();
    expect(pickFurthest({ goalKind: "total", goalCount: 1 }, [{ prisonerId: "any", count: 9 }])).toBe("any");
  });
});

test("birthdays: a year-only date is nobody's birthday", () => {
  expect(birthdayInMonth({ birthDate: new Date("1980-12-05T00:00:00Z"), birthYearOnly: false }, 12)).toBe(true);
  expect(birthdayInMonth({ birthDate: new Date("1980-12-05T00:00:00Z"), birthYearOnly: false }, 11)).toBe(false);
  expect(birthdayInMonth({ birthDate: new Date("1980-01-01T00:00:00Z"), birthYearOnly: true }, 1)).toBe(false);
  expect(birthdayInMonth({ birthDate: null, birthYearOnly: false }, 1)).toBe(false);
});

describe("the campaign form", () => {
  const base = {
    slug: "new-year",
    titleEn: "",
    titleRu: "Новый год",
    titleBe: "",
    whyEn: "",
    whyRu: "",
    whyBe: "",
    rule: "holiday",
    ruleMonth: "4",
    ruleHoliday: "new_year",
    ruleFrom: "",
    ruleTo: "",
    ruleFacilityId: "",
    ruleDays: "",
    country: "",
    startsOn: "2026-12-20",
    endsOn: "2027-01-10",
    goalKind: "total",
    goalCount: "500",
    fundraiserUrl: "",
  };
  const errors = (values: Record<string, string>) => {
    const result = campaignSchema.safeParse({ ...base, ...values });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  test("a valid form keeps only the parameter its rule uses", () => {
    const input = campaignInputFrom(campaignSchema.parse({ ...base, shareable: "on" }));
    expect(input).toMatchObject({ rule: "holiday", ruleHoliday: "new_year", ruleMonth: null, shareable: true });
    expect(input.titleEn).toBeNull();
    expect(campaignInputFrom(campaignSchema.parse(base)).shareable).toBe(false);
    const quiet = campaignInputFrom(campaignSchema.parse({ ...base, rule: "no_letter_in_days" }));
    expect(quiet.ruleDays).toBe(60);
  });
  test("what each rule needs, and the rest", () => {
    expect(errors({ titleRu: "" })).toEqual({ titleEn: "campaigns.validation.title" });
    expect(errors({ whyBe: "Навошта" })).toEqual({ titleBe: "campaigns.validation.whyTitle" });
    expect(errors({ endsOn: "2026-12-19" })).toEqual({ endsOn: "campaigns.validation.ends" });
    expect(errors({ rule: "birthdays_in_month", ruleMonth: "13" })).toEqual({
      ruleMonth: "campaigns.validation.month",
    });
    expect(errors({ rule: "holiday", ruleHoliday: "" })).toEqual({ ruleHoliday: "validation.required" });
    expect(errors({ rule: "welcome_home" })).toEqual({
      ruleFrom: "validation.required",
      ruleTo: "validation.required",
    });
    expect(errors({ rule: "facility" })).toEqual({ ruleFacilityId: "validation.required" });
    expect(errors({ rule: "no_letter_in_days", ruleDays: "3" })).toEqual({ ruleDays: "campaigns.validation.days" });
    expect(errors({ slug: "Bad slug!" })).toEqual({ slug: "campaigns.validation.slug" });
    expect(errors({ slug: "a--b" })).toEqual({ slug: "campaigns.validation.slug" });
    expect(errors({ goalCount: "0" })).toEqual({ goalCount: "campaigns.validation.goal" });
    expect(errors({ fundraiserUrl: "http://bysol.org/x" })).toEqual({
      fundraiserUrl: "support.validation.fundraiserUrl",
    });
  });
  test("an unticked box comes back unticked after the server refused the form", () => {
    expect(formValuesBack({ slug: "x" }).shareable).toBe(false);
    expect(formValuesBack({ slug: "x", shareable: "on" }).shareable).toBe(true);
  });
});

test("a welcome-home letter to a released person may go through the letter bank only", () => {
  const route = (id: string, handover: RouteInfo["handover"]): RouteInfo => ({
    id,
    slug: id,
    name: id,
    countries: ["BY"],
    itemKinds: ["letter", "postcard"],
    languages: ["ru", "be"],
    translates: false,
    handover,
    handoverEmail: null,
    active: true,
    position: 0,
  });
  const routes = [route("self", "print_pdf"), route("bank", "bank")];
  const ctx = {
    country: "BY" as const,
    kind: "postcard" as const,
    language: "ru",
    prisoner: { doNotWrite: false, incommunicado: false, relativesOnly: false, status: "released" },
    facility: null,
  };
  const eligible = (welcomeHome: boolean) =>
    routeEligibility(routes, { ...ctx, welcomeHome })
      .verdicts.filter((v) => v.eligible)
      .map((v) => v.route.id);
  expect(eligible(false)).toEqual([]);
  expect(eligible(true)).toEqual(["bank"]);
  expect(routeEligibility(routes, { ...ctx, welcomeHome: true }).recommendedId).toBe("bank");
});
