import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { Pagination } from "#app/components/pagination.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { ErrorText } from "#app/components/forms.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { statusLabel } from "#app/tracking/status-label.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { routeName } from "#app/tracking/route-text.ts";
import { trackedItemsAction, trackedItemsPage } from "./coordinator.items._index.server.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";
import { BankHandovers } from "#app/components/bank-handovers.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "items.title");

type ExportError = "noItems" | "noLetters" | "purged" | "noAddress";

const EXPORT_ERRORS: Record<ExportError, MessageKey> = {
  noItems: "items.export.noItems",
  noLetters: "items.export.noLetters",
  purged: "items.export.purged",
  noAddress: "items.export.noAddress",
};

/** The export's refusal named in the URL (`?exportError=`), or the generic message for an unknown one. */
function exportErrorKey(value: string | null): MessageKey {
  return value && Object.hasOwn(EXPORT_ERRORS, value) ? EXPORT_ERRORS[value as ExportError] : "error.generic";
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "track:items");
  return trackedItemsPage(new URL(request.url));
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "track:items");
  return trackedItemsAction(user, new URL(request.url), await request.formData());
}

export default function TrackedItems() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const date = useDateFormatter("date");
  const label = (key: string | null) => statusLabel(t, key, key ? data.statusLabels[key] : null);
  const failed = new Map((actionData?.failures ?? []).map((f) => [f.item, f.reason]));
  const done = params.get("done");
  return (
    <section className="panel">
      <h1>{t("items.title")}</h1>
      <p>{t("items.intro")}</p>
      <p>
        <Link
          to="?stuck=1"
          className={data.stuck > 0 ? "badge badge-pending" : "badge badge-ok"}
          data-testid="stuck-count"
        >
          {data.stuck > 0 ? t("items.stuckCount", { count: data.stuck }) : t("items.noneStuck")}
        </Link>{" "}
        <Link to="/coordinator/outbox">{t("items.outboxLink")}</Link>
      </p>
      {params.get("exportError") ? (
        <p className="notice notice-error" role="alert">
          {t(exportErrorKey(params.get("exportError")))}
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status">
          {t("items.bulkDone", { count: Number(done) })}
        </p>
      ) : null}

      {params.get("handedOver") ? (
        <p className="notice notice-ok" role="status">
          {t("bankTask.done", { count: Number(params.get("handedOver")) })}
        </p>
      ) : null}
      <BankHandovers handovers={data.handovers} />

      <Form method="get" className="filters">
        <SelectField
          id="filter-type"
          name="type"
          label={t("items.type")}
          emptyLabel={t("common.all")}
          defaultValue={params.get("type") ?? ""}
          options={[
            { value: "letter", label: t("items.type.letter") },
            { value: "parcel", label: t("items.type.parcel") },
          ]}
        />
        <SelectField
          id="filter-route"
          name="route"
          label={t("items.route")}
          emptyLabel={t("common.all")}
          defaultValue={params.get("route") ?? ""}
          options={data.routes.map((r) => ({ value: r.id, label: routeName(t, r.name) }))}
        />
        <SelectField
          id="filter-status"
          name="status"
          label={t("items.status")}
          emptyLabel={t("common.all")}
          defaultValue={params.get("status") ?? ""}
          options={data.statusKeys.map((key) => ({ value: key, label: label(key) }))}
        />
        <SelectField
          id="filter-facility"
          name="facility"
          label={t("items.facility")}
          emptyLabel={t("common.all")}
          defaultValue={params.get("facility") ?? ""}
          options={data.facilities.map((f) => ({ value: f.id, label: `${f.name}, ${f.city}`, lang: "ru" }))}
        />
        <SelectField
          id="filter-country"
          name="country"
          label={t("items.country")}
          emptyLabel={t("common.all")}
          defaultValue={params.get("country") ?? ""}
          options={[
            { value: "BY", label: t("prisoners.country.BY") },
            { value: "RU", label: t("prisoners.country.RU") },
          ]}
        />
        <label className="checkbox field">
          <input type="checkbox" name="stuck" value="1" defaultChecked={params.get("stuck") === "1"} />{" "}
          {t("items.stuckOnly")}
        </label>
        <label className="checkbox field">
          <input type="checkbox" name="open" value="1" defaultChecked={params.get("open") === "1"} />{" "}
          {t("items.openOnly")}
        </label>
        <button type="submit" className="button-secondary">
          {t("common.filter")}
        </button>
      </Form>

      <p className="muted">{t("items.count", { count: data.total })}</p>
      {/* One plain form: status changes and route assignment post here; exports post to the
          export resource route so the browser downloads the file. */}
      <form method="post" id="bulk-form">
        {actionData?.fieldErrors?.form ? (
          <div className="notice notice-error" role="alert">
            <p>{t(actionData.fieldErrors.form)}</p>
            {actionData.failures.length > 0 ? (
              <ul>
                {actionData.failures.map((f) => (
                  <li key={f.item}>
                    {data.items.find((i) => `${i.type}:${i.id}` === f.item)?.prisonerName ?? f.item}: {t(f.reason)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <ErrorText id="items-error" message={actionData?.fieldErrors?.items} />
        {data.items.length === 0 ? (
          <p>{t("items.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="cards">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("items.select")}</span>
                  </th>
                  <th scope="col">{t("items.item")}</th>
                  <th scope="col">{t("items.prisoner")}</th>
                  <th scope="col">{t("items.route")}</th>
                  <th scope="col">{t("items.facility")}</th>
                  <th scope="col">{t("items.status")}</th>
                  <th scope="col">{t("items.inStatus")}</th>
                  <th scope="col">{t("items.sent")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => {
                  const ref = `${item.type}:${item.id}`;
                  return (
                    <tr key={ref} className={failed.has(ref) ? "row-error" : undefined} data-testid="item-row">
                      <td>
                        <input
                          type="checkbox"
                          name="items"
                          value={ref}
                          aria-label={t("items.selectItem", { name: item.prisonerName })}
                        />
                      </td>
                      <td data-label={t("items.item")}>
                        <Link to={`/coordinator/items/${item.type}/${item.id}`}>
                          {t(`items.kind.${item.itemKind as "letter" | "postcard" | "parcel"}`)}
                        </Link>
                        {item.trackingNumber ? <div className="muted small">{item.trackingNumber}</div> : null}
                      </td>
                      <td data-label={t("items.prisoner")} lang="ru">
                        {item.prisonerName}
                      </td>
                      <td data-label={t("items.route")}>{routeName(t, item.routeName) || "—"}</td>
                      <td data-label={t("items.facility")} lang="ru">
                        {item.facilityName ?? "—"}
                      </td>
                      <td data-label={t("items.status")}>{label(item.status)}</td>
                      <td data-label={t("items.inStatus")}>
                        {t("items.days", { count: item.daysInStatus })}
                        {item.usualDays !== null && !item.isFinal ? (
                          <span className="muted"> / {item.usualDays}</span>
                        ) : null}
                        {item.stuck ? <span className="badge badge-pending">{t("items.stuck")}</span> : null}
                      </td>
                      <td data-label={t("items.sent")}>{item.sentAt ? date.format(new Date(item.sentAt)) : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={data.page} pages={data.pages} />
        <fieldset className="panel bulk-actions">
          <legend>{t("items.bulk.title")}</legend>
          <div className="filters">
            <SelectField
              id="bulk-to"
              name="to"
              label={t("items.bulk.to")}
              emptyLabel={t("common.none")}
              options={data.statusKeys.map((key) => ({ value: key, label: label(key) }))}
            />
            <div className="field">
              <label htmlFor="bulk-note">{t("items.bulk.note")}</label>
              <input id="bulk-note" name="note" maxLength={500} />
            </div>
            <button type="submit" name="intent" value="status" className="button-primary">
              {t("items.bulk.changeStatus")}
            </button>
          </div>
          <ErrorText id="bulk-to-error" message={actionData?.fieldErrors?.to} />
          <div className="filters">
            <SelectField
              id="bulk-route"
              name="routeId"
              label={t("items.bulk.route")}
              emptyLabel={t("common.none")}
              options={data.routes.filter((r) => r.active).map((r) => ({ value: r.id, label: routeName(t, r.name) }))}
            />
            <button type="submit" name="intent" value="assign" className="button-secondary">
              {t("items.bulk.assign")}
            </button>
          </div>
          <ErrorText id="bulk-route-error" message={actionData?.fieldErrors?.routeId} />
          <p className="muted">{t("items.bulk.exportHint")}</p>
          <div className="actions">
            <button
              type="submit"
              name="intent"
              value="export-csv"
              formAction="/coordinator/items/export"
              className="button-secondary"
            >
              {t("items.bulk.exportCsv")}
            </button>
            <button
              type="submit"
              name="intent"
              value="export-pdf"
              formAction="/coordinator/items/export"
              className="button-secondary"
            >
              {t("items.bulk.exportPdf")}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
