import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, translate, type MessageKey } from "#app/i18n/i18n.ts";

interface MatchWithData {
  id: string;
  data?: unknown;
}

/** A translated <title> for a route's meta function. */
export function titleMeta(
  matches: MatchWithData[],
  key: MessageKey,
  params?: Record<string, string | number>,
): MetaDescriptor[] {
  const rootData = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
  return [{ title: `${translate(locale, key, params)} · ${translate(locale, "app.name")}` }];
}
