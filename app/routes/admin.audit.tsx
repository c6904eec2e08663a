import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listAuditEntries } from "#app/models/audit-log.server.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { auditActionLabel, auditDetails, auditTargetLabel } from "#app/i18n/audit-labels.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit");
  const result = await listAuditEntries({ page: pageFromUrl(new URL(request.url)) });
  return {
    ...result,
    entries: result.entries.map((e) => ({
      id: e.id,
      createdAt: e.createdAt,
      actor: e.actor?.pseudonym ?? null,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      details: auditDetails(e.details),
    })),
  };
}

export default function AuditLog() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const date = useDateFormatter("logTime");
  return (
    <section className="panel">
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      {/* A plain form post: the browser downloads the file, and the export itself is audited. */}
      <form method="post" action="/admin/audit-export">
        <button type="submit" className="button-secondary">
          {t("common.downloadCsv")}
        </button>
      </form>
      {data.entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="cards">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("audit.when")}>{date.format(new Date(e.createdAt))}</td>
                  <td data-label={t("audit.actor")}>{e.actor ?? <span className="muted">{t("audit.system")}</span>}</td>
                  <td data-label={t("audit.action")}>
                    {auditActionLabel(t, e.action)} <span className="muted small-code">{e.action}</span>
                  </td>
                  <td data-label={t("audit.target")}>
                    {e.targetType ? auditTargetLabel(t, e.targetType) : "—"}
                    {e.targetId ? <span className="muted small-code"> {e.targetId}</span> : null}
                  </td>
                  <td data-label={t("audit.details")}>
                    {e.details.length === 0 ? (
                      "—"
                    ) : (
                      <dl className="audit-details">
                        {e.details.map((d) => (
                          <div key={d.key}>
                            <dt>{d.label}</dt>
                            <dd>{d.value}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </section>
  );
}
