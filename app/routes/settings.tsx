import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { profileSchema, WRITING_LANGUAGES } from "#app/schemas/account.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { clearSessionCookie, endAllSessions, endOtherSessions, listSessions, isPrivileged } from "#app/utils/session.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { localeCookie } from "#app/utils/locale.server.ts";
import { updateProfile } from "#app/models/users.server.ts";
import { hasTotp } from "#app/models/totp.server.ts";
import { LOCALE_NAMES, SUPPORTED_LOCALES, DEFAULT_LOCALE, isLocale } from "#app/i18n/i18n.ts";
import { useLocale, useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { CheckboxGroup, ErrorText, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, idHash } = await requireUser(request);
  const sessions = await listSessions(user.id);
  return {
    saved: new URL(request.url).searchParams.has("saved"),
    profile: {
      pseudonym: user.pseudonym,
      writesIn: user.writesIn,
      locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
      email: user.email,
    },
    sessions: sessions.map((s) => ({ ...s, current: s.idHash === idHash, idHash: undefined })),
    totp: isPrivileged(user.role) ? await hasTotp(user.id) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, idHash } = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "sign-out-others") {
    const count = await endOtherSessions(user.id, idHash);
    return { intent, fieldErrors: null, endedSessions: count };
  }
  if (intent === "sign-out-everywhere") {
    await endAllSessions(user.id);
    await audit({ actorId: user.id, action: "auth.sign_out_everywhere", targetType: "user", targetId: user.id });
    throw redirect("/", { headers: { "Set-Cookie": await clearSessionCookie() } });
  }
  const parsed = parseWithSchema(profileSchema, formData, ["writesIn"]);
  if (!parsed.ok) return { intent: "profile", fieldErrors: parsed.fieldErrors, endedSessions: null };
  await updateProfile(user.id, parsed.data);
  throw redirect("/settings?saved=1", { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } });
}

export default function Settings() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saved = data.saved && !actionData;
  const { form, onSubmit } = useValidatedForm(profileSchema, {
    defaultValues: {
      pseudonym: data.profile.pseudonym,
      writesIn: data.profile.writesIn as (typeof WRITING_LANGUAGES)[number][],
      locale: data.profile.locale,
    },
    serverErrors: actionData?.fieldErrors,
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <section className="panel">
        <h1>{t("settings.title")}</h1>
        {saved ? (
          <p className="notice notice-ok" role="status">
            {t("settings.profileSaved")}
          </p>
        ) : null}
        <h2>{t("settings.profile")}</h2>
        <p>
          <strong>{t("settings.email")}:</strong> {data.profile.email}
          <br />
          <span className="muted">{t("settings.emailHint")}</span>
        </p>
        <ValidatedForm form={form} onSubmit={onSubmit}>
          <input type="hidden" name="intent" value="profile" />
          <TextField form={form} name="pseudonym" label={t("signup.pseudonym")} hint={t("signup.pseudonymHint")} maxLength={40} />
          <CheckboxGroup
            form={form}
            name="writesIn"
            legend={t("signup.writesIn")}
            options={WRITING_LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
          />
          <div className="field">
            <label htmlFor="settings-locale">{t("settings.interfaceLanguage")}</label>
            <select id="settings-locale" {...form.register("locale")}>
              {SUPPORTED_LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
            <ErrorText id="settings-locale-error" message={form.formState.errors.locale?.message} />
          </div>
          <SubmitButton>{t("common.save")}</SubmitButton>
        </ValidatedForm>
      </section>
      {data.totp !== null ? (
        <section className="panel">
          <h2>{t("settings.security")}</h2>
          <p>{t("settings.totpOn")}</p>
        </section>
      ) : null}
      <section className="panel">
        <h2>{t("settings.sessions")}</h2>
        <p>{t("settings.sessionsIntro")}</p>
        {actionData?.endedSessions != null ? (
          <p className="notice notice-ok" role="status">
            {t("settings.signedOutOthers", { count: actionData.endedSessions })}
          </p>
        ) : null}
        <ul className="session-list">
          {data.sessions.map((s, index) => (
            <li key={index}>
              <strong>{s.deviceLabel ?? "—"}</strong>
              {s.current ? <span className="badge">{t("settings.thisDevice")}</span> : null}
              <br />
              <span className="muted">
                {t("settings.signedInAt", { date: dateFormat.format(new Date(s.createdAt)) })},{" "}
                {t("settings.lastSeen", { date: dateFormat.format(new Date(s.lastSeenAt)) })}
              </span>
            </li>
          ))}
        </ul>
        <div className="actions">
          <Form method="post">
            <button type="submit" name="intent" value="sign-out-others" className="button-secondary">
              {t("settings.signOutOthers")}
            </button>
          </Form>
          <Form method="post">
            <button type="submit" name="intent" value="sign-out-everywhere" className="button-danger">
              {t("settings.signOutEverywhere")}
            </button>
          </Form>
        </div>
      </section>
    </>
  );
}
