import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { letterDraftSchema, MAX_BODY_CHARACTERS } from "#app/schemas/letters.ts";
import { analyzeLetter } from "#app/letters/guidance.ts";
import { unfilledBlanks } from "#app/letters/blanks.ts";
import { ErrorText, registerWithDefault, useValidatedForm, ValidatedForm } from "#app/components/forms.tsx";
import { useDateFormatter, useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { RelayAddressSelect } from "#app/components/relay-address-select.tsx";
import type { LetterPageData } from "#app/models/letter-page.server.ts";
import type { LetterActionData } from "#app/routes/letters.$id.server.ts";
import { GuidancePanel, Highlighted } from "./guidance-panel.tsx";
import { Phrasebook } from "./phrasebook.tsx";
import { RouteChooser } from "./route-chooser.tsx";
import { ScheduleNotice } from "./review.tsx";

/** Where the phrase goes: on a line of its own, never glued to the text before or after. */
export function insertOnOwnLine(
  current: string,
  start: number,
  end: number,
  phrase: string,
): { text: string; caret: number } {
  const before = current.slice(0, start).replace(/[ \t]+$/, "");
  const after = current.slice(end).replace(/^[ \t]+/, "");
  const lead = before === "" || before.endsWith("\n") ? "" : "\n";
  const trail = after === "" || after.startsWith("\n") ? "" : "\n";
  const text = `${before}${lead}${phrase}${trail}${after}`;
  return { text, caret: (before + lead + phrase).length };
}

export function DraftEditor({ data, actionData }: { data: LetterPageData; actionData: LetterActionData | undefined }) {
  const t = useT();
  const { letter, prisoner, riskPhrases: phrases, relayAddresses } = data;
  const autosave = useFetcher<LetterActionData>();
  // The form holds the text as typed; the schema's output (null for an empty return address) is for the action.
  const { form, onSubmit } = useValidatedForm(letterDraftSchema, {
    defaultValues: { body: letter.body ?? "", kind: letter.kind, returnAddress: letter.returnAddress ?? "" },
    serverErrors: actionData?.intent === "save" ? actionData.fieldErrors : null,
  });
  const body = form.watch("body") ?? "";
  const kind = form.watch("kind") ?? "letter";
  const returnAddress = form.watch("returnAddress") ?? "";
  const guidance = useMemo(
    () =>
      analyzeLetter({
        text: body,
        kind,
        country: prisoner.country,
        riskPhrases: phrases,
        signature: letter.senderName,
      }),
    [body, kind, prisoner.country, phrases, letter.senderName],
  );
  const blanks = useMemo(() => unfilledBlanks(body), [body]);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const lastSaved = useRef({ body: letter.body ?? "", kind: letter.kind, returnAddress: letter.returnAddress });
  const [savedAt, setSavedAt] = useState<string | null>(actionData?.intent === "save" ? actionData.savedAt : null);

  // Autosave: a second and a half after the last change, to the server.
  useEffect(() => {
    const current = { body, kind, returnAddress };
    if (JSON.stringify(current) === JSON.stringify(lastSaved.current)) return;
    const timer = setTimeout(() => {
      lastSaved.current = current;
      autosave.submit({ intent: "save", ...current }, { method: "post" });
    }, 1500);
    return () => clearTimeout(timer);
  }, [body, kind, returnAddress, autosave]);
  useEffect(() => {
    if (autosave.state === "idle" && autosave.data?.savedAt) setSavedAt(autosave.data.savedAt);
  }, [autosave.state, autosave.data]);

  const insert = (phrase: string) => {
    const element = textarea.current;
    const { text, caret } = insertOnOwnLine(
      body,
      element?.selectionStart ?? body.length,
      element?.selectionEnd ?? body.length,
      phrase,
    );
    form.setValue("body", text, { shouldDirty: true });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(caret, caret);
    });
  };
  const bodyField = registerWithDefault(form, "body");
  const time = useDateFormatter("time");
  const writesOwnLanguage = data.writesIn.some(
    (l) => prisoner.facilityLanguages.includes(l) || l === "ru" || l === "be",
  );
  const hint: string =
    data.translatedBy && !writesOwnLanguage
      ? t("write.translatedBy", {
          language: t(`language.${data.writesIn[0] ?? "en"}` as MessageKey),
          route: data.translatedBy.name,
        })
      : t(prisoner.country === "RU" ? "letters.bodyHintRu" : "letters.bodyHintBy");
  return (
    <div className="editor-grid">
      {/* Before the form: on a phone the guidance is read above the text and its buttons; beside them on a wide screen. */}
      <aside className="editor-guide">
        {letter.returnedReason ? (
          <p className="notice notice-error" role="status" data-testid="returned-notice">
            {t("situation.returnedNotice", { reason: t(letter.returnedReason) })}
          </p>
        ) : null}
        <ScheduleNotice data={data} />
        <GuidancePanel
          guidance={guidance}
          country={prisoner.country}
          translatedBy={writesOwnLanguage ? null : data.translatedBy}
        />
      </aside>
      <section className="panel editor-main">
        <ValidatedForm onSubmit={onSubmit}>
          <fieldset className="field">
            <legend>{t("letters.kind")}</legend>
            <label className="checkbox">
              <input type="radio" value="letter" defaultChecked={letter.kind === "letter"} {...form.register("kind")} />{" "}
              {t("letters.kind.letter")}
            </label>{" "}
            <label className="checkbox">
              <input
                type="radio"
                value="postcard"
                defaultChecked={letter.kind === "postcard"}
                {...form.register("kind")}
              />{" "}
              {t("letters.kind.postcard")}
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="letter-body">{t("letters.body")}</label>
            <p id="letter-body-hint" className="field-hint" data-testid="language-note">
              {hint}
            </p>
            <textarea
              id="letter-body"
              rows={14}
              maxLength={MAX_BODY_CHARACTERS}
              lang={guidance.language === "be" ? "be" : guidance.language === "ru" ? "ru" : undefined}
              aria-describedby="letter-body-hint letter-body-error letter-blanks"
              {...bodyField}
              ref={(element) => {
                bodyField.ref(element);
                textarea.current = element;
              }}
            />
            <ErrorText id="letter-body-error" message={form.formState.errors.body?.message} />
            {blanks.length > 0 ? (
              <p id="letter-blanks" className="field-error" data-testid="blanks">
                {t("letters.blanks", { count: blanks.length })}
              </p>
            ) : null}
          </div>
          <Highlighted text={body} guidance={guidance} blanks={blanks} />
          <div className="field">
            <label htmlFor="letter-return">{t("letters.returnAddress")}</label>
            <p id="letter-return-hint" className="field-hint">
              {t("letters.returnAddressHint")}
            </p>
            <RelayAddressSelect
              id="letter-relay"
              label={t("letters.useRelay")}
              addresses={relayAddresses}
              onChoose={(address) => form.setValue("returnAddress", address, { shouldDirty: true })}
            />
            <textarea
              id="letter-return"
              rows={3}
              aria-describedby="letter-return-hint"
              {...registerWithDefault(form, "returnAddress")}
            />
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="save" className="button-secondary">
              {t("letters.saveDraft")}
            </button>
            <span className="muted" role="status" data-testid="autosave-status">
              {autosave.state !== "idle"
                ? t("letters.saving")
                : savedAt
                  ? t("letters.savedAt", { time: time.format(new Date(savedAt)) })
                  : ""}
            </span>
          </div>
          <RouteChooser
            routes={data.routes}
            recommendedId={data.recommendedId}
            error={actionData?.intent === "save" ? actionData.fieldErrors?.routeId : undefined}
          />
        </ValidatedForm>
        <Form method="post" className="actions delete-draft">
          <label className="checkbox">
            <input type="checkbox" name="confirmDelete" value="on" aria-describedby="confirm-delete-error" />{" "}
            {t("letters.delete.confirm")}
          </label>
          <button type="submit" name="intent" value="delete" className="button-danger">
            {t("letters.deleteDraft")}
          </button>
          <ErrorText
            id="confirm-delete-error"
            message={actionData?.intent === "delete" ? actionData.fieldErrors?.confirmDelete : undefined}
          />
        </Form>
      </section>
      <aside className="editor-phrases" aria-label={t("phrasebook.title")}>
        <Phrasebook entries={data.phrasebook} onInsert={insert} />
      </aside>
    </div>
  );
}
