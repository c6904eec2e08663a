import { useDateFormatter, useT } from "#app/i18n/react.tsx";
import { DeliveryNote } from "#app/components/letter/reach-notes.tsx";

interface PersonFlags {
  incommunicado: boolean;
  incommunicadoNote: string | null;
  incommunicadoSince: string | null;
  doNotWrite: boolean;
  doNotWriteNote: string | null;
  doNotWriteSince: string | null;
  relativesOnly: boolean;
  relativesOnlyNote: string | null;
  relativesOnlySince: string | null;
  facilityRelativesOnly: boolean;
  facility: unknown;
}

/**
 * Why letters to this person may not arrive, before the volunteer writes one: the
 * person's own flags with the coordinator's note, and the facility's rule or a missing
 * address in the same words as the /write list and the letter page.
 */
export function LetterNotices({ prisoner: p, offered }: { prisoner: PersonFlags; offered: boolean }) {
  const t = useT();
  const dayFormat = useDateFormatter("date", { calendarDay: true });
  const flags = [
    p.incommunicado
      ? {
          label: t("prisoners.incommunicado"),
          note: p.incommunicadoNote,
          since: p.incommunicadoSince,
          explain: t("prisoner.incommunicadoExplain"),
        }
      : null,
    p.doNotWrite
      ? {
          label: t("prisoners.doNotWrite"),
          note: p.doNotWriteNote,
          since: p.doNotWriteSince,
          explain: t("prisoner.doNotWriteExplain"),
        }
      : null,
    p.relativesOnly
      ? {
          label: t("prisoners.relativesOnly"),
          note: p.relativesOnlyNote,
          since: p.relativesOnlySince,
          explain: t("prisoner.relativesOnlyExplain"),
        }
      : null,
  ].filter((x) => x !== null);
  const personRule = p.incommunicado || p.relativesOnly;
  return (
    <>
      {flags.map((flag) => (
        <div key={flag.label} className="notice notice-error">
          <strong>{flag.label}</strong>
          {flag.since ? ` (${t("prisoner.since", { date: dayFormat.format(flag.since) })})` : null}: {flag.explain}
          {flag.note ? <p className="flag-note">{flag.note}</p> : null}
        </div>
      ))}
      {offered && !personRule && (p.facilityRelativesOnly || !p.facility) ? (
        <DeliveryNote noAddress={!p.facility} personRule={false} facilityRule={p.facilityRelativesOnly} />
      ) : null}
    </>
  );
}
