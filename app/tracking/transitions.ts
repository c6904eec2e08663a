/**
 * Which status changes a route allows. Items move forward through the route's
 * ordered statuses (skipping is fine: a letter may be marked "posted" straight from
 * "queued"), or end in a final status from anywhere. A final status may still be
 * followed by another final one, recorded as late: a reply after "unknown" is good
 * news, not an error. Nothing moves backwards.
 */

export interface StatusStep {
  key: string;
  position: number;
  usualDays: number | null;
  isFinal: boolean;
}

/** The endings every route has; "unknown" is a normal ending, not an error. */
export const FINAL_STATUS_KEYS = ["delivered", "reply_received", "returned", "censored", "refused", "unknown"] as const;

export type TransitionRefusal = "unknown-status" | "same-status" | "backwards" | "after-final";

/** Why one item cannot take a status change, a route or an export (in a bulk change, per item). */
export type ItemRefusal =
  | TransitionRefusal
  | "not-found"
  | "not-sent"
  | "no-route"
  | "not-open"
  | "route-does-not-fit"
  | "already-handed-over"
  | "route"
  | "busy"
  | "purged";

export type TransitionVerdict =
  { allowed: true; late: boolean; final: boolean } | { allowed: false; reason: TransitionRefusal };

export function checkTransition(statuses: StatusStep[], from: string | null, to: string): TransitionVerdict {
  const target = statuses.find((s) => s.key === to);
  if (!target) return { allowed: false, reason: "unknown-status" };
  if (from === to) return { allowed: false, reason: "same-status" };
  const current = from === null ? undefined : statuses.find((s) => s.key === from);
  // An item whose status a coordinator has since removed from the route may go anywhere.
  if (!current) return { allowed: true, late: false, final: target.isFinal };
  if (current.isFinal) {
    return target.isFinal ? { allowed: true, late: true, final: true } : { allowed: false, reason: "after-final" };
  }
  if (target.isFinal) return { allowed: true, late: false, final: true };
  if (target.position <= current.position) return { allowed: false, reason: "backwards" };
  return { allowed: true, late: false, final: false };
}

/** The statuses an item may move to next, for the choices a form offers. */
export function nextStatuses(statuses: StatusStep[], from: string | null): StatusStep[] {
  return statuses.filter((s) => checkTransition(statuses, from, s.key).allowed);
}

/** Whole days an item has stayed in its status, and whether that is longer than usual. */
export function stuckFor(step: StatusStep | undefined, since: Date, at: Date): { days: number; stuck: boolean } {
  const days = Math.floor((at.getTime() - since.getTime()) / 86_400_000);
  const stuck =
    !!step && !step.isFinal && step.usualDays !== null && at.getTime() - since.getTime() > step.usualDays * 86_400_000;
  return { days, stuck };
}
