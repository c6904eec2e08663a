import type { StatusStep } from "#app/tracking/transitions.ts";

/**
 * What lies ahead of a letter on its route: the next statuses with the day each is
 * expected, from the usual days a coordinator keeps per status. Pure, for the letter
 * page, the list of letters and tests.
 */

const DAY = 86_400_000;

export interface ExpectedStep {
  key: string;
  /** ISO day (yyyy-mm-dd) the letter is expected to reach this status, or null when a usual time is unknown. */
  expectedOn: string | null;
}

function ordered(statuses: StatusStep[]) {
  return statuses.filter((s) => !s.isFinal).sort((a, b) => a.position - b.position);
}

/** Days a route usually needs from sending to arrival: the usual days of its steps added up (null: not known). */
export function usualDeliveryDays(statuses: StatusStep[]): number | null {
  const steps = ordered(statuses);
  if (steps.length === 0 || steps.some((s) => s.usualDays === null)) return null;
  return steps.reduce((sum, s) => sum + (s.usualDays ?? 0), 0);
}

/**
 * The statuses after `current`, each with its expected day: counted from when the
 * letter entered its current status, adding that status's usual days, then each
 * following one's. Ends with "delivered" (when the route has it) after the last step.
 */
export function expectedAhead(statuses: StatusStep[], current: string | null, since: Date): ExpectedStep[] {
  const steps = ordered(statuses);
  const at = steps.findIndex((s) => s.key === current);
  if (at < 0) return [];
  const ahead: ExpectedStep[] = [];
  let days: number | null = steps[at].usualDays;
  for (const step of steps.slice(at + 1)) {
    ahead.push({
      key: step.key,
      expectedOn: days === null ? null : new Date(since.getTime() + days * DAY).toISOString().slice(0, 10),
    });
    days = days === null || step.usualDays === null ? null : days + step.usualDays;
  }
  if (statuses.some((s) => s.key === "delivered" && s.isFinal)) {
    ahead.push({
      key: "delivered",
      expectedOn: days === null ? null : new Date(since.getTime() + days * DAY).toISOString().slice(0, 10),
    });
  }
  return ahead;
}

/**
 * "Did you hear back?" makes sense only once the route's usual delivery time has
 * passed since sending, and only while the letter has not ended.
 */
export function askHeardBack(input: {
  statuses: StatusStep[];
  sentAt: Date | null;
  ended: boolean;
  now: Date;
}): boolean {
  if (input.ended || !input.sentAt) return false;
  const days = usualDeliveryDays(input.statuses);
  // No usual time known: ask after a month, the usual time of a letter inside Belarus and back.
  return input.now.getTime() >= input.sentAt.getTime() + (days ?? 30) * DAY;
}
