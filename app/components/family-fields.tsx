import { useId } from "react";
import type { FieldValues, Path } from "react-hook-form";
import { ErrorText, type AnyForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";

/** The two fields of a family record: a description volunteers see, contact details they never see. */
export function FamilyFields<T extends FieldValues & { description: string; contact?: string }>({
  form,
}: {
  form: AnyForm<T>;
}) {
  const t = useT();
  const id = useId();
  const errors = form.formState.errors;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t("support.family.description")}</label>
        <p id={`${id}-description-hint`} className="field-hint">
          {t("support.family.descriptionHint")}
        </p>
        <input
          id={`${id}-description`}
          aria-describedby={`${id}-description-hint`}
          defaultValue={form.getValues("description" as Path<T>)}
          {...form.register("description" as Path<T>)}
        />
        <ErrorText id={`${id}-description-error`} message={errors.description?.message as string | undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-contact`}>{t("support.family.contact")}</label>
        <p id={`${id}-contact-hint`} className="field-hint">
          {t("support.family.contactHint")}
        </p>
        <textarea
          id={`${id}-contact`}
          rows={4}
          aria-describedby={`${id}-contact-hint`}
          defaultValue={form.getValues("contact" as Path<T>)}
          {...form.register("contact" as Path<T>)}
        />
        <ErrorText id={`${id}-contact-error`} message={errors.contact?.message as string | undefined} />
      </div>
    </>
  );
}
