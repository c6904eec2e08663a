import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { needForVolunteer } from "#app/models/support.server.ts";
import { pledgeSchema } from "#app/schemas/support.ts";
import { SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { amountText, NeedFor, NeedProgressBar } from "#app/components/need-view.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { needAction } from "./needs.$id.server.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "support.need.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "pledge:needs");
  const need = await needForVolunteer(user, params.id ?? "");
  if (!need) throw new Response("Not found", { status: 404 });
  return {
    ...need,
    deadline: need.deadline ? need.deadline.toISOString().slice(0, 10) : null,
    mine: need.mine.map((p) => ({ ...p, heldUntil: p.heldUntil.toISOString().slice(0, 16).replace("T", " ") })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "pledge:needs");
  return needAction(user, params.id ?? "", await request.formData());
}

export default function NeedPage() {
  const t = useT();
  const need = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { form, onSubmit } = useValidatedForm(pledgeSchema, {
    defaultValues: { amount: actionData?.amount ?? String(need.progress.available || "") },
    serverErrors: actionData?.fieldErrors ?? null,
  });
  const open = need.state === "open" && need.progress.available > 0;
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/needs">← {t("support.board.title")}</Link>
        </p>
        <h1>{t(`support.kind.${need.kind}` as MessageKey)}</h1>
        <NeedFor prisoner={need.prisoner} family={need.family} />
        <p>{need.text}</p>
        {need.deadline ? <p>{t("support.deadline", { date: need.deadline })}</p> : null}
        <NeedProgressBar progress={need.progress} currency={need.currency} />
        {need.state !== "open" ? <p className="badge">{t(`support.needState.${need.state}` as MessageKey)}</p> : null}
      </section>
      <section className="panel">
        <h2>{t("support.how.title")}</h2>
        {need.via === "parcel" ? (
          need.family ? (
            <>
              <p>{t("support.how.parcelFamily")}</p>
              {need.relayAddresses.map((address) => (
                <pre key={address} className="address">
                  {address}
                </pre>
              ))}
            </>
          ) : (
            <p>
              {t("support.how.parcelPerson")}{" "}
              <Link to={`/prisoners/${need.prisoner.id}`}>{t("support.how.parcelLink")}</Link>
            </p>
          )
        ) : null}
        {need.via === "fundraiser" && need.fundraiserUrl ? (
          <p>
            {t("support.how.fundraiser")}{" "}
            <a href={need.fundraiserUrl} rel="noopener noreferrer" target="_blank">
              {new URL(need.fundraiserUrl).hostname}
            </a>
          </p>
        ) : null}
        {need.via === "task" ? <p>{t("support.how.task")}</p> : null}
        <p className="field-hint">{t("support.how.hold", { days: need.holdDays })}</p>
        {search.get("pledged") ? (
          <p role="status" className="notice">
            {t("support.pledged")}
          </p>
        ) : null}
        {actionData?.error ? (
          <p role="alert" className="field-error">
            {t(actionData.error)}
          </p>
        ) : null}
        {open ? (
          <ValidatedForm onSubmit={onSubmit}>
            <input type="hidden" name="intent" value="pledge" />
            <TextField
              form={form}
              name="amount"
              inputMode="numeric"
              label={
                need.currency
                  ? t("support.pledge.amountMoney", { currency: need.currency })
                  : t("support.pledge.amount")
              }
              hint={t("support.pledge.hint", { available: amountText(need.progress.available, need.currency) })}
            />
            <SubmitButton>{t("support.pledge.submit")}</SubmitButton>
          </ValidatedForm>
        ) : null}
      </section>
      {need.mine.length > 0 ? (
        <section className="panel">
          <h2>{t("support.mine.title")}</h2>
          <ul data-testid="my-pledges">
            {need.mine.map((p) => (
              <li key={p.id}>
                {amountText(p.amount, need.currency)} — {t(`support.pledgeState.${p.state}` as MessageKey)}
                {p.state === "held" ? ` (${t("support.heldUntil", { time: p.heldUntil })})` : null}
                {p.state === "fulfilled" ? ` (${amountText(p.fulfilledAmount, need.currency)})` : null}
                {p.state === "held" || p.state === "confirmed" ? (
                  <Form method="post" className="inline-actions">
                    <input type="hidden" name="pledgeId" value={p.id} />
                    {p.state === "held" ? (
                      <button type="submit" name="intent" value="confirm" className="button-primary">
                        {t("support.pledge.confirm")}
                      </button>
                    ) : null}
                    <button type="submit" name="intent" value="withdraw">
                      {t("support.pledge.withdraw")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
