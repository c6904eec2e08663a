import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parcelListChoices } from "#app/models/parcels.server.ts";
import { countStuck, listItems } from "#app/models/tracking.server.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { statusLabel, customStatusLabels } from "#app/tracking/status-label.ts";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "parcels.all.title");

const PAGE_SIZE = 50;

/** Every parcel marked ready to post, for coordinators: filter by status and facility, spot the stuck ones. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:parcels");
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const filters = {
    type: "parcel" as const,
    status: url.searchParams.get("status") || null,
    facilityId: url.searchParams.get("facility") || null,
    stuckOnly: url.searchParams.get("stuck") === "1",
  };
  const [{ items, total }, stuck, { statuses, facilities, drafts }] = await Promise.all([
    listItems(filters, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    countStuck({ type: "parcel" }),
    parcelListChoices(),
  ]);
  const parcelStatuses = statuses.filter((s) => s.route.itemKinds.includes("parcel"));
  return {
    items,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    stuck,
    drafts,
    statusKeys: [...new Set(parcelStatuses.map((s) => s.key))],
    statusLabels: customStatusLabels(parcelStatuses),
    facilities,
  };
}

export default function AllParcels() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const date = useDateFormatter("date");
  const label = (key: string | null) => statusLabel(t, key, key ? data.statusLabels[key] : null);
  return (
    <section className="panel">
      <div className="heading-row">
        <h1>{t("parcels.all.title")}</h1>
        <div className="actions">
          <Link to="/parcels" className="button-secondary">
            {t("parcels.title")}
          </Link>
          <Link to="/coordinator/parcel-rules" className="button-secondary">
            {t("parcelRules.title")}
          </Link>
        </div>
      </div>
      <p>{t("parcels.all.intro")}</p>
      <p>
        <Link
          to="?stuck=1"
          className={data.stuck > 0 ? "badge badge-pending" : "badge badge-ok"}
          data-testid="parcels-stuck-count"
        >
          {data.stuck > 0 ? t("parcels.all.stuckCount", { count: data.stuck }) : t("parcels.all.noneStuck")}
        </Link>{" "}
        <span className="muted">{t("parcels.all.drafts", { count: data.drafts })}</span>
      </p>
      <Form method="get" className="filters">
        <SelectField
          id="parcel-filter-status"
          name="status"
          label={t("parcels.filter.status")}
          emptyLabel={t("common.all")}
          defaultValue={params.get("status") ?? ""}
          options={data.statusKeys.map((key) => ({ value: key, label: label(key) }))}
        />
        <SelectField
          id="parcel-filter-facility"
          name="facility"
          label={t("parcels.filter.facility")}
          emptyLabel={t("common.all")}
          defaultValue={params.get("facility") ?? ""}
          options={data.facilities.map((f) => ({ value: f.id, label: `${f.name}, ${f.city}`, lang: "ru" }))}
        />
        <label className="checkbox field">
          <input type="checkbox" name="stuck" value="1" defaultChecked={params.get("stuck") === "1"} />{" "}
          {t("parcels.filter.stuck")}
        </label>
        <button type="submit" className="button-secondary">
          {t("common.filter")}
        </button>
      </Form>
      <p className="muted">{t("common.results", { count: data.total })}</p>
      {data.items.length === 0 ? (
        <p>{t("parcels.all.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="all-parcels">
            <thead>
              <tr>
                <th scope="col">{t("parcels.col.to")}</th>
                <th scope="col">{t("parcels.filter.facility")}</th>
                <th scope="col">{t("parcels.filter.status")}</th>
                <th scope="col">{t("parcels.col.days")}</th>
                <th scope="col">{t("parcels.tracking.title")}</th>
                <th scope="col">{t("parcels.readyOn")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/parcels/${item.id}`}>{item.prisonerName}</Link>
                  </td>
                  <td lang="ru">{item.facilityName ?? "—"}</td>
                  <td>
                    {label(item.status)}
                    {item.stuck ? (
                      <span className="badge badge-pending">{t("parcels.stuck", { days: item.usualDays ?? 0 })}</span>
                    ) : null}
                  </td>
                  <td>{item.daysInStatus}</td>
                  <td>{item.trackingNumber ?? "—"}</td>
                  <td>{item.sentAt ? date.format(new Date(item.sentAt)) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </section>
  );
}
