import { isMessageKey, type Translate } from "./i18n";

/** An audit action in the reader's language ("user.role_changed" → "Role changed"); an unknown code as it is. */
export function auditActionLabel(t: Translate, action: string): string {
  const key = `auditAction.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function auditTargetLabel(t: Translate, targetType: string): string {
  const key = `auditTarget.${targetType}`;
  return isMessageKey(key) ? t(key) : targetType;
}

/** "retentionDays" → "retention days", "handover_email" → "handover email". */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${humanize(k)}: ${show(v)}`)
      .join("; ");
  }
  if (typeof value === "boolean") return value ? "✓" : "✗";
  return String(value);
}

/** An entry's JSON details as labelled lines (computed on the server: the same text in every browser). */
export function auditDetails(details: unknown): { key: string; label: string; value: string }[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [{ key: "value", label: "", value: show(details) }];
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => ({
    key,
    label: humanize(key),
    value: show(value),
  }));
}
