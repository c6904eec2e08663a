import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { signUpSchema, WRITING_LANGUAGES } from "#app/schemas/account.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { clearOnboarding, consumeOnboarding, readOnboardingEmail } from "#app/utils/onboarding.server.ts";
import { createSession } from "#app/utils/session.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { accountExists, createVolunteer } from "#app/models/users.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import {
  CheckboxGroup,
  ErrorText,
  Honeypot,
  SubmitButton,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "#app/components/forms.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "signup.title");

/**
 * Sign-up only ever creates an account. An address that has one by now (another tab
 * finished first) goes back to sign-in with a code: this page never signs anyone in
 * to an existing account, whatever cookie it is shown.
 */
async function onboardingEmailOrRedirect(request: Request): Promise<string> {
  const email = await readOnboardingEmail(request);
  if (!email) throw redirect("/login?reason=expired", { headers: { "Set-Cookie": await clearOnboarding() } });
  if (await accountExists(email)) {
    throw redirect("/login?reason=exists", { headers: { "Set-Cookie": await clearOnboarding() } });
  }
  return email;
}

export async function loader({ request }: LoaderFunctionArgs) {
  return { email: await onboardingEmailOrRedirect(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const email = await onboardingEmailOrRedirect(request);
  const formData = await request.formData();
  if (formData.get("website")) throw redirect("/login");
  const parsed = parseWithSchema(signUpSchema, formData, ["writesIn"]);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  // One use: of two parallel submissions (or a replayed cookie) only one gets here.
  if (!(await consumeOnboarding(request, email))) {
    throw redirect("/login?reason=expired", { headers: { "Set-Cookie": await clearOnboarding() } });
  }
  const user = await createVolunteer({
    email,
    pseudonym: parsed.data.pseudonym,
    writesIn: parsed.data.writesIn,
    locale: await resolveLocale(request),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", await clearOnboarding());
  headers.append("Set-Cookie", await createSession(user.id, request));
  throw redirect("/pending", { headers });
}

export default function SignUp() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(signUpSchema, {
    defaultValues: { pseudonym: "", writesIn: [] },
    serverErrors: actionData?.fieldErrors,
  });
  const rulesError = form.formState.errors.acceptRules?.message;
  return (
    <section className="panel narrow">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <p className="muted">{t("signup.email", { email })}</p>
      <ValidatedForm onSubmit={onSubmit}>
        <Honeypot />
        <TextField
          form={form}
          name="pseudonym"
          label={t("signup.pseudonym")}
          hint={t("signup.pseudonymHint")}
          autoComplete="nickname"
          maxLength={40}
          autoFocus
        />
        <CheckboxGroup
          form={form}
          name="writesIn"
          legend={t("signup.writesIn")}
          hint={t("signup.writesInHint")}
          options={WRITING_LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
        />
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              value="on"
              aria-describedby={rulesError ? "rules-error" : undefined}
              aria-invalid={rulesError ? true : undefined}
              {...form.register("acceptRules")}
            />{" "}
            {t("signup.rules")}
          </label>
          <ErrorText id="rules-error" message={rulesError} />
        </div>
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
