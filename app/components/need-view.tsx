import { useT } from "#app/i18n/react.tsx";
import type { NeedProgress } from "#app/support/rules.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";

/** "20 EUR" or "3": a need's quantity in its unit. */
export function amountText(amount: number, currency: string | null): string {
  return currency ? `${amount} ${currency}` : String(amount);
}

/** A progress bar that works without JavaScript, with the figures in words. */
export function NeedProgressBar({ progress, currency }: { progress: NeedProgress; currency: string | null }) {
  const t = useT();
  return (
    <div className="need-progress">
      <progress max={progress.quantity} value={progress.fulfilled} aria-label={t("support.progress.label")}>
        {progress.percent}%
      </progress>
      <p className="field-hint" data-testid="need-progress">
        {t("support.progress.text", {
          fulfilled: amountText(progress.fulfilled, currency),
          quantity: amountText(progress.quantity, currency),
          reserved: amountText(progress.reserved, currency),
          available: amountText(progress.available, currency),
        })}
      </p>
    </div>
  );
}

/** Who a need is for, as volunteers may see it: the person, or their family in the coordinator's words. */
export function NeedFor({
  prisoner,
  family,
}: {
  prisoner: { name: string; status: string };
  family: { description: string } | null;
}) {
  const t = useT();
  return (
    <p>
      {family
        ? t("support.forFamily", { name: prisoner.name, description: family.description })
        : t("support.forPerson", { name: prisoner.name })}{" "}
      <span className="badge">{t(`prisonerStatus.${prisoner.status}` as MessageKey)}</span>
    </p>
  );
}
