import { useLocale, useT } from "#app/i18n/react.tsx";
import { parcelQuotaFor, type ParcelProblem, type ParcelVerdict } from "#app/parcels/rules.ts";
import { describeProblem, describeWarning, formatKg, formatMoney } from "#app/parcels/messages.ts";
import type { ParcelPageData } from "./types.ts";

export function ProblemList({ problems, testId }: { problems: ParcelProblem[]; testId?: string }) {
  const locale = useLocale();
  return (
    <ul className="warnings" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={i} className="notice notice-error">
          {describeProblem(locale, p)}
        </li>
      ))}
    </ul>
  );
}

export function VerdictPanel({ verdict, rules }: { verdict: ParcelVerdict; rules: ParcelPageData["rules"] }) {
  const t = useT();
  const locale = useLocale();
  const f = rules.facility;
  const h = rules.history;
  const parcelQuota = f ? parcelQuotaFor(f, rules.prisoner) : null;
  return (
    <section className="guidance" aria-live="polite" data-testid="parcel-verdict">
      <h2>{t("parcels.verdict.title")}</h2>
      <p>
        {t("parcels.totals", {
          units: verdict.totals.units,
          weight: formatKg(locale, verdict.totals.weightGrams),
          value: formatMoney(locale, verdict.totals.valueCents),
        })}
        <br />
        {verdict.totals.units > 0 ? (
          <>
            <span data-testid="parcel-gross-weight">
              {t("parcels.grossWeight", {
                box: formatKg(locale, verdict.totals.grossWeightGrams - verdict.totals.weightGrams),
                gross: formatKg(locale, verdict.totals.grossWeightGrams),
              })}
            </span>
            <br />
          </>
        ) : null}
        {verdict.customsDocument === "inventory"
          ? t("parcels.customsInventory")
          : t("parcels.customsForm", { form: verdict.customsDocument === "CN22" ? "CN 22" : "CN 23" })}
      </p>
      {verdict.warnings.map((w) => (
        <p
          key={w.code}
          className="notice"
          data-testid={w.code === "dutyFree" ? "parcel-duty-free" : "parcel-conditions-unknown"}
        >
          {describeWarning(locale, w)}
        </p>
      ))}
      {parcelQuota?.quota != null ? (
        <p className="muted">
          {t("parcels.quotaInfo", { year: h.year, used: h.sentThisYear.parcel, quota: parcelQuota.quota })}
        </p>
      ) : null}
      {f?.smallPackageQuotaPerYear != null ? (
        <p className="muted">
          {t("parcels.quotaInfoSmall", {
            year: h.year,
            used: h.sentThisYear.small_package,
            quota: f.smallPackageQuotaPerYear,
          })}
        </p>
      ) : null}
      {f?.parcelMonthlyWeightLimitGrams != null ? (
        <p className="muted">
          {t("parcels.monthInfo", {
            already: formatKg(locale, h.gramsThisMonth),
            limit: formatKg(locale, f.parcelMonthlyWeightLimitGrams),
          })}
        </p>
      ) : null}
      {verdict.ok ? (
        <p className="notice notice-ok">{t("parcels.verdict.ok")}</p>
      ) : (
        <>
          <p>{t("parcels.verdict.problems", { count: verdict.problems.length })}</p>
          <ProblemList problems={verdict.problems} testId="parcel-problems" />
        </>
      )}
    </section>
  );
}
