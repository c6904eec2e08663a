import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicCampaigns } from "#app/models/public.server.ts";
import { campaignsAtom } from "#app/support/atom.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { etagOf, limitPublicRequest, publicResponse } from "#app/utils/public-http.server.ts";
import { translate } from "#app/i18n/i18n.ts";

/** Atom feed of the shareable campaigns running now (no sign-in), in the reader's language. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const locale = await resolveLocale(request);
  const campaigns = await publicCampaigns({ locale });
  const origin = appUrl();
  const today = `${now().toISOString().slice(0, 10)}T00:00:00Z`;
  return publicResponse(
    request,
    etagOf("campaigns-atom", locale, campaigns, campaigns.length === 0 ? today : null),
    () =>
      campaignsAtom({
        title: `${translate(locale, "public.feed.title")} · ${translate(locale, "app.name")}`,
        origin,
        campaigns,
        progressText: (c) => translate(locale, "public.campaign.progress", { progress: c.progress, goal: c.goal }),
        fallbackUpdated: today,
      }),
    { "Content-Type": "application/atom+xml; charset=utf-8" },
  );
}
