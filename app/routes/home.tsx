import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireApprovedUser } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
// eslint-disable-next-line no-restricted-imports -- queries to move into a model function at the merge (issue 12, item 8); this route belongs to another helper
import { prisma } from "#app/utils/db.server.ts";
import { reachableWhere } from "#app/models/situation.server.ts";
import { myPledges } from "#app/models/support.server.ts";
import { MyPledges } from "#app/components/my-pledges.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "nav.home");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireApprovedUser(request);
  const coordinator = can(user, "approve:volunteers");
  const [prisoners, humanitarian, pendingVolunteers, approvedVolunteers] = await Promise.all([
    prisma.prisoner.count({ where: reachableWhere }),
    prisma.prisoner.count({ where: { humanitarian: true, ...reachableWhere } }),
    coordinator ? prisma.user.count({ where: { vettingState: "pending" } }) : Promise.resolve(null),
    coordinator ? prisma.user.count({ where: { vettingState: "approved", role: "volunteer" } }) : Promise.resolve(null),
  ]);
  const pledges = (await myPledges(user)).map((p) => ({ ...p, heldUntil: p.heldUntil.toISOString().slice(0, 16).replace("T", " ") }));
  return { pseudonym: user.pseudonym, coordinator, pledges, stats: { prisoners, humanitarian, pendingVolunteers, approvedVolunteers } };
}

export default function Home() {
  const t = useT();
  const { pseudonym, coordinator, pledges, stats } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="panel">
        <h1>{t("home.title", { pseudonym })}</h1>
        <p>{coordinator ? t("home.coordinator.intro") : t("home.volunteer.intro")}</p>
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
        <p className="actions">
          <Link to="/prisoners" className="button-primary">
            {t("home.prisoners")}
          </Link>
        </p>
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
