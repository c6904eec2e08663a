import type { z } from "zod";
import { ErrorText, type AnyForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { prisonerEditSchema } from "#app/schemas/prisoners.ts";

type PrisonerForm = AnyForm<z.input<typeof prisonerEditSchema>>;

/** A flag on a prisoner (incommunicado, do not write, relatives only) with the note that explains it. */
export function FlagFields({
  form,
  flag,
  label,
}: {
  form: PrisonerForm;
  flag: "incommunicado" | "doNotWrite" | "relativesOnly";
  label: string;
}) {
  const t = useT();
  const noteId = `${flag}-note`;
  const error = form.formState.errors[`${flag}Note`]?.message as string | undefined;
  return (
    <fieldset className="field flag-fields">
      <legend>{label}</legend>
      <label className="checkbox">
        <input type="checkbox" value="on" {...form.register(flag)} /> {t("prisonerEdit.flagOn")}
      </label>
      <label htmlFor={noteId}>{t("prisonerEdit.flagNote")}</label>
      <input
        id={noteId}
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${noteId}-error` : undefined}
        {...form.register(`${flag}Note`)}
      />
      <ErrorText id={`${noteId}-error`} message={error} />
    </fieldset>
  );
}
