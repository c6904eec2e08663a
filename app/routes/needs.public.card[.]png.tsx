import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicNeeds } from "#app/models/public.server.ts";
import { renderShareCard } from "#app/support/share-card.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { etagOf, limitPublicRequest, publicResponse } from "#app/utils/public-http.server.ts";
import { translate } from "#app/i18n/i18n.ts";

/** The share card of /needs/public: 1200×630 PNG with how many needs are open. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const locale = await resolveLocale(request);
  const needs = await publicNeeds();
  const fulfilled = needs.reduce((sum, n) => sum + n.percent, 0);
  const percent = needs.length > 0 ? fulfilled / needs.length : 0;
  const card = {
    title: translate(locale, "public.needs.title"),
    progressLabel: translate(locale, "public.needs.description", { count: needs.length }),
    percent,
    footer: `${translate(locale, "app.name")} · ${new URL(appUrl()).host}`,
  };
  return publicResponse(request, etagOf("needs-card", card), () => renderShareCard(card), {
    "Content-Type": "image/png",
  });
}
