import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicNeeds } from "#app/models/public.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { etagOf, hasCookie, limitPublicRequest, publicCacheHeaders } from "#app/utils/public-http.server.ts";
import { localeOf, socialMeta } from "#app/utils/social-meta.ts";
import { translate, type MessageKey } from "#app/i18n/i18n.ts";
import { useT } from "#app/i18n/react.tsx";
import { ReportedAmount } from "#app/components/reported-amount.tsx";

/**
 * Open needs a coordinator marked shareable, for anyone (no sign-in): what is needed,
 * counts, and a person's name only when their source publishes names. Never who
 * pledged, never a family's description or contact (docs/public-pages.md).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const locale = await resolveLocale(request);
  const needs = await publicNeeds();
  const origin = appUrl();
  const etag = etagOf("needs-public", locale, hasCookie(request), needs);
  return data(
    { needs, url: `${origin}/needs/public`, image: `${origin}/needs/public/card.png` },
    { headers: publicCacheHeaders(etag, { personal: hasCookie(request) }) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const locale = localeOf(matches);
  if (!page) return [{ title: translate(locale, "app.name") }];
  return socialMeta({
    locale,
    title: translate(locale, "public.needs.title"),
    description: translate(locale, "public.needs.description", { count: page.needs.length }),
    url: page.url,
    image: page.image,
  });
};

function amount(n: number, currency: string | null) {
  return currency ? `${n} ${currency}` : String(n);
}

export default function PublicNeeds() {
  const t = useT();
  const { needs } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="panel">
        <h1>{t("public.needs.title")}</h1>
        <p>{t("public.needs.intro")}</p>
        <p>
          <Link to="/signup" className="button-primary">
            {t("public.join")}
          </Link>
        </p>
      </section>
      {needs.length === 0 ? (
        <section className="panel">
          <p>{t("public.needs.empty")}</p>
        </section>
      ) : (
        <ul className="card-list" data-testid="public-needs">
          {needs.map((need) => (
            <li key={need.id} className="panel">
              <h2>{t(`support.kind.${need.kind}` as MessageKey)}</h2>
              <p>
                {need.name
                  ? need.forFamily
                    ? t("public.needs.forFamilyOf", { name: need.name })
                    : t("public.needs.for", { name: need.name })
                  : need.forFamily
                    ? t("public.needs.forFamily")
                    : t("public.needs.forPerson")}{" "}
                · {t(`prisonerStatus.${need.situation}` as MessageKey)} ·{" "}
                {t(`prisoners.country.${need.country}` as MessageKey)}
              </p>
              {need.deadline ? <p>{t("support.deadline", { date: need.deadline })}</p> : null}
              <progress max={need.quantity} value={need.fulfilled} aria-label={t("support.progress.label")}>
                {need.percent}%
              </progress>
              <p className="field-hint">
                {t("public.needs.progress", {
                  fulfilled: amount(need.fulfilled, need.currency),
                  pledged: amount(need.pledged, need.currency),
                  quantity: amount(need.quantity, need.currency),
                })}
              </p>
              {need.fundraiserUrl ? (
                <p>
                  <a href={need.fundraiserUrl} rel="noopener noreferrer" target="_blank">
                    {t("campaigns.page.fundraiser")}
                  </a>{" "}
                  <span className="field-hint">{t("campaigns.page.fundraiserNote")}</span>
                </p>
              ) : null}
              <ReportedAmount reported={need.reported} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
