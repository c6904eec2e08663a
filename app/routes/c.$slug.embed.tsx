import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicCampaign } from "#app/models/public.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { etagOf, limitPublicRequest, publicResponse } from "#app/utils/public-http.server.ts";
import { renderEmbed } from "#app/support/embed.server.ts";
import { isLocale } from "#app/i18n/i18n.ts";

/**
 * The widget NGO websites put in an <iframe>: the campaign's title, progress and a
 * link to its page. The only route that may be framed, by the sites admins list
 * (server.js asks frameHeadersFor). A small static page: no scripts, no cookies read.
 * ?lang=ru|be|en picks the language; otherwise Accept-Language does.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : await resolveLocale(request);
  const campaign = await publicCampaign(params.slug ?? "", { locale });
  if (!campaign) throw new Response("Not found", { status: 404 });
  const url = `${appUrl()}/c/${campaign.slug}`;
  return publicResponse(
    request,
    etagOf("campaign-embed", locale, campaign),
    () => renderEmbed({ campaign, url, locale }),
    { "Content-Type": "text/html; charset=utf-8" },
  );
}
