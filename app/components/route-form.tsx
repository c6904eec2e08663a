import {
  CheckboxGroup,
  ErrorText,
  SubmitButton,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "#app/components/forms.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT } from "#app/i18n/react.tsx";
import { routeEditSchema, HANDOVER_METHODS, ROUTE_ITEM_KINDS } from "#app/schemas/routes.ts";
import { WRITING_LANGUAGE_CODES } from "#app/schemas/prisoners.ts";
import type { FieldErrors } from "#app/utils/forms.ts";

export interface RouteFormValues {
  name: string;
  description: string;
  countries: string[];
  itemKinds: string[];
  languages: string[];
  translates: boolean;
  handover: string;
  handoverEmail: string | null;
  repliesReturn: boolean;
  costMinor: number | null;
  costCurrency: string | null;
  active: boolean;
  position: number;
}

/** What a routing service accepts and how items are handed over: the form for a new route and for editing one. */
export function RouteForm({
  values,
  serverErrors,
  submitLabel,
}: {
  values: RouteFormValues;
  serverErrors: FieldErrors | null;
  submitLabel: string;
}) {
  const t = useT();
  const { form, onSubmit } = useValidatedForm(routeEditSchema, {
    defaultValues: {
      ...values,
      // The stored values, within the sets the form offers.
      countries: (["BY", "RU"] as const).filter((c) => values.countries.includes(c)),
      itemKinds: ROUTE_ITEM_KINDS.filter((k) => values.itemKinds.includes(k)),
      languages: WRITING_LANGUAGE_CODES.filter((l) => values.languages.includes(l)),
      handover: HANDOVER_METHODS.find((h) => h === values.handover),
      translates: values.translates ? "on" : false,
      handoverEmail: values.handoverEmail ?? "",
      repliesReturn: values.repliesReturn ? "on" : false,
      cost: values.costMinor === null ? "" : String(values.costMinor / 100),
      costCurrency: values.costCurrency ?? "",
      active: values.active ? "on" : false,
      position: String(values.position),
    },
    serverErrors,
  });
  return (
    <ValidatedForm onSubmit={onSubmit}>
      <TextField form={form} name="name" label={t("routes.name")} />
      <div className="field">
        <label htmlFor="route-description">{t("routes.description")}</label>
        <textarea id="route-description" rows={4} {...form.register("description")} />
        <ErrorText
          id="route-description-error"
          message={form.formState.errors.description?.message as string | undefined}
        />
      </div>
      <CheckboxGroup
        form={form}
        name="countries"
        legend={t("routes.countries")}
        options={(["BY", "RU"] as const).map((c) => ({ value: c, label: t(`prisoners.country.${c}`) }))}
      />
      <CheckboxGroup
        form={form}
        name="itemKinds"
        legend={t("routes.itemKinds")}
        options={ROUTE_ITEM_KINDS.map((k) => ({ value: k, label: t(`routes.kind.${k}`) }))}
      />
      <CheckboxGroup
        form={form}
        name="languages"
        legend={t("routes.languages")}
        options={WRITING_LANGUAGE_CODES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      />
      <label className="checkbox field">
        <input type="checkbox" value="on" {...form.register("translates")} /> {t("routes.translates")}
      </label>
      <SelectField
        id="route-handover"
        label={t("routes.handover")}
        registration={form.register("handover")}
        options={HANDOVER_METHODS.map((h) => ({ value: h, label: t(`routes.handover.${h}`) }))}
      />
      <TextField
        form={form}
        name="handoverEmail"
        type="email"
        label={t("routes.handoverEmail")}
        hint={t("routes.handoverEmailHint")}
      />
      <label className="checkbox field">
        <input type="checkbox" value="on" {...form.register("repliesReturn")} /> {t("routes.repliesReturn")}
      </label>
      <TextField form={form} name="cost" label={t("routes.cost")} hint={t("routes.costHint")} inputMode="decimal" />
      <TextField form={form} name="costCurrency" label={t("routes.costCurrency")} hint={t("routes.costCurrencyHint")} />
      <label className="checkbox field">
        <input type="checkbox" value="on" {...form.register("active")} /> {t("routes.active")}
      </label>
      <TextField form={form} name="position" label={t("routes.position")} inputMode="numeric" />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  );
}
