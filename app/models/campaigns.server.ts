import type { Campaign, Prisma, User } from "#app/generated/prisma/client.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { now as clockNow } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { can } from "#app/utils/permissions.ts";
import { fullName } from "#app/names/match-keys.ts";
import type { Locale } from "#app/i18n/i18n.ts";
import { fundraiserAllowed } from "#app/support/rules.ts";
import {
  CAMPAIGN_HOLIDAYS,
  campaignActive,
  campaignProgressFrom,
  campaignText,
  campaignWindow,
  dayOf,
  dayStart,
  DEFAULT_NO_LETTER_DAYS,
  noLetterCutoff,
  pickFurthest,
  birthdayInMonth,
  type CampaignProgressView,
} from "#app/support/campaign-rules.ts";
import type { CampaignFormInput, CampaignInput } from "#app/schemas/campaigns.ts";
import { reachableWhere } from "./situation.server.ts";
import { PermissionError } from "./users.server.ts";
import { getSetting } from "./settings.server.ts";

/**
 * Campaigns (docs/support.md, "Campaigns"): a time-boxed call with a goal and a
 * rule-based list of people. The list is computed from the registry whenever it is
 * asked for (never stored), so a person released or transferred during a campaign
 * leaves its list at once; the progress is counted from the letters, postcards and
 * parcels themselves. Pure rules (windows, goal arithmetic, pick-for-me, text
 * fallback) live in app/support/campaign-rules.ts.
 *
 * Every function takes the database client first, so callers may pass a transaction.
 */

export type { CampaignProgressView } from "#app/support/campaign-rules.ts";
export { campaignText, campaignActive, campaignWindow } from "#app/support/campaign-rules.ts";

export class CampaignError extends Error {
  constructor(readonly reason: "not-found" | "slug-taken" | "fundraiser-domain" | "facility" | "not-on-list") {
    super(reason);
  }
}

function requireManager(actor: User) {
  if (!can(actor, "manage:needs")) throw new PermissionError("manage:needs");
}

export type CampaignRow = Campaign;

/** A person on a campaign's list, as the campaign pages show them. */
export interface CampaignPerson {
  prisonerId: string;
  name: string;
  sortName: string;
  country: "BY" | "RU";
  status: string;
  birthDate: Date | null;
  birthYearOnly: boolean;
  releasedOn: Date | null;
  facility: string | null;
}

const personSelect = {
  id: true,
  country: true,
  status: true,
  sortName: true,
  birthDate: true,
  birthYearOnly: true,
  releasedOn: true,
  currentFacility: { select: { name: true, city: true } },
  names: { where: { isPrimary: true }, take: 1, select: { surname: true, givenName: true, patronymic: true } },
} satisfies Prisma.PrisonerSelect;

/**
 * People a letter can reach now and who may be offered to volunteers, the same rule as
 * the "who needs letters" list and pick-for-me (app/models/picking.server.ts): not
 * released or deceased, letters can reach them (canWrite), they did not ask not to be
 * written to, not waiting for a coordinator's review, not held without contact, not
 * relatives-only (by their flag or their facility's rule), with a known facility.
 */
export const campaignWritableWhere = {
  ...reachableWhere,
  doNotWrite: false,
  needsReview: false,
  incommunicado: false,
  relativesOnly: false,
  currentFacility: { is: { acceptsNonRelativeLetters: true } },
} satisfies Prisma.PrisonerWhereInput;

/** The Prisma filter of a campaign's rule (without the birthday month, filtered afterwards). */
function ruleWhere(campaign: Campaign, at: Date): Prisma.PrisonerWhereInput {
  const country = campaign.country ? { country: campaign.country } : {};
  switch (campaign.rule) {
    case "welcome_home":
      // Released people: no facility address any more. They are reached through the
      // letter bank (handed over by coordinators) — see docs/support.md.
      return {
        ...country,
        status: "released",
        doNotWrite: false,
        releasedOn: {
          gte: campaign.ruleFrom ?? dayStart("1900-01-01"),
          lte: campaign.ruleTo ?? dayStart(dayOf(at)),
        },
      };
    case "humanitarian_list":
      return { ...country, ...campaignWritableWhere, humanitarian: true };
    case "facility":
      return { ...country, ...campaignWritableWhere, currentFacilityId: campaign.ruleFacilityId ?? "-" };
    case "no_letter_in_days":
      return {
        ...country,
        ...campaignWritableWhere,
        letters: {
          none: {
            state: { in: ["sent", "closed"] },
            sentAt: { gte: noLetterCutoff(at, campaign.ruleDays ?? DEFAULT_NO_LETTER_DAYS) },
          },
        },
      };
    case "birthdays_in_month":
      return { ...country, ...campaignWritableWhere, birthDate: { not: null }, birthYearOnly: false };
    case "holiday":
      return { ...country, ...campaignWritableWhere };
  }
}

/**
 * The campaign's list of people at `now`, ordered by name. Letter campaigns list only
 * people letters reach (campaignWritableWhere); "welcome home" lists people released
 * in its period (through the letter bank). The list is computed, never stored.
 */
export async function campaignPeople(
  db: DbClient,
  campaign: Campaign,
  options: { now?: Date } = {},
): Promise<CampaignPerson[]> {
  const at = options.now ?? clockNow();
  const rows = await db.prisoner.findMany({
    where: ruleWhere(campaign, at),
    orderBy: [{ sortName: "asc" }, { id: "asc" }],
    select: personSelect,
  });
  const month = campaign.ruleMonth ?? 0;
  return rows
    .filter((p) => campaign.rule !== "birthdays_in_month" || birthdayInMonth(p, month))
    .map((p) => ({
      prisonerId: p.id,
      name: p.names[0] ? fullName(p.names[0]) : "—",
      sortName: p.sortName,
      country: p.country,
      status: p.status,
      birthDate: p.birthDate,
      birthYearOnly: p.birthYearOnly,
      releasedOn: p.releasedOn,
      facility: p.currentFacility ? `${p.currentFacility.name}, ${p.currentFacility.city}` : null,
    }));
}

/**
 * Which items count (docs/support.md, "How progress is counted"): letters, postcards
 * and parcels that went out — state sent or closed, so drafts (and items returned to
 * their writer's drafts) never count — with sentAt inside the campaign's window, to a
 * person on the list or tagged with the campaign. A self-posted letter whose writer
 * answered "I will not post it" was cancelled and does not count.
 */
function countedLetterWhere(campaignId: string, window: { from: Date; to: Date }, prisonerIds: string[]) {
  return {
    state: { in: ["sent", "closed"] },
    sentAt: { gte: window.from, lt: window.to },
    OR: [{ postedAnswer: null }, { postedAnswer: { not: "will_not" } }],
    AND: [{ OR: [{ prisonerId: { in: prisonerIds } }, { campaignId }] }],
  } satisfies Prisma.LetterWhereInput;
}

function countedParcelWhere(campaignId: string, window: { from: Date; to: Date }, prisonerIds: string[]) {
  return {
    state: { in: ["sent", "closed"] },
    sentAt: { gte: window.from, lt: window.to },
    OR: [{ prisonerId: { in: prisonerIds } }, { campaignId }],
  } satisfies Prisma.ParcelWhereInput;
}

/**
 * Counted items per person and tag, counted by the database (grouped, not loaded one
 * by one): [prisonerId, tagged with this campaign, how many].
 */
async function countedItems(
  db: DbClient,
  campaign: Campaign,
  prisonerIds: string[],
): Promise<{ prisonerId: string; tagged: boolean; count: number }[]> {
  const window = campaignWindow(campaign);
  const [letters, parcels] = await Promise.all([
    db.letter.groupBy({
      by: ["prisonerId", "campaignId"],
      where: countedLetterWhere(campaign.id, window, prisonerIds),
      _count: { _all: true },
    }),
    db.parcel.groupBy({
      by: ["prisonerId", "campaignId"],
      where: countedParcelWhere(campaign.id, window, prisonerIds),
      _count: { _all: true },
    }),
  ]);
  return [...letters, ...parcels].map((row) => ({
    prisonerId: row.prisonerId,
    tagged: row.campaignId === campaign.id,
    count: row._count._all,
  }));
}

function progressFromCounts(
  campaign: Campaign,
  prisonerIds: string[],
  items: { prisonerId: string; tagged: boolean; count: number }[],
): CampaignProgressView {
  const counts = new Map(prisonerIds.map((id) => [id, 0]));
  let offList = 0;
  let fromCampaignPage = 0;
  for (const item of items) {
    if (item.tagged) fromCampaignPage += item.count;
    const current = counts.get(item.prisonerId);
    if (current === undefined) offList += item.count;
    else counts.set(item.prisonerId, current + item.count);
  }
  return campaignProgressFrom(
    campaign,
    prisonerIds.map((id) => ({ prisonerId: id, count: counts.get(id) ?? 0 })),
    offList,
    fromCampaignPage,
  );
}

/** The ids on a campaign's list, without names (for counts only). */
async function campaignPeopleIds(db: DbClient, campaign: Campaign, at: Date): Promise<string[]> {
  const rows = await db.prisoner.findMany({
    where: ruleWhere(campaign, at),
    orderBy: [{ sortName: "asc" }, { id: "asc" }],
    select: { id: true, birthDate: true, birthYearOnly: true },
  });
  const month = campaign.ruleMonth ?? 0;
  return rows.filter((p) => campaign.rule !== "birthdays_in_month" || birthdayInMonth(p, month)).map((p) => p.id);
}

/**
 * Goal and progress only (no names, no per-person rows): what lists of campaigns show.
 * The same counting rule as campaignProgress.
 */
export async function campaignProgressTotals(
  db: DbClient,
  campaign: Campaign,
  options: { now?: Date } = {},
): Promise<{ goal: number; progress: number; percent: number; fromCampaignPage: number; people: number }> {
  const ids = await campaignPeopleIds(db, campaign, options.now ?? clockNow());
  const view = progressFromCounts(campaign, ids, await countedItems(db, campaign, ids));
  return {
    goal: view.goal,
    progress: view.progress,
    percent: view.percent,
    fromCampaignPage: view.fromCampaignPage,
    people: ids.length,
  };
}

export interface CampaignProgress extends CampaignProgressView {
  /** The people on the list (same order as perPerson). */
  people: CampaignPerson[];
}

/** Goal and progress of a campaign at `now`, in total and per person on the list. */
export async function campaignProgress(
  db: DbClient,
  campaign: Campaign,
  options: { now?: Date; people?: CampaignPerson[] } = {},
): Promise<CampaignProgress> {
  const at = options.now ?? clockNow();
  const people = options.people ?? (await campaignPeople(db, campaign, { now: at }));
  const ids = people.map((p) => p.prisonerId);
  const view = progressFromCounts(campaign, ids, await countedItems(db, campaign, ids));
  return { ...view, people };
}

/** "Pick for me" on a campaign: the person furthest from the goal, or null when nobody is left. */
export async function pickForCampaign(
  db: DbClient,
  campaign: Campaign,
  options: { now?: Date } = {},
): Promise<string | null> {
  const progress = await campaignProgress(db, campaign, options);
  const sortNames = new Map(progress.people.map((p) => [p.prisonerId, p.sortName]));
  return pickFurthest(
    campaign,
    progress.perPerson.map((p) => ({
      prisonerId: p.prisonerId,
      count: p.count,
      sortName: sortNames.get(p.prisonerId),
    })),
  );
}

// ───────────────────────────── Reading ─────────────────────────────

/** Campaigns active on the UTC day of `now` (startsOn <= today <= endsOn), soonest ending first. */
export async function listActiveCampaigns(db: DbClient, options: { now?: Date } = {}): Promise<Campaign[]> {
  const today = dayStart(dayOf(options.now ?? clockNow()));
  return db.campaign.findMany({
    where: { startsOn: { lte: today }, endsOn: { gte: today } },
    orderBy: [{ endsOn: "asc" }, { slug: "asc" }],
  });
}

export async function getCampaignBySlug(db: DbClient, slug: string): Promise<Campaign | null> {
  return db.campaign.findUnique({ where: { slug: slug.toLowerCase() } });
}

export async function getCampaign(db: DbClient, id: string): Promise<Campaign | null> {
  return db.campaign.findUnique({ where: { id } });
}

/** Every campaign for coordinators: running and coming first, then past ones. */
export async function listCampaigns(db: DbClient, actor: User): Promise<Campaign[]> {
  requireManager(actor);
  return db.campaign.findMany({ orderBy: [{ endsOn: "desc" }, { slug: "asc" }], take: 500 });
}

/** A campaign active now, by slug, or null (ended, not started, unknown). */
export async function getActiveCampaign(db: DbClient, slug: string, options: { now?: Date } = {}) {
  const campaign = await getCampaignBySlug(db, slug);
  return campaign && campaignActive(campaign, options.now ?? clockNow()) ? campaign : null;
}

/**
 * The campaign an item may be tagged with: active now and listing the person, or
 * tagging is refused (CampaignError "not-found" or "not-on-list"). Used when a letter,
 * postcard or parcel is started from a campaign's page.
 */
export async function campaignForTag(
  db: DbClient,
  campaignId: string,
  prisonerId: string,
  options: { now?: Date } = {},
): Promise<Campaign> {
  const at = options.now ?? clockNow();
  const campaign = await getCampaign(db, campaignId);
  if (!campaign || !campaignActive(campaign, at)) throw new CampaignError("not-found");
  const people = await campaignPeople(db, campaign, { now: at });
  if (!people.some((p) => p.prisonerId === prisonerId)) throw new CampaignError("not-on-list");
  return campaign;
}

/** Title and "why" in the reader's language with the fallback of campaignText. */
export function campaignTitle(campaign: Campaign, locale: Locale): string {
  return campaignText(campaign, locale).title;
}

// ───────────────────────────── Writing (coordinators) ─────────────────────────────

function campaignData(input: CampaignInput) {
  const date = (day: string | null) => (day ? dayStart(day) : null);
  return {
    slug: input.slug,
    titleEn: input.titleEn,
    titleRu: input.titleRu,
    titleBe: input.titleBe,
    whyEn: input.whyEn,
    whyRu: input.whyRu,
    whyBe: input.whyBe,
    rule: input.rule,
    ruleMonth: input.ruleMonth,
    ruleHoliday: input.ruleHoliday,
    ruleFrom: date(input.ruleFrom),
    ruleTo: date(input.ruleTo),
    ruleFacilityId: input.ruleFacilityId,
    ruleDays: input.ruleDays,
    country: input.country,
    startsOn: dayStart(input.startsOn),
    endsOn: dayStart(input.endsOn),
    goalKind: input.goalKind,
    goalCount: input.goalCount,
    shareable: input.shareable,
    fundraiserUrl: input.fundraiserUrl,
  };
}

async function checkCampaignInput(db: DbClient, input: CampaignInput, exceptId?: string) {
  if (input.fundraiserUrl && !fundraiserAllowed(input.fundraiserUrl, await getSetting("fundraiserDomains", db))) {
    throw new CampaignError("fundraiser-domain");
  }
  if (input.ruleFacilityId) {
    const facility = await db.facility.findUnique({ where: { id: input.ruleFacilityId }, select: { id: true } });
    if (!facility) throw new CampaignError("facility");
  }
  const taken = await db.campaign.findFirst({
    where: { slug: input.slug, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new CampaignError("slug-taken");
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function createCampaign(db: DbClient, actor: User, input: CampaignInput): Promise<Campaign> {
  requireManager(actor);
  await checkCampaignInput(db, input);
  const at = clockNow();
  try {
    const campaign = await db.campaign.create({
      data: { ...campaignData(input), createdById: actor.id, createdAt: at, updatedAt: at },
    });
    await audit(
      {
        actorId: actor.id,
        action: "campaign.created",
        targetType: "campaign",
        targetId: campaign.id,
        details: { slug: input.slug, rule: input.rule, goal: `${input.goalKind}:${input.goalCount}` },
      },
      db,
    );
    return campaign;
  } catch (error) {
    if (isUniqueViolation(error)) throw new CampaignError("slug-taken");
    throw error;
  }
}

export async function updateCampaign(db: DbClient, actor: User, id: string, input: CampaignInput): Promise<Campaign> {
  requireManager(actor);
  const before = await getCampaign(db, id);
  if (!before) throw new CampaignError("not-found");
  await checkCampaignInput(db, input, id);
  const data = campaignData(input);
  const changed = (Object.keys(data) as (keyof typeof data)[]).filter((key) => {
    const a = before[key];
    const b = data[key];
    return (a instanceof Date ? a.getTime() : a) !== (b instanceof Date ? b.getTime() : b);
  });
  try {
    const campaign = await db.campaign.update({ where: { id }, data: { ...data, updatedAt: clockNow() } });
    await audit(
      { actorId: actor.id, action: "campaign.updated", targetType: "campaign", targetId: id, details: { changed } },
      db,
    );
    return campaign;
  } catch (error) {
    if (isUniqueViolation(error)) throw new CampaignError("slug-taken");
    throw error;
  }
}

/** The form's values of a stored campaign (strings, as the form holds them). */
export function campaignFormValues(campaign: Campaign): CampaignFormInput {
  const day = (d: Date | null) => (d ? dayOf(d) : "");
  return {
    slug: campaign.slug,
    titleEn: campaign.titleEn ?? "",
    titleRu: campaign.titleRu ?? "",
    titleBe: campaign.titleBe ?? "",
    whyEn: campaign.whyEn ?? "",
    whyRu: campaign.whyRu ?? "",
    whyBe: campaign.whyBe ?? "",
    rule: campaign.rule,
    ruleMonth: campaign.ruleMonth ? String(campaign.ruleMonth) : "",
    ruleHoliday: CAMPAIGN_HOLIDAYS.find((h) => h === campaign.ruleHoliday) ?? "",
    ruleFrom: day(campaign.ruleFrom),
    ruleTo: day(campaign.ruleTo),
    ruleFacilityId: campaign.ruleFacilityId ?? "",
    ruleDays: campaign.ruleDays ? String(campaign.ruleDays) : "",
    country: campaign.country ?? "",
    startsOn: day(campaign.startsOn),
    endsOn: day(campaign.endsOn),
    goalKind: campaign.goalKind,
    goalCount: String(campaign.goalCount),
    shareable: campaign.shareable,
    fundraiserUrl: campaign.fundraiserUrl ?? "",
  };
}

// ───────────────────────────── Pages ─────────────────────────────

export interface CampaignSummary {
  slug: string;
  title: string;
  why: string;
  /** The language the title is in (for the lang attribute). */
  language: Locale;
  startsOn: string;
  endsOn: string;
  goalKind: Campaign["goalKind"];
  goalCount: number;
  goal: number;
  progress: number;
  percent: number;
  people: number;
}

/** A campaign as lists show it: its texts in the reader's language, its dates, goal and progress. */
export function campaignSummary(
  campaign: Campaign,
  progress: { goal: number; progress: number; percent: number },
  people: number,
  locale: Locale,
): CampaignSummary {
  const text = campaignText(campaign, locale);
  return {
    slug: campaign.slug,
    title: text.title,
    why: text.why,
    language: text.language,
    startsOn: dayOf(campaign.startsOn),
    endsOn: dayOf(campaign.endsOn),
    goalKind: campaign.goalKind,
    goalCount: campaign.goalCount,
    goal: progress.goal,
    progress: progress.progress,
    percent: progress.percent,
    people,
  };
}

/** Active campaigns with their progress, in the reader's language: for the home page and /write. */
export async function activeCampaignSummaries(
  db: DbClient,
  options: { now?: Date; locale: Locale },
): Promise<CampaignSummary[]> {
  const at = options.now ?? clockNow();
  const campaigns = await listActiveCampaigns(db, { now: at });
  const summaries: CampaignSummary[] = [];
  for (const campaign of campaigns) {
    const totals = await campaignProgressTotals(db, campaign, { now: at });
    summaries.push(campaignSummary(campaign, totals, totals.people, options.locale));
  }
  return summaries;
}

/** How many people the campaign page lists at most (the furthest from the goal first). */
export const CAMPAIGN_PAGE_PEOPLE = 60;

/**
 * A campaign's page for signed-in volunteers: its text, progress, and the people on
 * the list, the furthest from the goal first (at most CAMPAIGN_PAGE_PEOPLE; a picked
 * person always comes first). Null for an unknown slug.
 */
export async function campaignPage(
  db: DbClient,
  slug: string,
  options: { now?: Date; locale: Locale; pickedId?: string | null },
) {
  const at = options.now ?? clockNow();
  const campaign = await getCampaignBySlug(db, slug);
  if (!campaign) return null;
  const progress = await campaignProgress(db, campaign, { now: at });
  const byId = new Map(progress.people.map((p) => [p.prisonerId, p]));
  const rows = progress.perPerson
    .map((p) => ({ ...p, person: byId.get(p.prisonerId)! }))
    .sort(
      (a, b) =>
        a.count - b.count ||
        a.person.sortName.localeCompare(b.person.sortName) ||
        (a.prisonerId < b.prisonerId ? -1 : a.prisonerId > b.prisonerId ? 1 : 0),
    );
  const picked = options.pickedId ? rows.find((r) => r.prisonerId === options.pickedId) : undefined;
  const shown = [...(picked ? [picked] : []), ...rows.filter((r) => r !== picked)].slice(0, CAMPAIGN_PAGE_PEOPLE);
  return {
    id: campaign.id,
    rule: campaign.rule,
    ruleMonth: campaign.ruleMonth,
    ruleHoliday: campaign.ruleHoliday,
    ruleFrom: campaign.ruleFrom ? dayOf(campaign.ruleFrom) : null,
    ruleTo: campaign.ruleTo ? dayOf(campaign.ruleTo) : null,
    ruleDays: campaign.ruleDays,
    fundraiserUrl: campaign.fundraiserUrl,
    active: campaignActive(campaign, at),
    summary: campaignSummary(campaign, progress, progress.people.length, options.locale),
    fromCampaignPage: progress.fromCampaignPage,
    picked: picked ? picked.prisonerId : null,
    people: shown.map((r) => ({
      prisonerId: r.prisonerId,
      name: r.person.name,
      country: r.person.country,
      facility: r.person.facility,
      birthDate: r.person.birthDate && !r.person.birthYearOnly ? dayOf(r.person.birthDate) : null,
      releasedOn: r.person.releasedOn ? dayOf(r.person.releasedOn) : null,
      count: r.count,
      goal: r.goal,
    })),
    morePeople: Math.max(0, rows.length - shown.length),
  };
}

export type CampaignPageData = NonNullable<Awaited<ReturnType<typeof campaignPage>>>;

// ───────────────────────────── For routes (the app's database) ─────────────────────────────

/** Creates (id null) or updates a campaign and its audit entry in one transaction. */
export async function saveCampaign(actor: User, id: string | null, input: CampaignInput): Promise<Campaign> {
  requireManager(actor);
  return prisma.$transaction((tx) => (id ? updateCampaign(tx, actor, id, input) : createCampaign(tx, actor, input)));
}

/** Facilities a facility campaign may name, by name. */
export async function campaignFacilityChoices(actor: User) {
  requireManager(actor);
  return prisma.facility.findMany({
    orderBy: [{ name: "asc" }, { city: "asc" }],
    select: { id: true, name: true, city: true },
  });
}

/** Every campaign with its title in the reader's language and its state today, for coordinators. */
export async function campaignsForCoordinator(actor: User, locale: Locale) {
  const at = clockNow();
  const today = dayOf(at);
  const campaigns = await listCampaigns(prisma, actor);
  // Progress of the running ones (a handful at a time): the list says how each is going.
  const progress = new Map<string, Awaited<ReturnType<typeof campaignProgressTotals>>>();
  for (const c of campaigns.filter((c) => campaignActive(c, at))) {
    progress.set(c.id, await campaignProgressTotals(prisma, c, { now: at }));
  }
  return campaigns.map((c) => ({
    progress: progress.get(c.id) ?? null,
    id: c.id,
    slug: c.slug,
    title: campaignText(c, locale).title,
    rule: c.rule,
    startsOn: dayOf(c.startsOn),
    endsOn: dayOf(c.endsOn),
    goalKind: c.goalKind,
    goalCount: c.goalCount,
    shareable: c.shareable,
    state: campaignActive(c, at)
      ? ("active" as const)
      : dayOf(c.startsOn) > today
        ? ("upcoming" as const)
        : ("ended" as const),
  }));
}

/** A campaign for its edit form, or null. */
export async function campaignForEdit(actor: User, id: string) {
  requireManager(actor);
  const campaign = await getCampaign(prisma, id);
  return campaign ? { id: campaign.id, slug: campaign.slug, values: campaignFormValues(campaign) } : null;
}

/** The volunteer's campaign page (any approved account that writes letters). */
export async function campaignPageFor(
  actor: User,
  slug: string,
  options: { locale: Locale; pickedId?: string | null },
) {
  if (!can(actor, "write:letters:own")) throw new PermissionError("write:letters:own");
  return campaignPage(prisma, slug, options);
}

/** "Pick for me" on an active campaign, or null (nobody left, or the campaign is not running). */
export async function pickForCampaignSlug(actor: User, slug: string): Promise<string | null> {
  if (!can(actor, "write:letters:own")) throw new PermissionError("write:letters:own");
  const campaign = await getActiveCampaign(prisma, slug);
  return campaign ? pickForCampaign(prisma, campaign) : null;
}

/** Active campaigns for the home page and /write (empty for accounts that cannot write). */
export async function activeCampaignsFor(actor: User, locale: Locale): Promise<CampaignSummary[]> {
  if (!can(actor, "write:letters:own")) return [];
  return activeCampaignSummaries(prisma, { locale });
}
