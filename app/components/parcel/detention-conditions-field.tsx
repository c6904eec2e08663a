import type { UseFormRegisterReturn } from "react-hook-form";
import { useT } from "#app/i18n/react.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { DETENTION_CONDITIONS } from "#app/schemas/prisoners.ts";

/**
 * The prisoner's conditions of detention (обычные / облегчённые / строгие) on the
 * coordinators' edit form: the parcel check picks the facility's quota by them,
 * and uses the strictest while they are not known.
 */
export function DetentionConditionsField({ registration }: { registration: UseFormRegisterReturn }) {
  const t = useT();
  return (
    <SelectField
      id="edit-detention-conditions"
      label={t("prisonerEdit.detentionConditions")}
      emptyLabel={t("prisonerEdit.detentionConditions.unknown")}
      registration={registration}
      options={DETENTION_CONDITIONS.map((c) => ({ value: c, label: t(`prisonerEdit.detentionConditions.${c}`) }))}
    />
  );
}
