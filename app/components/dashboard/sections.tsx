import { Link } from "@remix-run/react";
import { useDateFormatter, useT } from "#app/i18n/react.tsx";
import { statusLabel } from "#app/tracking/status-label.ts";
import type { useLoaderData } from "@remix-run/react";
import type { loader } from "#app/routes/coordinator.dashboard.tsx";

type DashboardData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Open items by route and status (status labels as the route names them, resolved by the model). */
export function ByRouteSection({ rows }: { rows: DashboardData["byRouteAndStatus"] }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="dashboard-by-route">
      <h2 id="dashboard-by-route">{t("dashboard.byRoute.title")}</h2>
      <p>{t("dashboard.byRoute.intro")}</p>
      {rows.length === 0 ? (
        <p>{t("dashboard.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="dashboard-by-route">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.byRoute.route")}</th>
                <th scope="col">{t("dashboard.byRoute.status")}</th>
                <th scope="col" className="num">
                  {t("dashboard.byRoute.letters")}
                </th>
                <th scope="col" className="num">
                  {t("dashboard.byRoute.postcards")}
                </th>
                <th scope="col" className="num">
                  {t("dashboard.byRoute.parcels")}
                </th>
                <th scope="col" className="num">
                  {t("dashboard.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.routeId}:${r.status}`}>
                  <td>{r.routeName ?? t("dashboard.byRoute.noRoute")}</td>
                  <td>{statusLabel(t, r.status, r.statusLabel)}</td>
                  <td className="num">{r.letters}</td>
                  <td className="num">{r.postcards}</td>
                  <td className="num">{r.parcels}</td>
                  <td className="num">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Items that came back, were censored or refused, by facility. */
export function EndingsSection({ rows }: { rows: DashboardData["endings"] }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="dashboard-endings">
      <h2 id="dashboard-endings">{t("dashboard.endings.title")}</h2>
      <p>{t("dashboard.endings.intro")}</p>
      {rows.length === 0 ? (
        <p>{t("dashboard.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="dashboard-endings">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.endings.facility")}</th>
                <th scope="col" className="num">
                  {t("status.returned")}
                </th>
                <th scope="col" className="num">
                  {t("status.censored")}
                </th>
                <th scope="col" className="num">
                  {t("status.refused")}
                </th>
                <th scope="col" className="num">
                  {t("dashboard.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.facilityId ?? "none"}>
                  <td>
                    {e.facilityId ? (
                      <Link to={`/facilities/${e.facilityId}`} lang="ru">
                        {e.facilityName}, {e.city}
                      </Link>
                    ) : (
                      t("dashboard.endings.noFacility")
                    )}
                  </td>
                  <td className="num">{e.returned}</td>
                  <td className="num">{e.censored}</td>
                  <td className="num">{e.refused}</td>
                  <td className="num">{e.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Releases and newly listed people per month and country. */
export function SituationSection({ rows }: { rows: DashboardData["situation"] }) {
  const t = useT();
  // Months are UTC ones: format them in UTC so server and browser agree.
  const monthName = useDateFormatter("monthYear", { calendarDay: true });
  const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return (
    <section className="panel" aria-labelledby="dashboard-situation">
      <h2 id="dashboard-situation">{t("dashboard.situation.title")}</h2>
      <p>{t("dashboard.situation.intro")}</p>
      <div className="table-wrap">
        <table data-testid="dashboard-situation">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.situation.month")}</th>
              <th scope="col">{t("dashboard.country")}</th>
              <th scope="col" className="num">
                {t("dashboard.situation.released")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.situation.newlyListed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={`${s.month}-${s.country}`}>
                <td>{monthName.format(day(`${s.month}-01`))}</td>
                <td>{t(`prisoners.country.${s.country}`)}</td>
                <td className="num">{s.released}</td>
                <td className="num">{s.newlyListed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
