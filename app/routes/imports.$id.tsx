import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { confirmRun, discardRun, errorMessage, getRun, planForRun, saveMapping } from "#app/imports/runs.server.ts";
import { summarize, ReviewRequiredError, type ImportSummary, type PlannedRow } from "#app/imports/engine.server.ts";
import { IMPORT_FIELDS, isImportField, type ColumnMapping } from "#app/imports/columns.ts";
import { ImportCounts } from "#app/components/import-counts.tsx";
import { translate, isMessageKey } from "#app/i18n/i18n.ts";
import { useLocale, useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "imports.run.title");

const SHOWN_PER_KIND = 200;

type MatchedRow = Extract<PlannedRow, { prisonerId: string }>;
type NewRow = Extract<PlannedRow, { kind: "new" }>;
type ReviewRow = Extract<PlannedRow, { kind: "needsReview" }>;

function matchedRows(rows: PlannedRow[], kind: "updated" | "transferred") {
  return rows.filter((r): r is MatchedRow => r.kind === kind);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const locale = await resolveLocale(request, user.locale);
  const run = await getRun(params.id ?? "");
  if (!run) throw new Response("Not found", { status: 404 });
  const base = {
    id: run.id,
    state: run.state,
    channel: run.channel,
    fileName: run.fileName,
    fileHash: run.fileHash,
    format: run.format,
    createdAt: run.createdAt,
    appliedAt: run.appliedAt,
    source: run.source.name,
    by: run.user?.pseudonym ?? (run.token ? `API: ${run.token.name}` : null),
    storedErrors: run.errors.map((e) => ({
      line: e.line,
      field: e.field,
      message: isMessageKey(e.messageKey) ? translate(locale, e.messageKey, (e.params ?? {}) as Record<string, string | number>) : e.messageKey,
    })),
    errorCount: run._count.errors,
  };
  const open = run.fileContent && (run.state === "preview" || run.state === "applied");
  if (!open) return { ...base, summary: run.summary as unknown as ImportSummary | null, plan: null };
  const planned = await planForRun(run.id);
  if (!planned) return { ...base, summary: run.summary as unknown as ImportSummary | null, plan: null };
  const { plan } = planned;
  const summary = summarize(plan, (e) => errorMessage(locale, e));
  const take = <T,>(list: T[]) => ({ shown: list.slice(0, SHOWN_PER_KIND), more: Math.max(0, list.length - SHOWN_PER_KIND) });
  return {
    ...base,
    summary,
    plan: {
      noChanges: plan.noChanges,
      headers: plan.headers,
      mapping: plan.mapping,
      unknownColumns: plan.unknownColumns,
      created: take(plan.rows.filter((r): r is NewRow => r.kind === "new").map((r) => ({ line: r.line, name: r.name }))),
      updated: take(matchedRows(plan.rows, "updated").map((r) => ({ line: r.line, name: r.name, prisonerId: r.prisonerId, changes: r.changes }))),
      transferred: take(matchedRows(plan.rows, "transferred").map((r) => ({ line: r.line, name: r.name, prisonerId: r.prisonerId, transfer: r.transfer, changes: r.changes }))),
      review: plan.rows.filter((r): r is ReviewRow => r.kind === "needsReview").map((r) => ({ line: r.line, name: r.name, birthDate: r.row.birthDate, candidates: r.candidates })),
      missing: take(plan.missing),
      errors: summary.errors,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const locale = await resolveLocale(request, user.locale);
  const runId = params.id ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "discard") {
    await discardRun(runId);
    throw redirect("/imports");
  }
  if (intent === "mapping") {
    const mapping: ColumnMapping = {};
    for (const [name, value] of formData) {
      if (!name.startsWith("map:")) continue;
      mapping[name.slice(4)] = isImportField(value) ? value : null;
    }
    await saveMapping(runId, mapping, locale);
    throw redirect(`/imports/${runId}`);
  }
  if (intent === "confirm") {
    const decisions: Record<number, string> = {};
    for (const [name, value] of formData) {
      if (name.startsWith("decision:") && typeof value === "string" && value) decisions[Number(name.slice(9))] = value;
    }
    try {
      await confirmRun(runId, { userId: user.id, decisions, locale });
    } catch (error) {
      if (error instanceof ReviewRequiredError) throw new Response("A decision names a prisoner that is not a candidate", { status: 400 });
      throw error;
    }
    throw redirect(`/imports/${runId}?applied=1`);
  }
  throw new Response("Bad request", { status: 400 });
}

function Changes({ changes }: { changes: { field: string; from: string | null; to: string | null }[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="changes">
      {changes.map((c, i) => (
        <li key={i}>
          <code>{c.field}</code>: {c.from ?? "—"} → <strong>{c.to ?? "—"}</strong>
        </li>
      ))}
    </ul>
  );
}

function More({ count }: { count: number }) {
  const t = useT();
  return count > 0 ? <p className="muted">{t("imports.run.andMore", { count })}</p> : null;
}

export default function ImportRunPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
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
          {data.by ? ` · ${data.by}` : ""} · <span className="badge">{t(`imports.stateName.${data.state as "preview"}`)}</span>
        </p>
        <p className="muted">
          SHA-256 <code className="details">{data.fileHash}</code>
        </p>
        {isPreview ? <p className="notice">{t("imports.run.previewNotice")}</p> : null}
        {plan?.noChanges ? (
          <p className="notice notice-ok" role="status">
            {t("imports.run.noChanges")}
          </p>
        ) : null}
        {data.summary ? <ImportCounts summary={data.summary} /> : null}
      </section>

      {plan && plan.unknownColumns.length > 0 && isPreview ? (
        <section className="panel">
          <h2>{t("imports.run.mapping")}</h2>
          <p>{t("imports.run.mappingIntro")}</p>
          <Form method="post">
            {plan.unknownColumns.map((header) => (
              <div className="field" key={header}>
                <label htmlFor={`map-${header}`}>{t("imports.run.columnLabel", { header })}</label>
                <select id={`map-${header}`} name={`map:${header}`} defaultValue="">
                  <option value="">{t("imports.run.ignoreColumn")}</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`importField.${field}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit" name="intent" value="mapping" className="button-secondary">
              {t("imports.run.applyMapping")}
            </button>
          </Form>
        </section>
      ) : null}

      {plan ? (
        <Form method="post" className="panel">
          {plan.review.length > 0 ? (
            <section>
              <h2>{t("imports.count.needsReview")}</h2>
              <p>{t("imports.run.reviewIntro")}</p>
              {plan.review.map((row) => (
                <fieldset key={row.line} className="field review" data-testid={`review-${row.line}`}>
                  <legend>
                    {t("imports.run.line", { line: row.line })}: {row.name}
                    {row.birthDate ? ` (${row.birthDate})` : ` (${t("imports.run.noBirthDate")})`}
                  </legend>
                  {row.candidates.map((c) => (
                    <label className="checkbox" key={c.prisonerId}>
                      <input type="radio" name={`decision:${row.line}`} value={c.prisonerId} /> {t("imports.run.sameAs", { name: c.name, birthDate: c.birthDate ?? "—" })}{" "}
                      <Link to={`/prisoners/${c.prisonerId}`} target="_blank" rel="noreferrer">
                        {t("imports.run.open")}
                      </Link>
                    </label>
                  ))}
                  <label className="checkbox">
                    <input type="radio" name={`decision:${row.line}`} value="new" /> {t("imports.run.newPerson")}
                  </label>
                  <label className="checkbox">
                    <input type="radio" name={`decision:${row.line}`} value="" defaultChecked /> {t("imports.run.decideLater")}
                  </label>
                </fieldset>
              ))}
            </section>
          ) : null}
          {plan.transferred.shown.length > 0 ? (
            <section>
              <h2>{t("imports.count.transferred")}</h2>
              <ul className="plain-list">
                {plan.transferred.shown.map((r) => (
                  <li key={r.line}>
                    {t("imports.run.line", { line: r.line })}: <Link to={`/prisoners/${r.prisonerId}`}>{r.name}</Link> — {r.transfer?.from ?? "—"} → <strong>{r.transfer?.to}</strong>
                    <Changes changes={r.changes} />
                  </li>
                ))}
              </ul>
              <More count={plan.transferred.more} />
            </section>
          ) : null}
          {plan.updated.shown.length > 0 ? (
            <section>
              <h2>{t("imports.count.updated")}</h2>
              <ul className="plain-list">
                {plan.updated.shown.map((r) => (
                  <li key={r.line}>
                    {t("imports.run.line", { line: r.line })}: <Link to={`/prisoners/${r.prisonerId}`}>{r.name}</Link>
                    <Changes changes={r.changes} />
                  </li>
                ))}
              </ul>
              <More count={plan.updated.more} />
            </section>
          ) : null}
          {plan.created.shown.length > 0 ? (
            <section>
              <h2>{t("imports.count.created")}</h2>
              <ul className="plain-list columns">
                {plan.created.shown.map((r) => (
                  <li key={r.line}>
                    {t("imports.run.line", { line: r.line })}: {r.name}
                  </li>
                ))}
              </ul>
              <More count={plan.created.more} />
            </section>
          ) : null}
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

function ErrorTable({ errors }: { errors: { line: number; field: string; message: string }[] }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <section>
      <h2>{t("imports.count.errors")}</h2>
      <p>{t("imports.run.errorsIntro")}</p>
      <div className="table-wrap">
        <table data-testid="import-errors">
          <thead>
            <tr>
              <th scope="col">{t("imports.run.lineHeader")}</th>
              <th scope="col">{t("imports.run.field")}</th>
              <th scope="col">{t("imports.run.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, 1000).map((e, i) => (
              <tr key={i}>
                <td>{e.line}</td>
                <td>{isFieldKey(e.field) ? t(`importField.${e.field}`) : e.field}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function isFieldKey(field: string): field is (typeof IMPORT_FIELDS)[number] {
  return isImportField(field);
}
