import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import {
  addBannedTerm,
  listBannedTerms,
  listCatalog,
  parcelBoxWeight,
  removeBannedTerm,
  saveCatalogItem,
  setCatalogItemActive,
  setParcelBoxWeight,
} from "#app/models/parcels.server.ts";
import { bannedTermSchema, boxWeightSchema, catalogItemSchema, centsToInput } from "#app/schemas/parcels.ts";
import { FACILITY_TYPES } from "#app/schemas/prisoners.ts";
import { CATALOG_CATEGORIES } from "#app/parcels/defaults.ts";
import { formatMoney } from "#app/parcels/messages.ts";
import { CheckboxGroup, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { BoxWeightForm } from "#app/components/parcel/box-weight-form.tsx";
import { useLocale, useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "parcelRules.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:parcels");
  const [catalog, terms, boxWeightGrams] = await Promise.all([listCatalog(), listBannedTerms(), parcelBoxWeight()]);
  const editId = new URL(request.url).searchParams.get("edit");
  return { catalog, terms, boxWeightGrams, editing: catalog.find((c) => c.id === editId) ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:parcels");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const id = String(formData.get("id") ?? "");
  if (intent === "remove-term") await removeBannedTerm(user, id);
  else if (intent === "deactivate" || intent === "activate")
    await setCatalogItemActive(user, id, intent === "activate");
  else if (intent === "add-term") {
    const parsed = parseWithSchema(bannedTermSchema, formData);
    if (!parsed.ok) return { form: "term" as const, fieldErrors: parsed.fieldErrors };
    await addBannedTerm(user, parsed.data);
  } else if (intent === "save-item") {
    const parsed = parseWithSchema(catalogItemSchema, formData, ["bannedFacilityTypes"]);
    if (!parsed.ok) return { form: "item" as const, fieldErrors: parsed.fieldErrors };
    await saveCatalogItem(user, parsed.data);
  } else if (intent === "box-weight") {
    const parsed = parseWithSchema(boxWeightSchema, formData);
    const submitted = String(formData.get("boxWeightGrams") ?? "");
    if (!parsed.ok) return { form: "box" as const, fieldErrors: parsed.fieldErrors, submitted };
    await setParcelBoxWeight(user, parsed.data.boxWeightGrams);
  } else throw new Response("Bad request", { status: 400 });
  throw redirect("/coordinator/parcel-rules");
}

interface ItemValues {
  id: string;
  nameRu: string;
  nameEn: string;
  category: (typeof CATALOG_CATEGORIES)[number];
  unitWeightGrams: string;
  typicalValue: string;
  perishable: boolean | "on";
  active: boolean | "on";
  bannedFacilityTypes: string[];
}

function CatalogForm() {
  const t = useT();
  const { editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(catalogItemSchema, {
    defaultValues: editing
      ? {
          id: editing.id,
          nameRu: editing.nameRu,
          nameEn: editing.nameEn,
          category: editing.category as ItemValues["category"],
          unitWeightGrams: String(editing.unitWeightGrams),
          typicalValue: centsToInput(editing.typicalValueCents),
          perishable: editing.perishable ? "on" : false,
          active: editing.active ? "on" : false,
          bannedFacilityTypes: editing.bannedFacilityTypes,
        }
      : {
          id: "",
          nameRu: "",
          nameEn: "",
          category: "food",
          unitWeightGrams: "",
          typicalValue: "",
          perishable: false,
          active: "on",
          bannedFacilityTypes: [],
        },
    serverErrors: actionData?.form === "item" ? actionData.fieldErrors : null,
  });
  return (
    <ValidatedForm onSubmit={onSubmit} key={editing?.id ?? "new"}>
      <input type="hidden" name="intent" value="save-item" />
      <input type="hidden" {...form.register("id")} />
      <h3>{editing ? t("parcelRules.editing", { name: editing.nameEn }) : t("parcelRules.addItem")}</h3>
      <TextField form={form} name="nameRu" label={t("parcelRules.nameRu")} />
      <TextField form={form} name="nameEn" label={t("parcelRules.nameEn")} />
      <SelectField
        id="catalog-category"
        label={t("parcelRules.category")}
        registration={form.register("category")}
        options={CATALOG_CATEGORIES.map((c) => ({ value: c, label: t(`parcelRules.category.${c}`) }))}
      />
      <TextField form={form} name="unitWeightGrams" label={t("parcelRules.unitWeight")} inputMode="numeric" />
      <TextField form={form} name="typicalValue" label={t("parcelRules.typicalValue")} />
      <label className="checkbox field">
        <input type="checkbox" value="on" {...form.register("perishable")} /> {t("parcelRules.perishable")}
      </label>
      <label className="checkbox field">
        <input type="checkbox" value="on" {...form.register("active")} /> {t("parcelRules.active")}
      </label>
      <CheckboxGroup
        form={form}
        name="bannedFacilityTypes"
        legend={t("parcelRules.bannedAt")}
        options={FACILITY_TYPES.map((type) => ({ value: type, label: t(`facilityType.${type}`) }))}
      />
      <div className="actions">
        <SubmitButton>{editing ? t("parcelRules.saveItem") : t("parcelRules.addItem")}</SubmitButton>
        {editing ? <Link to="/coordinator/parcel-rules">{t("common.cancel")}</Link> : null}
      </div>
    </ValidatedForm>
  );
}

export default function ParcelRules() {
  const t = useT();
  const locale = useLocale();
  const { catalog, terms, boxWeightGrams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const termForm = useValidatedForm(bannedTermSchema, {
    defaultValues: { term: "", reason: "" },
    serverErrors: actionData?.form === "term" ? actionData.fieldErrors : null,
  });
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/coordinator/parcels">← {t("parcels.all.title")}</Link>
        </p>
        <h1>{t("parcelRules.title")}</h1>
        <p>{t("parcelRules.intro")}</p>
        <h2>{t("parcelRules.catalog")}</h2>
        <div className="table-wrap">
          <table data-testid="catalog">
            <thead>
              <tr>
                <th scope="col">{t("parcelRules.nameRu")}</th>
                <th scope="col">{t("parcelRules.nameEn")}</th>
                <th scope="col">{t("parcelRules.category")}</th>
                <th scope="col">{t("parcelRules.unitWeight")}</th>
                <th scope="col">{t("parcelRules.typicalValue")}</th>
                <th scope="col">{t("parcelRules.bannedAt")}</th>
                <th scope="col">{t("volunteers.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {catalog.map((c) => (
                <tr key={c.id} className={c.active ? undefined : "muted"}>
                  <td lang="ru">
                    {c.nameRu}
                    {c.perishable ? <span className="badge badge-pending">{t("parcelRules.perishable")}</span> : null}
                    {!c.active ? <span className="badge">{t("parcelRules.inactive")}</span> : null}
                  </td>
                  <td>{c.nameEn}</td>
                  <td>{t(`parcelRules.category.${c.category as (typeof CATALOG_CATEGORIES)[number]}`)}</td>
                  <td>{c.unitWeightGrams}</td>
                  <td>{formatMoney(locale, c.typicalValueCents)}</td>
                  <td>{c.bannedFacilityTypes.map((type) => t(`facilityType.${type}`)).join(", ") || "—"}</td>
                  <td>
                    <div className="row-actions">
                      <Link to={`?edit=${c.id}`}>
                        {t("parcelRules.editItem")}
                        <span className="visually-hidden">: {c.nameEn}</span>
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="id" value={c.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={c.active ? "deactivate" : "activate"}
                          className="button-small"
                        >
                          {t(c.active ? "parcelRules.deactivate" : "parcelRules.activate")}
                          <span className="visually-hidden">: {c.nameEn}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CatalogForm />
      </section>
      <BoxWeightForm
        boxWeightGrams={boxWeightGrams}
        submitted={actionData?.form === "box" ? actionData.submitted : null}
        fieldErrors={actionData?.form === "box" ? actionData.fieldErrors : null}
      />
      <section className="panel">
        <h2>{t("parcelRules.banned")}</h2>
        <p className="muted">{t("parcelRules.bannedHint")}</p>
        <ValidatedForm onSubmit={termForm.onSubmit} className="filters">
          <input type="hidden" name="intent" value="add-term" />
          <TextField form={termForm.form} name="term" label={t("parcelRules.term")} />
          <TextField form={termForm.form} name="reason" label={t("parcelRules.reason")} />
          <SubmitButton>{t("parcelRules.addTerm")}</SubmitButton>
        </ValidatedForm>
        <ul className="badges" data-testid="banned-terms">
          {terms.map((term) => (
            <li key={term.id} className="badge">
              {term.term}
              {term.reason ? <span className="muted"> ({term.reason})</span> : null}
              <Form method="post" className="inline-form">
                <input type="hidden" name="id" value={term.id} />
                <button
                  type="submit"
                  name="intent"
                  value="remove-term"
                  className="link-button"
                  aria-label={`${t("parcelRules.removeTerm")}: ${term.term}`}
                >
                  ×
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
