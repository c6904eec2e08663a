import type { User } from "#app/generated/prisma/client.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { now as clockNow } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { can } from "#app/utils/permissions.ts";
import { fullName } from "#app/names/match-keys.ts";
import type { Locale } from "#app/i18n/i18n.ts";
import { needProgress } from "#app/support/rules.ts";
import { campaignActive, campaignText, dayOf, dayStart } from "#app/support/campaign-rules.ts";
import {
  campaignProgressTotals,
  campaignSummary,
  getCampaignBySlug,
  listActiveCampaigns,
  type CampaignSummary,
} from "./campaigns.server.ts";
import { PermissionError } from "./users.server.ts";
import { getSetting, setSetting } from "./settings.server.ts";

/**
 * Public pages (docs/public-pages.md): what anyone may read without signing in.
 * Everything here is built from an explicit select of counts, dates and texts written
 * for the public; nothing selects a volunteer, a pseudonym, an e-mail address, a
 * family's description or contact, or a letter. A prisoner's name is included only
 * when one of the person's sources is marked "names are public" (an NGO list that
 * is already published).
 */

export class FundraiserReportError extends Error {
  constructor(readonly reason: "not-found" | "no-fundraiser") {
    super(reason);
  }
}

/** The newest figure a fund reported, as public pages show it: "reported by <domain> on <date>". */
export interface ReportedAmount {
  amount: number;
  currency: string;
  reportedOn: string;
  domain: string;
}

const reportOrder = [{ reportedOn: "desc" as const }, { createdAt: "desc" as const }];
const reportSelect = { amount: true, currency: true, reportedOn: true, domain: true } as const;

function reportView(row: { amount: number; currency: string; reportedOn: Date; domain: string } | undefined) {
  return row
    ? { amount: row.amount, currency: row.currency, reportedOn: dayOf(row.reportedOn), domain: row.domain }
    : null;
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase();
}

/** Whether a person's name may appear on public pages (one of their sources publishes names). */
export const namesPublicWhere = { sources: { some: { source: { namesPublic: true } } } } as const;

// ───────────────────────────── Fundraiser reports (coordinators) ─────────────────────────────

export interface FundraiserReportInput {
  amount: number;
  currency: string;
  reportedOn: string;
}

/**
 * Records the amount a fund reports as raised for a need's or a campaign's fundraiser
 * link. Reports are never changed: a new one is added (the newest is shown), and
 * each is audited. The domain is taken from the link at the time of the report.
 */
export async function recordFundraiserReport(
  actor: User,
  target: { needId: string } | { campaignId: string },
  input: FundraiserReportInput,
): Promise<string> {
  if (!can(actor, "manage:needs")) throw new PermissionError("manage:needs");
  return prisma.$transaction(async (tx) => {
    const link =
      "needId" in target
        ? await tx.need.findUnique({ where: { id: target.needId }, select: { fundraiserUrl: true } })
        : await tx.campaign.findUnique({ where: { id: target.campaignId }, select: { fundraiserUrl: true } });
    if (!link) throw new FundraiserReportError("not-found");
    if (!link.fundraiserUrl) throw new FundraiserReportError("no-fundraiser");
    const domain = hostOf(link.fundraiserUrl);
    const report = await tx.fundraiserReport.create({
      data: {
        ...target,
        amount: input.amount,
        currency: input.currency,
        reportedOn: dayStart(input.reportedOn),
        domain,
        createdById: actor.id,
        createdAt: clockNow(),
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "fundraiser.reported",
        targetType: "needId" in target ? "need" : "campaign",
        targetId: "needId" in target ? target.needId : target.campaignId,
        details: { amount: input.amount, currency: input.currency, reportedOn: input.reportedOn, domain },
      },
      tx,
    );
    return report.id;
  });
}

/** Every report for a need or a campaign, newest first, for coordinators (the history). */
export async function fundraiserReports(actor: User, target: { needId: string } | { campaignId: string }) {
  if (!can(actor, "manage:needs")) throw new PermissionError("manage:needs");
  const rows = await prisma.fundraiserReport.findMany({
    where: target,
    orderBy: reportOrder,
    select: { id: true, ...reportSelect, createdAt: true, createdBy: { select: { pseudonym: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    ...reportView(r)!,
    createdAt: r.createdAt,
    by: r.createdBy?.pseudonym ?? null,
  }));
}

// ───────────────────────────── Settings (admins) ─────────────────────────────

/** Sites (CSP frame-ancestors sources) allowed to frame /c/<slug>/embed. Empty: nobody. */
export async function embedFrameAncestors(db: DbClient = prisma): Promise<string[]> {
  return getSetting("embedFrameAncestors", db);
}

export async function setEmbedFrameAncestors(actor: User, origins: string[]): Promise<void> {
  if (!can(actor, "change:roles")) throw new PermissionError("change:roles");
  await setSetting("embedFrameAncestors", origins);
  await audit({ actorId: actor.id, action: "settings.embed_frame_ancestors", details: { origins } });
}

/** Coordinators mark a need shareable (or not) on /needs/public; audited. */
export async function setNeedShareable(actor: User, needId: string, shareable: boolean): Promise<void> {
  if (!can(actor, "manage:needs")) throw new PermissionError("manage:needs");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.need.updateMany({ where: { id: needId }, data: { shareable } });
    if (count === 0) throw new FundraiserReportError("not-found");
    await audit(
      { actorId: actor.id, action: "need.shareable", targetType: "need", targetId: needId, details: { shareable } },
      tx,
    );
  });
}

/** Coordinators and admins mark a source's names public (or not); audited. */
export async function setSourceNamesPublic(actor: User, sourceId: string, namesPublic: boolean): Promise<void> {
  if (!can(actor, "edit:prisoners")) throw new PermissionError("edit:prisoners");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.source.updateMany({ where: { id: sourceId }, data: { namesPublic } });
    if (count === 0) throw new FundraiserReportError("not-found");
    await audit(
      {
        actorId: actor.id,
        action: "source.names_public",
        targetType: "source",
        targetId: sourceId,
        details: { namesPublic },
      },
      tx,
    );
  });
}

// ───────────────────────────── Public reading (no sign-in) ─────────────────────────────

export interface PublicNeed {
  id: string;
  kind: string;
  quantity: number;
  currency: string | null;
  deadline: string | null;
  situation: string;
  country: string;
  forFamily: boolean;
  /** The person's name only when one of their sources publishes names; otherwise null. */
  name: string | null;
  fulfilled: number;
  pledged: number;
  percent: number;
  fundraiserUrl: string | null;
  reported: ReportedAmount | null;
}

/** Open needs a coordinator marked shareable: counts and already-public names only. */
export async function publicNeeds(options: { now?: Date; db?: DbClient } = {}): Promise<PublicNeed[]> {
  const db = options.db ?? prisma;
  const at = options.now ?? clockNow();
  const needs = await db.need.findMany({
    where: { state: "open", shareable: true },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      kind: true,
      quantity: true,
      currency: true,
      deadline: true,
      via: true,
      fundraiserUrl: true,
      familyId: true,
      prisoner: {
        select: {
          id: true,
          country: true,
          status: true,
          names: { where: { isPrimary: true }, take: 1, select: { surname: true, givenName: true, patronymic: true } },
          sources: { where: { source: { namesPublic: true } }, take: 1, select: { id: true } },
        },
      },
      pledges: { select: { amount: true, state: true, heldUntil: true, fulfilledAmount: true } },
      fundraiserReports: { orderBy: reportOrder, take: 1, select: reportSelect },
    },
  });
  return needs.map((need) => {
    const progress = needProgress(need.quantity, need.pledges, at);
    const named = need.prisoner.sources.length > 0 && need.prisoner.names[0];
    return {
      id: need.id,
      kind: need.kind,
      quantity: need.quantity,
      currency: need.currency,
      deadline: need.deadline ? dayOf(need.deadline) : null,
      situation: need.prisoner.status,
      country: need.prisoner.country,
      forFamily: need.familyId !== null,
      name: named ? fullName(need.prisoner.names[0]) : null,
      fulfilled: progress.fulfilled,
      pledged: progress.fulfilled + progress.reserved,
      percent: progress.percent,
      fundraiserUrl: need.via === "fundraiser" ? need.fundraiserUrl : null,
      reported: reportView(need.fundraiserReports[0]),
    };
  });
}

/** A campaign on the public pages: what lists show, with the fund's reported amount. */
export interface PublicCampaign extends CampaignSummary {
  fundraiserUrl: string | null;
  reported: ReportedAmount | null;
  updatedAt: string;
}

type CampaignRow = NonNullable<Awaited<ReturnType<typeof getCampaignBySlug>>>;

async function publicView(db: DbClient, campaign: CampaignRow, locale: Locale, at: Date): Promise<PublicCampaign> {
  // Counts only: who is on the list is never public.
  const [totals, report] = await Promise.all([
    campaignProgressTotals(db, campaign, { now: at }),
    db.fundraiserReport.findFirst({ where: { campaignId: campaign.id }, orderBy: reportOrder, select: reportSelect }),
  ]);
  return {
    ...campaignSummary(campaign, totals, totals.people, locale),
    fundraiserUrl: campaign.fundraiserUrl,
    reported: reportView(report ?? undefined),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

/** Active campaigns marked shareable, in the reader's language, soonest ending first. */
export async function publicCampaigns(options: {
  locale: Locale;
  now?: Date;
  db?: DbClient;
}): Promise<PublicCampaign[]> {
  const db = options.db ?? prisma;
  const at = options.now ?? clockNow();
  const campaigns = (await listActiveCampaigns(db, { now: at })).filter((c) => c.shareable);
  const views: PublicCampaign[] = [];
  for (const campaign of campaigns) views.push(await publicView(db, campaign, options.locale, at));
  return views;
}

/**
 * The landing page's links to shareable campaigns: titles and dates only. Every anonymous
 * visit reads it, so it counts nothing (the progress is on each campaign's own page).
 */
export async function publicCampaignLinks(options: { locale: Locale; now?: Date; db?: DbClient }) {
  const db = options.db ?? prisma;
  const campaigns = (await listActiveCampaigns(db, { now: options.now ?? clockNow() })).filter((c) => c.shareable);
  return campaigns.map((campaign) => {
    const text = campaignText(campaign, options.locale);
    return { slug: campaign.slug, title: text.title, language: text.language, endsOn: dayOf(campaign.endsOn) };
  });
}

/** One shareable campaign that is running now, or null (unknown, not shareable, not running). */
export async function publicCampaign(
  slug: string,
  options: { locale: Locale; now?: Date; db?: DbClient },
): Promise<PublicCampaign | null> {
  const db = options.db ?? prisma;
  const at = options.now ?? clockNow();
  const campaign = await getCampaignBySlug(db, slug);
  if (!campaign || !campaign.shareable || !campaignActive(campaign, at)) return null;
  return publicView(db, campaign, options.locale, at);
}
