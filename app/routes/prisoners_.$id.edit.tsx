import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import {
  addNameSchema,
  prisonerEditSchema,
  situationChangeSchema,
  HUMANITARIAN_REASONS,
  PRISONER_STATUSES,
  RELEASE_KINDS,
  COUNTRIES,
} from "#app/schemas/prisoners.ts";
import { recordSituationByHand } from "#app/models/situation.server.ts";
import {
  addPrisonerName,
  getPrisonerForEdit,
  prisonerExists,
  removePrisonerName,
  updatePrisoner,
} from "#app/models/prisoner-edits.server.ts";
import { SelectField } from "#app/components/select-field.tsx";
import { DetentionConditionsField } from "#app/components/parcel/detention-conditions-field.tsx";
import { FlagFields } from "#app/components/prisoner/flag-fields.tsx";
import {
  CheckboxGroup,
  ErrorText,
  SubmitButton,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { fullName } from "#app/names/match-keys.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "prisoner.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:prisoners");
  const page = await getPrisonerForEdit(params.id ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const id = params.id ?? "";
  if (!(await prisonerExists(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-name") {
    const parsed = parseWithSchema(addNameSchema, formData);
    if (!parsed.ok) return { form: "name" as const, fieldErrors: parsed.fieldErrors };
    await addPrisonerName(user, id, parsed.data);
    throw redirect(`/prisoners/${id}/edit`);
  }
  if (intent === "situation") {
    const parsed = parseWithSchema(situationChangeSchema, formData);
    if (!parsed.ok) return { form: "situation" as const, fieldErrors: parsed.fieldErrors };
    await recordSituationByHand(user, id, parsed.data);
    throw redirect(`/prisoners/${id}`);
  }
  if (intent === "remove-name") {
    await removePrisonerName(user, id, String(formData.get("nameId") ?? ""));
    throw redirect(`/prisoners/${id}/edit`);
  }
  const parsed = parseWithSchema(prisonerEditSchema, formData, ["humanitarianReasons"]);
  if (!parsed.ok) return { form: "prisoner" as const, fieldErrors: parsed.fieldErrors };
  await updatePrisoner(user, id, parsed.data);
  throw redirect(`/prisoners/${id}`);
}

export default function EditPrisoner() {
  const t = useT();
  const { prisoner, facilities, dative } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(prisonerEditSchema, {
    defaultValues: {
      status: prisoner.status,
      country: prisoner.country,
      birthDate: prisoner.birthDate,
      articles: prisoner.articles ?? "",
      sentence: prisoner.sentence ?? "",
      currentFacilityId: prisoner.currentFacilityId ?? "",
      humanitarianReasons: prisoner.humanitarianReasons,
      incommunicado: prisoner.incommunicado ? "on" : false,
      incommunicadoNote: prisoner.incommunicadoNote ?? "",
      doNotWrite: prisoner.doNotWrite ? "on" : false,
      doNotWriteNote: prisoner.doNotWriteNote ?? "",
      relativesOnly: prisoner.relativesOnly ? "on" : false,
      relativesOnlyNote: prisoner.relativesOnlyNote ?? "",
      notes: prisoner.notes ?? "",
      about: prisoner.about ?? "",
      envelopeNameDative: prisoner.envelopeNameDative ?? "",
      detentionConditions: prisoner.detentionConditions ?? "",
    },
    serverErrors: actionData?.form === "prisoner" ? actionData.fieldErrors : null,
  });
  const nameForm = useValidatedForm(addNameSchema, {
    defaultValues: { script: "latin", surname: "", givenName: "", patronymic: "" },
    serverErrors: actionData?.form === "name" ? actionData.fieldErrors : null,
  });
  const situationForm = useValidatedForm(situationChangeSchema, {
    defaultValues: {
      status: prisoner.status,
      occurredOn: "",
      releaseKind: prisoner.releaseKind ?? "",
      note: "",
      canWrite: prisoner.canWrite ? "on" : false,
    },
    serverErrors: actionData?.form === "situation" ? actionData.fieldErrors : null,
  });
  const situationErrors = situationForm.form.formState.errors;
  const primary = prisoner.names[0];
  return (
    <>
      <section className="panel">
        <p>
          <Link to={`/prisoners/${prisoner.id}`}>← {primary ? fullName(primary) : ""}</Link>
        </p>
        <h1>{t("prisoner.edit")}</h1>
        <ValidatedForm onSubmit={onSubmit}>
          <SelectField
            id="edit-status"
            label={t("prisoners.status")}
            registration={form.register("status")}
            options={PRISONER_STATUSES.map((s) => ({ value: s, label: t(`prisonerStatus.${s}`) }))}
          />
          <SelectField
            id="edit-country"
            label={t("prisoners.country")}
            registration={form.register("country")}
            options={COUNTRIES.map((c) => ({ value: c, label: t(`prisoners.country.${c}`) }))}
          />
          <div className="field">
            <label htmlFor="edit-birth">{t("prisonerEdit.birthDate")}</label>
            <input
              id="edit-birth"
              type="date"
              {...form.register("birthDate")}
              aria-invalid={form.formState.errors.birthDate ? true : undefined}
              aria-describedby="edit-birth-error"
            />
            <ErrorText id="edit-birth-error" message={form.formState.errors.birthDate?.message} />
          </div>
          <div className="field">
            <label htmlFor="edit-facility">{t("prisoners.facility")}</label>
            <select id="edit-facility" {...form.register("currentFacilityId")}>
              <option value="">{t("common.none")}</option>
              {facilities.map((f) => (
                <option key={f.id} value={f.id} lang="ru">
                  {f.name}, {f.city}
                </option>
              ))}
            </select>
            <p className="field-hint">{t("prisonerEdit.facilityHint")}</p>
          </div>
          <TextField form={form} name="articles" label={t("prisoner.articles")} />
          <TextField form={form} name="sentence" label={t("prisoner.sentence")} />
          <CheckboxGroup
            form={form}
            name="humanitarianReasons"
            legend={t("prisoners.humanitarian")}
            hint={t("prisonerEdit.humanitarianHint")}
            options={HUMANITARIAN_REASONS.map((r) => ({ value: r, label: t(`humanitarian.${r}`) }))}
          />
          <FlagFields form={form} flag="incommunicado" label={t("prisoners.incommunicado")} />
          <FlagFields form={form} flag="doNotWrite" label={t("prisoners.doNotWrite")} />
          <FlagFields form={form} flag="relativesOnly" label={t("prisoners.relativesOnly")} />
          <TextField form={form} name="notes" label={t("prisoner.notes")} hint={t("prisonerEdit.notesHint")} />
          <div className="field">
            <label htmlFor="edit-about">{t("prisoner.about")}</label>
            <p id="edit-about-hint" className="field-hint">
              {t("prisonerEdit.aboutHint")}
            </p>
            <textarea
              id="edit-about"
              rows={4}
              maxLength={1000}
              aria-invalid={form.formState.errors.about ? true : undefined}
              aria-describedby="edit-about-hint edit-about-error"
              {...form.register("about")}
            />
            <ErrorText id="edit-about-error" message={form.formState.errors.about?.message} />
          </div>
          {prisoner.country === "RU" ? (
            <TextField
              form={form}
              name="envelopeNameDative"
              label={t("prisonerEdit.envelopeNameDative")}
              hint={t("prisonerEdit.envelopeNameDativeHint", { automatic: dative ?? "—" })}
            />
          ) : null}
          <DetentionConditionsField registration={form.register("detentionConditions")} />
          {prisoner.needsReview ? (
            <label className="checkbox field">
              <input type="checkbox" value="on" {...form.register("clearReview")} /> {t("prisonerEdit.clearReview")}
            </label>
          ) : null}
          <SubmitButton>{t("common.save")}</SubmitButton>
        </ValidatedForm>
      </section>
      <section className="panel">
        <h2>{t("situation.title")}</h2>
        <p className="muted">{t("situation.hint")}</p>
        <ValidatedForm onSubmit={situationForm.onSubmit}>
          <input type="hidden" name="intent" value="situation" />
          <SelectField
            id="situation-status"
            label={t("prisoners.status")}
            registration={situationForm.form.register("status")}
            options={PRISONER_STATUSES.map((s) => ({ value: s, label: t(`prisonerStatus.${s}`) }))}
          />
          <div className="field">
            <label htmlFor="situation-date">{t("situation.date")}</label>
            <input
              id="situation-date"
              type="date"
              {...situationForm.form.register("occurredOn")}
              aria-invalid={situationErrors.occurredOn ? true : undefined}
              aria-describedby="situation-date-error"
            />
            <ErrorText id="situation-date-error" message={situationErrors.occurredOn?.message} />
          </div>
          <div className="field">
            <label htmlFor="situation-kind">{t("situation.releaseKind")}</label>
            <select
              id="situation-kind"
              {...situationForm.form.register("releaseKind")}
              aria-invalid={situationErrors.releaseKind ? true : undefined}
              aria-describedby="situation-kind-error"
            >
              <option value="">{t("common.none")}</option>
              {RELEASE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`releaseKind.${k}`)}
                </option>
              ))}
            </select>
            <ErrorText id="situation-kind-error" message={situationErrors.releaseKind?.message} />
          </div>
          <TextField form={situationForm.form} name="note" label={t("situation.note")} maxLength={500} />
          <label className="checkbox field">
            <input type="checkbox" value="on" {...situationForm.form.register("canWrite")} /> {t("situation.canWrite")}
          </label>
          <p className="field-hint">{t("situation.effects")}</p>
          <SubmitButton name="intent" value="situation">
            {t("situation.record")}
          </SubmitButton>
        </ValidatedForm>
      </section>
      <section className="panel">
        <h2>{t("prisoner.spellings")}</h2>
        <ul className="plain-list">
          {prisoner.names.map((n) => (
            <li key={n.id}>
              {fullName(n)} <span className="muted">({t(`nameScript.${n.script}`)})</span>
              {n.isPrimary ? null : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="nameId" value={n.id} />
                  <button type="submit" name="intent" value="remove-name" className="button-small button-danger">
                    {t("prisonerEdit.removeName")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        <h3>{t("prisonerEdit.addName")}</h3>
        <ValidatedForm onSubmit={nameForm.onSubmit}>
          <input type="hidden" name="intent" value="add-name" />
          <div className="field">
            <label htmlFor="name-script">{t("prisonerEdit.script")}</label>
            <select id="name-script" {...nameForm.form.register("script")}>
              {(["cyrillic_be", "cyrillic_ru", "latin"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`nameScript.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField form={nameForm.form} name="surname" label={t("prisonerEdit.surname")} />
          <TextField form={nameForm.form} name="givenName" label={t("prisonerEdit.givenName")} />
          <TextField form={nameForm.form} name="patronymic" label={t("prisonerEdit.patronymic")} />
          <SubmitButton name="intent" value="add-name">
            {t("prisonerEdit.addName")}
          </SubmitButton>
        </ValidatedForm>
      </section>
    </>
  );
}
