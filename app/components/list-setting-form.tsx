import { Form } from "@remix-run/react";
import { ErrorText } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";

/** An admin's list setting, one entry per line (allowed fund domains, sites that may frame the widget). */
export function ListSettingForm({
  id,
  sectionId,
  intent,
  name,
  title,
  label,
  hint,
  value,
  rows,
  error,
}: {
  id: string;
  sectionId?: string;
  intent?: string;
  name: string;
  title: string;
  label: string;
  hint: string;
  value: string;
  rows: number;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <section className="panel" id={sectionId}>
      <h2>{title}</h2>
      <Form method="post">
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
          <textarea id={id} name={name} rows={rows} defaultValue={value} aria-describedby={`${id}-hint`} />
          <ErrorText id={`${id}-error`} message={error} />
        </div>
        <button type="submit" className="button-primary">
          {t("common.save")}
        </button>
      </Form>
    </section>
  );
}
