import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { totpSchema } from "#app/schemas/account.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { isPrivileged, markSecondFactor } from "#app/utils/session.server.ts";
import { safeRedirect } from "#app/utils/request.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { beginTotpEnrolment, completeTotpEnrolment, hasTotp, verifyTotp } from "#app/models/totp.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "twoFactor.verify.title");

async function requirePrivilegedWithoutSecondFactor(request: Request) {
  const authed = await requireUser(request, { allowMissingSecondFactor: true });
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (!isPrivileged(authed.user.role) || authed.session.secondFactorAt) throw redirect(redirectTo);
  return { ...authed, redirectTo };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, redirectTo } = await requirePrivilegedWithoutSecondFactor(request);
  if (await hasTotp(user.id)) return { mode: "verify" as const, redirectTo, setup: null };
  const { secret, otpauthUri } = await beginTotpEnrolment(user.id, user.email);
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { mode: "setup" as const, redirectTo, setup: { secret, qrDataUrl } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, idHash, redirectTo } = await requirePrivilegedWithoutSecondFactor(request);
  const parsed = parseWithSchema(totpSchema, await request.formData());
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const limit = await hitRateLimit(`totp:${user.id}`, 10, 15 * 60);
  if (!limit.allowed) {
    await audit({
      actorId: user.id,
      action: "auth.totp_locked",
      targetType: "user",
      targetId: user.id,
      details: { at: "second-factor" },
    });
    return { fieldErrors: { code: "error.tooManyRequests" as MessageKey } };
  }
  const enrolled = await hasTotp(user.id);
  const ok = enrolled
    ? await verifyTotp(user.id, parsed.data.code)
    : await completeTotpEnrolment(user.id, parsed.data.code);
  if (!ok) {
    await audit({
      actorId: user.id,
      action: "auth.totp_failed",
      targetType: "user",
      targetId: user.id,
      details: { at: enrolled ? "second-factor" : "enrolment" },
    });
    return { fieldErrors: { code: "twoFactor.invalid" as MessageKey } };
  }
  await markSecondFactor(idHash);
  if (!enrolled) await audit({ actorId: user.id, action: "auth.totp_enrolled", targetType: "user", targetId: user.id });
  await audit({
    actorId: user.id,
    action: "auth.privileged_sign_in",
    targetType: "user",
    targetId: user.id,
    details: { role: user.role },
  });
  throw redirect(redirectTo);
}

export default function TwoFactor() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(totpSchema, {
    defaultValues: { code: "", redirectTo: data.redirectTo },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <section className="panel narrow">
      <h1>{data.mode === "setup" ? t("twoFactor.setup.title") : t("twoFactor.verify.title")}</h1>
      {data.setup ? (
        <>
          <p>{t("twoFactor.setup.intro")}</p>
          <img src={data.setup.qrDataUrl} alt={t("twoFactor.setup.qrAlt")} width={220} height={220} className="qr" />
          <p>{t("twoFactor.setup.manual")}</p>
          <p>
            <code className="secret" data-testid="totp-secret">
              {data.setup.secret}
            </code>
          </p>
        </>
      ) : (
        <p>{t("twoFactor.verify.intro")}</p>
      )}
      <ValidatedForm onSubmit={onSubmit}>
        <input type="hidden" {...form.register("redirectTo")} />
        <TextField
          form={form}
          name="code"
          label={t("twoFactor.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
        />
        <SubmitButton>{t("twoFactor.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
