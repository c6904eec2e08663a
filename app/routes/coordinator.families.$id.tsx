import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { familyForCoordinator, updateFamily } from "#app/models/support.server.ts";
import { familyEditSchema } from "#app/schemas/support.ts";
import { SubmitButton, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { FamilyFields } from "#app/components/family-fields.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "support.family.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const family = await familyForCoordinator(user, params.id ?? "");
  if (!family) throw new Response("Not found", { status: 404 });
  return {
    family: {
      ...family,
      contactPurgedAt: family.contactPurgedAt ? family.contactPurgedAt.toISOString().slice(0, 10) : null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const formData = await request.formData();
  const parsed = parseWithSchema(familyEditSchema, formData);
  // What was typed comes back with the errors, for a page rendered without JavaScript.
  if (!parsed.ok)
    return {
      fieldErrors: parsed.fieldErrors,
      description: String(formData.get("description") ?? ""),
      contact: String(formData.get("contact") ?? ""),
    };
  await updateFamily(user, params.id ?? "", parsed.data);
  throw redirect(`/coordinator/families/${params.id}?saved=1`);
}

export default function Family() {
  const t = useT();
  const { family } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(familyEditSchema, {
    defaultValues: {
      description: actionData?.description ?? family.description,
      contact: actionData?.contact ?? family.contact,
    },
    serverErrors: actionData?.fieldErrors ?? null,
  });
  return (
    <>
      <section className="panel">
        <h1>{t("support.family.title")}</h1>
        <p>{t("support.family.of", { name: family.prisoner.name })}</p>
        <p className="field-hint">{t("support.family.private")}</p>
        {family.contactPurgedAt ? <p>{t("support.family.purged", { date: family.contactPurgedAt })}</p> : null}
        <ValidatedForm onSubmit={onSubmit} key={family.description + family.contact}>
          <FamilyFields form={form} />
          <SubmitButton>{t("common.save")}</SubmitButton>
        </ValidatedForm>
        <p>
          <Link to={`/coordinator/needs/new?prisoner=${family.prisoner.id}`}>{t("support.new.title")}</Link>
        </p>
      </section>
      <section className="panel">
        <h2>{t("support.coordinator.title")}</h2>
        <ul>
          {family.needs.map((n) => (
            <li key={n.id}>
              <Link to={`/coordinator/needs/${n.id}`}>{t(`support.kind.${n.kind}` as MessageKey)}</Link>: {n.text} (
              {t(`support.needState.${n.state}` as MessageKey)})
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
