import { useT } from "#app/i18n/react.tsx";
import { Link } from "@remix-run/react";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  const t = useT();
  return (
    <section className="panel narrow">
      <h1>{t("error.notFound")}</h1>
      <Link to="/">{t("error.goHome")}</Link>
    </section>
  );
}
