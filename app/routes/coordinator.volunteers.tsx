import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { changeRole, changeVetting, listUsers } from "#app/models/users.server.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "volunteers.title");

const STATES = ["pending", "approved", "suspended"] as const;
const ROLES = ["volunteer", "coordinator", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "approve:volunteers");
  const url = new URL(request.url);
  const state = STATES.find((s) => s === url.searchParams.get("state"));
  const role = ROLES.find((r) => r === url.searchParams.get("role"));
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const result = await listUsers({ state, role, query, page: pageFromUrl(url) });
  return {
    ...result,
    filters: { state: state ?? "", role: role ?? "", q: query },
    me: user.id,
    canChangeRoles: can(user, "change:roles"),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["approve", "suspend", "reinstate"]), userId: z.string().min(1) }),
  z.object({ intent: z.literal("role"), userId: z.string().min(1), role: z.enum(ROLES) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "approve:volunteers");
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  // A change the actor may not make is a PermissionError: a 403 (app/utils/domain-error.ts).
  if (parsed.data.intent === "role") {
    const updated = await changeRole(user, parsed.data.userId, parsed.data.role);
    return { done: "roleChanged" as const, pseudonym: updated.pseudonym, role: updated.role };
  }
  const updated = await changeVetting(user, parsed.data.userId, parsed.data.intent);
  const done = ({ approve: "approved", suspend: "suspended", reinstate: "reinstated" } as const)[parsed.data.intent];
  return { done, pseudonym: updated.pseudonym, role: updated.role };
}

export default function Volunteers() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = useDateFormatter("date");
  return (
    <section className="panel">
      <h1>{t("volunteers.title")}</h1>
      <p>{t("volunteers.intro")}</p>
      {actionData ? (
        <p className="notice notice-ok" role="status">
          {actionData.done === "roleChanged"
            ? t("volunteers.roleChanged", { pseudonym: actionData.pseudonym, role: t(`role.${actionData.role}`) })
            : t(`volunteers.${actionData.done}`, { pseudonym: actionData.pseudonym })}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="volunteer-q">{t("volunteers.search")}</label>
          <input id="volunteer-q" type="search" name="q" defaultValue={data.filters.q} />
        </div>
        <SelectField
          id="volunteer-state"
          name="state"
          label={t("volunteers.state")}
          emptyLabel={t("common.all")}
          defaultValue={data.filters.state}
          options={STATES.map((s) => ({ value: s, label: t(`vetting.${s}`) }))}
        />
        <SelectField
          id="volunteer-role"
          name="role"
          label={t("volunteers.role")}
          emptyLabel={t("common.all")}
          defaultValue={data.filters.role}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <button type="submit" className="button-secondary">
          {t("common.filter")}
        </button>
      </Form>
      {data.users.length === 0 ? (
        <p>{t("volunteers.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="cards">
            <thead>
              <tr>
                <th scope="col">{t("volunteers.pseudonym")}</th>
                <th scope="col">{t("volunteers.email")}</th>
                <th scope="col">{t("volunteers.role")}</th>
                <th scope="col">{t("volunteers.state")}</th>
                <th scope="col">{t("volunteers.joined")}</th>
                <th scope="col">{t("volunteers.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => {
                const isMe = u.id === data.me;
                const mayAct = !isMe && (u.role === "volunteer" || data.canChangeRoles);
                return (
                  <tr key={u.id} data-testid={`user-row-${u.email}`}>
                    <td data-label={t("volunteers.pseudonym")}>
                      {u.pseudonym} {isMe ? <span className="muted">{t("volunteers.you")}</span> : null}
                    </td>
                    <td data-label={t("volunteers.email")}>{u.email}</td>
                    <td data-label={t("volunteers.role")}>{t(`role.${u.role}`)}</td>
                    <td data-label={t("volunteers.state")}>
                      <span className={`badge badge-${u.vettingState}`}>{t(`vetting.${u.vettingState}`)}</span>
                    </td>
                    <td data-label={t("volunteers.joined")}>{date.format(new Date(u.createdAt))}</td>
                    <td data-label={t("volunteers.actions")}>
                      {mayAct ? (
                        <div className="row-actions">
                          <Form method="post">
                            <input type="hidden" name="userId" value={u.id} />
                            {u.vettingState === "pending" ? (
                              <button
                                type="submit"
                                name="intent"
                                value="approve"
                                className="button-small button-primary"
                                aria-label={`${t("volunteers.approve")}: ${u.pseudonym}`}
                              >
                                {t("volunteers.approve")}
                              </button>
                            ) : null}
                            {u.vettingState === "suspended" ? (
                              <button
                                type="submit"
                                name="intent"
                                value="reinstate"
                                className="button-small"
                                aria-label={`${t("volunteers.reinstate")}: ${u.pseudonym}`}
                              >
                                {t("volunteers.reinstate")}
                              </button>
                            ) : (
                              <button
                                type="submit"
                                name="intent"
                                value="suspend"
                                className="button-small button-danger"
                                aria-label={`${t("volunteers.suspend")}: ${u.pseudonym}`}
                              >
                                {t("volunteers.suspend")}
                              </button>
                            )}
                          </Form>
                          {data.canChangeRoles ? (
                            <Form method="post" className="role-form">
                              <input type="hidden" name="userId" value={u.id} />
                              <input type="hidden" name="intent" value="role" />
                              <label htmlFor={`role-${u.id}`} className="visually-hidden">
                                {t("volunteers.roleFor", { pseudonym: u.pseudonym })}
                              </label>
                              <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                                {ROLES.map((r) => (
                                  <option key={r} value={r}>
                                    {t(`role.${r}`)}
                                  </option>
                                ))}
                              </select>
                              <button type="submit" className="button-small">
                                {t("volunteers.changeRole")}
                              </button>
                            </Form>
                          ) : null}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </section>
  );
}
