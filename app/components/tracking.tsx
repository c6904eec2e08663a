import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { statusLabel } from "#app/tracking/status-label.ts";
import { routeName } from "#app/tracking/route-text.ts";

interface TimelineEvent {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  occurredAt: string | Date;
  note: string | null;
  reference: string | null;
  actor?: { pseudonym: string } | null;
}

/** An item's status history, oldest first. */
export function StatusTimeline({
  events,
  labels,
  showActors = false,
}: {
  events: TimelineEvent[];
  labels: Record<string, string>;
  showActors?: boolean;
}) {
  const t = useT();
  const date = useDateFormatter("dateTime");
  if (events.length === 0) return <p className="muted">{t("items.noEvents")}</p>;
  return (
    <ol className="timeline" data-testid="status-timeline">
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={new Date(event.occurredAt).toISOString()}>{date.format(new Date(event.occurredAt))}</time>{" "}
          <strong>{statusLabel(t, event.toStatus, labels[event.toStatus])}</strong>
          {event.reference ? <span className="muted"> · {event.reference}</span> : null}
          {event.note ? <span className="muted"> · {event.note}</span> : null}
          {showActors && event.actor ? <span className="muted"> · {event.actor.pseudonym}</span> : null}
        </li>
      ))}
    </ol>
  );
}

interface ReplyView {
  id: string;
  receivedOn: string | Date;
  text: string | null;
  attachmentName: string | null;
  attachmentType: string | null;
  attachmentSize: number | null;
  source: string;
  route: { name: string } | null;
}

export function RepliesList({ replies }: { replies: ReplyView[] }) {
  const t = useT();
  const date = useDateFormatter("date", { calendarDay: true });
  if (replies.length === 0) return <p className="muted">{t("items.noReplies")}</p>;
  return (
    <ul className="plain-list replies" data-testid="replies">
      {replies.map((reply) => (
        <li key={reply.id} className="reply">
          <p className="muted">
            {t("items.reply.receivedOnDate", { date: date.format(new Date(reply.receivedOn)) })}
            {reply.route ? ` · ${routeName(t, reply.route.name)}` : ""}
          </p>
          {reply.text ? <div className="letter-text">{reply.text}</div> : null}
          {reply.attachmentName ? (
            <p>
              <a href={`/replies/${reply.id}/attachment`} download>
                {t("items.reply.download", { kilobytes: Math.max(1, Math.round((reply.attachmentSize ?? 0) / 1024)) })}
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
