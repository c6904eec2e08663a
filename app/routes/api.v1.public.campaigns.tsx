import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicCampaigns } from "#app/models/public.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { etagOf, limitPublicRequest, publicResponse } from "#app/utils/public-http.server.ts";
import { negotiateLocale } from "#app/i18n/i18n.ts";

/**
 * GET /api/v1/public/campaigns (no token): the shareable campaigns running now, in
 * the language of Accept-Language (en, ru or be; a campaign without a title in that
 * language falls back as on its page). Exactly
 * {"campaigns":[{"slug","title","startsOn","endsOn","goal","progress","url"}]}.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const origin = appUrl();
  const campaigns = (await publicCampaigns({ locale })).map((c) => ({
    slug: c.slug,
    title: c.title,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    goal: c.goal,
    progress: c.progress,
    url: `${origin}/c/${c.slug}`,
  }));
  const body = { campaigns };
  return publicResponse(request, etagOf("api-campaigns", locale, body), () => JSON.stringify(body), {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Language": locale,
    "Access-Control-Allow-Origin": "*",
  });
}
