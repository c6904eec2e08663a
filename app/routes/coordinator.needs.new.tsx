import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { familiesOf, prisonerForNeed } from "#app/models/support.server.ts";
import { needSchema } from "#app/schemas/support.ts";
import { DEFAULT_HOLD_DAYS, NEED_HELP_VIA, NEED_KINDS } from "#app/support/rules.ts";
import { ErrorText, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { createNeedAction } from "./coordinator.needs.new.server.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "support.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const prisonerId = new URL(request.url).searchParams.get("prisoner") ?? "";
  const prisoner = prisonerId ? await prisonerForNeed(user, prisonerId) : null;
  const families = prisoner ? await familiesOf(user, prisoner.id) : [];
  return { prisoner, families };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  return createNeedAction(user, await request.formData());
}

export default function NewNeed() {
  const t = useT();
  const textId = useId();
  const { prisoner, families } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(needSchema, {
    defaultValues: {
      prisonerId: prisoner?.id ?? "",
      familyId: "",
      kind: "parcel",
      text: "",
      quantity: "1",
      currency: "",
      deadline: "",
      via: "parcel",
      fundraiserUrl: "",
      holdDays: String(DEFAULT_HOLD_DAYS),
      ...actionData?.values,
    },
    serverErrors: actionData?.fieldErrors ?? null,
  });
  if (!prisoner) {
    return (
      <section className="panel">
        <h1>{t("support.new.title")}</h1>
        <p>{t("support.new.pickPrisoner")}</p>
        <p>
          <Link to="/prisoners">{t("nav.prisoners")}</Link>
        </p>
      </section>
    );
  }
  const textError = form.formState.errors.text?.message;
  return (
    <section className="panel">
      <h1>{t("support.new.title")}</h1>
      <p>{t("support.forPerson", { name: prisoner.name })}</p>
      <p>
        <Link to={`/coordinator/families/new?prisoner=${prisoner.id}`}>{t("support.family.add")}</Link>
      </p>
      <ValidatedForm onSubmit={onSubmit}>
        <input type="hidden" name="prisonerId" value={prisoner.id} />
        <SelectField
          id="need-family"
          label={t("support.new.for")}
          registration={form.register("familyId")}
          defaultValue={form.getValues("familyId")}
          options={[
            { value: "", label: t("support.new.forPerson") },
            ...families.map((f) => ({
              value: f.id,
              label: t("support.new.forFamily", { description: f.description }),
            })),
          ]}
        />
        <ErrorText id="need-family-error" message={form.formState.errors.familyId?.message} />
        <SelectField
          id="need-kind"
          label={t("support.kind")}
          registration={form.register("kind")}
          defaultValue={form.getValues("kind")}
          options={NEED_KINDS.map((k) => ({
            value: k,
            label: t(`support.kind.${k}` as MessageKey),
          }))}
        />
        <div className="field">
          <label htmlFor={textId}>{t("support.new.text")}</label>
          <p id={`${textId}-hint`} className="field-hint">
            {t("support.new.textHint")}
          </p>
          <textarea
            id={textId}
            rows={4}
            aria-describedby={`${textId}-hint`}
            aria-invalid={textError ? true : undefined}
            defaultValue={form.getValues("text")}
            {...form.register("text")}
          />
          <ErrorText id={`${textId}-error`} message={textError} />
        </div>
        <TextField
          form={form}
          name="quantity"
          inputMode="numeric"
          label={t("support.new.quantity")}
          hint={t("support.new.quantityHint")}
        />
        <TextField
          form={form}
          name="currency"
          label={t("support.new.currency")}
          hint={t("support.new.currencyHint")}
          maxLength={3}
        />
        <TextField form={form} name="deadline" label={t("support.new.deadline")} hint={t("support.new.deadlineHint")} />
        <SelectField
          id="need-via"
          label={t("support.new.via")}
          registration={form.register("via")}
          defaultValue={form.getValues("via")}
          options={NEED_HELP_VIA.map((v) => ({
            value: v,
            label: t(`support.via.${v}` as MessageKey),
          }))}
        />
        <TextField
          form={form}
          name="fundraiserUrl"
          label={t("support.new.fundraiserUrl")}
          hint={t("support.new.fundraiserHint")}
        />
        <TextField
          form={form}
          name="holdDays"
          inputMode="numeric"
          label={t("support.new.holdDays")}
          hint={t("support.new.holdDaysHint")}
        />
        <SubmitButton>{t("support.new.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
