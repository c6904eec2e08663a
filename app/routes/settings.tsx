import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { deleteAccountSchema, profileSchema, remindersSchema, WRITING_LANGUAGES } from "#app/schemas/account.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import {
  clearSessionCookie,
  endAllSessions,
  endOtherSessions,
  listSessions,
  isPrivileged,
} from "#app/utils/session.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { localeCookie } from "#app/utils/locale.server.ts";
import { updateProfile } from "#app/models/users.server.ts";
import { hasTotp } from "#app/models/totp.server.ts";
import { updateReminderPreferences } from "#app/models/reminders.server.ts";
import { deleteAccount, isLastAdmin, LastAdminError } from "#app/models/account-deletion.server.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { LOCALE_NAMES, SUPPORTED_LOCALES, DEFAULT_LOCALE, isLocale } from "#app/i18n/i18n.ts";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import {
  CheckboxGroup,
  ErrorText,
  SubmitButton,
  TextField,
  ValidatedForm,
  useValidatedForm,
} from "#app/components/forms.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, idHash } = await requireUser(request);
  const sessions = await listSessions(user.id);
  const url = new URL(request.url);
  return {
    saved: url.searchParams.has("saved"),
    remindersSaved: url.searchParams.has("reminders"),
    reminders: {
      remindDrafts: user.remindDrafts,
      remindSelfPost: user.remindSelfPost,
      remindAdoptions: user.remindAdoptions,
      remindPledges: user.remindPledges,
    },
    lastAdmin: await isLastAdmin(user.id),
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
  if (intent === "reminders") {
    const parsed = parseWithSchema(remindersSchema, formData);
    if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, endedSessions: null };
    await updateReminderPreferences(user.id, parsed.data);
    throw redirect("/settings?reminders=saved#reminders");
  }
  if (intent === "delete-account") {
    const parsed = parseWithSchema(deleteAccountSchema, formData);
    if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, endedSessions: null };
    try {
      await deleteAccount(user.id, "settings");
    } catch (error) {
      if (!(error instanceof LastAdminError)) throw error;
      return { intent, fieldErrors: { confirm: "settings.delete.lastAdmin" as MessageKey }, endedSessions: null };
    }
    // The session rows went with the account; the cookie goes too.
    throw redirect("/?accountDeleted=1", { headers: { "Set-Cookie": await clearSessionCookie() } });
  }
  const parsed = parseWithSchema(profileSchema, formData, ["writesIn"]);
  if (!parsed.ok) return { intent: "profile", fieldErrors: parsed.fieldErrors, endedSessions: null };
  await updateProfile(user.id, parsed.data);
  throw redirect("/settings?saved=1", { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } });
}

export default function Settings() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saved = data.saved && !actionData;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.fieldErrors : null);
  const { form, onSubmit } = useValidatedForm(profileSchema, {
    defaultValues: {
      pseudonym: data.profile.pseudonym,
      writesIn: data.profile.writesIn as (typeof WRITING_LANGUAGES)[number][],
      locale: data.profile.locale,
    },
    serverErrors: errorsFor("profile"),
  });
  const reminders = useValidatedForm(remindersSchema, {
    // A ticked box's value is "on"; react-hook-form gives false for an unticked one.
    defaultValues: {
      remindDrafts: data.reminders.remindDrafts ? "on" : false,
      remindSelfPost: data.reminders.remindSelfPost ? "on" : false,
      remindAdoptions: data.reminders.remindAdoptions ? "on" : false,
      remindPledges: data.reminders.remindPledges ? "on" : false,
    },
    serverErrors: errorsFor("reminders"),
  });
  const remindersForm = reminders.form;
  const deletion = useValidatedForm(deleteAccountSchema, {
    defaultValues: {},
    serverErrors: errorsFor("delete-account"),
  });
  const deletionForm = deletion.form;
  const confirmError = deletionForm.formState.errors.confirm?.message as string | undefined;
  const dateFormat = useDateFormatter("dateTime");
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
        <ValidatedForm onSubmit={onSubmit}>
          <input type="hidden" name="intent" value="profile" />
          <TextField
            form={form}
            name="pseudonym"
            label={t("signup.pseudonym")}
            hint={t("signup.pseudonymHint")}
            maxLength={40}
          />
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
      <section className="panel" id="reminders" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t("settings.reminders.title")}</h2>
        <p>{t("settings.reminders.intro")}</p>
        {data.remindersSaved && !actionData ? (
          <p className="notice notice-ok" role="status">
            {t("settings.reminders.saved")}
          </p>
        ) : null}
        <ValidatedForm onSubmit={reminders.onSubmit}>
          <input type="hidden" name="intent" value="reminders" />
          <fieldset className="field">
            <legend>{t("settings.reminders.legend")}</legend>
            <label className="checkbox">
              <input type="checkbox" value="on" {...remindersForm.register("remindDrafts")} />{" "}
              {t("settings.reminders.drafts")}
            </label>
            <label className="checkbox">
              <input type="checkbox" value="on" {...remindersForm.register("remindSelfPost")} />{" "}
              {t("settings.reminders.selfPost")}
            </label>
            <label className="checkbox">
              <input type="checkbox" value="on" {...remindersForm.register("remindAdoptions")} />{" "}
              {t("settings.reminders.adoptions")}
            </label>
            <label className="checkbox">
              <input type="checkbox" value="on" {...remindersForm.register("remindPledges")} />{" "}
              {t("settings.reminders.pledges")}
            </label>
          </fieldset>
          <SubmitButton>{t("settings.reminders.save")}</SubmitButton>
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
      <section className="panel" aria-labelledby="delete-account-title">
        <h2 id="delete-account-title">{t("settings.delete.title")}</h2>
        <p>{t("settings.delete.intro")}</p>
        <ul>
          <li>{t("settings.delete.gone")}</li>
          <li>{t("settings.delete.kept")}</li>
          <li>{t("settings.delete.again")}</li>
        </ul>
        {data.lastAdmin ? (
          <p className="notice notice-error">{t("settings.delete.lastAdmin")}</p>
        ) : (
          <ValidatedForm onSubmit={deletion.onSubmit}>
            <input type="hidden" name="intent" value="delete-account" />
            <div className="field">
              <label className="checkbox">
                <input
                  type="checkbox"
                  value="on"
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={confirmError ? "delete-confirm-error" : undefined}
                  {...deletionForm.register("confirm")}
                />{" "}
                {t("settings.delete.confirm")}
              </label>
              <ErrorText id="delete-confirm-error" message={confirmError} />
            </div>
            <button type="submit" className="button-danger">
              {t("settings.delete.button")}
            </button>
          </ValidatedForm>
        )}
      </section>
    </>
  );
}
