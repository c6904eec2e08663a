import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { getSetting, setSetting } from "#app/models/settings.server.ts";
import { settingsSchema } from "#app/schemas/settings.ts";
import { ErrorText, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "coordinatorSettings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  return {
    maxAdoptions: await getSetting("maxAdoptions"),
    maxAdoptersPerPrisoner: await getSetting("maxAdoptersPerPrisoner"),
    relayAddresses: await getSetting("relayAddresses"),
    retentionDays: await getSetting("retentionDays"),
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "manage:routes");
  const parsed = parseWithSchema(settingsSchema, await request.formData());
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  await setSetting("maxAdoptions", parsed.data.maxAdoptions);
  await setSetting("maxAdoptersPerPrisoner", parsed.data.maxAdoptersPerPrisoner);
  await setSetting("relayAddresses", parsed.data.relayAddresses);
  await setSetting("retentionDays", parsed.data.retentionDays);
  throw redirect("/coordinator/settings?saved=1");
}

export default function CoordinatorSettings() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(settingsSchema as never, {
    defaultValues: {
      maxAdoptions: String(data.maxAdoptions),
      maxAdoptersPerPrisoner: String(data.maxAdoptersPerPrisoner),
      relayAddresses: data.relayAddresses.join("\n\n"),
      retentionDays: String(data.retentionDays),
    } as never,
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <section className="panel narrow">
      <h1>{t("coordinatorSettings.title")}</h1>
      {data.saved && !actionData ? (
        <p className="notice notice-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <ValidatedForm onSubmit={onSubmit}>
        <TextField
          form={form}
          name={"maxAdoptions" as never}
          label={t("coordinatorSettings.maxAdoptions")}
          hint={t("coordinatorSettings.maxAdoptionsHint")}
          inputMode="numeric"
        />
        <TextField
          form={form}
          name={"maxAdoptersPerPrisoner" as never}
          label={t("coordinatorSettings.maxAdoptersPerPrisoner")}
          hint={t("coordinatorSettings.maxAdoptersPerPrisonerHint")}
          inputMode="numeric"
        />
        <div className="field">
          <label htmlFor="relay-addresses">{t("coordinatorSettings.relayAddresses")}</label>
          <p id="relay-addresses-hint" className="field-hint">
            {t("coordinatorSettings.relayAddressesHint")}
          </p>
          <textarea
            id="relay-addresses"
            rows={8}
            aria-describedby="relay-addresses-hint relay-addresses-error"
            {...form.register("relayAddresses" as never)}
          />
          <ErrorText
            id="relay-addresses-error"
            message={
              (form.formState.errors as Record<string, { message?: string } | undefined>).relayAddresses?.message
            }
          />
        </div>
        <TextField
          form={form}
          name={"retentionDays" as never}
          label={t("coordinatorSettings.retentionDays")}
          hint={t("coordinatorSettings.retentionDaysHint")}
          inputMode="numeric"
        />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
