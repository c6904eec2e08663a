import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicCampaign } from "#app/models/public.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { etagOf, hasCookie, limitPublicRequest, publicCacheHeaders } from "#app/utils/public-http.server.ts";
import { localeOf, socialMeta } from "#app/utils/social-meta.ts";
import { translate } from "#app/i18n/i18n.ts";
import { useT } from "#app/i18n/react.tsx";
import { ReportedAmount } from "#app/components/reported-amount.tsx";

/**
 * A campaign's public page (no sign-in): title, why, goal and progress, the fund's
 * link and reported figure, and how to join. Counts only: nobody on the list, no
 * volunteer, no letter (docs/public-pages.md). Only shareable campaigns running now.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const locale = await resolveLocale(request);
  const campaign = await publicCampaign(params.slug ?? "", { locale });
  if (!campaign) throw new Response("Not found", { status: 404 });
  const url = `${appUrl()}/c/${campaign.slug}`;
  const etag = etagOf("campaign-page", locale, hasCookie(request), campaign);
  return data(
    { campaign, url, image: `${url}/card.png` },
    { headers: publicCacheHeaders(etag, { personal: hasCookie(request) }) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const locale = localeOf(matches);
  if (!page) return [{ title: translate(locale, "app.name") }];
  const { campaign } = page;
  return socialMeta({
    locale,
    title: campaign.title,
    description:
      campaign.why ||
      translate(locale, "public.campaign.progress", { progress: campaign.progress, goal: campaign.goal }),
    url: page.url,
    image: page.image,
    imageAlt: `${campaign.title}: ${translate(locale, "public.campaign.progress", { progress: campaign.progress, goal: campaign.goal })}`,
  });
};

export default function PublicCampaign() {
  const t = useT();
  const { campaign } = useLoaderData<typeof loader>();
  return (
    <section className="panel" lang={campaign.language} data-testid="public-campaign">
      <h1>{campaign.title}</h1>
      {campaign.why ? <p className="lead">{campaign.why}</p> : null}
      <p>{t("public.campaign.dates", { from: campaign.startsOn, to: campaign.endsOn })}</p>
      <p>
        {t(campaign.goalKind === "per_person" ? "campaigns.goal.per_person" : "campaigns.goal.total", {
          count: campaign.goalCount,
        })}{" "}
        · {t("public.campaign.people", { count: campaign.people })}
      </p>
      <progress max={Math.max(1, campaign.goal)} value={campaign.progress} aria-label={t("support.progress.label")}>
        {campaign.percent}%
      </progress>
      <p data-testid="public-progress">
        {t("public.campaign.progress", { progress: campaign.progress, goal: campaign.goal })}
      </p>
      {campaign.fundraiserUrl ? (
        <p>
          <a href={campaign.fundraiserUrl} rel="noopener noreferrer" target="_blank">
            {t("campaigns.page.fundraiser")}
          </a>{" "}
          <span className="field-hint">{t("campaigns.page.fundraiserNote")}</span>
        </p>
      ) : null}
      <ReportedAmount reported={campaign.reported} />
      <h2>{t("public.campaign.join")}</h2>
      <p>{t("public.campaign.joinText")}</p>
      <p>
        <Link to="/signup" className="button-primary">
          {t("public.join")}
        </Link>
      </p>
    </section>
  );
}
