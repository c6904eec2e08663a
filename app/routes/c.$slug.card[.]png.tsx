import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicCampaign } from "#app/models/public.server.ts";
import { renderShareCard } from "#app/support/share-card.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { etagOf, limitPublicRequest, publicResponse } from "#app/utils/public-http.server.ts";
import { translate } from "#app/i18n/i18n.ts";

/** The share card of /c/<slug>: 1200×630 PNG with the campaign's title and progress. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const locale = await resolveLocale(request);
  const campaign = await publicCampaign(params.slug ?? "", { locale });
  if (!campaign) throw new Response("Not found", { status: 404 });
  const card = {
    title: campaign.title,
    progressLabel: translate(locale, "campaigns.page.countOfGoal", { count: campaign.progress, goal: campaign.goal }),
    percent: campaign.percent,
    footer: `${translate(locale, "app.name")} · ${new URL(appUrl()).host}/c/${campaign.slug}`,
  };
  return publicResponse(request, etagOf("campaign-card", card), () => renderShareCard(card), {
    "Content-Type": "image/png",
  });
}
