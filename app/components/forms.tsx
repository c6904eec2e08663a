import { useId, useMemo, type ReactNode } from "react";
import { Form, useNavigation, useSubmit, type FormProps } from "@remix-run/react";
import {
  useForm,
  type DefaultValues,
  type FieldErrors as RhfFieldErrors,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useT } from "#app/i18n/react.tsx";
import { isMessageKey } from "#app/i18n/i18n.ts";
import type { FieldErrors } from "#app/utils/forms.ts";

/**
 * react-hook-form validates with the shared zod schema as the person types; a valid
 * form is then submitted as an ordinary Remix form, so the action parses the same
 * schema again and everything also works without JavaScript.
 */
/**
 * The action's field errors, named by full path (items.2.quantity), as the nested
 * object react-hook-form keeps its errors in.
 */
function nestErrors<T extends FieldValues>(flat: FieldErrors): RhfFieldErrors<T> {
  const root: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split(".");
    let node = root;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : (node[key] = {});
    }
    node[keys[keys.length - 1]] = { type: "server", message };
  }
  return root as RhfFieldErrors<T>;
}

/**
 * Typed from the schema: In is what the form holds (the schema's input: strings,
 * "on" for a ticked box), Out what the schema parses it into.
 */
export function useValidatedForm<In extends FieldValues, Out extends FieldValues>(
  schema: z.ZodType<Out, In>,
  options: { defaultValues?: DefaultValues<In>; serverErrors?: FieldErrors | null } = {},
) {
  const submit = useSubmit();
  const { serverErrors } = options;
  // Given to the form from its first render, so the server's HTML shows them too (no JavaScript needed).
  const errors = useMemo(() => (serverErrors ? nestErrors<In>(serverErrors) : undefined), [serverErrors]);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver<In, unknown, Out>(schema),
    defaultValues: options.defaultValues,
    errors,
    mode: "onTouched",
  });
  const onSubmit: FormProps["onSubmit"] = (event) => {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() =>
      submit(submitter ?? element, { method: "post", action: element.getAttribute("action") ?? undefined }),
    )(event);
  };
  return { form, onSubmit };
}

/** The form element of a validated form: a plain Remix form (works without JavaScript) that validates first when it can. */
export function ValidatedForm({
  onSubmit,
  children,
  ...props
}: { onSubmit: FormProps["onSubmit"]; children: ReactNode } & Omit<FormProps, "onSubmit">) {
  return (
    <Form method="post" noValidate onSubmit={onSubmit} {...props}>
      {children}
    </Form>
  );
}

/** Any validated form, whatever its schema's output: what field components need. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the output type does not matter to a field; react-hook-form's own default for it is any
export type AnyForm<T extends FieldValues> = UseFormReturn<T, unknown, any>;

export function ErrorText({ id, message }: { id: string; message?: string }) {
  const t = useT();
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {isMessageKey(message) ? t(message) : message}
    </p>
  );
}

interface TextFieldProps<T extends FieldValues> {
  form: AnyForm<T>;
  name: Path<T>;
  label: string;
  hint?: string;
  type?: "text" | "email";
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "email" | "text";
  autoFocus?: boolean;
  maxLength?: number;
}

export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  type = "text",
  ...input
}: TextFieldProps<T>) {
  const id = useId();
  const error = form.formState.errors[name]?.message as string | undefined;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
        {...registerWithDefault(form, name)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

export function CheckboxGroup<T extends FieldValues>({
  form,
  name,
  legend,
  hint,
  options,
}: {
  form: AnyForm<T>;
  name: Path<T>;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const error = form.formState.errors[name]?.message as string | undefined;
  return (
    <fieldset
      className="field"
      aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-row">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="checkbox" value={option.value} {...form.register(name)} /> {option.label}
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function SubmitButton({ children, name, value }: { children: ReactNode; name?: string; value?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" name={name} value={value} aria-disabled={busy || undefined} className="button-primary">
      {children}
    </button>
  );
}

/** Invisible to people, tempting to bots; a filled honeypot makes the action do nothing. */
export function Honeypot() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website-field">Website</label>
      <input id="website-field" type="text" name="website" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

/**
 * register() plus the field's default value as an HTML attribute: react-hook-form
 * fills uncontrolled fields only once JavaScript runs, so without it the server's
 * HTML (and a browser without JavaScript) shows empty fields.
 */
export function registerWithDefault<T extends FieldValues>(form: AnyForm<T>, name: Path<T>) {
  const value: unknown = form.formState.defaultValues?.[name as keyof typeof form.formState.defaultValues];
  return {
    ...form.register(name),
    defaultValue: typeof value === "string" || typeof value === "number" ? value : undefined,
  };
}
