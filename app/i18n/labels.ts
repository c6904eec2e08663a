import { isMessageKey, type Translate } from "./i18n";

/** A Latin spelling's transliteration system in the reader's language ("national" → "national romanisation"). */
export function nameSystemLabel(t: Translate, system: string | null | undefined): string {
  if (!system) return "";
  const key = `nameSystem.${system}`;
  return isMessageKey(key) ? t(key) : system;
}

/** Why a record needs a coordinator's look, from the code an import stores ("missing-from:viasna"). */
export function reviewReasonLabel(t: Translate, reason: string | null | undefined): string {
  if (!reason) return "";
  const missing = /^missing-from:(.+)$/.exec(reason);
  if (missing) return t("review.missingFrom", { source: missing[1] });
  return reason;
}
