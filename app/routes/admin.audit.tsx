import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listAuditEntries } from "#app/models/audit-log.server.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

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
      target: e.targetType ? `${e.targetType}:${e.targetId ?? ""}` : "",
      details: e.details ? JSON.stringify(e.details) : "",
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
          <table>
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
                  <td>{date.format(new Date(e.createdAt))}</td>
                  <td>{e.actor ?? <span className="muted">{t("audit.system")}</span>}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    <code>{e.target}</code>
                  </td>
                  <td>
                    <code className="details">{e.details}</code>
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
