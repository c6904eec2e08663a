import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { createRoute } from "#app/models/routes.server.ts";
import { routeEditSchema } from "#app/schemas/routes.ts";
import { RouteForm } from "#app/components/route-form.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "routes.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:routes");
  const parsed = parseWithSchema(routeEditSchema, await request.formData(), ["countries", "itemKinds", "languages"]);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const id = await createRoute(user, parsed.data);
  // On to its statuses, which start as a simple queued → posted → endings.
  throw redirect(`/coordinator/routes/${id}?saved=1`);
}

export default function NewRoute() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <section className="panel">
      <p>
        <Link to="/coordinator/routes">← {t("routes.title")}</Link>
      </p>
      <h1>{t("routes.new")}</h1>
      <p>{t("routes.newIntro")}</p>
      <RouteForm
        values={{
          name: "",
          description: "",
          countries: ["BY"],
          itemKinds: ["letter", "postcard"],
          languages: ["ru", "be"],
          translates: false,
          handover: "print_pdf",
          handoverEmail: null,
          repliesReturn: false,
          costMinor: null,
          costCurrency: null,
          // New routes start paused: a coordinator checks them before volunteers see them.
          active: false,
          position: 50,
        }}
        serverErrors={actionData?.fieldErrors ?? null}
        submitLabel={t("routes.create")}
      />
    </section>
  );
}
