import { useId } from "react";
import type { Path } from "react-hook-form";
import {
  ErrorText,
  SubmitButton,
  TextField,
  ValidatedForm,
  useValidatedForm,
  type AnyForm,
} from "#app/components/forms.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { campaignSchema, type CampaignFormInput } from "#app/schemas/campaigns.ts";
import { CAMPAIGN_GOALS, CAMPAIGN_HOLIDAYS, CAMPAIGN_RULES } from "#app/support/campaign-rules.ts";
import type { FieldErrors } from "#app/utils/forms.ts";

const MONTHS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;

/**
 * The campaign form (new and edit): the shared zod schema validates in the browser and
 * again in the action; a plain form without JavaScript. Every rule's parameter is on
 * the form; the one the chosen rule uses is kept, the others are ignored.
 */
export function CampaignForm({
  defaultValues,
  serverErrors,
  facilities,
  submitLabel,
}: {
  defaultValues: CampaignFormInput;
  serverErrors: FieldErrors | null;
  facilities: { id: string; name: string; city: string }[];
  submitLabel: string;
}) {
  const t = useT();
  const { form, onSubmit } = useValidatedForm(campaignSchema, { defaultValues, serverErrors });
  const errors = form.formState.errors;
  const select = (name: Path<CampaignFormInput>, label: string, options: { value: string; label: string }[]) => (
    <>
      <SelectField
        id={`campaign-${name}`}
        label={label}
        registration={form.register(name)}
        defaultValue={String(form.getValues(name) ?? "")}
        options={options}
      />
      <ErrorText id={`campaign-${name}-error`} message={errors[name]?.message} />
    </>
  );
  return (
    <ValidatedForm onSubmit={onSubmit} data-testid="campaign-form">
      <TextField form={form} name="slug" label={t("campaigns.form.slug")} hint={t("campaigns.form.slugHint")} />
      <fieldset className="field">
        <legend>{t("campaigns.form.texts")}</legend>
        <p className="field-hint">{t("campaigns.form.textsHint")}</p>
        <TextField form={form} name="titleEn" label={t("campaigns.form.titleEn")} />
        <WhyField form={form} name="whyEn" label={t("campaigns.form.whyEn")} lang="en" />
        <TextField form={form} name="titleRu" label={t("campaigns.form.titleRu")} />
        <WhyField form={form} name="whyRu" label={t("campaigns.form.whyRu")} lang="ru" />
        <TextField form={form} name="titleBe" label={t("campaigns.form.titleBe")} />
        <WhyField form={form} name="whyBe" label={t("campaigns.form.whyBe")} lang="be" />
      </fieldset>
      <fieldset className="field">
        <legend>{t("campaigns.form.whom")}</legend>
        {select(
          "rule",
          t("campaigns.form.rule"),
          CAMPAIGN_RULES.map((r) => ({ value: r, label: t(`campaigns.rule.${r}` as MessageKey) })),
        )}
        <p className="field-hint">{t("campaigns.form.ruleHint")}</p>
        {select("ruleMonth", t("campaigns.form.ruleMonth"), [
          { value: "", label: "—" },
          ...MONTHS.map((m) => ({ value: m, label: t(`campaigns.month.${m}` as MessageKey) })),
        ])}
        {select("ruleHoliday", t("campaigns.form.ruleHoliday"), [
          { value: "", label: "—" },
          ...CAMPAIGN_HOLIDAYS.map((h) => ({ value: h, label: t(`campaigns.holiday.${h}` as MessageKey) })),
        ])}
        <TextField
          form={form}
          name="ruleFrom"
          label={t("campaigns.form.ruleFrom")}
          hint={t("campaigns.form.dateHint")}
        />
        <TextField form={form} name="ruleTo" label={t("campaigns.form.ruleTo")} hint={t("campaigns.form.dateHint")} />
        {select("ruleFacilityId", t("campaigns.form.ruleFacility"), [
          { value: "", label: "—" },
          ...facilities.map((f) => ({ value: f.id, label: `${f.name}, ${f.city}` })),
        ])}
        <TextField
          form={form}
          name="ruleDays"
          inputMode="numeric"
          label={t("campaigns.form.ruleDays")}
          hint={t("campaigns.form.ruleDaysHint")}
        />
        {select("country", t("campaigns.form.country"), [
          { value: "", label: t("campaigns.form.countryAny") },
          { value: "BY", label: t("prisoners.country.BY") },
          { value: "RU", label: t("prisoners.country.RU") },
        ])}
      </fieldset>
      <TextField form={form} name="startsOn" label={t("campaigns.form.startsOn")} hint={t("campaigns.form.dateHint")} />
      <TextField form={form} name="endsOn" label={t("campaigns.form.endsOn")} hint={t("campaigns.form.dateHint")} />
      {select(
        "goalKind",
        t("campaigns.form.goalKind"),
        CAMPAIGN_GOALS.map((g) => ({ value: g, label: t(`campaigns.goalKind.${g}` as MessageKey) })),
      )}
      <TextField form={form} name="goalCount" inputMode="numeric" label={t("campaigns.form.goalCount")} />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            value="on"
            defaultChecked={defaultValues.shareable === true || defaultValues.shareable === "on"}
            {...form.register("shareable")}
          />{" "}
          {t("campaigns.form.shareable")}
        </label>
        <p className="field-hint">{t("campaigns.form.shareableHint")}</p>
      </div>
      <TextField
        form={form}
        name="fundraiserUrl"
        label={t("campaigns.form.fundraiserUrl")}
        hint={t("campaigns.form.fundraiserHint")}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  );
}

function WhyField({
  form,
  name,
  label,
  lang,
}: {
  form: AnyForm<CampaignFormInput>;
  name: "whyEn" | "whyRu" | "whyBe";
  label: string;
  lang: string;
}) {
  const id = useId();
  const error = form.formState.errors[name]?.message;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        lang={lang}
        aria-invalid={error ? true : undefined}
        defaultValue={String(form.getValues(name) ?? "")}
        {...form.register(name)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}
