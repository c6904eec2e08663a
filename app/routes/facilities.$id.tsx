import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { facilityEditSchema, FACILITY_TYPES, COLONY_REGIMES, WRITING_LANGUAGE_CODES } from "#app/schemas/prisoners.ts";
import { getFacilityWithEdits, updateFacility } from "#app/models/facilities.server.ts";
import {
  CheckboxGroup,
  ErrorText,
  SubmitButton,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "#app/components/forms.tsx";
import { EditHistory } from "#app/components/edit-history.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { gramsToKgInput } from "#app/schemas/parcels.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "facilities.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:prisoners");
  const facility = await getFacilityWithEdits(params.id ?? "");
  if (!facility) throw new Response("Not found", { status: 404 });
  const canEdit = can(user, "edit:prisoners");
  const { edits, _count, ...rest } = facility;
  return {
    // Notes on the rules are coordinators' working notes ("quotas not found: fill them in"): not for volunteers.
    facility: { ...rest, rulesNote: canEdit ? rest.rulesNote : null },
    prisoners: _count.prisoners,
    canEdit,
    edits: canEdit
      ? edits.map((e) => ({ id: e.id, at: e.createdAt, editor: e.editor?.pseudonym ?? null, changes: e.changes }))
      : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const id = params.id ?? "";
  const parsed = parseWithSchema(facilityEditSchema, await request.formData(), ["languages"]);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  await updateFacility(user, id, parsed.data);
  throw redirect(`/facilities/${id}?saved=1`);
}

export default function FacilityPage() {
  const t = useT();
  const { facility: f, prisoners, canEdit, edits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(facilityEditSchema, {
    defaultValues: {
      name: f.name,
      nameLatin: f.nameLatin ?? "",
      type: f.type,
      regime: f.regime ?? "",
      street: f.street,
      postcode: f.postcode,
      city: f.city,
      region: f.region ?? "",
      acceptsNonRelativeLetters: f.acceptsNonRelativeLetters ? "on" : false,
      parcelsFromAbroad: f.parcelsFromAbroad ? "on" : false,
      parcelsRelativesOnly: f.parcelsRelativesOnly ? "on" : false,
      parcelQuotaPerYear: f.parcelQuotaPerYear?.toString() ?? "",
      smallPackageQuotaPerYear: f.smallPackageQuotaPerYear?.toString() ?? "",
      parcelQuotaOrdinary: f.parcelQuotaOrdinary?.toString() ?? "",
      parcelQuotaLightened: f.parcelQuotaLightened?.toString() ?? "",
      parcelQuotaStrict: f.parcelQuotaStrict?.toString() ?? "",
      parcelWeightLimitGrams: gramsToKgInput(f.parcelWeightLimitGrams),
      parcelMonthlyWeightLimitGrams: gramsToKgInput(f.parcelMonthlyWeightLimitGrams),
      languages: f.languages,
      rulesNote: f.rulesNote ?? "",
    } as never,
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/facilities">← {t("facilities.title")}</Link>
        </p>
        <h1 lang="ru">
          {f.name}, {f.city}
        </h1>
        <p>
          {t(`facilityType.${f.type}`)}
          {f.regime ? ` · ${t(`regime.${f.regime}`)}` : ""} · {t("facilities.prisonersCount", { count: prisoners })}
        </p>
        <dl className="facts">
          <div>
            <dt>{t("facilities.lettersFromNonRelatives")}</dt>
            <dd>{f.acceptsNonRelativeLetters ? t("common.yes") : t("common.no")}</dd>
          </div>
          <div>
            <dt>{t("facilities.parcelsFromAbroad")}</dt>
            <dd>{f.parcelsFromAbroad ? t("common.yes") : t("common.no")}</dd>
          </div>
          <div>
            <dt>{t("facilities.parcelsWhoMaySend")}</dt>
            <dd>{f.parcelsRelativesOnly ? t("facilities.parcelsRelativesOnly") : t("facilities.parcelsAnyone")}</dd>
          </div>
          <div>
            <dt>{t("facilities.parcelQuota")}</dt>
            <dd>{f.parcelQuotaPerYear ?? "—"}</dd>
          </div>
          {(["Ordinary", "Lightened", "Strict"] as const)
            .filter((c) => f[`parcelQuota${c}`] !== null)
            .map((c) => (
              <div key={c}>
                <dt>{t(`facilities.parcelQuota${c}`)}</dt>
                <dd>{f[`parcelQuota${c}`]}</dd>
              </div>
            ))}
          <div>
            <dt>{t("facilities.smallPackageQuota")}</dt>
            <dd>{f.smallPackageQuotaPerYear ?? "—"}</dd>
          </div>
          <div>
            <dt>{t("facilities.parcelWeightLimit")}</dt>
            <dd>
              {f.parcelWeightLimitGrams === null ? t("facilities.noLimit") : gramsToKgInput(f.parcelWeightLimitGrams)}
            </dd>
          </div>
          <div>
            <dt>{t("facilities.parcelMonthlyWeightLimit")}</dt>
            <dd>
              {f.parcelMonthlyWeightLimitGrams === null
                ? t("facilities.noLimit")
                : gramsToKgInput(f.parcelMonthlyWeightLimitGrams)}
            </dd>
          </div>
          <div>
            <dt>{t("facilities.languages")}</dt>
            <dd>{f.languages.map((l) => t(`language.${l as (typeof WRITING_LANGUAGE_CODES)[number]}`)).join(", ")}</dd>
          </div>
        </dl>
        {f.rulesNote ? <p className="notice">{f.rulesNote}</p> : null}
      </section>
      {canEdit ? (
        <section className="panel">
          <h2>{t("facilities.editRules")}</h2>
          <ValidatedForm onSubmit={onSubmit}>
            <TextField form={form} name="name" label={t("facilities.name")} hint={t("facilities.nameHint")} />
            <TextField form={form} name="nameLatin" label={t("facilities.nameLatin")} />
            <SelectField
              id="facility-type"
              label={t("facilities.type")}
              registration={form.register("type")}
              options={FACILITY_TYPES.map((type) => ({ value: type, label: t(`facilityType.${type}`) }))}
            />
            <SelectField
              id="facility-regime"
              label={t("facilities.regime")}
              emptyLabel={t("common.none")}
              registration={form.register("regime")}
              options={COLONY_REGIMES.map((r) => ({ value: r, label: t(`regime.${r}`) }))}
            />
            <TextField form={form} name="street" label={t("facilities.street")} />
            <TextField form={form} name="postcode" label={t("facilities.postcode")} />
            <TextField form={form} name="city" label={t("facilities.city")} />
            <TextField form={form} name="region" label={t("facilities.region")} />
            <label className="checkbox field">
              <input type="checkbox" value="on" {...form.register("acceptsNonRelativeLetters")} />{" "}
              {t("facilities.lettersFromNonRelatives")}
            </label>
            <label className="checkbox field">
              <input type="checkbox" value="on" {...form.register("parcelsFromAbroad")} />{" "}
              {t("facilities.parcelsFromAbroad")}
            </label>
            <label className="checkbox field">
              <input type="checkbox" value="on" {...form.register("parcelsRelativesOnly")} />{" "}
              {t("facilities.parcelsRelativesOnly")}
            </label>
            <TextField form={form} name="parcelQuotaPerYear" label={t("facilities.parcelQuota")} inputMode="numeric" />
            {(["Ordinary", "Lightened", "Strict"] as const).map((c) => (
              <TextField
                key={c}
                form={form}
                name={`parcelQuota${c}`}
                label={t(`facilities.parcelQuota${c}`)}
                inputMode="numeric"
              />
            ))}
            <TextField
              form={form}
              name="smallPackageQuotaPerYear"
              label={t("facilities.smallPackageQuota")}
              inputMode="numeric"
            />
            <TextField
              form={form}
              name="parcelWeightLimitGrams"
              label={t("facilities.parcelWeightLimit")}
              hint={t("facilities.weightHint")}
            />
            <TextField
              form={form}
              name="parcelMonthlyWeightLimitGrams"
              label={t("facilities.parcelMonthlyWeightLimit")}
              hint={t("facilities.weightHint")}
            />
            <CheckboxGroup
              form={form}
              name="languages"
              legend={t("facilities.languages")}
              options={WRITING_LANGUAGE_CODES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
            />
            <div className="field">
              <label htmlFor="facility-rules">{t("facilities.rulesNote")}</label>
              <textarea id="facility-rules" rows={4} {...form.register("rulesNote")} />
              <ErrorText id="facility-rules-error" message={form.formState.errors.rulesNote?.message} />
            </div>
            <SubmitButton>{t("common.save")}</SubmitButton>
          </ValidatedForm>
          <h2>{t("history.title")}</h2>
          <EditHistory edits={edits} />
        </section>
      ) : null}
    </>
  );
}
