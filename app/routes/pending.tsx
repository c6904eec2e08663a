import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/utils/auth.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "pending.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, { allowSuspended: true });
  if (user.vettingState === "approved") throw redirect("/home");
  return { pseudonym: user.pseudonym, suspended: user.vettingState === "suspended" };
}

export default function Pending() {
  const t = useT();
  const { pseudonym, suspended } = useLoaderData<typeof loader>();
  if (suspended) {
    return (
      <section className="panel narrow">
        <h1>{t("suspended.title")}</h1>
        <p>{t("suspended.body")}</p>
      </section>
    );
  }
  return (
    <section className="panel narrow">
      <h1>{t("pending.title")}</h1>
      <p>{t("pending.body", { pseudonym })}</p>
      <p>
        {t("pending.meanwhile")} <Link to="/settings">{t("nav.settings")}</Link>
      </p>
    </section>
  );
}
