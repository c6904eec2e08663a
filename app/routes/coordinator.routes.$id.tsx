import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import { getRoute, StatusInUseError, updateRoute, updateRouteStatuses } from "#app/models/routes.server.ts";
import { routeEditSchema, KNOWN_STATUS_KEYS, parseStatusEdits } from "#app/schemas/routes.ts";
import { statusLabel } from "#app/tracking/status-label.ts";
import { ErrorText } from "#app/components/forms.tsx";
import { RouteForm } from "#app/components/route-form.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "routes.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  const route = await getRoute(params.id ?? "");
  if (!route) throw new Response("Not found", { status: 404 });
  return { route, saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:routes");
  const route = await getRoute(params.id ?? "");
  if (!route) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  if (formData.get("intent") === "statuses") {
    const edits = parseStatusEdits(formData, route.statuses);
    if (!edits.ok) return { intent: "statuses" as const, fieldErrors: edits.errors as FieldErrors };
    try {
      await updateRouteStatuses(user, route.id, edits.edits, edits.added);
    } catch (error) {
      if (error instanceof StatusInUseError)
        return {
          intent: "statuses" as const,
          fieldErrors: { form: "routes.statuses.inUse" } as FieldErrors,
          inUse: { key: error.key, count: error.count },
        };
      throw error;
    }
    throw redirect(`/coordinator/routes/${route.id}?saved=1`);
  }
  const parsed = parseWithSchema(routeEditSchema, formData, ["countries", "itemKinds", "languages"]);
  if (!parsed.ok) return { intent: "route" as const, fieldErrors: parsed.fieldErrors };
  await updateRoute(user, route.id, parsed.data);
  throw redirect(`/coordinator/routes/${route.id}?saved=1`);
}

export default function EditRoute() {
  const t = useT();
  const { route, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="panel">
      <p>
        <Link to="/coordinator/routes">← {t("routes.title")}</Link>
      </p>
      <h1>{route.name}</h1>
      {saved && !actionData ? (
        <p className="notice notice-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <RouteForm
        values={route}
        serverErrors={actionData?.intent === "route" ? actionData.fieldErrors : null}
        submitLabel={t("common.save")}
      />
      <StatusesForm />
    </section>
  );
}

/** The route's statuses: order, usual days, endings, removal, and one new status at a time. */
function StatusesForm() {
  const t = useT();
  const { route } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.intent === "statuses" ? actionData.fieldErrors : null;
  const inUse = actionData && "inUse" in actionData ? actionData.inUse : null;
  const unused = KNOWN_STATUS_KEYS.filter((key) => !route.statuses.some((s) => s.key === key));
  return (
    <Form method="post" className="panel" data-testid="statuses-form">
      <h2>{t("routes.statuses.title")}</h2>
      <p className="muted">{t("routes.statuses.intro")}</p>
      {errors?.form ? (
        <p className="notice notice-error" role="alert">
          {inUse
            ? t("routes.statuses.inUse", { status: statusLabel(t, inUse.key), count: inUse.count })
            : t(errors.form)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("routes.statuses.status")}</th>
              <th scope="col">{t("routes.statuses.order")}</th>
              <th scope="col">{t("routes.usualDays")}</th>
              <th scope="col">{t("routes.final")}</th>
              <th scope="col">{t("routes.statuses.remove")}</th>
            </tr>
          </thead>
          <tbody>
            {route.statuses.map((s) => {
              const name = statusLabel(t, s.key, s.label);
              return (
                <tr key={s.id}>
                  <th scope="row">
                    {name} <code className="muted small">{s.key}</code>
                  </th>
                  <td>
                    <input
                      aria-label={t("routes.statuses.orderOf", { status: name })}
                      name={`position:${s.id}`}
                      type="number"
                      min={0}
                      max={999}
                      defaultValue={s.position}
                      className="input-short"
                    />
                    <ErrorText id={`position-${s.id}-error`} message={errors?.[`position:${s.id}`]} />
                  </td>
                  <td>
                    {s.isFinal ? (
                      "—"
                    ) : (
                      <input
                        aria-label={t("routes.statuses.daysOf", { status: name })}
                        id={`days-${s.id}`}
                        name={`days:${s.id}`}
                        type="number"
                        min={0}
                        max={999}
                        defaultValue={s.usualDays ?? ""}
                        className="input-short"
                      />
                    )}
                    <ErrorText id={`days-${s.id}-error`} message={errors?.[`days:${s.id}`]} />
                  </td>
                  <td>
                    <input
                      aria-label={t("routes.statuses.finalOf", { status: name })}
                      type="checkbox"
                      name={`final:${s.id}`}
                      value="on"
                      defaultChecked={s.isFinal}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t("routes.statuses.removeOf", { status: name })}
                      type="checkbox"
                      name={`remove:${s.id}`}
                      value="on"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset className="field">
        <legend>{t("routes.statuses.add")}</legend>
        <div className="field">
          <label htmlFor="new-status-key">{t("routes.statuses.key")}</label>
          <p id="new-status-key-hint" className="field-hint">
            {t("routes.statuses.keyHint", { known: unused.join(", ") })}
          </p>
          <input
            id="new-status-key"
            name="newKey"
            list="known-statuses"
            maxLength={40}
            aria-describedby="new-status-key-hint new-status-key-error"
          />
          <datalist id="known-statuses">
            {unused.map((key) => (
              <option key={key} value={key}>
                {statusLabel(t, key)}
              </option>
            ))}
          </datalist>
          <ErrorText id="new-status-key-error" message={errors?.newKey} />
        </div>
        <div className="field">
          <label htmlFor="new-status-label">{t("routes.statuses.label")}</label>
          <input id="new-status-label" name="newLabel" maxLength={80} aria-describedby="new-status-label-error" />
          <ErrorText id="new-status-label-error" message={errors?.newLabel} />
        </div>
        <div className="field">
          <label htmlFor="new-status-days">{t("routes.usualDays")}</label>
          <input id="new-status-days" name="newDays" type="number" min={0} max={999} className="input-short" />
          <ErrorText id="new-status-days-error" message={errors?.newDays} />
        </div>
        <label className="checkbox field">
          <input type="checkbox" name="newFinal" value="on" /> {t("routes.final")}
        </label>
      </fieldset>
      <button type="submit" name="intent" value="statuses" className="button-primary">
        {t("routes.statuses.save")}
      </button>
    </Form>
  );
}
