/**
 * Rules of needs and pledges, without the database (unit-tested in
 * tests/unit/support-rules.test.ts; app/models/support.server.ts applies them).
 *
 * A pledge in state "held" keeps its amount off the board until heldUntil; after
 * that it no longer counts (the background task also marks it expired). A
 * "confirmed" pledge counts until a coordinator records what arrived. A fulfilled
 * pledge counts with what arrived (partial fulfilment counts; the rest returns
 * to the board).
 */

export const NEED_KINDS = [
  "parcel",
  "medicine",
  "books",
  "clothes",
  "travel",
  "legal",
  "transport",
  "children",
  "gift",
  "money",
  "other",
] as const;
export type NeedKindName = (typeof NEED_KINDS)[number];
export const NEED_HELP_VIA = ["parcel", "fundraiser", "task"] as const;
export type NeedHelpViaName = (typeof NEED_HELP_VIA)[number];
export const PLEDGE_STATES = ["held", "confirmed", "fulfilled", "expired", "withdrawn"] as const;
export type PledgeStateName = (typeof PLEDGE_STATES)[number];

/** Situations a need can be filtered by (the person's status). */
export const NEED_SITUATIONS = [
  "pretrial",
  "convicted",
  "open_institution",
  "restricted_at_home",
  "house_arrest",
  "released",
] as const;

export const HOLD_DAYS_MIN = 1;
export const HOLD_DAYS_MAX = 60;
export const DEFAULT_HOLD_DAYS = 7;
/** A volunteer is reminded once this long before a held pledge returns to the board. */
export const REMIND_BEFORE_MS = 86_400_000;

const DAY_MS = 86_400_000;

export interface PledgeLike {
  amount: number;
  state: PledgeStateName;
  heldUntil: Date;
  fulfilledAmount: number;
}

/** When a pledge made at `from` stops holding the need. */
export function holdUntil(from: Date, holdDays: number): Date {
  return new Date(from.getTime() + holdDays * DAY_MS);
}

/** Whether a held pledge's time is up at `at`. */
export function holdExpired(pledge: Pick<PledgeLike, "state" | "heldUntil">, at: Date): boolean {
  return pledge.state === "held" && pledge.heldUntil.getTime() <= at.getTime();
}

/** How much of the need a pledge takes off the board at `at`. */
export function pledgeCounts(pledge: PledgeLike, at: Date): { reserved: number; fulfilled: number } {
  switch (pledge.state) {
    case "held":
      return { reserved: holdExpired(pledge, at) ? 0 : pledge.amount, fulfilled: 0 };
    case "confirmed":
      return { reserved: pledge.amount, fulfilled: 0 };
    case "fulfilled":
      return { reserved: 0, fulfilled: pledge.fulfilledAmount };
    default:
      return { reserved: 0, fulfilled: 0 };
  }
}

export interface NeedProgress {
  quantity: number;
  fulfilled: number;
  /** Pledged and not yet fulfilled (held in time, or confirmed). */
  reserved: number;
  /** Still open for new pledges. */
  available: number;
  /** Fulfilled share, 0–100, for the progress bar. */
  percent: number;
  /** Pledged or fulfilled share, 0–100. */
  pledgedPercent: number;
}

export function needProgress(quantity: number, pledges: PledgeLike[], at: Date): NeedProgress {
  let fulfilled = 0;
  let reserved = 0;
  for (const pledge of pledges) {
    const counts = pledgeCounts(pledge, at);
    fulfilled += counts.fulfilled;
    reserved += counts.reserved;
  }
  const cappedFulfilled = Math.min(fulfilled, quantity);
  const cappedReserved = Math.min(reserved, quantity - cappedFulfilled);
  const share = (n: number) => (quantity > 0 ? Math.floor((n * 100) / quantity) : 0);
  return {
    quantity,
    fulfilled: cappedFulfilled,
    reserved: cappedReserved,
    available: Math.max(0, quantity - cappedFulfilled - cappedReserved),
    percent: share(cappedFulfilled),
    pledgedPercent: share(cappedFulfilled + cappedReserved),
  };
}

/** A need is done once what arrived covers it. */
export function needIsFulfilled(progress: NeedProgress): boolean {
  return progress.quantity > 0 && progress.fulfilled >= progress.quantity;
}

/** Fundraiser links: https only, on a domain admins allowed (or a subdomain of one). */
export function fundraiserAllowed(url: string, allowedDomains: string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return allowedDomains.some((domain) => {
    const d = domain.trim().toLowerCase();
    return d !== "" && (host === d || host.endsWith(`.${d}`));
  });
}
