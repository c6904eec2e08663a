import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "#app/utils/auth.server.ts";
import { useT } from "#app/i18n/react.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";
import { publicCampaigns } from "#app/models/public.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { localeOf, socialMeta } from "#app/utils/social-meta.ts";
import { translate } from "#app/i18n/i18n.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => {
  const locale = localeOf(matches);
  return socialMeta({
    locale,
    title: translate(locale, "landing.title"),
    description: translate(locale, "landing.lead"),
    url: `${page?.origin ?? ""}/`,
    image: page ? `${page.origin}/needs/public/card.png` : undefined,
  });
};

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/home");
  const locale = await resolveLocale(request);
  // Shareable campaigns running now: titles and dates only (docs/public-pages.md).
  const campaigns = (await publicCampaigns({ locale })).map((c) => ({
    slug: c.slug,
    title: c.title,
    language: c.language,
    endsOn: c.endsOn,
  }));
  return { accountDeleted: new URL(request.url).searchParams.has("accountDeleted"), campaigns, origin: appUrl() };
}

export default function Landing() {
  const t = useT();
  const { accountDeleted, campaigns } = useLoaderData<typeof loader>();
  return (
    <section className="hero">
      {accountDeleted ? (
        <p className="notice notice-ok" role="status">
          {t("landing.accountDeleted")}
        </p>
      ) : null}
      <h1>{t("landing.title")}</h1>
      <p className="lead">{t("landing.lead")}</p>
      <p>{t("landing.safety")}</p>
      <p>
        <Link to="/login" className="button-primary">
          {t("landing.start")}
        </Link>
      </p>
      <h2>{t("landing.how.title")}</h2>
      <ol className="steps">
        <li>{t("landing.how.1")}</li>
        <li>{t("landing.how.2")}</li>
        <li>{t("landing.how.3")}</li>
      </ol>
      <h2>{t("public.landing.title")}</h2>
      <ul data-testid="landing-public">
        {campaigns.map((c) => (
          <li key={c.slug}>
            <Link to={`/c/${c.slug}`} lang={c.language}>
              {c.title}
            </Link>{" "}
            <span className="field-hint">{t("public.landing.until", { date: c.endsOn })}</span>
          </li>
        ))}
        <li>
          <Link to="/needs/public">{t("public.needs.title")}</Link>
        </li>
        <li>
          <a href="/campaigns.atom" type="application/atom+xml">
            {t("public.feed.title")}
          </a>
        </li>
      </ul>
    </section>
  );
}
