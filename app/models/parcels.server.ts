import type { Prisma, User } from "#app/generated/prisma/client.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { decrypt, encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { parcelSenderDetails } from "#app/utils/sealed-fields.server.ts";
import { can } from "#app/utils/permissions.ts";
import { fullName } from "#app/names/match-keys.ts";
import {
  ADDED_BANNED_TERMS,
  DEFAULT_BANNED_TERMS,
  DEFAULT_CATALOG,
  PARCEL_DEFAULTS_VERSION,
} from "#app/parcels/defaults.ts";
import {
  type PackageKind,
  type ParcelVerdict,
  type RuleBannedTerm,
  type RuleFacility,
  type RuleHistory,
  type RuleItem,
  type RulePrisoner,
  countsTowardQuota,
  parcelTotals,
  ruleItem,
  storedItem,
  verdictFor,
  facilityTimeZone,
  localYearMonth,
} from "#app/parcels/rules.ts";
import { validateTrackingNumber, type S10Problem } from "#app/parcels/s10.ts";
import { checkTransition } from "#app/tracking/transitions.ts";
import type { CatalogItemInput, ParcelDraftInput, ParcelItemInput } from "#app/schemas/parcels.ts";
import { changeStatus, changeStatusIn, routeStatuses } from "./tracking.server.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { getSetting, setSetting } from "./settings.server.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { campaignForTag, CampaignError } from "./campaigns.server.ts";
import { takeSeedLock } from "#app/utils/seed-lock.server.ts";

/**
 * Parcels volunteers (and coordinators, on behalf of a family or a fund) prepare
 * for a prisoner. A volunteer sees and changes only their own parcels; coordinators
 * (manage:parcels) see all. The rules live in app/parcels/rules.ts; this module
 * gathers their inputs from the database, and "sends" a parcel (marks it ready to
 * post) only after checking them again inside a transaction that locks the
 * prisoner's row, so two parcels sent at once cannot both take the last slot of a
 * quota. Sender details are encrypted at rest.
 */

type Tx = Prisma.TransactionClient;

export type ParcelStateCode =
  "not-found" | "not-a-draft" | "not-sent" | "closed" | "route" | "sender" | "no-posted-status";

export const PARCEL_STATE_ERRORS: DomainErrorTable<ParcelStateCode> = {
  "not-found": { kind: "not_found", message: "error.notFound" },
  "not-a-draft": { kind: "conflict", message: "parcels.error.notDraft" },
  "not-sent": { kind: "conflict", message: "parcels.error.notSent" },
  closed: { kind: "conflict", message: "parcels.error.closed" },
  route: { kind: "conflict", message: "parcels.error.route" },
  sender: { kind: "conflict", message: "parcels.error.sender" },
  "no-posted-status": { kind: "conflict", message: "parcels.error.route" },
};

/** A parcel cannot do what was asked in the state it is in. */
export class ParcelStateError extends DomainError<ParcelStateCode> {
  constructor(code: ParcelStateCode) {
    super(code, PARCEL_STATE_ERRORS);
  }
}

export type ParcelRefusedCode = "refused";

export const PARCEL_REFUSED_ERRORS: DomainErrorTable<ParcelRefusedCode> = {
  refused: { kind: "invalid", message: "parcels.error.refused" },
};

/** The parcel breaks the facility's rules; `verdict.problems` says how. */
export class ParcelRefusedError extends DomainError<ParcelRefusedCode> {
  constructor(readonly verdict: ParcelVerdict) {
    super("refused", PARCEL_REFUSED_ERRORS, {}, `parcel refused: ${verdict.problems.map((p) => p.code).join(", ")}`);
  }
}

export type TrackingNumberCode = S10Problem["code"];

export const TRACKING_NUMBER_ERRORS: DomainErrorTable<TrackingNumberCode> = {
  empty: { kind: "invalid", message: "parcels.s10.empty" },
  length: { kind: "invalid", message: "parcels.s10.length" },
  serviceLetters: { kind: "invalid", message: "parcels.s10.serviceLetters" },
  serviceReserved: { kind: "invalid", message: "parcels.s10.serviceReserved" },
  serviceUnused: { kind: "invalid", message: "parcels.s10.serviceUnused" },
  domesticCheckDigit: { kind: "invalid", message: "parcels.s10.domesticCheckDigit" },
  digits: { kind: "invalid", message: "parcels.s10.digits" },
  countryLetters: { kind: "invalid", message: "parcels.s10.countryLetters" },
  unknownCountry: { kind: "invalid", message: "parcels.s10.unknownCountry" },
  checkDigit: { kind: "invalid", message: "parcels.s10.checkDigit" },
};

/** A tracking number that is not a valid S10 (or Russian domestic) number. */
export class TrackingNumberError extends DomainError<TrackingNumberCode> {
  constructor(readonly problem: S10Problem) {
    super(problem.code, TRACKING_NUMBER_ERRORS, {}, `tracking number: ${problem.code}`);
  }
}

function requireSender(actor: User) {
  if (!can(actor, "send:parcels:own")) throw new PermissionError("send:parcels:own");
}

function requireManager(actor: User) {
  if (!can(actor, "manage:parcels")) throw new PermissionError("manage:parcels");
}

/**
 * Parcels the actor may see and follow (status, tracking number): their own, or any
 * for coordinators. Changing the contents, sending, deleting, the sender's details
 * and the customs form (which carries them) stay with the person who prepared it.
 */
function accessWhere(actor: User, id: string): Prisma.ParcelWhereInput {
  return can(actor, "manage:parcels") ? { id } : { id, senderId: actor.id };
}

function ownWhere(actor: User, id: string): Prisma.ParcelWhereInput {
  return { id, senderId: actor.id };
}

// ───────────────────────────── Catalogue and banned terms ─────────────────────────────

const INITIALIZED = "parcelRulesInitialized";
const DEFAULTS_VERSION = "parcelDefaultsVersion";

/**
 * A new installation starts from the catalogue and banned terms in
 * app/parcels/defaults.ts (unless something is already there, as after the demo
 * data); from then on the database is the truth: an emptied list stays empty.
 */
export async function ensureParcelDefaults(): Promise<void> {
  const version = await prisma.setting.findUnique({ where: { key: DEFAULTS_VERSION } });
  if (version && Number(version.value) >= PARCEL_DEFAULTS_VERSION) return;
  await prisma.$transaction(async (tx) => {
    // Two first "Send a parcel" clicks (or two instances) store the catalogue once.
    await takeSeedLock(tx);
    const [initialized, current] = await Promise.all([
      tx.setting.findUnique({ where: { key: INITIALIZED } }),
      tx.setting.findUnique({ where: { key: DEFAULTS_VERSION } }),
    ]);
    if (current && Number(current.value) >= PARCEL_DEFAULTS_VERSION) return;
    if (!initialized) {
      if ((await tx.catalogItem.count()) === 0) await tx.catalogItem.createMany({ data: DEFAULT_CATALOG });
      if ((await tx.bannedTerm.count()) === 0)
        await tx.bannedTerm.createMany({ data: DEFAULT_BANNED_TERMS, skipDuplicates: true });
      await tx.setting.upsert({ where: { key: INITIALIZED }, create: { key: INITIALIZED, value: true }, update: {} });
    } else {
      // An installation from the first release: the terms added since (Belarusian words, glass, hidden letters).
      await tx.bannedTerm.createMany({ data: ADDED_BANNED_TERMS, skipDuplicates: true });
    }
    await tx.setting.upsert({
      where: { key: DEFAULTS_VERSION },
      create: { key: DEFAULTS_VERSION, value: PARCEL_DEFAULTS_VERSION },
      update: { value: PARCEL_DEFAULTS_VERSION },
    });
  });
}

export async function listCatalog(options: { activeOnly?: boolean } = {}) {
  await ensureParcelDefaults();
  return prisma.catalogItem.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ category: "asc" }, { nameEn: "asc" }],
  });
}

export async function listBannedTerms() {
  await ensureParcelDefaults();
  return prisma.bannedTerm.findMany({ orderBy: { term: "asc" } });
}

export async function saveCatalogItem(actor: User, input: CatalogItemInput): Promise<string> {
  requireManager(actor);
  await ensureParcelDefaults();
  const { id, typicalValue, ...rest } = input;
  const data = { ...rest, typicalValueCents: typicalValue };
  if (id) {
    const { count } = await prisma.catalogItem.updateMany({ where: { id }, data });
    if (count === 0) throw new ParcelStateError("not-found");
    return id;
  }
  return (await prisma.catalogItem.create({ data })).id;
}

export async function setCatalogItemActive(actor: User, id: string, active: boolean) {
  requireManager(actor);
  await prisma.catalogItem.updateMany({ where: { id }, data: { active } });
}

export async function addBannedTerm(actor: User, input: { term: string; reason: string | null }) {
  requireManager(actor);
  await ensureParcelDefaults();
  await prisma.bannedTerm.upsert({ where: { term: input.term }, create: input, update: { reason: input.reason } });
}

/** The coordinators' default box weight, counted in every parcel's gross weight. */
export async function parcelBoxWeight(): Promise<number> {
  return getSetting("parcelBoxWeightGrams");
}

export async function setParcelBoxWeight(actor: User, grams: number) {
  requireManager(actor);
  await setSetting("parcelBoxWeightGrams", grams);
}

export async function removeBannedTerm(actor: User, id: string) {
  requireManager(actor);
  await prisma.bannedTerm.deleteMany({ where: { id } });
}

// ───────────────────────────── Routes that carry parcels ─────────────────────────────

export async function parcelRoutes(country: "BY" | "RU", db: DbClient = prisma) {
  // Filtered here rather than with `has`: the PGlite adapter cannot bind an enum array parameter.
  const routes = await db.route.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, handover: true, itemKinds: true, countries: true },
  });
  return routes
    .filter((r) => r.itemKinds.includes("parcel") && r.countries.includes(country))
    .map(({ itemKinds: _k, countries: _c, ...r }) => r);
}

// ───────────────────────────── Rule inputs ─────────────────────────────

/**
 * What the person already received at the current place under the current
 * regime (DOMAIN.md, "Parcels"): parcels in state sent or closed that went to
 * the current facility during the current stay there, not returned or refused,
 * counted in the calendar year and month of the facility's time zone, by the
 * date the parcel was handed over (its expected receipt). Without a current
 * facility nothing counts.
 */
export async function parcelHistory(
  prisonerId: string,
  at: Date = now(),
  db: DbClient = prisma,
  excludeParcelId?: string,
): Promise<RuleHistory> {
  const prisoner = await db.prisoner.findUnique({
    where: { id: prisonerId },
    select: {
      currentFacility: { select: { id: true, country: true, region: true } },
      stays: { orderBy: { fromDate: "desc" }, take: 1, select: { facilityId: true, fromDate: true } },
    },
  });
  const facility = prisoner?.currentFacility ?? null;
  const zone = facility ? facilityTimeZone(facility.country, facility.region) : "UTC";
  const period = localYearMonth(at, zone);
  const sentThisYear: Record<PackageKind, number> = { parcel: 0, small_package: 0 };
  let gramsThisMonth = 0;
  if (!facility) return { year: period.year, month: period.month, sentThisYear, gramsThisMonth };
  const stay = prisoner?.stays[0];
  const current = {
    facilityId: facility.id,
    stayStartedAt: stay && stay.facilityId === facility.id ? stay.fromDate : null,
  };
  // A day either side of the UTC year covers every time zone; the local year is decided below.
  const sent = await db.parcel.findMany({
    where: {
      prisonerId,
      state: { in: ["sent", "closed"] },
      sentAt: { gte: new Date(Date.UTC(period.year - 1, 11, 31)), lt: new Date(Date.UTC(period.year + 1, 0, 2)) },
      ...(excludeParcelId ? { id: { not: excludeParcelId } } : {}),
    },
    select: {
      packageKind: true,
      sentAt: true,
      facilityId: true,
      status: true,
      boxWeightGrams: true,
      items: { select: { quantity: true, unitWeightGrams: true, unitValueCents: true } },
    },
  });
  for (const parcel of sent) {
    if (!parcel.sentAt || !countsTowardQuota(parcel, current)) continue;
    const local = localYearMonth(parcel.sentAt, zone);
    if (local.year !== period.year) continue;
    sentThisYear[parcel.packageKind] += 1;
    // Gross, as the post weighs it: the items and the box stored when the parcel was sent.
    if (local.month === period.month)
      gramsThisMonth += parcelTotals(parcel.items, parcel.boxWeightGrams ?? 0).grossWeightGrams;
  }
  return { year: period.year, month: period.month, sentThisYear, gramsThisMonth };
}

type FacilityRow = Omit<RuleFacility, "parcelQuotaByConditions"> & {
  parcelQuotaOrdinary: number | null;
  parcelQuotaLightened: number | null;
  parcelQuotaStrict: number | null;
};

function ruleFacility(row: FacilityRow | null): RuleFacility | null {
  const f = row && {
    ...row,
    parcelQuotaByConditions: {
      ordinary: row.parcelQuotaOrdinary,
      lightened: row.parcelQuotaLightened,
      strict: row.parcelQuotaStrict,
    },
  };
  return f
    ? {
        type: f.type,
        parcelsFromAbroad: f.parcelsFromAbroad,
        parcelsRelativesOnly: f.parcelsRelativesOnly,
        parcelQuotaPerYear: f.parcelQuotaPerYear,
        parcelQuotaByConditions: f.parcelQuotaByConditions,
        smallPackageQuotaPerYear: f.smallPackageQuotaPerYear,
        parcelWeightLimitGrams: f.parcelWeightLimitGrams,
        parcelMonthlyWeightLimitGrams: f.parcelMonthlyWeightLimitGrams,
      }
    : null;
}

/** Everything the rules need about a prisoner, from the database (the same for the web, the action and the CLI). */
export async function ruleContext(prisonerId: string, db: DbClient = prisma, excludeParcelId?: string) {
  const prisoner = await db.prisoner.findUnique({
    where: { id: prisonerId },
    select: {
      id: true,
      country: true,
      status: true,
      canWrite: true,
      sentenceInForce: true,
      doNotWrite: true,
      detentionConditions: true,
      currentFacility: true,
    },
  });
  if (!prisoner) return null;
  const [history, bannedTerms, routes, boxWeightGrams] = await Promise.all([
    parcelHistory(prisonerId, now(), db, excludeParcelId),
    db.bannedTerm.findMany({ select: { term: true, reason: true }, orderBy: { term: "asc" } }),
    parcelRoutes(prisoner.country, db),
    getSetting("parcelBoxWeightGrams", db),
  ]);
  const rulePrisoner: RulePrisoner = {
    status: prisoner.status,
    canWrite: prisoner.canWrite,
    sentenceInForce: prisoner.sentenceInForce,
    doNotWrite: prisoner.doNotWrite,
    conditions: prisoner.detentionConditions,
  };
  return {
    country: prisoner.country,
    facilityId: prisoner.currentFacility?.id ?? null,
    prisoner: rulePrisoner,
    facility: ruleFacility(prisoner.currentFacility),
    history,
    bannedTerms: bannedTerms as RuleBannedTerm[],
    routes,
    boxWeightGrams,
  };
}

export type RuleContext = NonNullable<Awaited<ReturnType<typeof ruleContext>>>;

// ───────────────────────────── A person's parcels ─────────────────────────────

/** Starts a parcel; from a campaign's page it carries the campaign's tag (an active campaign listing the person). */
export async function createParcelDraft(actor: User, prisonerId: string, options: { campaignId?: string | null } = {}) {
  requireSender(actor);
  const prisoner = await prisma.prisoner.findUnique({
    where: { id: prisonerId },
    select: { id: true, status: true, canWrite: true, currentFacilityId: true },
  });
  if (!prisoner || !isReachable(prisoner)) throw new PermissionError("not-offered");
  if (options.campaignId) {
    try {
      await campaignForTag(prisma, options.campaignId, prisonerId);
    } catch (error) {
      if (error instanceof CampaignError) throw new PermissionError("not-offered");
      throw error;
    }
  }
  await ensureParcelDefaults();
  const at = now();
  const id = newRowId();
  return prisma.parcel.create({
    data: {
      id,
      senderId: actor.id,
      prisonerId,
      facilityId: prisoner.currentFacilityId,
      state: "draft",
      campaignId: options.campaignId || null,
      senderDetailsEncrypted: encrypt(actor.pseudonym, parcelSenderDetails(id)),
      createdAt: at,
      updatedAt: at,
    },
  });
}

const parcelInclude = {
  items: { orderBy: { id: "asc" }, include: { catalogItem: true } },
  prisoner: { include: { names: true, currentFacility: true } },
  route: { select: { id: true, name: true, slug: true, handover: true } },
  sender: { select: { id: true, pseudonym: true } },
  facility: true,
} satisfies Prisma.ParcelInclude;

/**
 * A parcel the actor may see (their own; any for coordinators, unless ownOnly), or
 * null. The sender's details are decrypted only for the person who prepared it.
 */
export async function getParcel(actor: User, id: string, options: { ownOnly?: boolean } = {}) {
  const parcel = await prisma.parcel.findFirst({
    where: options.ownOnly ? ownWhere(actor, id) : accessWhere(actor, id),
    include: parcelInclude,
  });
  if (!parcel) return null;
  const own = parcel.senderId === actor.id;
  return {
    ...parcel,
    own,
    senderDetails:
      own && parcel.senderDetailsEncrypted
        ? decrypt(parcel.senderDetailsEncrypted, parcelSenderDetails(parcel.id))
        : null,
  };
}

export type ParcelView = NonNullable<Awaited<ReturnType<typeof getParcel>>>;

export function ruleItemsOf(parcel: Pick<ParcelView, "items">): RuleItem[] {
  return parcel.items.map((item) => ruleItem(item, item.catalogItem));
}

/** The verdict for a stored parcel, as the server sees it now. */
export async function parcelVerdict(parcel: ParcelView): Promise<ParcelVerdict | null> {
  const context = await ruleContext(parcel.prisonerId, prisma, parcel.id);
  return context ? verdictFor(context, parcel, ruleItemsOf(parcel)) : null;
}

async function itemRows(db: Tx, items: ParcelItemInput[]) {
  const ids = [...new Set(items.map((i) => i.catalogItemId).filter((id): id is string => !!id))];
  const catalog = new Map((await db.catalogItem.findMany({ where: { id: { in: ids } } })).map((c) => [c.id, c]));
  return items.flatMap((item) => storedItem(item, catalog) ?? []);
}

/** Saves a draft: kind, sender, sender details (encrypted) and the items (catalogue weights and values are copied in). */
export async function saveParcelDraft(actor: User, id: string, input: ParcelDraftInput) {
  requireSender(actor);
  const onBehalf = can(actor, "manage:parcels");
  await prisma.$transaction(async (tx) => {
    const parcel = await tx.parcel.findFirst({
      where: ownWhere(actor, id),
      select: { id: true, prisoner: { select: { country: true } } },
    });
    if (!parcel) throw new ParcelStateError("not-found");
    // The same row lock sendParcel takes: a save racing a send waits for it, then sees
    // the parcel is no longer a draft, so nothing unchecked can follow a checked send.
    const [locked] = await tx.$queryRaw<
      { state: string }[]
    >`SELECT "state"::text AS "state" FROM "Parcel" WHERE "id" = ${id} FOR UPDATE`;
    if (locked?.state !== "draft") throw new ParcelStateError("not-a-draft");
    const rows = await itemRows(tx, input.items);
    const route = input.routeId
      ? (await parcelRoutes(parcel.prisoner.country, tx)).find((r) => r.id === input.routeId)
      : undefined;
    await tx.parcelItem.deleteMany({ where: { parcelId: id } });
    if (rows.length > 0) await tx.parcelItem.createMany({ data: rows.map((row) => ({ ...row, parcelId: id })) });
    await tx.parcel.update({
      where: { id },
      data: {
        packageKind: input.packageKind,
        fromAbroad: input.fromAbroad,
        // Only coordinators prepare parcels on behalf of a family or a fund.
        senderKind: onBehalf ? input.senderKind : "volunteer",
        onBehalfOf: onBehalf ? input.onBehalfOf : null,
        senderDetailsEncrypted: input.senderDetails ? encrypt(input.senderDetails, parcelSenderDetails(id)) : null,
        routeId: route?.id ?? null,
        updatedAt: now(),
      },
    });
  });
}

export async function deleteParcelDraft(actor: User, id: string): Promise<boolean> {
  const { count } = await prisma.parcel.deleteMany({ where: { ...ownWhere(actor, id), state: "draft" } });
  return count > 0;
}

export async function listOwnParcels(senderId: string) {
  const parcels = await prisma.parcel.findMany({
    where: { senderId },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      state: true,
      status: true,
      packageKind: true,
      trackingNumber: true,
      updatedAt: true,
      sentAt: true,
      prisonerId: true,
      route: { select: { name: true, statuses: { select: { key: true, label: true } } } },
      prisoner: {
        select: { names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } } },
      },
    },
  });
  return parcels.map(({ prisoner, route, ...p }) => ({
    ...p,
    route: route ? { name: route.name } : null,
    // The label the route gave its own status (statusLabel shows it), resolved here as the dashboard does.
    statusLabel: route?.statuses.find((s) => s.key === p.status)?.label ?? null,
    prisonerName: prisoner.names[0] ? fullName(prisoner.names[0]) : "—",
  }));
}

// ───────────────────────────── Sending: the server's final check ─────────────────────────────

/**
 * Marks a draft ready to post through a route that carries parcels. Everything is
 * checked again inside one transaction that first locks the prisoner's row
 * (SELECT … FOR UPDATE): a second parcel to the same person waits until this one
 * is committed, then counts it against the quota and the monthly weight.
 */
export async function sendParcel(actor: User, id: string, options: { routeId?: string | null } = {}) {
  requireSender(actor);
  const found = await prisma.parcel.findFirst({ where: ownWhere(actor, id), select: { prisonerId: true } });
  if (!found) throw new ParcelStateError("not-found");
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Prisoner" WHERE "id" = ${found.prisonerId} FOR UPDATE`;
      await tx.$queryRaw`SELECT "id" FROM "Parcel" WHERE "id" = ${id} FOR UPDATE`;
      const parcel = await tx.parcel.findUniqueOrThrow({
        where: { id },
        include: { items: { orderBy: { id: "asc" }, include: { catalogItem: true } } },
      });
      if (parcel.state !== "draft") throw new ParcelStateError("not-a-draft");
      const context = await ruleContext(parcel.prisonerId, tx, parcel.id);
      if (!context) throw new ParcelStateError("not-found");
      const senderDetails = parcel.senderDetailsEncrypted
        ? decrypt(parcel.senderDetailsEncrypted, parcelSenderDetails(parcel.id))
        : null;
      const verdict = verdictFor(context, parcel, ruleItemsOf(parcel), senderDetails);
      if (!verdict.ok) throw new ParcelRefusedError(verdict);
      const routeId = options.routeId ?? parcel.routeId ?? context.routes[0]?.id;
      const route = context.routes.find((r) => r.id === routeId);
      if (!route) throw new ParcelStateError("route");
      if (
        !parcel.senderDetailsEncrypted ||
        !decrypt(parcel.senderDetailsEncrypted, parcelSenderDetails(parcel.id)).trim()
      )
        throw new ParcelStateError("sender");
      const statuses = await routeStatuses(route.id, tx);
      const status = statuses.find((s) => !s.isFinal)?.key ?? "queued";
      const at = now();
      await tx.parcel.update({
        where: { id },
        data: {
          state: "sent",
          status,
          routeId: route.id,
          facilityId: context.facilityId,
          // "inventory" for a domestic parcel: no customs declaration.
          customsForm: verdict.customsDocument,
          // The box counted in this parcel's gross weight: later monthly limits count it too.
          boxWeightGrams: context.boxWeightGrams,
          returnedReason: null,
          sentAt: at,
          statusChangedAt: at,
          updatedAt: at,
        },
      });
      await tx.statusEvent.create({
        data: { parcelId: id, fromStatus: null, toStatus: status, actorId: actor.id, occurredAt: at },
      });
      return { status, route, verdict };
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
}

// ───────────────────────────── After posting ─────────────────────────────

/**
 * Records the tracking number from the post office receipt (a valid UPU S10
 * number, or a Russian Post 14-digit domestic number) and moves the parcel to "posted", with the number as the event's
 * reference. A corrected number later is recorded as an event of its own.
 */
export async function recordTrackingNumber(actor: User, id: string, input: string) {
  requireSender(actor);
  const result = validateTrackingNumber(input);
  if (!result.valid) throw new TrackingNumberError(result.problem);
  const number = result.number;
  const parcel = await prisma.parcel.findFirst({
    where: accessWhere(actor, id),
    select: { id: true, state: true, status: true, routeId: true },
  });
  if (!parcel) throw new ParcelStateError("not-found");
  if (parcel.state === "draft") throw new ParcelStateError("not-sent");
  if (parcel.state === "closed") throw new ParcelStateError("closed");
  if (!parcel.routeId) throw new ParcelStateError("route");
  await prisma.$transaction(async (tx) => {
    const statuses = await routeStatuses(parcel.routeId!, tx);
    await tx.parcel.update({ where: { id }, data: { trackingNumber: number, updatedAt: now() } });
    if (statuses.some((s) => s.key === "posted") && checkTransition(statuses, parcel.status, "posted").allowed) {
      await changeStatusIn(tx, { type: "parcel", id }, { to: "posted", actorId: actor.id, reference: number });
    } else {
      await tx.statusEvent.create({
        data: {
          parcelId: id,
          fromStatus: parcel.status,
          toStatus: parcel.status ?? "posted",
          actorId: actor.id,
          occurredAt: now(),
          reference: number,
          note: "tracking number recorded",
        },
      });
    }
  });
  return number;
}

/** The sender (or a coordinator) moves the parcel on through its route's statuses. */
export async function changeParcelStatus(actor: User, id: string, to: string) {
  requireSender(actor);
  const parcel = await prisma.parcel.findFirst({ where: accessWhere(actor, id), select: { id: true } });
  if (!parcel) throw new ParcelStateError("not-found");
  return changeStatus({ type: "parcel", id }, { to, actorId: actor.id });
}

/** Statuses a form may offer next, with the route's order. */
export async function nextParcelStatuses(parcel: { routeId: string | null; status: string | null; state: string }) {
  if (!parcel.routeId || parcel.state === "draft") return [];
  const statuses = await routeStatuses(parcel.routeId);
  return statuses.filter((s) => checkTransition(statuses, parcel.status, s.key).allowed).map((s) => s.key);
}

// ───────────────────────────── Bulk check (the command line) ─────────────────────────────

export interface BulkItem {
  /** A catalogue item by id, or by its English or Russian name. */
  catalogItemId?: string;
  catalog?: string;
  /** Or a free-text item with its unit weight and value. */
  text?: string;
  /** The free-text item's English line (the customs form prints it; without one the verdict says so). */
  textEn?: string;
  quantity?: number;
  unitWeightGrams?: number;
  /** Euros, e.g. 3.5. */
  unitValue?: number;
}

export interface BulkParcel {
  packageKind?: "parcel" | "small_package";
  senderKind?: "volunteer" | "relative" | "fund";
  fromAbroad?: boolean;
  items: BulkItem[];
}

export class BulkInputError extends Error {}

/** The verdict for a parcel described in a file (see docs/parcels.md), for a prisoner, without saving anything. */
export async function checkParcelForPrisoner(prisonerId: string, input: BulkParcel): Promise<ParcelVerdict> {
  await ensureParcelDefaults();
  const context = await ruleContext(prisonerId);
  if (!context) throw new BulkInputError(`No prisoner with id ${prisonerId}.`);
  const catalog = await prisma.catalogItem.findMany();
  const byName = new Map(
    catalog.flatMap((c) => [[c.nameEn.toLowerCase(), c] as const, [c.nameRu.toLowerCase(), c] as const]),
  );
  const items = input.items.map((item, index): RuleItem => {
    const quantity = item.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1)
      throw new BulkInputError(`Item ${index + 1}: quantity must be a whole number of at least 1.`);
    if (item.catalogItemId || item.catalog) {
      const entry = item.catalogItemId
        ? catalog.find((c) => c.id === item.catalogItemId)
        : byName.get(item.catalog!.trim().toLowerCase());
      if (!entry)
        throw new BulkInputError(`Item ${index + 1}: no catalogue item "${item.catalogItemId ?? item.catalog}".`);
      return ruleItem(
        {
          catalogItemId: entry.id,
          freeText: null,
          freeTextEn: null,
          quantity,
          unitWeightGrams: entry.unitWeightGrams,
          unitValueCents: entry.typicalValueCents,
        },
        entry,
      );
    }
    if (typeof item.text !== "string" || !item.text.trim())
      throw new BulkInputError(`Item ${index + 1}: give "catalog", "catalogItemId" or "text".`);
    if (typeof item.unitWeightGrams !== "number" || item.unitWeightGrams <= 0)
      throw new BulkInputError(`Item ${index + 1}: a text item needs "unitWeightGrams".`);
    if (typeof item.unitValue !== "number" || item.unitValue < 0)
      throw new BulkInputError(`Item ${index + 1}: a text item needs "unitValue" (euros).`);
    return ruleItem(
      {
        catalogItemId: null,
        freeText: item.text.trim(),
        freeTextEn: item.textEn?.trim() || null,
        quantity,
        unitWeightGrams: Math.round(item.unitWeightGrams),
        unitValueCents: Math.round(item.unitValue * 100),
      },
      null,
    );
  });
  return verdictFor(
    context,
    {
      packageKind: input.packageKind ?? "parcel",
      senderKind: input.senderKind ?? "volunteer",
      fromAbroad: input.fromAbroad ?? true,
    },
    items,
  );
}

// ───────────────────────────── Coordinators' parcel list ─────────────────────────────

/** What the coordinators' parcel list filters by: route statuses, facilities that take or took parcels, and how many drafts are open. */
export async function parcelListChoices() {
  const [statuses, facilities, drafts] = await Promise.all([
    prisma.routeStatus.findMany({
      orderBy: { position: "asc" },
      select: { key: true, label: true, route: { select: { itemKinds: true } } },
    }),
    prisma.facility.findMany({
      where: { OR: [{ parcelsFromAbroad: true }, { parcels: { some: {} } }] },
      orderBy: [{ country: "asc" }, { name: "asc" }],
      select: { id: true, name: true, city: true },
    }),
    prisma.parcel.count({ where: { state: "draft" } }),
  ]);
  return { statuses, facilities, drafts };
}
