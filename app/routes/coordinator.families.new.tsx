import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { createFamily, prisonerForNeed } from "#app/models/support.server.ts";
import { familySchema } from "#app/schemas/support.ts";
import { SubmitButton, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { FamilyFields } from "#app/components/family-fields.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "support.family.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const prisoner = await prisonerForNeed(user, new URL(request.url).searchParams.get("prisoner") ?? "");
  if (!prisoner) throw new Response("Not found", { status: 404 });
  return { prisoner };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const formData = await request.formData();
  const parsed = parseWithSchema(familySchema, formData);
  // What was typed comes back with the errors, for a page rendered without JavaScript.
  if (!parsed.ok)
    return {
      fieldErrors: parsed.fieldErrors,
      description: String(formData.get("description") ?? ""),
      contact: String(formData.get("contact") ?? ""),
    };
  await createFamily(user, parsed.data);
  throw redirect(`/coordinator/needs/new?prisoner=${parsed.data.prisonerId}`);
}

export default function NewFamily() {
  const t = useT();
  const { prisoner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(familySchema, {
    defaultValues: {
      prisonerId: prisoner.id,
      description: actionData?.description ?? "",
      contact: actionData?.contact ?? "",
    },
    serverErrors: actionData?.fieldErrors ?? null,
  });
  return (
    <section className="panel">
      <p>
        <Link to={`/coordinator/needs/new?prisoner=${prisoner.id}`}>← {t("support.new.title")}</Link>
      </p>
      <h1>{t("support.family.newTitle")}</h1>
      <p>{t("support.family.of", { name: prisoner.name })}</p>
      <ValidatedForm onSubmit={onSubmit}>
        <input type="hidden" name="prisonerId" value={prisoner.id} />
        <FamilyFields form={form} />
        <SubmitButton>{t("support.family.save")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
