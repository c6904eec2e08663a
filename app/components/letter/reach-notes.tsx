import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";

interface Reach {
  translatedBy: { name: string; languages: string[] } | null;
}

/**
 * "Write in English — the atelier translates it": shown where the facility does not
 * take a language the volunteer writes, but a translating route carries their text.
 */
export function TranslatedByNote({
  writesIn,
  facilityLanguages,
  reach,
}: {
  writesIn: string[];
  facilityLanguages: string[];
  reach: Reach | null;
}) {
  const t = useT();
  if (!reach?.translatedBy || writesIn.length === 0) return null;
  if (facilityLanguages.some((l) => writesIn.includes(l))) return null;
  return (
    <p className="muted small" data-testid="translated-note">
      {t("write.translatedBy", {
        language: t(`language.${writesIn[0]}` as MessageKey),
        route: reach.translatedBy.name,
      })}
    </p>
  );
}

/** Why letters are not expected to arrive, and the way that is left: the letter bank. */
export function DeliveryNote({
  noAddress,
  personRule,
  facilityRule,
}: {
  noAddress: boolean;
  personRule: boolean;
  facilityRule: boolean;
}) {
  const t = useT();
  const reason: MessageKey = personRule
    ? "write.deliveryNotExpected"
    : facilityRule
      ? "write.facilityRelativesOnly"
      : noAddress
        ? "write.noAddress"
        : "write.deliveryNotExpected";
  return (
    <p className="notice notice-error" data-testid="delivery-note">
      {t(reason)} {t("write.bankWay")}
    </p>
  );
}
