import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { getSetting, setSetting } from "#app/models/settings.server.ts";
import { SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "coordinatorSettings.title");

const settingsSchema = z.object({
  maxAdoptions: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{1,2}$/, "validation.wholeNumber")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 50, "coordinatorSettings.maxAdoptionsRange"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  return { maxAdoptions: await getSetting("maxAdoptions"), saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "manage:routes");
  const parsed = parseWithSchema(settingsSchema, await request.formData());
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  await setSetting("maxAdoptions", parsed.data.maxAdoptions);
  throw redirect("/coordinator/settings?saved=1");
}

export default function CoordinatorSettings() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(settingsSchema as never, {
    defaultValues: { maxAdoptions: String(data.maxAdoptions) } as never,
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
      <ValidatedForm form={form} onSubmit={onSubmit}>
        <TextField form={form} name={"maxAdoptions" as never} label={t("coordinatorSettings.maxAdoptions")} hint={t("coordinatorSettings.maxAdoptionsHint")} inputMode="numeric" />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
