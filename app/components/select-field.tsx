import type { UseFormRegisterReturn } from "react-hook-form";

interface SelectFieldProps {
  id: string;
  label: string;
  options: { value: string; label: string; lang?: string }[];
  /** An empty first option ("All", "None"): the filter or value is not set. */
  emptyLabel?: string;
  /** A plain (GET) form field… */
  name?: string;
  defaultValue?: string;
  /** …or a react-hook-form field. */
  registration?: UseFormRegisterReturn;
}

/** A labelled select: filter forms and validated forms alike. */
export function SelectField({ id, label, options, emptyLabel, name, defaultValue, registration }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} {...registration}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
