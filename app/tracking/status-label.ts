import { isMessageKey, type MessageKey } from "#app/i18n/i18n.ts";

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
