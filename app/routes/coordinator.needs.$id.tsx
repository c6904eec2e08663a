import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { needForCoordinator } from "#app/models/support.server.ts";
import { ErrorText } from "#app/components/forms.tsx";
import { amountText, NeedProgressBar } from "#app/components/need-view.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { coordinatorNeedAction } from "./coordinator.needs.$id.server.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";
import { fundraiserReports } from "#app/models/public.server.ts";
import { FundraiserReports, ShareableSwitch } from "#app/components/fundraiser-reports.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "support.need.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const need = await needForCoordinator(user, params.id ?? "");
  if (!need) throw new Response("Not found", { status: 404 });
  const reports = need.fundraiserUrl ? await fundraiserReports(user, { needId: need.id }) : [];
  return {
    ...need,
    reports,
    deadline: need.deadline ? need.deadline.toISOString().slice(0, 10) : null,
    pledges: need.pledges.map((p) => ({ ...p, heldUntil: p.heldUntil.toISOString().slice(0, 16).replace("T", " ") })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  return coordinatorNeedAction(user, params.id ?? "", await request.formData());
}

export default function CoordinatorNeed() {
  const t = useT();
  const need = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/coordinator/needs">← {t("support.coordinator.title")}</Link>
        </p>
        <h1>{t(`support.kind.${need.kind}` as MessageKey)}</h1>
        <p>
          {t("support.forPerson", { name: need.prisoner.name })}{" "}
          <Link to={`/prisoners/${need.prisoner.id}`}>{t("support.coordinator.profile")}</Link>
        </p>
        {need.family ? (
          <p>
            {t("support.coordinator.family", { description: need.family.description })}{" "}
            <Link to={`/coordinator/families/${need.family.id}`}>{t("support.family.open")}</Link>
          </p>
        ) : null}
        <p>{need.text}</p>
        {need.deadline ? <p>{t("support.deadline", { date: need.deadline })}</p> : null}
        <p>
          {t(`support.via.${need.via}` as MessageKey)}
          {need.fundraiserUrl ? (
            <>
              {" "}
              <a href={need.fundraiserUrl} rel="noopener noreferrer">
                {need.fundraiserUrl}
              </a>
            </>
          ) : null}
        </p>
        <p>{t("support.how.hold", { days: need.holdDays })}</p>
        <p className="badge">{t(`support.needState.${need.state}` as MessageKey)}</p>
        <NeedProgressBar progress={need.progress} currency={need.currency} />
        {actionData?.error ? (
          <p role="alert" className="field-error">
            {t(actionData.error)}
          </p>
        ) : null}
        {need.state === "open" ? (
          <ShareableSwitch
            shareable={need.shareable}
            label={t("public.shareable.need")}
            hint={t("public.shareable.needHint")}
          />
        ) : null}
        {need.state === "open" ? (
          <Form method="post">
            <button type="submit" name="intent" value="close">
              {t("support.coordinator.close")}
            </button>
          </Form>
        ) : null}
      </section>
      <section className="panel">
        <h2>{t("support.coordinator.pledges")}</h2>
        {need.pledges.length === 0 ? <p>{t("support.coordinator.noPledges")}</p> : null}
        <ul data-testid="need-pledges">
          {need.pledges.map((p) => {
            const errors = actionData?.pledgeId === p.id ? actionData.fieldErrors : undefined;
            return (
              <li key={p.id}>
                <p>
                  {p.pseudonym ?? t("support.coordinator.deletedVolunteer")}: {amountText(p.amount, need.currency)} —{" "}
                  {t(`support.pledgeState.${p.state}` as MessageKey)}
                  {p.state === "held" ? ` (${t("support.heldUntil", { time: p.heldUntil })})` : null}
                  {p.state === "fulfilled" ? ` (${amountText(p.fulfilledAmount, need.currency)})` : null}
                </p>
                {need.state === "open" && (p.state === "held" || p.state === "confirmed" || p.state === "expired") ? (
                  <Form method="post" className="inline-actions">
                    <input type="hidden" name="intent" value="fulfil" />
                    <input type="hidden" name="pledgeId" value={p.id} />
                    <div className="field">
                      <label htmlFor={`fulfil-${p.id}`}>{t("support.coordinator.arrived")}</label>
                      <input
                        id={`fulfil-${p.id}`}
                        name="fulfilledAmount"
                        inputMode="numeric"
                        defaultValue={String(p.amount)}
                        aria-invalid={errors?.fulfilledAmount ? true : undefined}
                      />
                      <ErrorText id={`fulfil-${p.id}-error`} message={errors?.fulfilledAmount} />
                    </div>
                    <button type="submit" className="button-primary">
                      {t("support.coordinator.fulfil")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      {need.fundraiserUrl ? (
        <FundraiserReports
          reports={need.reports}
          defaultCurrency={need.currency ?? "EUR"}
          errors={actionData?.form === "report" ? actionData.fieldErrors : undefined}
          error={actionData?.form === "report" ? actionData.error : undefined}
        />
      ) : null}
    </>
  );
}
