import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { fundraiserDomains, listNeedsForCoordinator, setFundraiserDomains } from "#app/models/support.server.ts";
import { fundraiserDomainsSchema } from "#app/schemas/support.ts";
import { SelectField } from "#app/components/select-field.tsx";
import { NeedFor, NeedProgressBar } from "#app/components/need-view.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";
import { ListSettingForm } from "#app/components/list-setting-form.tsx";
import { embedFrameAncestors, setEmbedFrameAncestors } from "#app/models/public.server.ts";
import { embedAncestorsSchema } from "#app/schemas/public.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "support.coordinator.title");

const STATES = ["open", "fulfilled", "closed"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const stateParam = new URL(request.url).searchParams.get("state");
  const state = STATES.find((s) => s === stateParam) ?? "open";
  const needs = await listNeedsForCoordinator(user, { state });
  const admin = can(user, "change:roles");
  return {
    state,
    admin,
    domains: admin ? (await fundraiserDomains()).join("\n") : "",
    embedOrigins: admin ? (await embedFrameAncestors()).join("\n") : "",
    needs: needs.map((n) => ({ ...n, deadline: n.deadline ? n.deadline.toISOString().slice(0, 10) : null })),
  };
}

/** Admins set the domains fundraiser links may point to, and the sites that may frame the campaign widget. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "change:roles");
  const formData = await request.formData();
  if (formData.get("intent") === "embed") {
    const origins = parseWithSchema(embedAncestorsSchema, formData);
    if (!origins.ok) return { fieldErrors: origins.fieldErrors };
    await setEmbedFrameAncestors(user, origins.data.origins);
    throw redirect("/coordinator/needs#embed");
  }
  const parsed = parseWithSchema(fundraiserDomainsSchema, formData);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  await setFundraiserDomains(user, parsed.data.domains);
  throw redirect("/coordinator/needs");
}

export default function CoordinatorNeeds() {
  const t = useT();
  const { state, admin, domains, embedOrigins, needs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <section className="panel">
        <h1>{t("support.coordinator.title")}</h1>
        <p>{t("support.coordinator.intro")}</p>
        <p>
          <Link to="/coordinator/campaigns">{t("campaigns.coordinator.title")}</Link>
        </p>
        <Form method="get" className="filters">
          <SelectField
            id="need-state"
            name="state"
            label={t("support.needState")}
            defaultValue={state}
            options={STATES.map((s) => ({ value: s, label: t(`support.needState.${s}`) }))}
          />
          <button type="submit">{t("common.filter")}</button>
        </Form>
      </section>
      {needs.length === 0 ? (
        <section className="panel">
          <p>{t("support.board.empty")}</p>
        </section>
      ) : (
        <ul className="card-list" data-testid="coordinator-needs">
          {needs.map((need) => (
            <li key={need.id} className="panel">
              <h2>
                <Link to={`/coordinator/needs/${need.id}`}>{t(`support.kind.${need.kind}` as MessageKey)}</Link>
              </h2>
              <NeedFor prisoner={need.prisoner} family={need.family} />
              <p>{need.text}</p>
              {need.deadline ? <p>{t("support.deadline", { date: need.deadline })}</p> : null}
              <NeedProgressBar progress={need.progress} currency={need.currency} />
            </li>
          ))}
        </ul>
      )}
      {admin ? (
        <>
          <ListSettingForm
            id="fundraiser-domains"
            name="domains"
            title={t("support.domains.title")}
            label={t("support.domains.label")}
            hint={t("support.domains.hint")}
            value={domains}
            rows={4}
            error={actionData?.fieldErrors?.domains}
          />
          <ListSettingForm
            id="embed-origins"
            sectionId="embed"
            intent="embed"
            name="origins"
            title={t("public.embed.title")}
            label={t("public.embed.label")}
            hint={t("public.embed.hint")}
            value={embedOrigins}
            rows={3}
            error={actionData?.fieldErrors?.origins}
          />
        </>
      ) : null}
    </>
  );
}
