import { Form } from "@remix-run/react";
import { StatusTimeline, RepliesList } from "#app/components/tracking.tsx";
import { EnvelopeAddress } from "#app/components/envelope-address.tsx";
import { ErrorText } from "#app/components/forms.tsx";
import { statusLabel } from "#app/tracking/status-label.ts";
import { useDateFormatter, useT } from "#app/i18n/react.tsx";
import { routeName } from "#app/tracking/route-text.ts";
import type { LetterPageData } from "#app/models/letter-page.server.ts";
import type { LetterActionData } from "#app/routes/letters.$id.server.ts";

type SentData = Pick<LetterPageData, "letter">;

/** The status a volunteer reads: a self-post letter waits "to print and post", not "queued". */
export function letterStatusText(
  t: ReturnType<typeof useT>,
  letter: { toPrint: boolean; status: string | null },
  labels: Record<string, string> = {},
) {
  return letter.toPrint
    ? t("letters.status.toPrint")
    : statusLabel(t, letter.status, letter.status ? labels[letter.status] : null);
}

/** What comes next on the route, with the day each step is usually reached. */
export function ExpectedTimeline({
  ahead,
  labels = {},
}: {
  ahead: LetterPageData["letter"]["ahead"];
  labels?: Record<string, string>;
}) {
  const t = useT();
  const date = useDateFormatter("date", { calendarDay: true });
  if (ahead.length === 0) return null;
  return (
    <ol className="timeline timeline-ahead" data-testid="expected-timeline">
      {ahead.map((step) => (
        <li key={step.key}>
          <strong>{statusLabel(t, step.key, labels[step.key])}</strong>{" "}
          <span className="muted">
            {step.expectedOn
              ? t("letters.expectedBy", { date: date.format(new Date(`${step.expectedOn}T00:00:00Z`)) })
              : t("letters.expectedUnknown")}
          </span>
        </li>
      ))}
    </ol>
  );
}

function WriterQuestions({ letter, actionData }: SentData & { actionData: LetterActionData | undefined }) {
  const t = useT();
  if (!letter.toPrint && !letter.askHeardBack && !letter.writerReport) return null;
  const errors = actionData?.intent === "report" ? actionData.fieldErrors : null;
  return (
    <section className="panel">
      {letter.toPrint ? (
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
      {letter.writerReport ? (
        <p className="muted">
          {t(letter.writerReport === "wrote_back" ? "letters.report.saidWroteBack" : "letters.report.saidNeverHeard")}
        </p>
      ) : letter.askHeardBack ? (
        <Form method="post" data-testid="heard-back">
          <input type="hidden" name="intent" value="report" />
          <fieldset className="field">
            <legend>{t("letters.report.question")}</legend>
            <div className="actions">
              <button type="submit" name="report" value="wrote_back" className="button-secondary">
                {t("letters.report.wroteBack")}
              </button>
            </div>
            <label className="checkbox">
              <input type="checkbox" name="confirm" value="on" aria-describedby="report-confirm-error" />{" "}
              {t("letters.report.confirmNeverHeard")}
            </label>
            <ErrorText id="report-confirm-error" message={errors?.confirm} />
            <div className="actions">
              <button type="submit" name="report" value="never_heard" className="button-secondary">
                {t("letters.report.neverHeard")}
              </button>
            </div>
          </fieldset>
        </Form>
      ) : null}
    </section>
  );
}

export function SentLetter({ data, actionData }: { data: LetterPageData; actionData: LetterActionData | undefined }) {
  const t = useT();
  const { letter, prisoner, events, replies, statusLabels } = data;
  const date = useDateFormatter("dateTime");
  const unread = replies.filter((r) => r.unread);
  return (
    <>
      {replies.length > 0 ? (
        <section className="panel highlight" data-testid="letter-replies">
          <h2>{t("letters.replies")}</h2>
          <RepliesList replies={replies} />
          <div className="actions">
            <Form method="post" action="/letters/new">
              <input type="hidden" name="prisonerId" value={prisoner.id} />
              {unread.map((r) => (
                <input key={r.id} type="hidden" name="replyId" value={r.id} />
              ))}
              <button type="submit" className="button-primary">
                {t("home.writeBack")}
              </button>
            </Form>
            {unread.map((r) => (
              <Form key={r.id} method="post">
                <input type="hidden" name="replyId" value={r.id} />
                <button type="submit" name="intent" value="read-reply" className="button-secondary">
                  {t("letters.markRead")}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}
      <section className="panel">
        <p className="notice notice-ok" role="status">
          {t("letters.sentNotice", { route: routeName(t, letter.route?.name) || "—" })}
        </p>
        <p>
          {t("letters.sentOn", { date: letter.sentAt ? date.format(new Date(letter.sentAt)) : "—" })} ·{" "}
          {t("letters.status")}:{" "}
          <strong data-testid="letter-status">{letterStatusText(t, letter, statusLabels)}</strong>
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
        {prisoner.envelope ? <EnvelopeAddress lines={prisoner.envelope} /> : null}
        <h2>{t("letters.body")}</h2>
        {letter.body === null ? (
          <p className="muted">{t("letters.purged")}</p>
        ) : (
          <div className="letter-text">{letter.body}</div>
        )}
      </section>
      <section className="panel">
        <h2>{t("letters.timeline")}</h2>
        <StatusTimeline events={events} labels={statusLabels} />
        {letter.ahead.length > 0 ? (
          <>
            <h3>{t("letters.ahead")}</h3>
            <ExpectedTimeline ahead={letter.ahead} labels={statusLabels} />
          </>
        ) : null}
        {replies.length === 0 ? (
          <>
            <h2>{t("letters.replies")}</h2>
            <RepliesList replies={replies} />
          </>
        ) : null}
      </section>
      <WriterQuestions letter={letter} actionData={actionData} />
    </>
  );
}
