import { useT } from "#app/i18n/react.tsx";

/** A fund's figure with where it comes from: "40 EUR raised, reported by bysol.org on 2026-12-01". */
export function ReportedAmount({
  reported,
}: {
  reported: { amount: number; currency: string; reportedOn: string; domain: string } | null;
}) {
  const t = useT();
  if (!reported) return null;
  return (
    <p className="field-hint" data-testid="reported-amount">
      {t("public.reported", {
        amount: `${reported.amount} ${reported.currency}`,
        domain: reported.domain,
        date: reported.reportedOn,
      })}
    </p>
  );
}
