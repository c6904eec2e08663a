import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { addPhrase, addRiskPhrase, phrasebook, removePhrase, removeRiskPhrase, riskPhrases } from "#app/models/writing-help.server.ts";
import { phraseSchema, riskPhraseSchema, PHRASE_CATEGORIES, RISK_CATEGORIES, RISK_LANGUAGES } from "#app/schemas/writing-help.ts";
import { SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "writingHelp.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  const [risks, phrases] = await Promise.all([riskPhrases(), phrasebook()]);
  return { risks, phrases };
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
    await addRiskPhrase(user, parsed.data);
  } else if (intent === "add-phrase") {
    const parsed = parseWithSchema(phraseSchema, formData);
    if (!parsed.ok) return { form: "phrase" as const, fieldErrors: parsed.fieldErrors };
    await addPhrase(user, parsed.data);
  } else throw new Response("Bad request", { status: 400 });
  throw redirect("/coordinator/writing-help");
}

export default function WritingHelp() {
  const t = useT();
  const { risks, phrases } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const riskForm = useValidatedForm(riskPhraseSchema, {
    defaultValues: { phrase: "", language: "ru", category: "politics" },
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
        <ValidatedForm form={riskForm.form} onSubmit={riskForm.onSubmit} className="filters">
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
          <SubmitButton>{t("writingHelp.add")}</SubmitButton>
        </ValidatedForm>
        <ul className="badges risk-list">
          {risks.map((r) => (
            <li key={r.id} className="badge">
              <span lang={r.language === "any" ? undefined : r.language}>{r.phrase}</span> <span className="muted">({t(`writingHelp.risk.${r.category}`)})</span>
              <Form method="post" className="inline-form">
                <input type="hidden" name="id" value={r.id} />
                <button type="submit" name="intent" value="remove-risk" className="link-button" aria-label={`${t("writingHelp.remove")}: ${r.phrase}`}>
                  ×
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>{t("writingHelp.phrasebook")}</h2>
        <ValidatedForm form={phraseForm.form} onSubmit={phraseForm.onSubmit}>
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
                      <button type="submit" name="intent" value="remove-phrase" className="button-small button-danger" aria-label={`${t("writingHelp.remove")}: ${p.ru}`}>
                        {t("writingHelp.remove")}
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
