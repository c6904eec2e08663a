/**
 * Rules of campaigns without the database (unit-tested in
 * tests/unit/campaign-rules.test.ts; app/models/campaigns.server.ts applies them).
 * docs/support.md, section "Campaigns", states the same rules for people.
 */
import type { Locale } from "#app/i18n/i18n.ts";

export const CAMPAIGN_RULES = [
  "birthdays_in_month",
  "holiday",
  "welcome_home",
  "humanitarian_list",
  "facility",
  "no_letter_in_days",
] as const;
export type CampaignRuleName = (typeof CAMPAIGN_RULES)[number];

export const CAMPAIGN_GOALS = ["per_person", "total"] as const;
export type CampaignGoalName = (typeof CAMPAIGN_GOALS)[number];

/** Holidays a holiday campaign may name (labels in the catalogues: campaigns.holiday.<key>). */
export const CAMPAIGN_HOLIDAYS = [
  "new_year",
  "christmas",
  "orthodox_christmas",
  "easter",
  "kupalle",
  "womens_day",
  "freedom_day",
  "solidarity_day",
] as const;
export type CampaignHoliday = (typeof CAMPAIGN_HOLIDAYS)[number];

export const DEFAULT_NO_LETTER_DAYS = 60;
export const NO_LETTER_DAYS_MIN = 7;
export const NO_LETTER_DAYS_MAX = 365;
export const GOAL_MIN = 1;
export const GOAL_MAX = 100_000;
/** Slugs: lower-case Latin letters and digits, single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 60;

const DAY_MS = 86_400_000;

export interface CampaignTexts {
  titleEn: string | null;
  titleRu: string | null;
  titleBe: string | null;
  whyEn: string | null;
  whyRu: string | null;
  whyBe: string | null;
}

const FALLBACK_ORDER: Record<Locale, Locale[]> = {
  en: ["en", "ru", "be"],
  // A Russian reader reads Belarusian more easily than English, and the other way round.
  ru: ["ru", "be", "en"],
  be: ["be", "ru", "en"],
};

/**
 * The title and "why" in the reader's language, or the nearest language the
 * coordinator wrote it in (a language counts when its title is given).
 */
export function campaignText(
  campaign: CampaignTexts,
  locale: Locale,
): { title: string; why: string; language: Locale } {
  const fields = {
    en: [campaign.titleEn, campaign.whyEn],
    ru: [campaign.titleRu, campaign.whyRu],
    be: [campaign.titleBe, campaign.whyBe],
  } as const;
  for (const language of FALLBACK_ORDER[locale]) {
    const [title, why] = fields[language];
    if (title && title.trim()) return { title: title.trim(), why: (why ?? "").trim(), language };
  }
  return { title: "", why: "", language: locale };
}

/** yyyy-mm-dd of a Date in UTC (campaign days are UTC calendar days). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a yyyy-mm-dd day. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * The campaign's window as instants: from the start of startsOn to the end of endsOn
 * (both days included, UTC). An item counts when it went out at or after `from` and
 * before `to`.
 */
export function campaignWindow(campaign: { startsOn: Date; endsOn: Date }): { from: Date; to: Date } {
  return {
    from: dayStart(dayOf(campaign.startsOn)),
    to: new Date(dayStart(dayOf(campaign.endsOn)).getTime() + DAY_MS),
  };
}

/** Active on the UTC day of `at`: startsOn <= today <= endsOn. */
export function campaignActive(campaign: { startsOn: Date; endsOn: Date }, at: Date): boolean {
  const today = dayOf(at);
  return dayOf(campaign.startsOn) <= today && today <= dayOf(campaign.endsOn);
}

export interface GoalLike {
  goalKind: CampaignGoalName;
  goalCount: number;
}

export interface PersonCount {
  prisonerId: string;
  count: number;
  /** For sorting pick-for-me ties: the person's sort name. */
  sortName?: string;
}

export interface CampaignProgressView {
  /** Items the campaign asks for: N per person × people on the list, or N in total. */
  goal: number;
  /** Items counted towards the goal (per person: at most N for each person). */
  progress: number;
  /** Share of the goal, 0–100, for the progress bar. */
  percent: number;
  /** One row per person on the list; goal is N for per-person goals, null for a total goal. */
  perPerson: { prisonerId: string; count: number; goal: number | null }[];
  /** Counted items that were written or started from the campaign's page (tagged with it). */
  fromCampaignPage: number;
  /** Counted items to people not (or no longer) on the list, counted because they carry the tag. */
  offList: number;
}

/**
 * Turns counted items into the progress figures.
 *
 * - `onList`: the people on the list with the number of counted items each (0 included).
 * - `offList`: counted items to people not on the list (they count because they are tagged).
 * - Total goal: progress = every counted item.
 * - Per-person goal: goal = N × people on the list; progress = the sum over people on the
 *   list of min(count, N) — a fourth postcard to one person does not stand in for
 *   another's first. Tagged items to people off the list add nothing here, as their
 *   share of the goal is no longer part of it.
 */
export function campaignProgressFrom(
  campaign: GoalLike,
  onList: PersonCount[],
  offList: number,
  fromCampaignPage: number,
): CampaignProgressView {
  const perPersonGoal = campaign.goalKind === "per_person" ? campaign.goalCount : null;
  const perPerson = onList.map((p) => ({ prisonerId: p.prisonerId, count: p.count, goal: perPersonGoal }));
  let goal: number;
  let progress: number;
  if (perPersonGoal !== null) {
    goal = perPersonGoal * onList.length;
    progress = onList.reduce((sum, p) => sum + Math.min(p.count, perPersonGoal), 0);
  } else {
    goal = campaign.goalCount;
    progress = onList.reduce((sum, p) => sum + p.count, 0) + offList;
  }
  const percent = goal > 0 ? Math.min(100, Math.floor((progress * 100) / goal)) : 0;
  return { goal, progress, percent, perPerson, fromCampaignPage, offList };
}

/**
 * "Pick for me": the person furthest from the goal, i.e. with the fewest counted items
 * (the same for both goal kinds, as everyone's per-person goal is equal). Ties go to the
 * earlier sort name, then the smaller id, so the choice is deterministic. A per-person
 * campaign whose everyone reached N picks nobody.
 */
export function pickFurthest(campaign: GoalLike, people: PersonCount[]): string | null {
  const open = campaign.goalKind === "per_person" ? people.filter((p) => p.count < campaign.goalCount) : [...people];
  open.sort(
    (a, b) =>
      a.count - b.count ||
      (a.sortName ?? "").localeCompare(b.sortName ?? "") ||
      (a.prisonerId < b.prisonerId ? -1 : a.prisonerId > b.prisonerId ? 1 : 0),
  );
  return open[0]?.prisonerId ?? null;
}

/** Whether a birth date falls in a month (1–12); a year-only date (1 January) never does. */
export function birthdayInMonth(birth: { birthDate: Date | null; birthYearOnly: boolean }, month: number): boolean {
  return !!birth.birthDate && !birth.birthYearOnly && birth.birthDate.getUTCMonth() + 1 === month;
}

/** The cut-off instant for "no letter in N days" at `at`. */
export function noLetterCutoff(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY_MS);
}
