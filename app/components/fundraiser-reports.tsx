import { Form } from "@remix-run/react";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { ErrorText } from "#app/components/forms.tsx";

export interface FundraiserReportRow {
  id: string;
  amount: number;
  currency: string;
  reportedOn: string;
  domain: string;
  by: string | null;
}

/**
 * Coordinators record the amount a fund reports as raised (the app never takes
 * payments); every report is kept, the newest is what public pages show.
 */
export function FundraiserReports({
  reports,
  defaultCurrency,
  errors,
  error,
}: {
  reports: FundraiserReportRow[];
  defaultCurrency: string;
  errors?: Record<string, string | undefined>;
  error?: MessageKey;
}) {
  const t = useT();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="panel" id="fundraiser-reports" aria-labelledby="fundraiser-reports-title">
      <h2 id="fundraiser-reports-title">{t("public.report.title")}</h2>
      <p>{t("public.report.intro")}</p>
      {error ? (
        <p role="alert" className="field-error">
          {t(error)}
        </p>
      ) : null}
      <Form method="post" action="#fundraiser-reports" className="inline-actions">
        <input type="hidden" name="intent" value="report" />
        <div className="field">
          <label htmlFor="report-amount">{t("public.report.amount")}</label>
          <input
            id="report-amount"
            name="amount"
            inputMode="numeric"
            required
            aria-invalid={errors?.amount ? true : undefined}
            aria-describedby="report-amount-error"
          />
          <ErrorText id="report-amount-error" message={errors?.amount} />
        </div>
        <div className="field">
          <label htmlFor="report-currency">{t("support.new.currency")}</label>
          <input
            id="report-currency"
            name="currency"
            defaultValue={defaultCurrency}
            maxLength={3}
            required
            aria-invalid={errors?.currency ? true : undefined}
            aria-describedby="report-currency-error"
          />
          <ErrorText id="report-currency-error" message={errors?.currency} />
        </div>
        <div className="field">
          <label htmlFor="report-date">{t("public.report.date")}</label>
          <input
            id="report-date"
            name="reportedOn"
            type="date"
            defaultValue={today}
            required
            aria-invalid={errors?.reportedOn ? true : undefined}
            aria-describedby="report-date-error"
          />
          <ErrorText id="report-date-error" message={errors?.reportedOn} />
        </div>
        <button type="submit" className="button-primary">
          {t("public.report.submit")}
        </button>
      </Form>
      {reports.length === 0 ? (
        <p>{t("public.report.none")}</p>
      ) : (
        <ul data-testid="fundraiser-reports">
          {reports.map((r) => (
            <li key={r.id}>
              {t("public.reported", { amount: `${r.amount} ${r.currency}`, domain: r.domain, date: r.reportedOn })}
              {r.by ? ` — ${r.by}` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Whether a need or campaign is shown on public pages: a plain form, works without JavaScript. */
export function ShareableSwitch({ shareable, label, hint }: { shareable: boolean; label: string; hint: string }) {
  const t = useT();
  return (
    <Form method="post" className="inline-actions">
      <input type="hidden" name="intent" value="shareable" />
      <label className="checkbox">
        <input type="checkbox" name="value" value="on" defaultChecked={shareable} /> {label}
      </label>
      <p className="field-hint">{hint}</p>
      <button type="submit">{t("public.shareable.save")}</button>
    </Form>
  );
}
