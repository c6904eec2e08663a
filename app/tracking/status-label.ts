import { isMessageKey, type MessageKey } from "#app/i18n/i18n.ts";
import type { ItemRefusal } from "./transitions.ts";

/**
 * A status's name in the reader's language: the known statuses are translated;
 * one a coordinator added shows the label they gave it, or its key.
 */
export function statusLabel(t: (key: MessageKey) => string, key: string | null, customLabel?: string | null): string {
  if (!key) return "—";
  const messageKey = `status.${key}`;
  if (isMessageKey(messageKey)) return t(messageKey);
  return customLabel || key.replace(/_/g, " ");
}

/** The names coordinators gave to statuses of their own, by key, for statusLabel. */
export function customStatusLabels(statuses: Array<{ key: string; label: string | null }>): Record<string, string> {
  return Object.fromEntries(statuses.filter((s) => s.label).map((s) => [s.key, s.label!]));
}

export const REFUSAL_KEYS: Record<ItemRefusal, MessageKey> = {
  "unknown-status": "items.failure.unknownStatus",
  "same-status": "items.failure.sameStatus",
  backwards: "items.failure.backwards",
  "after-final": "items.failure.afterFinal",
  "not-found": "items.failure.notFound",
  "not-sent": "items.failure.notFound",
  "no-route": "items.failure.noRoute",
  "not-open": "items.failure.notOpen",
  "route-does-not-fit": "items.failure.routeDoesNotFit",
  "already-handed-over": "items.failure.alreadyHandedOver",
  route: "items.failure.route",
  busy: "items.failure.busy",
  purged: "items.failure.purged",
};

/** Why an item could not take a status change or a route, in the reader's words. */
export function refusalKey(reason: ItemRefusal): MessageKey {
  return REFUSAL_KEYS[reason];
}
