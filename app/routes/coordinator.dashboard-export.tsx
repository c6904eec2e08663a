import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { toCsv } from "#app/utils/csv.ts";
import {
  DASHBOARD_CSV_HEADER,
  dashboard,
  dashboardCsvRows,
  dashboardFiltersFromUrl,
  dashboardFiltersToParams,
  dashboardRoutes,
} from "#app/models/dashboard.server.ts";

/**
 * The dashboard as one CSV (every panel, one number a row), for the same filters as
 * the page. Aggregates only, so reading it changes nothing and is not audited.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "track:items");
  const filters = dashboardFiltersFromUrl(new URL(request.url).searchParams);
  const [data, routes] = await Promise.all([dashboard(filters), dashboardRoutes()]);
  const names = new Map(routes.map((r) => [r.id, r.name]));
  const csv = toCsv(
    DASHBOARD_CSV_HEADER,
    dashboardCsvRows(data, (id) => (id ? (names.get(id) ?? "") : "")),
  );
  const { from, to } = dashboardFiltersToParams(filters);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="dashboard-${from}-${to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
