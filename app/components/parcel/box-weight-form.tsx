import { SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { FieldErrors } from "#app/utils/forms.ts";
import { boxWeightSchema } from "#app/schemas/parcels.ts";

/**
 * The coordinators' default box weight (grams), counted in every parcel's gross
 * weight. A plain form: without JavaScript the server returns the submitted value
 * and its error.
 */
export function BoxWeightForm({
  boxWeightGrams,
  submitted,
  fieldErrors,
}: {
  boxWeightGrams: number;
  submitted: string | null;
  fieldErrors: FieldErrors | null;
}) {
  const t = useT();
  const { form, onSubmit } = useValidatedForm(boxWeightSchema, {
    defaultValues: { boxWeightGrams: submitted ?? String(boxWeightGrams) },
    serverErrors: fieldErrors,
  });
  return (
    <section className="panel">
      <h2>{t("parcelRules.box")}</h2>
      <ValidatedForm onSubmit={onSubmit} className="filters" data-testid="box-weight-form">
        <input type="hidden" name="intent" value="box-weight" />
        <TextField
          form={form}
          name="boxWeightGrams"
          label={t("parcelRules.boxWeight")}
          hint={t("parcelRules.boxWeightHint")}
          inputMode="numeric"
        />
        <SubmitButton>{t("parcelRules.saveBox")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
