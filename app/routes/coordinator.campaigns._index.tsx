import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { campaignsForCoordinator } from "#app/models/campaigns.server.ts";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { CampaignProgressBar } from "#app/components/campaign-view.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "campaigns.coordinator.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const locale = await resolveLocale(request, user.locale);
  const saved = new URL(request.url).searchParams.get("saved");
  return { campaigns: await campaignsForCoordinator(user, locale), saved };
}

export default function CoordinatorCampaigns() {
  const t = useT();
  const { campaigns, saved } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="panel">
        <h1>{t("campaigns.coordinator.title")}</h1>
        <p>{t("campaigns.coordinator.intro")}</p>
        {saved ? (
          <p className="notice" role="status">
            {t("campaigns.coordinator.saved")}
          </p>
        ) : null}
        <p>
          <Link to="/coordinator/campaigns/new" className="button-primary">
            {t("campaigns.new.title")}
          </Link>
        </p>
      </section>
      {campaigns.length === 0 ? (
        <section className="panel">
          <p>{t("campaigns.coordinator.none")}</p>
        </section>
      ) : (
        <ul className="card-list" data-testid="coordinator-campaigns">
          {campaigns.map((c) => (
            <li key={c.id} className="panel">
              <h2>
                <Link to={`/coordinator/campaigns/${c.id}`}>{c.title}</Link>{" "}
                <span className={c.state === "active" ? "badge badge-ok" : "badge"}>
                  {t(`campaigns.state.${c.state}`)}
                </span>
                {c.shareable ? <span className="badge badge-info">{t("campaigns.shareable")}</span> : null}
              </h2>
              <p>
                {t(`campaigns.rule.${c.rule}` as MessageKey)} ·{" "}
                {t(`campaigns.goal.${c.goalKind}`, { count: c.goalCount })} ·{" "}
                {t("campaigns.dates", { from: c.startsOn, to: c.endsOn })}
              </p>
              {c.progress ? <CampaignProgressBar progress={c.progress} /> : null}
              <p>
                <Link to={`/campaigns/${c.slug}`}>{t("campaigns.coordinator.view")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
