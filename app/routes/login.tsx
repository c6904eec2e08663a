import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { signInSchema } from "#app/schemas/account.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { clientIp, safeRedirect } from "#app/utils/request.server.ts";
import { getOptionalUser } from "#app/utils/auth.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { requestSignInCode } from "#app/models/sign-in.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import {
  Honeypot,
  SubmitButton,
  TextField,
  ValidatedForm,
  registerWithDefault,
  useValidatedForm,
} from "#app/components/forms.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "");
  if (await getOptionalUser(request)) throw redirect(redirectTo || "/home");
  return { redirectTo, reason: url.searchParams.get("reason") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseWithSchema(signInSchema, formData);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, retryAfterMinutes: null, verifyUrl: null, email: null };
  const redirectTo = safeRedirect(parsed.data.redirectTo, "");
  const verifyUrl = `/login/verify?${new URLSearchParams({ email: parsed.data.email.toLowerCase(), ...(redirectTo ? { redirectTo } : {}) })}`;
  // A filled honeypot is a bot: it sees the usual answer and nothing is sent.
  if (formData.get("website")) throw redirect(verifyUrl);
  const totp = formData.get("totp");
  const result = await requestSignInCode({
    email: parsed.data.email,
    ip: clientIp(context),
    locale: await resolveLocale(request),
    redirectTo: redirectTo || undefined,
    totp: typeof totp === "string" && /^\d{6}$/.test(totp.trim()) ? totp.trim() : undefined,
  });
  if (!result.ok) {
    return {
      fieldErrors: null,
      retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60),
      verifyUrl,
      email: parsed.data.email,
    };
  }
  throw redirect(verifyUrl);
}

export default function Login() {
  const t = useT();
  const { redirectTo, reason } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(signInSchema, {
    defaultValues: { email: "", redirectTo },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <section className="panel narrow">
      <h1>{t("login.title")}</h1>
      {reason === "expired" ? <p className="notice">{t("login.expired")}</p> : null}
      {reason === "suspended" ? <p className="notice notice-error">{t("login.suspended")}</p> : null}
      {reason === "exists" ? <p className="notice">{t("login.accountExists")}</p> : null}
      {actionData?.retryAfterMinutes ? (
        <>
          <p className="notice notice-error" role="alert">
            {t("login.rateLimited", { minutes: actionData.retryAfterMinutes })}
          </p>
          {actionData.verifyUrl ? (
            <p>
              <Link to={actionData.verifyUrl}>{t("login.haveCode")}</Link>
            </p>
          ) : null}
        </>
      ) : null}
      <p>{t("login.intro")}</p>
      <ValidatedForm onSubmit={onSubmit}>
        <Honeypot />
        <input type="hidden" {...registerWithDefault(form, "redirectTo")} />
        <TextField
          form={form}
          name="email"
          type="email"
          label={t("login.email")}
          hint={t("login.emailHint")}
          autoComplete="email"
          autoFocus
        />
        {actionData?.retryAfterMinutes ? (
          <div className="field">
            <label htmlFor="login-totp">{t("login.totp")}</label>
            <input
              id="login-totp"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              aria-describedby="login-totp-hint"
            />
            <p className="field-hint" id="login-totp-hint">
              {t("login.totpHint")}
            </p>
          </div>
        ) : null}
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
