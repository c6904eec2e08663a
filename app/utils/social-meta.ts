import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, translate, type Locale } from "#app/i18n/i18n.ts";

interface MatchWithData {
  id: string;
  data?: unknown;
}

/** The reader's language as the root loader resolved it. */
export function localeOf(matches: MatchWithData[]): Locale {
  const rootData = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
}

const OG_LOCALE: Record<Locale, string> = { en: "en_GB", ru: "ru_RU", be: "be_BY" };

/**
 * <title>, description, Open Graph and Twitter card meta of a public page
 * (docs/public-pages.md). `url` and `image` are absolute: other sites fetch them.
 */
export function socialMeta(input: {
  locale: Locale;
  title: string;
  description: string;
  url: string;
  image?: string;
  imageAlt?: string;
}): MetaDescriptor[] {
  const site = translate(input.locale, "app.name");
  const meta: MetaDescriptor[] = [
    { title: `${input.title} · ${site}` },
    { name: "description", content: input.description },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: site },
    { property: "og:title", content: input.title },
    { property: "og:description", content: input.description },
    { property: "og:url", content: input.url },
    { property: "og:locale", content: OG_LOCALE[input.locale] },
    { name: "twitter:card", content: input.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: input.title },
    { name: "twitter:description", content: input.description },
  ];
  if (input.image) {
    meta.push(
      { property: "og:image", content: input.image },
      { property: "og:image:type", content: "image/png" },
      { property: "og:image:width", content: "1200" },
      { property: "og:image:height", content: "630" },
      { property: "og:image:alt", content: input.imageAlt ?? input.title },
      { name: "twitter:image", content: input.image },
      { name: "twitter:image:alt", content: input.imageAlt ?? input.title },
    );
  }
  return meta;
}
