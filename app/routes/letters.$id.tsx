import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import {
  activeRoutes,
  answerPosted,
  cancelSchedule,
  deleteDraft,
  eligibilityFor,
  getOwnLetter,
  LetterStateError,
  reportOutcome,
  saveDraft,
  scheduleLetter,
  sendLetter,
} from "#app/models/letters.server.ts";
import { itemEvents, routeStatuses } from "#app/models/tracking.server.ts";
import { repliesFor } from "#app/models/dispatch.server.ts";
import { postedAnswerSchema, scheduleSchema, writerReportSchema } from "#app/schemas/tracking.ts";
import { returnedReasonKey } from "#app/schemas/prisoners.ts";
import { StatusTimeline, RepliesList } from "#app/components/tracking.tsx";
import { statusLabel } from "#app/tracking/status-label.ts";
import { now } from "#app/utils/clock.server.ts";
import { envelopeAddressLines } from "#app/models/envelope.ts";
import { letterDraftSchema, sendLetterSchema, MAX_BODY_CHARACTERS } from "#app/schemas/letters.ts";
import { analyzeLetter, type Guidance } from "#app/letters/guidance.ts";
import { phrasebook, riskPhrases } from "#app/models/writing-help.server.ts";
import { getSetting } from "#app/models/settings.server.ts";
import { ErrorText, useValidatedForm, ValidatedForm } from "#app/components/forms.tsx";
import { useLocale, useT, useDateFormatter } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { fullName } from "#app/names/match-keys.ts";
import { EnvelopeAddress } from "#app/components/envelope-address.tsx";
import { RelayAddressSelect } from "#app/components/relay-address-select.tsx";
import { routeName } from "#app/tracking/route-text.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "letters.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const letter = await getOwnLetter(user.id, params.id ?? "");
  // Someone else's letter is "not found": not even its existence is revealed.
  if (!letter) throw new Response("Not found", { status: 404 });
  const ref = { type: "letter" as const, id: letter.id };
  const [routes, phrases, sentences, relayAddresses, events, replies, statuses] = await Promise.all([
    activeRoutes(),
    riskPhrases(),
    phrasebook(),
    getSetting("relayAddresses"),
    itemEvents(ref),
    repliesFor(ref),
    letter.routeId ? routeStatuses(letter.routeId) : Promise.resolve([]),
  ]);
  const { eligibility } = eligibilityFor(letter, routes, phrases);
  const primary = letter.prisoner.names.find((n) => n.isPrimary) ?? letter.prisoner.names[0];
  return {
    letter: {
      id: letter.id,
      kind: letter.kind === "postcard" ? ("postcard" as const) : ("letter" as const),
      state: letter.state,
      status: letter.status,
      body: letter.state === "draft" ? (letter.body ?? "") : letter.body,
      returnAddress: letter.returnAddress ?? "",
      updatedAt: letter.updatedAt,
      sentAt: letter.sentAt,
      route: letter.route,
      senderName: letter.senderName,
      scheduledFor: letter.scheduledFor,
      scheduledRouteId: letter.scheduledRouteId,
      scheduleProblem: letter.scheduleProblem,
      returnedReason: letter.state === "draft" ? returnedReasonKey(letter.returnedReason) : null,
      postedAnswer: letter.postedAnswer,
      writerReport: letter.writerReport,
      // Self-post letters still waiting in their first status: ask whether they were posted.
      askPosted: letter.route?.handover === "print_pdf" && letter.state === "sent" && letter.status === statuses[0]?.key,
    },
    events: events.map(({ actor: _actor, ...event }) => event),
    replies,
    tomorrow: new Date(now().getTime() + 86_400_000).toISOString().slice(0, 10),
    prisoner: {
      id: letter.prisoner.id,
      name: primary ? fullName(primary) : "—",
      country: letter.prisoner.country,
      incommunicado: letter.prisoner.incommunicado,
      relativesOnly: letter.prisoner.relativesOnly,
      envelope: letter.prisoner.currentFacility
        ? envelopeAddressLines({ country: letter.prisoner.country, names: letter.prisoner.names, birthDate: letter.prisoner.birthDate, facility: letter.prisoner.currentFacility, gender: letter.prisoner.gender, dativeOverride: letter.prisoner.envelopeNameDative })
        : null,
    },
    routes: eligibility.verdicts.map((v) => ({ id: v.route.id, slug: v.route.slug, name: v.route.name, handover: v.route.handover, eligible: v.eligible, refusals: v.refusals })),
    recommendedId: eligibility.recommendedId,
    riskPhrases: phrases.map(({ phrase, language, category, except }) => ({ phrase, language, category, except })),
    phrasebook: sentences,
    relayAddresses,
  };
}

const SEND_ERRORS: Record<string, MessageKey> = {
  empty: "letters.send.empty",
  acknowledge: "letters.send.acknowledgeFirst",
  route: "letters.send.routeNotAllowed",
  "not-a-draft": "letters.send.notDraft",
  changed: "letters.send.changed",
  "postcard-too-long": "letters.send.postcardTooLong",
  "schedule-past": "letters.schedule.past",
  "schedule-far": "letters.schedule.far",
  permission: "letters.schedule.notOffered",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "delete") {
    if (!(await deleteDraft(user.id, id))) throw new Response("Not found", { status: 404 });
    throw redirect("/letters");
  }
  if (intent === "schedule") {
    const parsed = parseWithSchema(scheduleSchema, formData);
    if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
    try {
      await scheduleLetter(user, id, { routeId: parsed.data.routeId, warningsAcknowledged: parsed.data.acknowledge, sendAt: new Date(`${parsed.data.sendOn}T08:00:00.000Z`) });
    } catch (error) {
      if (error instanceof LetterStateError) return { intent, fieldErrors: { form: SEND_ERRORS[error.message] ?? "error.generic" }, savedAt: null };
      throw error;
    }
    throw redirect(`/letters/${id}?scheduled=1`);
  }
  if (intent === "unschedule") {
    await cancelSchedule(user.id, id);
    throw redirect(`/letters/${id}`);
  }
  if (intent === "posted-answer") {
    const parsed = parseWithSchema(postedAnswerSchema, formData);
    if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
    try {
      await answerPosted(user, id, parsed.data.answer);
    } catch (error) {
      if (error instanceof LetterStateError) throw new Response("Conflict", { status: 409 });
      throw error;
    }
    throw redirect(`/letters/${id}?answered=1`);
  }
  if (intent === "report") {
    const parsed = parseWithSchema(writerReportSchema, formData);
    if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
    try {
      await reportOutcome(user, id, parsed.data.report);
    } catch (error) {
      if (error instanceof LetterStateError) throw new Response("Conflict", { status: 409 });
      throw error;
    }
    throw redirect(`/letters/${id}?answered=1`);
  }
  if (intent === "send") {
    const parsed = parseWithSchema(sendLetterSchema, formData);
    if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
    try {
      await sendLetter(user, id, { routeId: parsed.data.routeId, warningsAcknowledged: parsed.data.acknowledge });
    } catch (error) {
      if (error instanceof LetterStateError) return { intent, fieldErrors: { form: SEND_ERRORS[error.message] ?? "error.generic" }, savedAt: null };
      throw error;
    }
    throw redirect(`/letters/${id}?sent=1`);
  }
  const parsed = parseWithSchema(letterDraftSchema, formData);
  if (!parsed.ok) return { intent: "save", fieldErrors: parsed.fieldErrors, savedAt: null };
  try {
    await saveDraft(user.id, id, parsed.data);
  } catch (error) {
    if (error instanceof LetterStateError) throw new Response("Conflict", { status: 409 });
    throw error;
  }
  return { intent: "save", fieldErrors: null, savedAt: new Date().toISOString() };
}

function Highlighted({ text, guidance }: { text: string; guidance: Guidance }) {
  const marks = [
    ...guidance.risks.map((r) => ({ start: r.start, end: r.end, kind: "risk" as const })),
    ...guidance.latinWords.map((w) => ({ start: w.start, end: w.end, kind: "latin" as const })),
    ...guidance.unprintable.map((w) => ({ start: w.start, end: w.end, kind: "unprintable" as const })),
  ].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach((m, i) => {
    if (m.start < at) return;
    parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={i} className={`mark-${m.kind}`}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  parts.push(text.slice(at));
  return (
    <div className="highlighted" data-testid="highlighted-text">
      {parts}
    </div>
  );
}

function GuidancePanel({ guidance, country }: { guidance: Guidance; country: "BY" | "RU" }) {
  const t = useT();
  const messages: string[] = guidance.warnings.map((w) => {
    switch (w.code) {
      case "language":
        return t(country === "RU" ? "guidance.languageRu" : "guidance.languageBy");
      case "latinWords":
        return t("guidance.latinWords", { count: w.count });
      case "latinSignature":
        return t("guidance.latinSignature", { signature: w.signature });
      case "unprintable":
        return t("guidance.unprintable", { count: w.count });
      case "risk":
        return t("guidance.risk", { count: w.count });
      case "postcardTooLong":
        return t("guidance.postcardTooLong", { limit: w.limit, characters: w.characters });
      case "letterLong":
        return t("guidance.letterLong", { characters: w.characters });
      case "empty":
        return t("guidance.empty");
    }
  });
  return (
    <section className="guidance" aria-live="polite" data-testid="guidance">
      <h2>{t("guidance.title")}</h2>
      <p className="muted">
        {t("guidance.detected", { language: t(`guidance.language.${guidance.language}`) })} · {t("guidance.length", { characters: guidance.length.characters, words: guidance.length.words })}
      </p>
      {messages.length === 0 ? <p className="notice notice-ok">{t("guidance.allGood")}</p> : null}
      <ul className="warnings">
        {messages.map((m, i) => (
          <li key={i} className="notice">
            {m}
          </li>
        ))}
      </ul>
      {guidance.risks.length > 0 ? (
        <p>
          {t("guidance.riskyWords")}{" "}
          {[...new Set(guidance.risks.map((r) => r.text))].map((word) => (
            <mark key={word} className="mark-risk">
              {word}
            </mark>
          ))}
        </p>
      ) : null}
    </section>
  );
}

function Phrasebook({ onInsert }: { onInsert: (text: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const { phrasebook: entries } = useLoaderData<typeof loader>();
  const categories = [...new Set(entries.map((p) => p.category))];
  return (
    <details className="phrasebook" data-testid="phrasebook">
      <summary>{t("phrasebook.title")}</summary>
      <p className="muted">{t("phrasebook.intro")}</p>
      {categories.map((category) => (
        <section key={category}>
          <h3>{t(`phrasebook.category.${category}`)}</h3>
          <ul className="plain-list">
            {entries.filter((p) => p.category === category).map((p) => (
              <li key={p.id} className="phrase">
                <span className="muted">{p.meaning[locale]}</span>
                <br />
                <button type="button" className="button-small" lang="ru" onClick={() => onInsert(p.ru)} aria-label={`${t("phrasebook.insertRu")}: ${p.ru}`}>
                  RU
                </button>{" "}
                <span lang="ru">{p.ru}</span>
                <br />
                <button type="button" className="button-small" lang="be" onClick={() => onInsert(p.be)} aria-label={`${t("phrasebook.insertBe")}: ${p.be}`}>
                  BE
                </button>{" "}
                <span lang="be">{p.be}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}

function DraftEditor() {
  const t = useT();
  const { letter, prisoner, riskPhrases: phrases, relayAddresses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const autosave = useFetcher<typeof action>();
  // The form holds the text as typed; the schema's output (null for an empty return address) is for the action.
  const { form, onSubmit } = useValidatedForm(letterDraftSchema, {
    defaultValues: { body: letter.body ?? "", kind: letter.kind, returnAddress: letter.returnAddress ?? "" },
    serverErrors: actionData?.intent === "save" ? actionData.fieldErrors : null,
  });
  const body = form.watch("body") ?? "";
  const kind = form.watch("kind") ?? "letter";
  const returnAddress = form.watch("returnAddress") ?? "";
  const guidance = useMemo(
    () => analyzeLetter({ text: body, kind, country: prisoner.country, riskPhrases: phrases, signature: letter.senderName }),
    [body, kind, prisoner.country, phrases, letter.senderName],
  );
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const lastSaved = useRef({ body: letter.body, kind: letter.kind, returnAddress: letter.returnAddress });
  const [savedAt, setSavedAt] = useState<string | null>(null);

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

  const insert = (text: string) => {
    const element = textarea.current;
    const current = body;
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    const before = current.slice(0, start);
    const spacer = before && !/\s$/.test(before) ? " " : "";
    const next = `${before}${spacer}${text}${current.slice(end)}`;
    form.setValue("body", next, { shouldDirty: true });
    requestAnimationFrame(() => {
      element?.focus();
      const caret = (before + spacer + text).length;
      element?.setSelectionRange(caret, caret);
    });
  };
  const bodyField = form.register("body");
  const time = useDateFormatter("time");
  return (
    <div className="editor-grid">
      <section className="panel">
        <ValidatedForm onSubmit={onSubmit}>
          <input type="hidden" name="intent" value="save" />
          <fieldset className="field">
            <legend>{t("letters.kind")}</legend>
            <label className="checkbox">
              <input type="radio" value="letter" {...form.register("kind")} /> {t("letters.kind.letter")}
            </label>{" "}
            <label className="checkbox">
              <input type="radio" value="postcard" {...form.register("kind")} /> {t("letters.kind.postcard")}
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="letter-body">{t("letters.body")}</label>
            <p id="letter-body-hint" className="field-hint">
              {t(prisoner.country === "RU" ? "letters.bodyHintRu" : "letters.bodyHintBy")}
            </p>
            <textarea
              id="letter-body"
              rows={14}
              maxLength={MAX_BODY_CHARACTERS}
              lang={guidance.language === "be" ? "be" : guidance.language === "ru" ? "ru" : undefined}
              aria-describedby="letter-body-hint letter-body-error"
              {...bodyField}
              ref={(element) => {
                bodyField.ref(element);
                textarea.current = element;
              }}
            />
            <ErrorText id="letter-body-error" message={form.formState.errors.body?.message} />
          </div>
          <Highlighted text={body} guidance={guidance} />
          <div className="field">
            <label htmlFor="letter-return">{t("letters.returnAddress")}</label>
            <p id="letter-return-hint" className="field-hint">
              {t("letters.returnAddressHint")}
            </p>
            <RelayAddressSelect id="letter-relay" label={t("letters.useRelay")} addresses={relayAddresses} onChoose={(address) => form.setValue("returnAddress", address, { shouldDirty: true })} />
            <textarea id="letter-return" rows={3} aria-describedby="letter-return-hint" {...form.register("returnAddress")} />
          </div>
          <div className="actions">
            <button type="submit" className="button-secondary">
              {t("letters.saveDraft")}
            </button>
            <span className="muted" role="status" data-testid="autosave-status">
              {autosave.state !== "idle" ? t("letters.saving") : savedAt ? t("letters.savedAt", { time: time.format(new Date(savedAt)) }) : ""}
            </span>
          </div>
        </ValidatedForm>
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="delete" className="button-danger">
            {t("letters.deleteDraft")}
          </button>
        </Form>
      </section>
      <aside>
        {letter.returnedReason ? (
          <p className="notice notice-error" role="status" data-testid="returned-notice">
            {t("situation.returnedNotice", { reason: t(letter.returnedReason) })}
          </p>
        ) : null}
        <ScheduleNotice />
        <GuidancePanel guidance={guidance} country={prisoner.country} />
        <Phrasebook onInsert={insert} />
        <SendPanel warningsShown={guidance.warnings.length > 0} />
      </aside>
    </div>
  );
}

const REFUSAL_KEYS: Record<string, MessageKey> = {
  inactive: "letters.refusal.inactive",
  notConfigured: "letters.refusal.notConfigured",
  doNotWrite: "letters.refusal.doNotWrite",
  released: "letters.refusal.released",
  country: "letters.refusal.country",
  kind: "letters.refusal.kind",
  language: "letters.refusal.language",
  facilityLanguage: "letters.refusal.facilityLanguage",
  deliveryNotExpected: "letters.refusal.deliveryNotExpected",
  address: "letters.refusal.address",
};

function ScheduleNotice() {
  const t = useT();
  const { letter, routes } = useLoaderData<typeof loader>();
  const date = useDateFormatter("long");
  if (letter.scheduleProblem) {
    return (
      <p className="notice notice-error" role="alert">
        {t("letters.schedule.problem")}
      </p>
    );
  }
  if (!letter.scheduledFor) return null;
  return (
    <div className="notice" role="status" data-testid="schedule-notice">
      <p>
        {t("letters.schedule.notice", {
          date: date.format(new Date(letter.scheduledFor)),
          route: routes.find((r) => r.id === letter.scheduledRouteId)?.name ?? "—",
        })}
      </p>
      <Form method="post">
        <button type="submit" name="intent" value="unschedule" className="button-secondary">
          {t("letters.schedule.cancel")}
        </button>
      </Form>
    </div>
  );
}

function SendPanel({ warningsShown }: { warningsShown: boolean }) {
  const t = useT();
  const { routes, recommendedId, tomorrow } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.intent === "send" || actionData?.intent === "schedule" ? actionData.fieldErrors : null;
  return (
    <section className="panel send-panel">
      <h2>{t("letters.send.title")}</h2>
      <p className="muted">{t("letters.send.intro")}</p>
      {errors?.form ? (
        <p className="notice notice-error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <Form method="post">
        <fieldset className="field" aria-describedby={errors?.routeId ? "route-error" : undefined}>
          <legend>{t("letters.send.route")}</legend>
          {routes.map((r) => (
            <div key={r.id} className={r.eligible ? "route-option" : "route-option route-refused"}>
              <label className="checkbox">
                <input type="radio" name="routeId" value={r.id} disabled={!r.eligible} defaultChecked={r.id === recommendedId} /> {routeName(t, r.name)}
                {r.id === recommendedId ? <span className="badge badge-approved">{t("letters.send.recommended")}</span> : null}
              </label>
              {!r.eligible ? <p className="muted small">{r.refusals.map((code) => t(REFUSAL_KEYS[code])).join(" ")}</p> : null}
            </div>
          ))}
          <ErrorText id="route-error" message={errors?.routeId} />
        </fieldset>
        {warningsShown ? (
          <label className="checkbox field">
            <input type="checkbox" name="acknowledge" value="on" /> {t("letters.send.acknowledge")}
          </label>
        ) : null}
        <button type="submit" name="intent" value="send" className="button-primary" disabled={!recommendedId}>
          {t("letters.send.submit")}
        </button>
        <details className="field">
          <summary>{t("letters.schedule.title")}</summary>
          <div className="field">
            <label htmlFor="send-on">{t("letters.schedule.date")}</label>
            <input id="send-on" type="date" name="sendOn" min={tomorrow} defaultValue={tomorrow} aria-describedby="send-on-error" />
            <ErrorText id="send-on-error" message={errors?.sendOn} />
          </div>
          <button type="submit" name="intent" value="schedule" className="button-secondary" disabled={!recommendedId}>
            {t("letters.schedule.submit")}
          </button>
        </details>
      </Form>
    </section>
  );
}

function WriterQuestions() {
  const t = useT();
  const { letter } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      {letter.askPosted ? (
        <Form method="post" data-testid="posted-question">
          <input type="hidden" name="intent" value="posted-answer" />
          <fieldset className="field">
            <legend>{t("letters.posted.question")}</legend>
            {letter.postedAnswer === "not_yet" ? <p className="muted">{t("letters.posted.notYetSoFar")}</p> : null}
            <div className="actions">
              <button type="submit" name="answer" value="posted" className="button-primary">
                {t("letters.posted.yes")}
              </button>
              <button type="submit" name="answer" value="not_yet" className="button-secondary">
                {t("letters.posted.notYet")}
              </button>
              <button type="submit" name="answer" value="will_not" className="button-secondary">
                {t("letters.posted.willNot")}
              </button>
            </div>
          </fieldset>
        </Form>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="report" />
        <fieldset className="field">
          <legend>{t("letters.report.question")}</legend>
          {letter.writerReport ? <p className="muted">{t(letter.writerReport === "wrote_back" ? "letters.report.saidWroteBack" : "letters.report.saidNeverHeard")}</p> : null}
          <div className="actions">
            <button type="submit" name="report" value="wrote_back" className="button-secondary">
              {t("letters.report.wroteBack")}
            </button>
            <button type="submit" name="report" value="never_heard" className="button-secondary">
              {t("letters.report.neverHeard")}
            </button>
          </div>
        </fieldset>
      </Form>
    </section>
  );
}

function SentLetter() {
  const t = useT();
  const { letter, prisoner, events, replies } = useLoaderData<typeof loader>();
  const date = useDateFormatter("dateTime");
  return (
    <>
    <section className="panel">
      <p className="notice notice-ok" role="status">
        {t("letters.sentNotice", { route: routeName(t, letter.route?.name) || "—" })}
      </p>
      <p>
        {t("letters.sentOn", { date: letter.sentAt ? date.format(new Date(letter.sentAt)) : "—" })} · {t("letters.status")}:{" "}
        <strong data-testid="letter-status">{statusLabel(t, letter.status)}</strong>
      </p>
      {letter.route?.handover === "print_pdf" ? (
        <>
          <p>{t("letters.selfPostIntro")}</p>
          <p>
            <a href={`/letters/${letter.id}/pdf`} className="button-primary" download>
              {t("letters.downloadPdf")}
            </a>
            {letter.kind === "letter" ? (
              <>
                {" "}
                <a href={`/letters/${letter.id}/pdf?envelope=DL`} download>
                  {t("letters.downloadPdfDl")}
                </a>
              </>
            ) : null}
          </p>
        </>
      ) : null}
      {prisoner.envelope ? (
        <EnvelopeAddress lines={prisoner.envelope} />
      ) : null}
      <h2>{t("letters.body")}</h2>
      {letter.body === null ? <p className="muted">{t("letters.purged")}</p> : <div className="letter-text">{letter.body}</div>}
    </section>
    <section className="panel">
      <h2>{t("letters.timeline")}</h2>
      <StatusTimeline events={events} labels={{}} />
      <h2>{t("letters.replies")}</h2>
      <RepliesList replies={replies} />
    </section>
    <WriterQuestions />
    </>
  );
}

export default function LetterPage() {
  const t = useT();
  const { letter, prisoner } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/letters">← {t("letters.title")}</Link>
      </p>
      <h1>
        {t(letter.kind === "postcard" ? "letters.postcardTo" : "letters.letterTo", { name: prisoner.name })}
      </h1>
      {(prisoner.incommunicado || prisoner.relativesOnly) && letter.state === "draft" ? <p className="notice notice-error">{t("write.deliveryNotExpected")}</p> : null}
      {letter.state === "draft" ? <DraftEditor /> : <SentLetter />}
    </>
  );
}
