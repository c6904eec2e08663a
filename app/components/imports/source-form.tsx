import { ErrorText, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import { sourceSchema } from "#app/schemas/sources.ts";
import type { FieldErrors } from "#app/utils/forms.ts";

/** A new source: the app's own errors next to each field (the same schema in the browser and the action), not the browser's pop-ups. */
export function SourceForm({ serverErrors }: { serverErrors: FieldErrors | null }) {
  const t = useT();
  const { form, onSubmit } = useValidatedForm(sourceSchema, {
    defaultValues: { name: "", slug: "", country: "", namesPublic: false } as never,
    serverErrors,
  });
  const errors = form.formState.errors;
  return (
    <ValidatedForm onSubmit={onSubmit} action="/imports?index">
      <div className="field">
        <label htmlFor="source-name">{t("imports.source.name")}</label>
        <input
          id="source-name"
          maxLength={200}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby="source-name-error"
          {...form.register("name")}
        />
        <ErrorText id="source-name-error" message={errors.name?.message} />
      </div>
      <div className="field">
        <label htmlFor="source-slug">{t("imports.source.slug")}</label>
        <p id="source-slug-hint" className="field-hint">
          {t("imports.source.slugHint")}
        </p>
        <input
          id="source-slug"
          aria-invalid={errors.slug ? true : undefined}
          aria-describedby="source-slug-hint source-slug-error"
          {...form.register("slug")}
        />
        <ErrorText id="source-slug-error" message={errors.slug?.message} />
      </div>
      <div className="field">
        <label htmlFor="source-country">{t("prisoners.country")}</label>
        <select id="source-country" {...form.register("country")}>
          <option value="">{t("common.none")}</option>
          <option value="BY">{t("prisoners.country.BY")}</option>
          <option value="RU">{t("prisoners.country.RU")}</option>
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" value="on" {...form.register("namesPublic")} /> {t("public.source.namesPublic")}
      </label>
      <p className="field-hint">{t("public.source.namesPublicHint")}</p>
      <button type="submit" className="button-secondary">
        {t("imports.source.create")}
      </button>
    </ValidatedForm>
  );
}
