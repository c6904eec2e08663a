import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "#app/utils/auth.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "landing.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/home");
  return { accountDeleted: new URL(request.url).searchParams.has("accountDeleted") };
}

export default function Landing() {
  const t = useT();
  const { accountDeleted } = useLoaderData<typeof loader>();
  return (
    <section className="hero">
      {accountDeleted ? (
        <p className="notice notice-ok" role="status">
          {t("landing.accountDeleted")}
        </p>
      ) : null}
      <h1>{t("landing.title")}</h1>
      <p className="lead">{t("landing.lead")}</p>
      <p>{t("landing.safety")}</p>
      <p>
        <Link to="/login" className="button-primary">
          {t("landing.start")}
        </Link>
      </p>
      <h2>{t("landing.how.title")}</h2>
      <ol className="steps">
        <li>{t("landing.how.1")}</li>
        <li>{t("landing.how.2")}</li>
        <li>{t("landing.how.3")}</li>
      </ol>
    </section>
  );
}
