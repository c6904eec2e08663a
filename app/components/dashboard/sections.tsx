import { Link } from "@remix-run/react";
import { useDateFormatter, useT } from "#app/i18n/react.tsx";
import { statusLabel } from "#app/tracking/status-label.ts";
import { routeName } from "#app/tracking/route-text.ts";
import type { ReactNode } from "react";
import { DataTable, type DataColumn } from "#app/components/data-table.tsx";
import type { useLoaderData } from "@remix-run/react";
import type { loader } from "#app/routes/coordinator.dashboard.tsx";

type DashboardData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The scaffolding every dashboard table shares: a titled panel, an intro, and a table or an "empty" line. */
function TablePanel({
  id,
  title,
  intro,
  columns,
  empty,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  columns: DataColumn[];
  empty: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{intro}</p>
      {empty ? (
        <p>{t("dashboard.empty")}</p>
      ) : (
        <DataTable columns={columns} testId={id}>
          {children}
        </DataTable>
      )}
    </section>
  );
}

/** Open items by route and status (status labels as the route names them, resolved by the model). */
export function ByRouteSection({ rows }: { rows: DashboardData["byRouteAndStatus"] }) {
  const t = useT();
  return (
    <TablePanel
      id="dashboard-by-route"
      title={t("dashboard.byRoute.title")}
      intro={t("dashboard.byRoute.intro")}
      empty={rows.length === 0}
      columns={[
        { label: t("dashboard.byRoute.route") },
        { label: t("dashboard.byRoute.status") },
        { label: t("dashboard.byRoute.letters"), numeric: true },
        { label: t("dashboard.byRoute.postcards"), numeric: true },
        { label: t("dashboard.byRoute.parcels"), numeric: true },
        { label: t("dashboard.total"), numeric: true },
      ]}
    >
      {rows.map((r) => (
        <tr key={`${r.routeId}:${r.status}`}>
          <td>{r.routeName ? routeName(t, r.routeName) : t("dashboard.byRoute.noRoute")}</td>
          <td>{statusLabel(t, r.status, r.statusLabel)}</td>
          <td className="num">{r.letters}</td>
          <td className="num">{r.postcards}</td>
          <td className="num">{r.parcels}</td>
          <td className="num">{r.total}</td>
        </tr>
      ))}
    </TablePanel>
  );
}

/** Items that came back, were censored or refused, by facility. */
export function EndingsSection({ rows }: { rows: DashboardData["endings"] }) {
  const t = useT();
  return (
    <TablePanel
      id="dashboard-endings"
      title={t("dashboard.endings.title")}
      intro={t("dashboard.endings.intro")}
      empty={rows.length === 0}
      columns={[
        { label: t("dashboard.endings.facility") },
        { label: t("status.returned"), numeric: true },
        { label: t("status.censored"), numeric: true },
        { label: t("status.refused"), numeric: true },
        { label: t("dashboard.total"), numeric: true },
      ]}
    >
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
    </TablePanel>
  );
}

/** Releases and newly listed people per month and country. */
export function SituationSection({ rows }: { rows: DashboardData["situation"] }) {
  const t = useT();
  // Months are UTC ones: format them in UTC so server and browser agree.
  const monthName = useDateFormatter("monthYear", { calendarDay: true });
  const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return (
    <TablePanel
      id="dashboard-situation"
      title={t("dashboard.situation.title")}
      intro={t("dashboard.situation.intro")}
      empty={rows.length === 0}
      columns={[
        { label: t("dashboard.situation.month") },
        { label: t("dashboard.country") },
        { label: t("dashboard.situation.released"), numeric: true },
        { label: t("dashboard.situation.newlyListed"), numeric: true },
      ]}
    >
      {rows.map((s) => (
        <tr key={`${s.month}-${s.country}`}>
          <td>{monthName.format(day(`${s.month}-01`))}</td>
          <td>{t(`prisoners.country.${s.country}`)}</td>
          <td className="num">{s.released}</td>
          <td className="num">{s.newlyListed}</td>
        </tr>
      ))}
    </TablePanel>
  );
}
