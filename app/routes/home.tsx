import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireApprovedUser } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { registryStats, volunteerHome } from "#app/models/home.server.ts";
import { myPledges } from "#app/models/support.server.ts";
import { MyPledges } from "#app/components/my-pledges.tsx";
import { activeCampaignsFor } from "#app/models/campaigns.server.ts";
import { ActiveCampaigns } from "#app/components/campaign-view.tsx";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { useDateFormatter, useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "nav.home");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireApprovedUser(request);
  const coordinator = can(user, "approve:volunteers");
  const writer = can(user, "write:letters:own");
  const [stats, mine] = await Promise.all([
    registryStats(coordinator),
    writer ? volunteerHome(user) : Promise.resolve(null),
  ]);
  const pledges = (await myPledges(user)).map((p) => ({
    ...p,
    heldUntil: p.heldUntil.toISOString().slice(0, 16).replace("T", " "),
  }));
  const campaigns = await activeCampaignsFor(user, await resolveLocale(request, user.locale));
  return { pseudonym: user.pseudonym, coordinator, stats, mine, pledges, campaigns };
}

type Mine = NonNullable<Awaited<ReturnType<typeof loader>>["mine"]>;

/** The one next step: a reply to answer, a draft to finish, a letter to print, or a new letter. */
function NextStep({ mine }: { mine: Mine }) {
  const t = useT();
  const reply = mine.unreadReplies[0];
  if (reply) {
    return (
      <Form method="post" action="/letters/new" className="next-step">
        <input type="hidden" name="prisonerId" value={reply.prisonerId} />
        <input type="hidden" name="replyId" value={reply.id} />
        <button type="submit" className="button-primary">
          {t("home.next.writeBack", { name: reply.name })}
        </button>
      </Form>
    );
  }
  const [to, label] = mine.drafts[0]
    ? [`/letters/${mine.drafts[0].id}`, t("home.next.finishDraft", { name: mine.drafts[0].name })]
    : mine.toPrint[0]
      ? [`/letters/${mine.toPrint[0].id}`, t("home.next.print", { name: mine.toPrint[0].name })]
      : mine.quietAdopted[0]
        ? [`/prisoners/${mine.quietAdopted[0].id}`, t("home.next.writeAdopted", { name: mine.quietAdopted[0].name })]
        : ["/write", t("home.next.write")];
  return (
    <p className="next-step">
      <Link to={to} className="button-primary">
        {label}
      </Link>
    </p>
  );
}

function VolunteerHome({ mine }: { mine: Mine }) {
  const t = useT();
  const date = useDateFormatter("date", { calendarDay: true });
  const nothing =
    mine.unreadReplies.length +
      mine.drafts.length +
      mine.toPrint.length +
      mine.quietAdopted.length +
      mine.birthdays.length ===
    0;
  return (
    <>
      {mine.unreadReplies.length > 0 ? (
        <section className="panel highlight" data-testid="home-replies">
          <h2>{t("home.replies.title", { count: mine.unreadReplies.length })}</h2>
          <ul className="plain-list">
            {mine.unreadReplies.map((r) => (
              <li key={r.id}>
                <strong>{t("home.replies.from", { name: r.name })}</strong>{" "}
                <span className="muted">· {date.format(new Date(r.receivedOn))}</span>{" "}
                {r.letterId ? <Link to={`/letters/${r.letterId}`}>{t("home.replies.read")}</Link> : null}{" "}
                <Form method="post" action="/letters/new" className="inline-form">
                  <input type="hidden" name="prisonerId" value={r.prisonerId} />
                  <input type="hidden" name="replyId" value={r.id} />
                  <button type="submit" className="button-small">
                    {t("home.writeBack")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="panel" data-testid="home-needs">
        <h2>{t("home.needs.title")}</h2>
        <NextStep mine={mine} />
        {nothing ? <p>{t("home.needs.nothing")}</p> : null}
        <ul className="plain-list">
          {mine.drafts.map((d) => (
            <li key={d.id}>
              <Link to={`/letters/${d.id}`}>{t("home.needs.draft", { name: d.name })}</Link>
            </li>
          ))}
          {mine.toPrint.map((l) => (
            <li key={l.id}>
              <Link to={`/letters/${l.id}`}>{t("home.needs.print", { name: l.name })}</Link>
            </li>
          ))}
          {mine.quietAdopted.map((p) => (
            <li key={p.id}>
              <Link to={`/prisoners/${p.id}`}>{t("home.needs.quiet", { name: p.name, days: 30 })}</Link>
            </li>
          ))}
          {mine.birthdays.map((p) => (
            <li key={p.id}>
              <Link to={`/prisoners/${p.id}`}>
                {t("home.needs.birthday", { name: p.name, date: date.format(new Date(p.birthDate!)) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>{t("home.mine.title")}</h2>
        <dl className="stats" data-testid="my-counts">
          <div>
            <dt>{t("home.mine.sent")}</dt>
            <dd>{mine.counts.sent}</dd>
          </div>
          <div>
            <dt>{t("home.mine.delivered")}</dt>
            <dd>{mine.counts.delivered}</dd>
          </div>
          <div>
            <dt>{t("home.mine.replies")}</dt>
            <dd>{mine.counts.replies}</dd>
          </div>
        </dl>
        {mine.adopted.people.length > 0 ? (
          <p>
            {t("write.adoptedCount", { count: mine.adopted.people.length, limit: mine.adopted.limit })} ·{" "}
            <Link to="/write">{t("write.adopted")}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

export default function Home() {
  const t = useT();
  const { pseudonym, coordinator, stats, mine, pledges, campaigns } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="panel">
        <h1>{t("home.title", { pseudonym })}</h1>
        <p>{coordinator ? t("home.coordinator.intro") : t("home.volunteer.intro")}</p>
        {mine ? null : (
          <p className="actions">
            <Link to="/prisoners" className="button-primary">
              {t("home.prisoners")}
            </Link>
          </p>
        )}
      </section>
      {mine ? <VolunteerHome mine={mine} /> : null}
      <ActiveCampaigns campaigns={campaigns} />
      <section className="panel">
        <h2>{t("home.registry")}</h2>
        <dl className="stats">
          <div>
            <dt>{t("home.stats.prisoners")}</dt>
            <dd>{stats.prisoners}</dd>
          </div>
          <div>
            <dt>{t("home.stats.humanitarian")}</dt>
            <dd>{stats.humanitarian}</dd>
          </div>
          {stats.approvedVolunteers !== null ? (
            <div>
              <dt>{t("home.stats.volunteers")}</dt>
              <dd>{stats.approvedVolunteers}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <MyPledges pledges={pledges} />
      {stats.pendingVolunteers ? (
        <section className="panel">
          <p>{t("home.pendingVolunteers", { count: stats.pendingVolunteers })}</p>
          <p>
            <Link to="/coordinator/volunteers?state=pending">{t("home.reviewVolunteers")}</Link>
          </p>
        </section>
      ) : null}
      <section className="panel">
        <h2>{t("home.safety.title")}</h2>
        <p>{t("home.safety.body")}</p>
      </section>
    </>
  );
}
