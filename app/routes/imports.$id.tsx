import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { ImportCounts } from "#app/components/import-counts.tsx";
import {
  Changes,
  ColumnMappingForm,
  ErrorTable,
  MergedSection,
  More,
  NewFacilitiesSection,
  ReviewSection,
  UnknownValuesForm,
} from "#app/components/import-run.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { importRunAction, importRunPage } from "./imports.$id.server.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "imports.run.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const locale = await resolveLocale(request, user.locale);
  return importRunPage(params.id ?? "", locale);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const locale = await resolveLocale(request, user.locale);
  return importRunAction(params.id ?? "", await request.formData(), user.id, locale);
}

export default function ImportRunPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const date = useDateFormatter("dateTime");
  const plan = data.plan;
  const isPreview = data.state === "preview";
  const errors = plan ? plan.errors : data.storedErrors;
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/imports">← {t("imports.title")}</Link>
        </p>
        <h1>{isPreview ? t("imports.run.previewTitle") : t("imports.run.title")}</h1>
        <p>
          {data.source} · {data.fileName} · {date.format(new Date(data.createdAt))}
          {data.by ? ` · ${data.by}` : ""} ·{" "}
          <span className="badge">{t(`imports.stateName.${data.state as "preview"}`)}</span>
        </p>
        <p className="muted">
          SHA-256 <code className="details">{data.fileHash}</code>
        </p>
        {isPreview ? <p className="notice">{t("imports.run.previewNotice")}</p> : null}
        {data.partial ? <p className="muted">{t("imports.run.partialNotice")}</p> : null}
        {plan?.noChanges ? (
          <p className="notice notice-ok" role="status">
            {t("imports.run.noChanges")}
          </p>
        ) : null}
        {data.summary ? <ImportCounts summary={data.summary} /> : null}
      </section>

      {plan && isPreview && plan.unknownColumns.length > 0 ? <ColumnMappingForm columns={plan.unknownColumns} /> : null}
      {plan && isPreview && plan.unknownValues.length > 0 ? <UnknownValuesForm values={plan.unknownValues} /> : null}

      {plan ? (
        <Form method="post" className="panel">
          <NewFacilitiesSection facilities={plan.newFacilities} />
          <ReviewSection rows={plan.review} />
          <RowList title={t("imports.count.transferred")} list={plan.transferred}>
            {(r) => (
              <>
                {t("imports.run.line", { line: r.line })}: <Link to={`/prisoners/${r.prisonerId}`}>{r.name}</Link> —{" "}
                {r.transfer?.from ?? "—"} → <strong>{r.transfer?.to}</strong>
                <Changes changes={r.changes} />
              </>
            )}
          </RowList>
          <RowList title={t("imports.count.updated")} list={plan.updated}>
            {(r) => (
              <>
                {t("imports.run.line", { line: r.line })}: <Link to={`/prisoners/${r.prisonerId}`}>{r.name}</Link>
                <Changes changes={r.changes} />
              </>
            )}
          </RowList>
          <RowList title={t("imports.count.created")} list={plan.created} columns>
            {(r) => (
              <>
                {t("imports.run.line", { line: r.line })}: {r.name}
              </>
            )}
          </RowList>
          <MergedSection merged={plan.merged} />
          {plan.missing.shown.length > 0 ? (
            <section>
              <h2>{t("imports.count.missing")}</h2>
              <p>{t("imports.run.missingIntro")}</p>
              <ul className="plain-list columns">
                {plan.missing.shown.map((m) => (
                  <li key={m.prisonerId}>
                    <Link to={`/prisoners/${m.prisonerId}`}>{m.name}</Link>
                  </li>
                ))}
              </ul>
              <More count={plan.missing.more} />
            </section>
          ) : null}
          <ErrorTable errors={errors} />
          {isPreview || plan.review.length > 0 ? (
            <div className="actions">
              <button type="submit" name="intent" value="confirm" className="button-primary">
                {isPreview ? t("imports.run.confirm") : t("imports.run.applyDecisions")}
              </button>
              {isPreview ? (
                <button type="submit" name="intent" value="discard" className="button-danger" formNoValidate>
                  {t("imports.run.discard")}
                </button>
              ) : null}
            </div>
          ) : null}
        </Form>
      ) : (
        <section className="panel">
          <ErrorTable errors={errors} />
          {data.errorCount > errors.length ? <More count={data.errorCount - errors.length} /> : null}
        </section>
      )}
    </>
  );
}

function RowList<T extends { line: number }>({
  title,
  list,
  columns = false,
  children,
}: {
  title: string;
  list: { shown: T[]; more: number };
  columns?: boolean;
  children: (row: T) => React.ReactNode;
}) {
  if (list.shown.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul className={columns ? "plain-list columns" : "plain-list"}>
        {list.shown.map((r) => (
          <li key={r.line}>{children(r)}</li>
        ))}
      </ul>
      <More count={list.more} />
    </section>
  );
}
