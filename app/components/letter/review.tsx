import { Form, Link } from "@remix-run/react";
import { useMemo } from "react";
import { analyzeLetter } from "#app/letters/guidance.ts";
import { unfilledBlanks } from "#app/letters/blanks.ts";
import { warningsForRoute } from "#app/letters/send-warnings.ts";
import { ErrorText } from "#app/components/forms.tsx";
import { EnvelopeAddress } from "#app/components/envelope-address.tsx";
import { useDateFormatter, useT } from "#app/i18n/react.tsx";
import type { LetterPageData } from "#app/models/letter-page.server.ts";
import type { LetterActionData } from "#app/routes/letters.$id.server.ts";
import { RouteFacts } from "./route-chooser.tsx";

export function ScheduleNotice({ data }: { data: LetterPageData }) {
  const t = useT();
  const { letter, routes } = data;
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

/**
 * The review before sending: the chosen route and its facts, and exactly what will
 * leave (the text, the pseudonym, the return address, the address; for self-post the
 * PDF). Sending needs this page's button; the warnings' confirmation sits right here.
 */
export function SendReview({
  data,
  routeId,
  actionData,
}: {
  data: LetterPageData;
  routeId: string;
  actionData: LetterActionData | undefined;
}) {
  const t = useT();
  const { letter, prisoner } = data;
  const route = data.routes.find((r) => r.id === routeId && r.eligible);
  const guidance = useMemo(
    () =>
      analyzeLetter({
        text: letter.body ?? "",
        kind: letter.kind,
        country: prisoner.country,
        riskPhrases: data.riskPhrases,
        signature: letter.senderName,
      }),
    [letter.body, letter.kind, prisoner.country, data.riskPhrases, letter.senderName],
  );
  const errors = actionData?.intent === "send" || actionData?.intent === "schedule" ? actionData.fieldErrors : null;
  const back = `/letters/${letter.id}`;
  if (!route) {
    return (
      <section className="panel">
        <p className="notice notice-error">{t("letters.send.routeNotAllowed")}</p>
        <Link to={back}>{t("letters.review.back")}</Link>
      </section>
    );
  }
  const warnings = warningsForRoute(guidance, route);
  const blanks = unfilledBlanks(letter.body ?? "");
  return (
    <section className="panel review" data-testid="review">
      <h2>{t("letters.review.title")}</h2>
      {errors?.form ? (
        <p className="notice notice-error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <h3>{t("letters.review.route", { route: route.name })}</h3>
      <RouteFacts route={route} />
      <h3>{t("letters.review.whatLeaves")}</h3>
      <dl className="review-preview">
        <dt>{t("letters.body")}</dt>
        <dd>
          <div className="letter-text" data-testid="review-text">
            {letter.body}
          </div>
        </dd>
        <dt>{t("letters.review.signature")}</dt>
        <dd data-testid="review-signature">{letter.senderName}</dd>
        <dt>{t("letters.returnAddress")}</dt>
        <dd className="letter-text">{letter.returnAddress || t("letters.review.noReturnAddress")}</dd>
        <dt>{t("letters.review.address")}</dt>
        <dd>{prisoner.envelope ? <EnvelopeAddress lines={prisoner.envelope} /> : "—"}</dd>
      </dl>
      {route.handover === "print_pdf" ? (
        <p>
          <a href={`/letters/${letter.id}/pdf`} download>
            {t("letters.review.pdf")}
          </a>
        </p>
      ) : null}
      {blanks.length > 0 ? (
        <p className="notice notice-error" role="alert" data-testid="review-blanks">
          {t("letters.blanks", { count: blanks.length })}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="warnings">
          <li className="notice">{t("letters.review.warnings", { count: warnings.length })}</li>
        </ul>
      ) : null}
      <Form method="post">
        <input type="hidden" name="routeId" value={route.id} />
        {warnings.length > 0 ? (
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                name="acknowledge"
                value="on"
                aria-describedby="acknowledge-error"
                aria-invalid={errors?.acknowledge ? true : undefined}
              />{" "}
              {t("letters.send.acknowledge")}
            </label>
            <ErrorText id="acknowledge-error" message={errors?.acknowledge} />
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" name="intent" value="send" className="button-primary" disabled={blanks.length > 0}>
            {t("letters.send.submit")}
          </button>
          <Link to={back}>{t("letters.review.back")}</Link>
        </div>
        <details className="field">
          <summary>{t("letters.schedule.title")}</summary>
          <div className="field">
            <label htmlFor="send-on">{t("letters.schedule.date")}</label>
            <input
              id="send-on"
              type="date"
              name="sendOn"
              min={data.tomorrow}
              defaultValue={data.tomorrow}
              aria-describedby="send-on-error"
            />
            <ErrorText id="send-on-error" message={errors?.sendOn} />
          </div>
          <button
            type="submit"
            name="intent"
            value="schedule"
            className="button-secondary"
            disabled={blanks.length > 0}
          >
            {t("letters.schedule.submit")}
          </button>
        </details>
      </Form>
    </section>
  );
}
