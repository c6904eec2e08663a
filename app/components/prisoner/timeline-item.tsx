import { useT } from "#app/i18n/react.tsx";
import type { TimelineEvent } from "#app/models/situation-timeline.ts";

/** One line of a person's situation timeline (arrest, verdict, transfers, release). */
export function TimelineItem({ event, date }: { event: TimelineEvent; date: (iso: string) => string }) {
  const t = useT();
  const when = event.on ? <span className="muted">{date(event.on)}: </span> : null;
  const note = "note" in event && event.note ? <span className="muted"> ({event.note})</span> : null;
  switch (event.kind) {
    case "arrest":
      return (
        <li>
          {when}
          {t("situation.event.arrest")}
        </li>
      );
    case "verdict":
      return (
        <li>
          {when}
          {t("situation.event.verdict")}
        </li>
      );
    case "facility":
      return (
        <li>
          {when}
          {t(event.first ? "situation.event.heldIn" : "situation.event.transfer")}{" "}
          <span lang="ru">{event.facility}</span>
          {event.until ? (
            <span className="muted"> ({t("situation.event.until", { date: date(event.until) })})</span>
          ) : null}
        </li>
      );
    case "situation":
      return (
        <li>
          {when}
          {t(`prisonerStatus.${event.status}`)}
          {note}
        </li>
      );
    case "release":
      return (
        <li>
          {when}
          <strong>{t("situation.event.release")}</strong>
          {event.releaseKind ? `: ${t(`releaseKind.${event.releaseKind}`)}` : null}
          {note}
        </li>
      );
    case "death":
      return (
        <li>
          {when}
          <strong>{t("situation.event.death")}</strong>
          {note}
        </li>
      );
  }
}
