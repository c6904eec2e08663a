import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { createSource, listRuns, listSources } from "#app/imports/runs.server.ts";
import { MAX_IMPORT_BYTES } from "#app/imports/parse.server.ts";
import { uploadErrorFrom } from "#app/imports/upload-errors.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { ImportCounts } from "#app/components/import-counts.tsx";
import { useLocale, useT, useDateFormatter } from "#app/i18n/react.tsx";
import { translate, type MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { namesPublicSchema, sourceSchema } from "#app/schemas/sources.ts";
import { SourceForm } from "#app/components/imports/source-form.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";
import { setSourceNamesPublic } from "#app/models/public.server.ts";
import { SourceNamesPublic } from "#app/components/source-names-public.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "imports.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:prisoners");
  const url = new URL(request.url);
  const [sources, history] = await Promise.all([listSources(), listRuns(pageFromUrl(url))]);
  return { sources, history, maxMb: MAX_IMPORT_BYTES / 1024 / 1024, uploadError: uploadErrorFrom(url) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const formData = await request.formData();
  if (formData.get("intent") === "namesPublic") {
    const toggled = parseWithSchema(namesPublicSchema, formData);
    if (!toggled.ok) throw new Response("Bad request", { status: 400 });
    try {
      await setSourceNamesPublic(user, toggled.data.sourceId, toggled.data.namesPublic);
    } catch {
      throw new Response("Not found", { status: 404 });
    }
    throw redirect("/imports#sources");
  }
  const parsed = parseWithSchema(sourceSchema, formData);
  if (!parsed.ok) return { error: null, params: {}, fieldErrors: parsed.fieldErrors };
  try {
    await createSource(parsed.data);
  } catch {
    return { error: "imports.source.exists" as MessageKey, params: {}, fieldErrors: null };
  }
  throw redirect("/imports");
}

/**
 * With JavaScript the file goes up through XMLHttpRequest, so the person sees how
 * much of a large file has been sent; without it the form posts as usual.
 */
function UploadForm({ sources, maxMb }: { sources: { slug: string; name: string }[]; maxMb: number }) {
  const t = useT();
  const locale = useLocale();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  function upload(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    setFailure(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let answer: { redirectTo?: string; error?: string } = {};
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        answer = { error: translate(locale, "imports.upload.failed") };
      }
      if (answer.redirectTo) {
        window.location.assign(answer.redirectTo);
        return;
      }
      setProgress(null);
      setFailure(answer.error ?? translate(locale, "imports.upload.failed"));
    };
    xhr.onerror = () => {
      setProgress(null);
      setFailure(translate(locale, "imports.upload.failed"));
    };
    xhr.send(new FormData(form));
  }
  return (
    <form method="post" action="/imports/upload" encType="multipart/form-data" onSubmit={upload}>
      <div className="field">
        <label htmlFor="import-source">{t("imports.source")}</label>
        <select id="import-source" name="source" required>
          {sources.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="import-file">{t("imports.file")}</label>
        <p id="import-file-hint" className="field-hint">
          {t("imports.fileHint", { maxMb })}
        </p>
        <input
          id="import-file"
          type="file"
          name="file"
          required
          accept=".csv,.xlsx,.json,text/csv,application/json"
          aria-describedby="import-file-hint"
        />
      </div>
      <fieldset className="field">
        <legend>{t("imports.upload.scope")}</legend>
        <label className="checkbox">
          <input type="radio" name="scope" value="full" defaultChecked /> {t("imports.upload.scopeFull")}
        </label>
        <label className="checkbox">
          <input type="radio" name="scope" value="partial" /> {t("imports.upload.scopePartial")}
        </label>
      </fieldset>
      <button type="submit" className="button-primary">
        {t("imports.upload.submit")}
      </button>
      {progress !== null ? (
        <div className="field" aria-live="polite">
          <label htmlFor="import-progress">
            {progress < 100 ? t("imports.upload.sending", { percent: progress }) : t("imports.upload.checking")}
          </label>
          {progress < 100 ? (
            <progress id="import-progress" max={100} value={progress} />
          ) : (
            <progress id="import-progress" />
          )}
        </div>
      ) : null}
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
    </form>
  );
}

export default function Imports() {
  const t = useT();
  const { sources, history, maxMb, uploadError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = useDateFormatter("dateTime");
  return (
    <>
      <section className="panel">
        <h1>{t("imports.title")}</h1>
        <p>{t("imports.intro")}</p>
        <p>
          <Link to="/imports/mappings">{t("imports.mappings.link")}</Link>
        </p>
        {actionData?.error ? (
          <p className="notice notice-error" role="alert">
            {t(actionData.error, actionData.params)}
          </p>
        ) : null}
        {uploadError ? (
          <p className="notice notice-error" role="alert">
            {t(uploadError.key, uploadError.params)}
          </p>
        ) : null}
        {sources.length === 0 ? <p>{t("imports.source.none")}</p> : <UploadForm sources={sources} maxMb={maxMb} />}
        <details className="subtle" open={Boolean(actionData?.fieldErrors) || undefined}>
          <summary>{t("imports.source.add")}</summary>
          <SourceForm serverErrors={actionData?.fieldErrors ?? null} />
        </details>
        {sources.length > 0 ? <SourceNamesPublic sources={sources} /> : null}
      </section>
      <section className="panel">
        <h2>{t("imports.history")}</h2>
        {history.runs.length === 0 ? (
          <p>{t("imports.historyEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("audit.when")}</th>
                  <th scope="col">{t("imports.source")}</th>
                  <th scope="col">{t("imports.fileName")}</th>
                  <th scope="col">{t("audit.actor")}</th>
                  <th scope="col">{t("imports.state")}</th>
                  <th scope="col">{t("imports.result")}</th>
                </tr>
              </thead>
              <tbody>
                {history.runs.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <Link to={`/imports/${run.id}`}>{date.format(new Date(run.createdAt))}</Link>
                    </td>
                    <td>{run.source.name}</td>
                    <td>
                      {run.fileName}
                      <br />
                      <code className="details" title={run.fileHash}>
                        {run.fileHash.slice(0, 12)}
                      </code>
                    </td>
                    <td>
                      {run.user?.pseudonym ??
                        (run.token
                          ? `API: ${run.token.name}`
                          : t(`imports.channel.${run.channel as "web" | "cli" | "api"}`))}
                    </td>
                    <td>{t(`imports.stateName.${run.state as "preview"}`)}</td>
                    <td>{run.summary ? <ImportCounts summary={run.summary} compact /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={history.page} pages={history.pages} />
      </section>
    </>
  );
}
