import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listRoutes } from "#app/models/routes.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { routeName } from "#app/tracking/route-text.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "routes.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  return { routes: await listRoutes() };
}

export default function Routes() {
  const t = useT();
  const { routes } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <h1>{t("routes.title")}</h1>
      <p>{t("routes.intro")}</p>
      <p>
        <Link to="/coordinator/routes/new" className="button-secondary">
          {t("routes.new")}
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("routes.name")}</th>
              <th scope="col">{t("routes.countries")}</th>
              <th scope="col">{t("routes.handover")}</th>
              <th scope="col">{t("routes.statuses")}</th>
              <th scope="col">{t("routes.active")}</th>
            </tr>
          </thead>
          <tbody>
            {routes.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/coordinator/routes/${r.id}`}>{routeName(t, r.name)}</Link>
                </td>
                <td>{r.countries.join(", ")}</td>
                <td>
                  {t(`routes.handover.${r.handover}`)}
                  {r.handover === "email" && !r.handoverEmail ? (
                    <span className="badge badge-pending">{t("routes.needsAddress")}</span>
                  ) : null}
                </td>
                <td>
                  <code className="details">
                    {r.statuses.map((s) => (s.usualDays ? `${s.key} (${s.usualDays})` : s.key)).join(" → ")}
                  </code>
                </td>
                <td>{r.active ? t("common.yes") : t("common.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
