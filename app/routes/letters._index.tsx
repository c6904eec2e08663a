import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listOwnLetters } from "#app/models/letters.server.ts";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { statusLabel } from "#app/tracking/status-label.ts";
import { routeName } from "#app/tracking/route-text.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "letters.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  return { letters: await listOwnLetters(user.id) };
}

export default function MyLetters() {
  const t = useT();
  const { letters } = useLoaderData<typeof loader>();
  const date = useDateFormatter("date");
  const drafts = letters.filter((l) => l.state === "draft" && !l.scheduledFor);
  const scheduled = letters.filter((l) => l.state === "draft" && l.scheduledFor);
  const sent = letters.filter((l) => l.state !== "draft");
  return (
    <section className="panel">
      <h1>{t("letters.title")}</h1>
      <h2>{t("letters.drafts")}</h2>
      {drafts.length === 0 ? (
        <p>
          {t("letters.noDrafts")} <Link to="/write">{t("write.title")}</Link>
        </p>
      ) : (
        <ul className="plain-list">
          {drafts.map((l) => (
            <li key={l.id}>
              <Link to={`/letters/${l.id}`}>{t(l.kind === "postcard" ? "letters.postcardTo" : "letters.letterTo", { name: l.prisonerName })}</Link>{" "}
              <span className="muted">· {t("letters.editedOn", { date: date.format(new Date(l.updatedAt)) })}</span>
              {l.scheduleProblem ? <span className="badge badge-pending">{t("letters.schedule.problemShort")}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("letters.scheduled")}</h2>
      {scheduled.length === 0 ? (
        <p>{t("letters.noneScheduled")}</p>
      ) : (
        <ul className="plain-list" data-testid="scheduled-letters">
          {scheduled.map((l) => (
            <li key={l.id}>
              <Link to={`/letters/${l.id}`}>{t(l.kind === "postcard" ? "letters.postcardTo" : "letters.letterTo", { name: l.prisonerName })}</Link>{" "}
              <span className="muted">· {t("letters.scheduledFor", { date: date.format(new Date(l.scheduledFor!)) })}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("letters.sent")}</h2>
      {sent.length === 0 ? (
        <p>{t("letters.noneSent")}</p>
      ) : (
        <ul className="plain-list">
          {sent.map((l) => (
            <li key={l.id}>
              <Link to={`/letters/${l.id}`}>{t(l.kind === "postcard" ? "letters.postcardTo" : "letters.letterTo", { name: l.prisonerName })}</Link>{" "}
              <span className="muted">
                · {l.sentAt ? date.format(new Date(l.sentAt)) : ""} · {routeName(t, l.route?.name)} · {statusLabel(t, l.status)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
