import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { devMailboxEnabled } from "#app/utils/config.server.ts";
import { recentMail } from "#app/models/mailbox.server.ts";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "mailbox.title");

// Development only: without SMTP the outbox is the mailbox. In production, or with
// SMTP configured, this page does not exist.
export async function loader(_: LoaderFunctionArgs) {
  if (!devMailboxEnabled()) throw new Response("Not found", { status: 404 });
  return { mails: await recentMail(50) };
}

export default function Mailbox() {
  const t = useT();
  const { mails } = useLoaderData<typeof loader>();
  const date = useDateFormatter("logTime");
  return (
    <section className="panel">
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      {mails.length === 0 ? <p>{t("mailbox.empty")}</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="mail">
          <h2>{m.subject}</h2>
          <p className="muted">
            {t("mailbox.to")}: {m.to} · {t("mailbox.sent")}: {date.format(new Date(m.createdAt))}
          </p>
          <pre>{m.text}</pre>
        </article>
      ))}
    </section>
  );
}
