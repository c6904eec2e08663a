import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { listOwnParcels } from "#app/models/parcels.server.ts";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { statusLabel } from "#app/tracking/status-label.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "parcels.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "send:parcels:own");
  return { parcels: await listOwnParcels(user.id), canManage: can(user, "manage:parcels") };
}

export default function MyParcels() {
  const t = useT();
  const { parcels, canManage } = useLoaderData<typeof loader>();
  const date = useDateFormatter("date");
  const drafts = parcels.filter((p) => p.state === "draft");
  const sent = parcels.filter((p) => p.state !== "draft");
  return (
    <section className="panel">
      <div className="heading-row">
        <h1>{t("parcels.title")}</h1>
        {canManage ? (
          <Link to="/coordinator/parcels" className="button-secondary">
            {t("parcels.allParcels")}
          </Link>
        ) : null}
      </div>
      <p>{t("parcels.intro")}</p>
      <h2>{t("parcels.drafts")}</h2>
      {drafts.length === 0 ? (
        <p>
          {t("parcels.noDrafts")} <Link to="/prisoners">{t("nav.prisoners")}</Link>
        </p>
      ) : (
        <ul className="plain-list">
          {drafts.map((p) => (
            <li key={p.id}>
              <Link to={`/parcels/${p.id}`}>{t("parcels.parcelTo", { name: p.prisonerName })}</Link>{" "}
              <span className="muted">· {t("parcels.editedOn", { date: date.format(new Date(p.updatedAt)) })}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("parcels.sent")}</h2>
      {sent.length === 0 ? (
        <p>{t("parcels.noneSent")}</p>
      ) : (
        <ul className="plain-list">
          {sent.map((p) => (
            <li key={p.id}>
              <Link to={`/parcels/${p.id}`}>{t("parcels.parcelTo", { name: p.prisonerName })}</Link>{" "}
              <span className="muted">
                · {p.sentAt ? date.format(new Date(p.sentAt)) : ""} · {statusLabel(t, p.status, p.statusLabel)}
                {p.trackingNumber ? ` · ${p.trackingNumber}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
