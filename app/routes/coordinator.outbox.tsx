import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DataTable } from "#app/components/data-table.tsx";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { outboxOverview, retryOutbox } from "#app/models/dispatch/outbox.server.ts";
import { SelectField } from "#app/components/select-field.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "outbox.title");

const STATES = ["queued", "sending", "sent", "failed"] as const;
type OutboxState = (typeof STATES)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "track:items");
  const state = new URL(request.url).searchParams.get("state");
  return outboxOverview(user, { state: STATES.includes(state as OutboxState) ? (state as OutboxState) : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "track:items");
  const id = String((await request.formData()).get("id") ?? "");
  return { retried: await retryOutbox(user, id) };
}

export default function Outbox() {
  const t = useT();
  const { counts, rows } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const date = useDateFormatter("shortDateTime");
  return (
    <section className="panel">
      <p>
        <Link to="/coordinator/items">← {t("items.title")}</Link>
      </p>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      <ul className="inline-list" data-testid="outbox-counts">
        {STATES.map((state) => (
          <li key={state}>
            {t(`outbox.state.${state}`)}: <strong>{counts[state] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <Form method="get" className="filters">
        <SelectField
          id="outbox-state"
          name="state"
          label={t("outbox.show")}
          emptyLabel={t("outbox.notSent")}
          defaultValue={params.get("state") ?? ""}
          options={STATES.map((state) => ({ value: state, label: t(`outbox.state.${state}`) }))}
        />
        <button type="submit" className="button-secondary">
          {t("common.filter")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <DataTable
          columns={[
            { label: t("outbox.created") },
            { label: t("outbox.purpose") },
            { label: t("outbox.to") },
            { label: t("outbox.stateColumn") },
            { label: t("outbox.attempts") },
            { label: t("outbox.lastError") },
            { label: t("outbox.actions"), labelHidden: true },
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{date.format(new Date(row.createdAt))}</td>
              <td>
                {row.purpose}
                {row.subject ? <div className="muted small">{row.subject}</div> : null}
              </td>
              <td>{row.toAddress}</td>
              <td>
                {t(`outbox.state.${row.state}`)}
                {row.state === "queued" && row.attempts > 0 ? (
                  <div className="muted small">
                    {t("outbox.nextAttempt", { time: date.format(new Date(row.nextAttemptAt)) })}
                  </div>
                ) : null}
                {row.sentAt ? <div className="muted small">{date.format(new Date(row.sentAt))}</div> : null}
              </td>
              <td>{row.attempts}</td>
              <td className="small">{row.lastError ?? ""}</td>
              <td>
                {row.state === "failed" ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" className="button-small">
                      {t("outbox.retry")}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
