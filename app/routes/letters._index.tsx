import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listOwnLetters } from "#app/models/letters.server.ts";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { statusLabel } from "#app/tracking/status-label.ts";
import { routeName } from "#app/tracking/route-text.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "letters.title");

const FILTERS = ["all", "action", "onTheWay", "ended"] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_LABELS: Record<Filter, MessageKey> = {
  all: "letters.filter.all",
  action: "letters.filter.action",
  onTheWay: "letters.filter.onTheWay",
  ended: "letters.filter.ended",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const url = new URL(request.url);
  const filter: Filter = FILTERS.find((f) => f === url.searchParams.get("show")) ?? "all";
  const letters = await listOwnLetters(user.id);
  const counts = Object.fromEntries(
    FILTERS.map((f) => [f, f === "all" ? letters.length : letters.filter((l) => l.group === f).length]),
  ) as Record<Filter, number>;
  return {
    filter,
    counts,
    deleted: url.searchParams.get("deleted") === "1",
    letters: filter === "all" ? letters : letters.filter((l) => l.group === filter),
  };
}

export default function MyLetters() {
  const t = useT();
  const { letters, filter, counts, deleted } = useLoaderData<typeof loader>();
  const date = useDateFormatter("date");
  const day = useDateFormatter("date", { calendarDay: true });
  return (
    <section className="panel">
      <h1>{t("letters.title")}</h1>
      {deleted ? (
        <p className="notice" role="status">
          {t("letters.deleted")}
        </p>
      ) : null}
      <nav className="tabs" aria-label={t("letters.filter.label")}>
        {FILTERS.map((f) => (
          <Link
            key={f}
            to={f === "all" ? "/letters" : `/letters?show=${f}`}
            aria-current={filter === f ? "page" : undefined}
          >
            {t(FILTER_LABELS[f])} ({counts[f]})
          </Link>
        ))}
      </nav>
      {letters.length === 0 ? (
        <p>
          {t("letters.noneHere")} <Link to="/write">{t("write.title")}</Link>
        </p>
      ) : (
        <ul className="plain-list" data-testid="my-letters">
          {letters.map((l) => (
            <li key={l.id}>
              <Link to={`/letters/${l.id}`}>
                {t(l.kind === "postcard" ? "letters.postcardTo" : "letters.letterTo", { name: l.prisonerName })}
              </Link>{" "}
              {l.unreadReplies > 0 ? <span className="badge badge-unread">{t("letters.newReply")}</span> : null}
              <span className="muted">
                {" · "}
                {l.state === "draft"
                  ? l.scheduledFor
                    ? t("letters.scheduledFor", { date: date.format(new Date(l.scheduledFor)) })
                    : t("letters.editedOn", { date: date.format(new Date(l.updatedAt)) })
                  : `${l.sentAt ? date.format(new Date(l.sentAt)) : ""} · ${routeName(t, l.route?.name)} · ${l.toPrint ? t("letters.status.toPrint") : statusLabel(t, l.status, l.statusLabel)}`}
              </span>
              {l.scheduleProblem ? (
                <span className="badge badge-pending">{t("letters.schedule.problemShort")}</span>
              ) : null}
              {l.next ? (
                <span className="muted small" data-testid="next-step">
                  {" · "}
                  {t("letters.nextStep", {
                    status: statusLabel(t, l.next.key),
                    date: l.next.expectedOn ? day.format(new Date(`${l.next.expectedOn}T00:00:00Z`)) : "—",
                  })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
