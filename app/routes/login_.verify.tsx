import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { codeSchema } from "#app/schemas/account.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { safeRedirect, clientIp } from "#app/utils/request.server.ts";
import { createSession, isPrivileged } from "#app/utils/session.server.ts";
import { setOnboardingEmail } from "#app/utils/onboarding.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { limits } from "#app/utils/config.server.ts";
import { getUserById } from "#app/models/users.server.ts";
import { verifySignInCode } from "#app/models/sign-in.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import {
  Honeypot,
  SubmitButton,
  TextField,
  ValidatedForm,
  registerWithDefault,
  useValidatedForm,
} from "#app/components/forms.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "verify.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const email = url.searchParams.get("email") ?? "";
  if (!email) throw redirect("/login");
  // Opening the link only fills the form: a GET never uses up the code, so mail
  // scanners that follow links cannot sign anyone in or burn their code.
  return {
    email,
    code: url.searchParams.get("code") ?? "",
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    minutes: limits.loginCodeMinutes(),
  };
}

const failureMessages: Record<"invalid" | "expired" | "too-many-attempts", MessageKey> = {
  invalid: "verify.invalid",
  expired: "verify.expired",
  "too-many-attempts": "verify.tooMany",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get("website")) throw redirect("/login");
  const parsed = parseWithSchema(codeSchema, formData);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const ipLimit = await hitRateLimit(`verify:ip:${clientIp(context)}`, limits.signInPerIpPerHour() * 3, 3600);
  if (!ipLimit.allowed) return { fieldErrors: { code: "error.tooManyRequests" as MessageKey } };
  const result = await verifySignInCode(parsed.data.email, parsed.data.code, clientIp(context));
  if (!result.ok) return { fieldErrors: { code: failureMessages[result.reason] } };
  const redirectTo = safeRedirect(parsed.data.redirectTo, "/home");
  if (!result.userId) {
    throw redirect("/signup", { headers: { "Set-Cookie": await setOnboardingEmail(result.email) } });
  }
  const user = await getUserById(result.userId);
  if (user.vettingState === "suspended") throw redirect("/login?reason=suspended");
  const cookie = await createSession(user.id, request);
  const next = isPrivileged(user.role) ? `/2fa?${new URLSearchParams({ redirectTo })}` : redirectTo;
  throw redirect(next, { headers: { "Set-Cookie": cookie } });
}

export default function VerifyCode() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(codeSchema, {
    defaultValues: { email: data.email, code: data.code, redirectTo: data.redirectTo },
    serverErrors: actionData?.fieldErrors,
  });
  const loginAgain = `/login?${new URLSearchParams(data.redirectTo ? { redirectTo: data.redirectTo } : {})}`;
  return (
    <section className="panel narrow">
      <h1>{t("verify.title")}</h1>
      {data.code ? (
        <p>{t("verify.fromLink", { email: data.email })}</p>
      ) : (
        <>
          <p className="notice">{t("login.sent.body", { email: data.email, minutes: data.minutes })}</p>
          <p>{t("verify.intro", { email: data.email })}</p>
        </>
      )}
      <ValidatedForm onSubmit={onSubmit}>
        <Honeypot />
        <input type="hidden" {...registerWithDefault(form, "email")} />
        <input type="hidden" {...registerWithDefault(form, "redirectTo")} />
        <TextField
          form={form}
          name="code"
          label={t("verify.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
        />
        <SubmitButton>{t("verify.submit")}</SubmitButton>
      </ValidatedForm>
      <p>
        <Link to={loginAgain}>{t("verify.resend")}</Link>
      </p>
    </section>
  );
}
