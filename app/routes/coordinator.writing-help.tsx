import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import {
  addPhrase,
  addRiskPhrase,
  phrasebook,
  removePhrase,
  removeRiskPhrase,
  riskPhrases,
  RiskEntryError,
} from "#app/models/writing-help.server.ts";
import {
  phraseSchema,
  riskPhraseSchema,
  splitLines,
  PHRASE_CATEGORIES,
  RISK_CATEGORIES,
  RISK_LANGUAGES,
} from "#app/schemas/writing-help.ts";
import { riskTableProblems, type RiskTableProblem } from "#app/letters/guidance.ts";
import { useId } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { ErrorText, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

type RiskFormValues = z.input<typeof riskPhraseSchema>;

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "writingHelp.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  const [risks, phrases] = await Promise.all([riskPhrases(), phrasebook()]);
  return { risks, phrases, problems: riskTableProblems(risks) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:routes");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "remove-risk") await removeRiskPhrase(user, String(formData.get("id") ?? ""));
  else if (intent === "remove-phrase") await removePhrase(user, String(formData.get("id") ?? ""));
  else if (intent === "add-risk") {
    const parsed = parseWithSchema(riskPhraseSchema, formData);
    if (!parsed.ok) return { form: "risk" as const, fieldErrors: parsed.fieldErrors };
    const { except, catches, spares, ...entry } = parsed.data;
    try {
      await addRiskPhrase(user, {
        ...entry,
        except: splitLines(except),
        catches: splitLines(catches),
        spares: splitLines(spares),
      });
    } catch (error) {
      if (error instanceof RiskEntryError)
        return { form: "risk" as const, fieldErrors: null, problems: error.problems };
      throw error;
    }
  } else if (intent === "add-phrase") {
    const parsed = parseWithSchema(phraseSchema, formData);
    if (!parsed.ok) return { form: "phrase" as const, fieldErrors: parsed.fieldErrors };
    await addPhrase(user, parsed.data);
  } else throw new Response("Bad request", { status: 400 });
  throw redirect("/coordinator/writing-help");
}

export default function WritingHelp() {
  const t = useT();
  const { risks, phrases, problems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const riskForm = useValidatedForm(riskPhraseSchema, {
    defaultValues: { phrase: "", language: "ru", category: "politics", except: "", catches: "", spares: "" },
    serverErrors: actionData?.form === "risk" ? actionData.fieldErrors : null,
  });
  const phraseForm = useValidatedForm(phraseSchema, {
    defaultValues: { category: "wishes", ru: "", be: "", meaningEn: "", meaningRu: "", meaningBe: "" },
    serverErrors: actionData?.form === "phrase" ? actionData.fieldErrors : null,
  });
  return (
    <>
      <section className="panel">
        <h1>{t("writingHelp.title")}</h1>
        <p>{t("writingHelp.intro")}</p>
        <h2>{t("writingHelp.risks")}</h2>
        <p className="muted">{t("writingHelp.risksHint")}</p>
        <ValidatedForm onSubmit={riskForm.onSubmit} className="filters">
          <input type="hidden" name="intent" value="add-risk" />
          <TextField form={riskForm.form} name="phrase" label={t("writingHelp.phrase")} />
          <div className="field">
            <label htmlFor="risk-language">{t("writingHelp.language")}</label>
            <select id="risk-language" {...riskForm.form.register("language")}>
              {RISK_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`writingHelp.lang.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="risk-category">{t("writingHelp.category")}</label>
            <select id="risk-category" {...riskForm.form.register("category")}>
              {RISK_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`writingHelp.risk.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <LinesField
            form={riskForm.form}
            name="catches"
            label={t("writingHelp.catches")}
            hint={t("writingHelp.catchesHint")}
          />
          <LinesField
            form={riskForm.form}
            name="spares"
            label={t("writingHelp.spares")}
            hint={t("writingHelp.sparesHint")}
          />
          <LinesField
            form={riskForm.form}
            name="except"
            label={t("writingHelp.except")}
            hint={t("writingHelp.exceptHint")}
          />
          <SubmitButton>{t("writingHelp.add")}</SubmitButton>
        </ValidatedForm>
        {actionData?.form === "risk" && "problems" in actionData && actionData.problems ? (
          <div className="notice notice-error" role="alert" data-testid="risk-entry-problems">
            <p>{t("writingHelp.entryRefused")}</p>
            <ProblemList problems={actionData.problems} />
          </div>
        ) : null}
        {problems.length > 0 ? (
          <div className="notice" data-testid="risk-table-problems">
            <p>{t("writingHelp.tableProblems", { count: problems.length })}</p>
            <ProblemList problems={problems} />
          </div>
        ) : (
          <p className="notice notice-ok">
            {t("writingHelp.tableOk", { count: risks.reduce((n, r) => n + r.catches.length + r.spares.length, 0) })}
          </p>
        )}
        <div className="table-wrap">
          <table className="risk-table" data-testid="risk-table">
            <thead>
              <tr>
                <th scope="col">{t("writingHelp.phrase")}</th>
                <th scope="col">{t("writingHelp.category")}</th>
                <th scope="col">{t("writingHelp.catches")}</th>
                <th scope="col">{t("writingHelp.spares")}</th>
                <th scope="col">{t("writingHelp.except")}</th>
                <th scope="col">{t("volunteers.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {risks.map((r) => {
                const lang = r.language === "any" ? undefined : r.language;
                return (
                  <tr key={r.id}>
                    <td lang={lang}>
                      <strong>{r.phrase}</strong> <span className="muted">({t(`writingHelp.lang.${r.language}`)})</span>
                    </td>
                    <td>{t(`writingHelp.risk.${r.category}`)}</td>
                    <td lang={lang}>{r.catches.join(" · ")}</td>
                    <td lang={lang}>{r.spares.join(" · ")}</td>
                    <td lang={lang}>{r.except.join(" · ")}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" name="intent" value="remove-risk" className="button-small button-danger">
                          {t("writingHelp.remove")}
                          <span className="visually-hidden">: {r.phrase}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <h2>{t("writingHelp.phrasebook")}</h2>
        <ValidatedForm onSubmit={phraseForm.onSubmit}>
          <input type="hidden" name="intent" value="add-phrase" />
          <div className="field">
            <label htmlFor="phrase-category">{t("writingHelp.category")}</label>
            <select id="phrase-category" {...phraseForm.form.register("category")}>
              {PHRASE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`phrasebook.category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField form={phraseForm.form} name="ru" label={t("writingHelp.inRussian")} />
          <TextField form={phraseForm.form} name="be" label={t("writingHelp.inBelarusian")} />
          <TextField form={phraseForm.form} name="meaningEn" label={t("writingHelp.meaningEn")} />
          <TextField form={phraseForm.form} name="meaningRu" label={t("writingHelp.meaningRu")} />
          <TextField form={phraseForm.form} name="meaningBe" label={t("writingHelp.meaningBe")} />
          <SubmitButton>{t("writingHelp.add")}</SubmitButton>
        </ValidatedForm>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("writingHelp.category")}</th>
                <th scope="col">{t("writingHelp.inRussian")}</th>
                <th scope="col">{t("writingHelp.inBelarusian")}</th>
                <th scope="col">{t("writingHelp.meaningEn")}</th>
                <th scope="col">{t("volunteers.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {phrases.map((p) => (
                <tr key={p.id}>
                  <td>{t(`phrasebook.category.${p.category}`)}</td>
                  <td lang="ru">{p.ru}</td>
                  <td lang="be">{p.be}</td>
                  <td>{p.meaning.en}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={p.id} />
                      <button type="submit" name="intent" value="remove-phrase" className="button-small button-danger">
                        {t("writingHelp.remove")}
                        <span className="visually-hidden">: {p.ru}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function ProblemList({ problems }: { problems: RiskTableProblem[] }) {
  const t = useT();
  return (
    <ul>
      {problems.map((p, i) => (
        <li key={i}>
          {p.problem === "missed"
            ? t("writingHelp.problemMissed", { phrase: p.phrase, example: p.example })
            : t("writingHelp.problemFlagged", { phrase: p.phrase, example: p.example, by: p.by ?? "" })}
        </li>
      ))}
    </ul>
  );
}

function LinesField({
  form,
  name,
  label,
  hint,
}: {
  form: UseFormReturn<RiskFormValues>;
  name: "catches" | "spares" | "except";
  label: string;
  hint: string;
}) {
  const id = useId();
  const error = form.formState.errors[name]?.message;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <textarea
        id={id}
        rows={3}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        {...form.register(name)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}
