import { isMessageKey, type MessageKey } from "#app/i18n/i18n.ts";

/** Without JavaScript an upload error travels back to /imports in the address. */
export function uploadErrorUrl(key: MessageKey, params: Record<string, string | number> = {}): string {
  const search = new URLSearchParams({ uploadError: key });
  if (Object.keys(params).length) search.set("params", JSON.stringify(params));
  return `/imports?${search}`;
}

export function uploadErrorFrom(url: URL): { key: MessageKey; params: Record<string, string | number> } | null {
  const key = url.searchParams.get("uploadError");
  if (!isMessageKey(key) || !(key.startsWith("import.") || key.startsWith("imports."))) return null;
  let params: Record<string, string | number> = {};
  try {
    const raw = JSON.parse(url.searchParams.get("params") ?? "{}");
    if (raw && typeof raw === "object") {
      params = Object.fromEntries(
        Object.entries(raw).filter(([, v]) => typeof v === "string" || typeof v === "number"),
      ) as Record<string, string | number>;
    }
  } catch {
    params = {};
  }
  return { key, params };
}
