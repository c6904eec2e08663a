import type { Prisma, User } from "#app/generated/prisma/client.ts";
import type { NeedKind, PrisonerStatus } from "#app/generated/prisma/enums.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { decrypt, encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { familyContact } from "#app/utils/sealed-fields.server.ts";
import { can } from "#app/utils/permissions.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { kickOutbox, queueEmail } from "#app/utils/email.server.ts";
import { renderEmail } from "#app/emails/layout.server.ts";
import { DEFAULT_LOCALE, isLocale, translator } from "#app/i18n/i18n.ts";
import { fullName } from "#app/names/match-keys.ts";
import {
  fundraiserAllowed,
  holdExpired,
  holdUntil,
  needIsFulfilled,
  needProgress,
  REMIND_BEFORE_MS,
  type NeedProgress,
} from "#app/support/rules.ts";
import type { FamilyEditInput, FamilyInput, NeedInput } from "#app/schemas/support.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { getSetting, setSetting } from "./settings.server.ts";

/**
 * Needs beyond letters (docs/support.md): coordinators record verified needs of a
 * person or of a prisoner's family; volunteers pledge to them; coordinators record
 * what arrived. The app never handles money: money goes through an external
 * fundraiser whose link a coordinator gives.
 *
 * Families are described in words for volunteers; their names, address and phone are
 * one encrypted field bound to the row, read only through familyForCoordinator. No
 * query that serves volunteers selects it.
 *
 * Pledging locks the need's row, so two volunteers pledging at once cannot promise
 * more than is needed. A held pledge counts only until heldUntil (the board is
 * computed with the rules in app/support/rules.ts), so an expired hold returns the
 * need to the board at once; the hourly "support" task also marks it expired,
 * reminds volunteers a day before, and erases family contacts after retention.
 */

type Tx = Prisma.TransactionClient;
type Db = Tx | typeof prisma;

export type NeedStateCode =
  "not-found" | "not-open" | "over-pledged" | "not-held" | "expired" | "not-pending" | "fundraiser-domain" | "family";

export const NEED_STATE_ERRORS: DomainErrorTable<NeedStateCode> = {
  "not-found": { kind: "not_found", message: "error.notFound" },
  "not-open": { kind: "conflict", message: "support.error.notOpen" },
  "over-pledged": { kind: "conflict", message: "support.error.overPledged" },
  "not-held": { kind: "conflict", message: "support.error.notPending" },
  expired: { kind: "conflict", message: "support.error.expired" },
  "not-pending": { kind: "conflict", message: "support.error.notPending" },
  "fundraiser-domain": { kind: "invalid", message: "support.validation.fundraiserDomain" },
  family: { kind: "invalid", message: "support.validation.family" },
};

/** A need, pledge or family cannot do what was asked (gone, closed, over-pledged, expired…). */
export class NeedStateError extends DomainError<NeedStateCode> {
  constructor(code: NeedStateCode) {
    super(code, NEED_STATE_ERRORS);
  }
}

function requireManager(actor: User) {
  if (!can(actor, "manage:needs")) throw new PermissionError("manage:needs");
}

function requirePledger(actor: User) {
  if (!can(actor, "pledge:needs")) throw new PermissionError("pledge:needs");
}

const DAY_MS = 86_400_000;

const prisonerSelect = {
  id: true,
  country: true,
  status: true,
  names: { where: { isPrimary: true }, take: 1, select: { surname: true, givenName: true, patronymic: true } },
} satisfies Prisma.PrisonerSelect;

function prisonerView(p: {
  id: string;
  country: string;
  status: PrisonerStatus;
  names: { surname: string; givenName: string; patronymic: string | null }[];
}) {
  return { id: p.id, country: p.country, status: p.status, name: p.names[0] ? fullName(p.names[0]) : "—" };
}

const pledgeRuleSelect = {
  amount: true,
  state: true,
  heldUntil: true,
  fulfilledAmount: true,
} satisfies Prisma.PledgeSelect;

// ───────────────────────────── Families (coordinators) ─────────────────────────────

export async function createFamily(actor: User, input: FamilyInput): Promise<string> {
  requireManager(actor);
  const prisoner = await prisma.prisoner.findUnique({ where: { id: input.prisonerId }, select: { id: true } });
  if (!prisoner) throw new NeedStateError("not-found");
  const id = newRowId();
  return prisma.$transaction(async (tx) => {
    await tx.family.create({
      data: {
        id,
        prisonerId: prisoner.id,
        description: input.description,
        contactEncrypted: input.contact ? encrypt(input.contact, familyContact(id)) : null,
        createdById: actor.id,
      },
    });
    await audit({ actorId: actor.id, action: "family.created", targetType: "family", targetId: id }, tx);
    return id;
  });
}

export async function updateFamily(actor: User, id: string, input: FamilyEditInput): Promise<void> {
  requireManager(actor);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.family.updateMany({
      where: { id },
      data: {
        description: input.description,
        contactEncrypted: input.contact ? encrypt(input.contact, familyContact(id)) : null,
        contactPurgedAt: null,
      },
    });
    if (count === 0) throw new NeedStateError("not-found");
    await audit({ actorId: actor.id, action: "family.updated", targetType: "family", targetId: id }, tx);
  });
}

/** A family with its contact details, for coordinators only; each reading is audited. */
export async function familyForCoordinator(actor: User, id: string) {
  requireManager(actor);
  const family = await prisma.family.findUnique({
    where: { id },
    select: {
      id: true,
      description: true,
      contactEncrypted: true,
      contactPurgedAt: true,
      prisoner: { select: prisonerSelect },
      needs: { orderBy: { createdAt: "desc" }, select: { id: true, kind: true, text: true, state: true } },
    },
  });
  if (!family) return null;
  await audit({ actorId: actor.id, action: "family.contact_viewed", targetType: "family", targetId: id });
  const { contactEncrypted, prisoner, ...rest } = family;
  return {
    ...rest,
    prisoner: prisonerView(prisoner),
    contact: contactEncrypted ? decrypt(contactEncrypted, familyContact(id)) : "",
  };
}

/** Families of one prisoner, described in words (no contact details). */
export async function familiesOf(actor: User, prisonerId: string) {
  requireManager(actor);
  return prisma.family.findMany({
    where: { prisonerId },
    orderBy: { createdAt: "asc" },
    select: { id: true, description: true },
  });
}

/** The person a need or a family is recorded for, as a coordinator picks them. */
export async function prisonerForNeed(actor: User, prisonerId: string) {
  requireManager(actor);
  const prisoner = await prisma.prisoner.findUnique({ where: { id: prisonerId }, select: prisonerSelect });
  return prisoner ? prisonerView(prisoner) : null;
}

// ───────────────────────────── Needs (coordinators) ─────────────────────────────

export async function createNeed(actor: User, input: NeedInput): Promise<string> {
  requireManager(actor);
  if (input.via === "fundraiser" && !fundraiserAllowed(input.fundraiserUrl, await getSetting("fundraiserDomains"))) {
    throw new NeedStateError("fundraiser-domain");
  }
  return prisma.$transaction(async (tx) => {
    const prisoner = await tx.prisoner.findUnique({ where: { id: input.prisonerId }, select: { id: true } });
    if (!prisoner) throw new NeedStateError("not-found");
    if (input.familyId) {
      const family = await tx.family.findFirst({
        where: { id: input.familyId, prisonerId: prisoner.id },
        select: { id: true },
      });
      if (!family) throw new NeedStateError("family");
    }
    const need = await tx.need.create({
      data: {
        prisonerId: prisoner.id,
        familyId: input.familyId || null,
        kind: input.kind,
        text: input.text,
        quantity: input.quantity,
        currency: input.currency || null,
        deadline: input.deadline ? new Date(`${input.deadline}T00:00:00Z`) : null,
        via: input.via,
        fundraiserUrl: input.via === "fundraiser" ? input.fundraiserUrl : null,
        holdDays: input.holdDays,
        createdById: actor.id,
        createdAt: now(),
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "need.created",
        targetType: "need",
        targetId: need.id,
        details: { kind: input.kind, via: input.via, quantity: input.quantity, family: Boolean(input.familyId) },
      },
      tx,
    );
    return need.id;
  });
}

export async function closeNeed(actor: User, id: string): Promise<void> {
  requireManager(actor);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.need.updateMany({
      where: { id, state: "open" },
      data: { state: "closed", closedAt: now() },
    });
    if (count === 0) throw new NeedStateError("not-open");
    // Pledges still waiting are released: nobody is asked to send for a closed need.
    await tx.pledge.updateMany({
      where: { needId: id, state: { in: ["held", "confirmed"] } },
      data: { state: "withdrawn" },
    });
    await audit({ actorId: actor.id, action: "need.closed", targetType: "need", targetId: id }, tx);
  });
}

export interface CoordinatorNeedFilter {
  state?: "open" | "fulfilled" | "closed";
}

export async function listNeedsForCoordinator(actor: User, filter: CoordinatorNeedFilter = {}) {
  requireManager(actor);
  const at = now();
  const needs = await prisma.need.findMany({
    where: { state: filter.state ?? "open" },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      text: true,
      quantity: true,
      currency: true,
      deadline: true,
      via: true,
      state: true,
      prisoner: { select: prisonerSelect },
      family: { select: { id: true, description: true } },
      pledges: { select: pledgeRuleSelect },
    },
  });
  return needs.map(({ pledges, prisoner, ...need }) => ({
    ...need,
    prisoner: prisonerView(prisoner),
    progress: needProgress(need.quantity, pledges, at),
  }));
}

export async function needForCoordinator(actor: User, id: string) {
  requireManager(actor);
  const at = now();
  const need = await prisma.need.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      text: true,
      quantity: true,
      currency: true,
      deadline: true,
      via: true,
      fundraiserUrl: true,
      holdDays: true,
      shareable: true,
      state: true,
      createdAt: true,
      prisoner: { select: prisonerSelect },
      family: { select: { id: true, description: true } },
      pledges: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          ...pledgeRuleSelect,
          confirmedAt: true,
          fulfilledAt: true,
          createdAt: true,
          volunteer: { select: { pseudonym: true } },
        },
      },
    },
  });
  if (!need) return null;
  const { prisoner, pledges, ...rest } = need;
  return {
    ...rest,
    prisoner: prisonerView(prisoner),
    progress: needProgress(need.quantity, pledges, at),
    pledges: pledges.map(({ volunteer, ...p }) => ({
      ...p,
      state: holdExpired(p, at) ? ("expired" as const) : p.state,
      pseudonym: volunteer?.pseudonym ?? null,
    })),
  };
}

/**
 * Records what arrived for a pledge: all of it or a part (partial fulfilment counts,
 * the rest returns to the board). The need closes as fulfilled once covered.
 */
export async function recordFulfilment(
  actor: User,
  needId: string,
  input: { pledgeId: string; fulfilledAmount: number },
): Promise<NeedProgress> {
  requireManager(actor);
  const at = now();
  return prisma.$transaction(async (tx) => {
    await lockNeed(tx, needId);
    const pledge = await tx.pledge.findFirst({
      where: { id: input.pledgeId, needId, state: { in: ["held", "confirmed", "expired"] } },
    });
    if (!pledge) throw new NeedStateError("not-pending");
    const need = await tx.need.findUniqueOrThrow({
      where: { id: needId },
      select: {
        quantity: true,
        state: true,
        pledges: { where: { state: "fulfilled" }, select: { fulfilledAmount: true } },
      },
    });
    const alreadyFulfilled = need.pledges.reduce((sum, p) => sum + p.fulfilledAmount, 0);
    if (input.fulfilledAmount > need.quantity - alreadyFulfilled) throw new NeedStateError("over-pledged");
    await tx.pledge.update({
      where: { id: pledge.id },
      data: { state: "fulfilled", fulfilledAmount: input.fulfilledAmount, fulfilledAt: at },
    });
    const progress = needProgress(
      need.quantity,
      await tx.pledge.findMany({ where: { needId }, select: pledgeRuleSelect }),
      at,
    );
    if (needIsFulfilled(progress) && need.state === "open") {
      await tx.need.update({ where: { id: needId }, data: { state: "fulfilled", closedAt: at } });
      await tx.pledge.updateMany({
        where: { needId, state: { in: ["held", "confirmed"] } },
        data: { state: "withdrawn" },
      });
    }
    await audit(
      {
        actorId: actor.id,
        action: "pledge.fulfilled",
        targetType: "need",
        targetId: needId,
        details: {
          pledgeId: pledge.id,
          pledged: pledge.amount,
          fulfilled: input.fulfilledAmount,
          needFulfilled: needIsFulfilled(progress),
        },
      },
      tx,
    );
    return progress;
  });
}

// ───────────────────────────── The board and pledges (volunteers) ─────────────────────────────

export interface NeedBoardFilter {
  kind?: NeedKind;
  country?: "BY" | "RU";
  situation?: PrisonerStatus;
  /** Only needs due on or before this day (yyyy-mm-dd). */
  dueBy?: string;
}

/**
 * Open needs as volunteers see them: what is needed and for whom (a family only in
 * the coordinator's words), never a family's contact details or other volunteers.
 */
export async function listOpenNeeds(actor: User, filter: NeedBoardFilter = {}) {
  requirePledger(actor);
  const at = now();
  const prisonerWhere: Prisma.PrisonerWhereInput = {};
  if (filter.country) prisonerWhere.country = filter.country;
  if (filter.situation) prisonerWhere.status = filter.situation;
  const needs = await prisma.need.findMany({
    where: {
      state: "open",
      prisoner: prisonerWhere,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.dueBy ? { deadline: { lte: new Date(`${filter.dueBy}T00:00:00Z`) } } : {}),
    },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      text: true,
      quantity: true,
      currency: true,
      deadline: true,
      via: true,
      prisoner: { select: prisonerSelect },
      family: { select: { description: true } },
      pledges: { select: pledgeRuleSelect },
    },
  });
  return needs.map(({ pledges, prisoner, ...need }) => ({
    ...need,
    prisoner: prisonerView(prisoner),
    progress: needProgress(need.quantity, pledges, at),
  }));
}

/** One need for a volunteer: the need, its progress, how to help, and their own pledges on it. */
export async function needForVolunteer(actor: User, id: string) {
  requirePledger(actor);
  const at = now();
  const need = await prisma.need.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      text: true,
      quantity: true,
      currency: true,
      deadline: true,
      via: true,
      fundraiserUrl: true,
      holdDays: true,
      state: true,
      prisoner: { select: prisonerSelect },
      family: { select: { description: true } },
      pledges: { select: { ...pledgeRuleSelect, id: true, volunteerId: true, createdAt: true } },
    },
  });
  if (!need) return null;
  const { pledges, prisoner, ...rest } = need;
  const mine = pledges
    .filter((p) => p.volunteerId === actor.id)
    .map(({ volunteerId: _v, ...p }) => ({ ...p, state: holdExpired(p, at) ? ("expired" as const) : p.state }));
  const relayAddresses = need.family && need.via === "parcel" ? await getSetting("relayAddresses") : [];
  return {
    ...rest,
    prisoner: prisonerView(prisoner),
    progress: needProgress(need.quantity, pledges, at),
    mine,
    relayAddresses,
  };
}

async function lockNeed(tx: Tx, needId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Need" WHERE "id" = ${needId} FOR UPDATE`;
  if (!row) throw new NeedStateError("not-found");
}

/**
 * "I'll send this" / "I'll cover 20 EUR through the fund": holds that much of the need
 * for the need's hold days. The need's row is locked, so concurrent pledges are
 * counted one after the other and cannot promise more than is needed.
 */
export async function pledgeToNeed(actor: User, needId: string, amount: number): Promise<string> {
  requirePledger(actor);
  const at = now();
  return prisma.$transaction(async (tx) => {
    await lockNeed(tx, needId);
    const need = await tx.need.findUniqueOrThrow({
      where: { id: needId },
      select: { state: true, quantity: true, holdDays: true, pledges: { select: pledgeRuleSelect } },
    });
    if (need.state !== "open") throw new NeedStateError("not-open");
    const progress = needProgress(need.quantity, need.pledges, at);
    if (amount > progress.available) throw new NeedStateError("over-pledged");
    const pledge = await tx.pledge.create({
      data: { needId, volunteerId: actor.id, amount, heldUntil: holdUntil(at, need.holdDays), createdAt: at },
    });
    await audit(
      {
        actorId: actor.id,
        action: "pledge.created",
        targetType: "need",
        targetId: needId,
        details: { pledgeId: pledge.id, amount, holdDays: need.holdDays },
      },
      tx,
    );
    return pledge.id;
  });
}

/** The volunteer confirms they are on it: the pledge keeps holding until a coordinator records what arrived. */
export async function confirmPledge(actor: User, pledgeId: string): Promise<void> {
  requirePledger(actor);
  const at = now();
  await prisma.$transaction(async (tx) => {
    const pledge = await tx.pledge.findFirst({
      where: { id: pledgeId, volunteerId: actor.id },
      select: { id: true, needId: true, state: true, heldUntil: true },
    });
    if (!pledge) throw new NeedStateError("not-found");
    await lockNeed(tx, pledge.needId);
    if (pledge.state !== "held") throw new NeedStateError("not-held");
    // Once the hold ran out the need went back to the board: pledge again instead.
    if (holdExpired(pledge, at)) throw new NeedStateError("expired");
    await tx.pledge.update({ where: { id: pledge.id }, data: { state: "confirmed", confirmedAt: at } });
    await audit(
      {
        actorId: actor.id,
        action: "pledge.confirmed",
        targetType: "need",
        targetId: pledge.needId,
        details: { pledgeId: pledge.id },
      },
      tx,
    );
  });
}

export async function withdrawPledge(actor: User, pledgeId: string): Promise<void> {
  requirePledger(actor);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.pledge.updateMany({
      where: { id: pledgeId, volunteerId: actor.id, state: { in: ["held", "confirmed"] } },
      data: { state: "withdrawn" },
    });
    if (count === 0) throw new NeedStateError("not-pending");
    await audit({ actorId: actor.id, action: "pledge.withdrawn", targetType: "pledge", targetId: pledgeId }, tx);
  });
}

/** The volunteer's pledges still waiting or done recently, for their home page. */
export async function myPledges(actor: User) {
  if (!can(actor, "pledge:needs")) return [];
  const at = now();
  const pledges = await prisma.pledge.findMany({
    where: {
      volunteerId: actor.id,
      OR: [{ state: { in: ["held", "confirmed"] } }, { updatedAt: { gte: new Date(at.getTime() - 30 * DAY_MS) } }],
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, ...pledgeRuleSelect, need: { select: { id: true, kind: true, text: true, currency: true } } },
  });
  return pledges.map((p) => ({ ...p, state: holdExpired(p, at) ? ("expired" as const) : p.state }));
}

// ───────────────────────────── Upkeep (the hourly "support" task) ─────────────────────────────

/** Held pledges whose time is up become expired; their amounts are back on the board. */
export async function expirePledges(at: Date = now()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.pledge.updateMany({
      where: { state: "held", heldUntil: { lte: at } },
      data: { state: "expired" },
    });
    if (count > 0) await audit({ actorId: null, action: "pledge.expired", details: { count } }, tx);
    return count;
  });
}

/**
 * One e-mail per pledge, a day before its hold ends: "confirm or it returns to the
 * board". Logged in ReminderLog with the mail in one transaction, so it goes once.
 * The mail names no prisoner and no family, only a link.
 */
export async function sendPledgeReminders(at: Date = now()): Promise<number> {
  const due = await prisma.pledge.findMany({
    where: {
      state: "held",
      heldUntil: { gt: at, lte: new Date(at.getTime() + REMIND_BEFORE_MS) },
      // The volunteer's own switch in /settings ("pledge reminders").
      volunteer: { vettingState: "approved", remindPledges: true },
      need: { state: "open" },
    },
    select: {
      id: true,
      needId: true,
      heldUntil: true,
      volunteer: { select: { id: true, email: true, pseudonym: true, locale: true } },
    },
  });
  let sent = 0;
  for (const pledge of due) {
    const volunteer = pledge.volunteer!;
    const locale = isLocale(volunteer.locale) ? volunteer.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const queued = await prisma.$transaction(async (tx) => {
      const { count } = await tx.reminderLog.createMany({
        data: [
          {
            userId: volunteer.id,
            kind: "pledge",
            subjectId: pledge.id,
            periodKey: pledge.heldUntil.toISOString(),
            sentAt: at,
          },
        ],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await queueEmail(
        {
          to: volunteer.email,
          purpose: "reminder",
          subject: t("email.pledge.subject"),
          ...renderEmail(locale, {
            paragraphs: [t("email.reminder.greeting", { pseudonym: volunteer.pseudonym }), t("email.pledge.body")],
            action: { label: t("email.pledge.button"), url: `${appUrl()}/needs/${pledge.needId}` },
            footer: t("email.reminder.footer", { url: `${appUrl()}/settings` }),
          }),
        },
        tx,
      );
      return true;
    });
    if (queued) sent++;
  }
  if (sent > 0) kickOutbox();
  return sent;
}

/**
 * A family's contact details are kept while it has an open need and for the
 * retention period after its last need closed (or after the record was last
 * changed, when it has none); then they are erased. The description stays.
 */
export async function purgeFamilyContacts(at: Date = now()): Promise<number> {
  const cutoff = new Date(at.getTime() - (await getSetting("retentionDays")) * DAY_MS);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.family.updateMany({
      where: {
        contactEncrypted: { not: null },
        updatedAt: { lt: cutoff },
        needs: { none: { OR: [{ state: "open" }, { closedAt: { gte: cutoff } }] } },
      },
      data: { contactEncrypted: null, contactPurgedAt: at },
    });
    if (count > 0) await audit({ actorId: null, action: "retention.purged", details: { families: count } }, tx);
    return count;
  });
}

export async function supportUpkeep(): Promise<{ expired: number; reminded: number; familiesPurged: number }> {
  const at = now();
  // Reminders first: a pledge due within the day is reminded before anything expires.
  const reminded = await sendPledgeReminders(at);
  const expired = await expirePledges(at);
  const familiesPurged = await purgeFamilyContacts(at);
  return { expired, reminded, familiesPurged };
}

/** Removes a volunteer's open pledges (they return to the board) when their account is deleted; fulfilled ones stay, anonymous. */
export async function releasePledgesOf(tx: Db, userId: string): Promise<number> {
  const { count } = await tx.pledge.deleteMany({ where: { volunteerId: userId, state: { not: "fulfilled" } } });
  await tx.pledge.updateMany({ where: { volunteerId: userId }, data: { volunteerId: null } });
  return count;
}

/** The domains fundraiser links may point to; admins set them. */
export async function fundraiserDomains(): Promise<string[]> {
  return getSetting("fundraiserDomains");
}

export async function setFundraiserDomains(actor: User, domains: string[]): Promise<void> {
  if (!can(actor, "change:roles")) throw new PermissionError("change:roles");
  await setSetting("fundraiserDomains", domains);
  await audit({ actorId: actor.id, action: "settings.fundraiser_domains", details: { domains } });
}
