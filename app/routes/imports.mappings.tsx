import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import {
  deleteValueMapping,
  getValueMapping,
  listValueMappings,
  saveValueMappings,
} from "#app/imports/value-mappings.server.ts";
import { facilityNames } from "#app/models/facilities.server.ts";
import { isMappableField, mappingTargets } from "#app/imports/value-fields.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "imports.mappings.title");

/** Coordinators see and change the answers given for unknown list values, per source. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:prisoners");
  const mappings = await listValueMappings();
  const facilityIds = mappings.filter((m) => m.field === "facility").map((m) => m.target);
  const facilities = await facilityNames({ ids: facilityIds });
  const facilityLabel = new Map(facilities.map((f) => [f.id, [f.name, f.city].filter(Boolean).join(", ")]));
  return {
    mappings: mappings.map((m) => ({
      id: m.id,
      sourceId: m.source.id,
      source: m.source.name,
      field: m.field,
      value: m.value,
      target: m.target,
      targetLabel: m.field === "facility" ? (facilityLabel.get(m.target) ?? m.target) : null,
      by: m.updatedBy?.pseudonym ?? null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const form = await request.formData();
  const id = String(form.get("id") ?? "");
  const mapping = await getValueMapping(id);
  if (!mapping) throw new Response("Not found", { status: 404 });
  if (form.get("intent") === "remove") await deleteValueMapping(id);
  else if (isMappableField(mapping.field)) {
    const target = String(form.get("target") ?? "");
    if (!mappingTargets(mapping.field).includes(target)) throw new Response("Bad request", { status: 400 });
    await saveValueMappings(mapping.sourceId, [{ field: mapping.field, value: mapping.value, target }], user.id);
  }
  throw redirect("/imports/mappings");
}

export default function ValueMappings() {
  const t = useT();
  const { mappings } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <p>
        <Link to="/imports">← {t("imports.title")}</Link>
      </p>
      <h1>{t("imports.mappings.title")}</h1>
      <p>{t("imports.mappings.intro")}</p>
      {mappings.length === 0 ? (
        <p>{t("imports.mappings.none")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="value-mappings">
            <thead>
              <tr>
                <th scope="col">{t("imports.mappings.source")}</th>
                <th scope="col">{t("imports.mappings.field")}</th>
                <th scope="col">{t("imports.mappings.value")}</th>
                <th scope="col">{t("imports.mappings.target")}</th>
                <th scope="col">{t("imports.mappings.by")}</th>
              </tr>
            </thead>
            <tbody>
              {mappings.map((m) => (
                <tr key={m.id}>
                  <td>{m.source}</td>
                  <td>
                    {isMappableField(m.field) ? t(`importValueField.${m.field}`) : t("imports.mappings.facility")}
                  </td>
                  <td>{m.value}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="id" value={m.id} />
                      {isMappableField(m.field) ? (
                        <>
                          <label className="visually-hidden" htmlFor={`target-${m.id}`}>
                            {t("imports.mappings.target")}
                          </label>
                          <select id={`target-${m.id}`} name="target" defaultValue={m.target}>
                            {mappingTargets(m.field).map((target) => (
                              <option key={target} value={target}>
                                {m.field === "facilityType"
                                  ? t(`facilityType.${target as "sizo"}`)
                                  : t(`prisonerStatus.${target as "convicted"}`)}
                              </option>
                            ))}
                          </select>
                          <button type="submit" name="intent" value="save" className="button-secondary">
                            {t("imports.mappings.save")}
                          </button>
                        </>
                      ) : (
                        <span>{m.targetLabel}</span>
                      )}
                      <button type="submit" name="intent" value="remove" className="button-danger">
                        {t("imports.mappings.remove")}
                      </button>
                    </Form>
                  </td>
                  <td>{m.by ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
