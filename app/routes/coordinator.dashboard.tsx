import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import {
  dashboard,
  dashboardFiltersFromUrl,
  dashboardFiltersToParams,
  dashboardRoutes,
} from "#app/models/dashboard.server.ts";
import { COUNTRIES } from "#app/schemas/prisoners.ts";
import { SelectField } from "#app/components/select-field.tsx";
import { WeekChart } from "#app/components/week-chart.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { ByRouteSection, EndingsSection, SituationSection } from "#app/components/dashboard/sections.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { routeName } from "#app/tracking/route-text.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "dashboard.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "track:items");
  const filters = dashboardFiltersFromUrl(new URL(request.url).searchParams);
  const [data, routes] = await Promise.all([dashboard(filters), dashboardRoutes()]);
  const params = dashboardFiltersToParams(filters);
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  const itemsQuery = new URLSearchParams({ stuck: "1" });
  if (filters.country) itemsQuery.set("country", filters.country);
  if (filters.routeId) itemsQuery.set("route", filters.routeId);
  const registryQuery = new URLSearchParams({ noLetterDays: String(data.coverage.days), sort: "fewestLetters" });
  if (filters.country) registryQuery.set("country", filters.country);
  return {
    ...data,
    params,
    routes,
    exportUrl: `/coordinator/dashboard-export?${query}`,
    stuckUrl: `/coordinator/items?${itemsQuery}`,
    registryUrl: `/prisoners?${registryQuery}`,
  };
}

export default function Dashboard() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  // Weeks and days are UTC ones: format them in UTC so server and browser agree.
  const shortDay = useDateFormatter("dayMonth", { calendarDay: true });
  const longDay = useDateFormatter("date", { calendarDay: true });
  const monthName = useDateFormatter("monthYear", { calendarDay: true });
  const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const formatWeek = (week: string) => shortDay.format(day(week));
  const c = data.coverage;
  return (
    <>
      <section className="panel" aria-labelledby="dashboard-title">
        <div className="heading-row">
          <h1 id="dashboard-title">{t("dashboard.title")}</h1>
          <p className="actions">
            <a href={data.exportUrl} download>
              {t("dashboard.downloadCsv")}
            </a>
          </p>
        </div>
        <p>{t("dashboard.intro")}</p>
        <Form method="get" className="filters" aria-label={t("dashboard.filters")}>
          <SelectField
            id="dashboard-country"
            name="country"
            label={t("dashboard.country")}
            emptyLabel={t("common.all")}
            defaultValue={data.params.country}
            options={COUNTRIES.map((code) => ({ value: code, label: t(`prisoners.country.${code}`) }))}
          />
          <SelectField
            id="dashboard-route"
            name="route"
            label={t("dashboard.route")}
            emptyLabel={t("common.all")}
            defaultValue={data.params.route}
            options={data.routes.map((r) => ({ value: r.id, label: routeName(t, r.name) }))}
          />
          <div className="field">
            <label htmlFor="dashboard-from">{t("dashboard.from")}</label>
            <input id="dashboard-from" type="date" name="from" defaultValue={data.params.from} />
          </div>
          <div className="field">
            <label htmlFor="dashboard-to">{t("dashboard.to")}</label>
            <input id="dashboard-to" type="date" name="to" defaultValue={data.params.to} />
          </div>
          <button type="submit" className="button-secondary">
            {t("dashboard.show")}
          </button>
        </Form>
        <p className="muted">{t("dashboard.periodHint")}</p>
        <dl className="stats" data-testid="dashboard-summary">
          <div>
            <dt>{t("dashboard.sentInPeriod")}</dt>
            <dd>{data.totals.sent}</dd>
          </div>
          <div>
            <dt>{t("dashboard.deliveredInPeriod")}</dt>
            <dd>{data.totals.delivered}</dd>
          </div>
          <div>
            <dt>{t("dashboard.stuckNow")}</dt>
            <dd>{data.stuck}</dd>
            <dd className="stat-note">
              <Link to={data.stuckUrl}>{t("dashboard.stuckLink")}</Link>
            </dd>
          </div>
          <div>
            <dt>{t("dashboard.volunteersThisMonth", { month: monthName.format(day(data.volunteers.month)) })}</dt>
            <dd>{data.volunteers.count}</dd>
          </div>
        </dl>
        <p className="muted">{t("dashboard.summaryHint")}</p>
      </section>

      <section className="panel" aria-labelledby="dashboard-weekly">
        <h2 id="dashboard-weekly">{t("dashboard.weekly.title")}</h2>
        <WeekChart
          id="weekly-chart"
          title={t("dashboard.weekly.title")}
          description={t("dashboard.weekly.description", {
            from: longDay.format(day(data.params.from)),
            to: longDay.format(day(data.params.to)),
            sent: data.totals.sent,
            delivered: data.totals.delivered,
          })}
          weeks={data.weeks}
          series={[
            { key: "sent", label: t("dashboard.weekly.sent") },
            { key: "delivered", label: t("dashboard.weekly.delivered") },
          ]}
          formatWeek={formatWeek}
        />
        <p className="muted">{t("dashboard.weekly.deliveredHint")}</p>
        <div className="table-wrap">
          <table data-testid="dashboard-weeks">
            <caption className="visually-hidden">{t("dashboard.weekly.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.weekly.week")}</th>
                <th scope="col" className="num">
                  {t("dashboard.weekly.sent")}
                </th>
                <th scope="col" className="num">
                  {t("dashboard.weekly.delivered")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.weeks.map((w) => (
                <tr key={w.week}>
                  <th scope="row">{longDay.format(day(w.week))}</th>
                  <td className="num">{w.sent}</td>
                  <td className="num">{w.delivered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <ByRouteSection rows={data.byRouteAndStatus} />

      <EndingsSection rows={data.endings} />

      <section className="panel" aria-labelledby="dashboard-coverage">
        <h2 id="dashboard-coverage">{t("dashboard.coverage.title", { days: c.days })}</h2>
        <p>{t("dashboard.coverage.intro", { days: c.days })}</p>
        <dl className="stats" data-testid="dashboard-coverage">
          <div>
            <dt>{t("dashboard.coverage.all", { days: c.days })}</dt>
            <dd>{c.uncovered}</dd>
            <dd className="stat-note">{t("dashboard.coverage.of", { total: c.prisoners })}</dd>
          </div>
          <div>
            <dt>{t("dashboard.coverage.humanitarian", { days: c.days })}</dt>
            <dd>{c.humanitarianUncovered}</dd>
            <dd className="stat-note">{t("dashboard.coverage.of", { total: c.humanitarian })}</dd>
          </div>
        </dl>
        {c.longestWaiting.length === 0 ? (
          <p>{t("dashboard.coverage.none", { days: c.days })}</p>
        ) : (
          <>
            <h3>{t("dashboard.coverage.longestWaiting")}</h3>
            <div className="table-wrap">
              <table data-testid="dashboard-longest-waiting">
                <thead>
                  <tr>
                    <th scope="col">{t("dashboard.coverage.name")}</th>
                    <th scope="col">{t("dashboard.coverage.facility")}</th>
                    <th scope="col">{t("dashboard.coverage.lastLetter")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.longestWaiting.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/prisoners/${p.id}`}>{p.name}</Link>
                        {p.humanitarian ? (
                          <span className="badge badge-warm">{t("dashboard.coverage.humanitarianBadge")}</span>
                        ) : null}
                      </td>
                      <td lang="ru">{p.facilityName ? `${p.facilityName}, ${p.city}` : "—"}</td>
                      <td>{p.lastSentAt ? longDay.format(new Date(p.lastSentAt)) : t("common.never")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <p>
          <Link to={data.registryUrl}>{t("dashboard.coverage.registryLink", { days: c.days })}</Link>
        </p>
      </section>

      <SituationSection rows={data.situation} />
    </>
  );
}
