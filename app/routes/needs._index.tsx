import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listOpenNeeds, type NeedBoardFilter } from "#app/models/support.server.ts";
import { NEED_KINDS, NEED_SITUATIONS } from "#app/support/rules.ts";
import { SelectField } from "#app/components/select-field.tsx";
import { NeedFor, NeedProgressBar } from "#app/components/need-view.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "support.board.title");

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "pledge:needs");
  const params = new URL(request.url).searchParams;
  const dueBy = params.get("dueBy") ?? "";
  const filter: NeedBoardFilter = {
    kind: pick(params.get("kind"), NEED_KINDS),
    country: pick(params.get("country"), ["BY", "RU"] as const),
    situation: pick(params.get("situation"), NEED_SITUATIONS),
    dueBy: /^\d{4}-\d{2}-\d{2}$/.test(dueBy) && !Number.isNaN(Date.parse(dueBy)) ? dueBy : undefined,
  };
  const needs = await listOpenNeeds(user, filter);
  return {
    filter,
    needs: needs.map((n) => ({ ...n, deadline: n.deadline ? n.deadline.toISOString().slice(0, 10) : null })),
  };
}

export default function NeedsBoard() {
  const t = useT();
  const { filter, needs } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="panel">
        <h1>{t("support.board.title")}</h1>
        <p>{t("support.board.intro")}</p>
        <Form method="get" className="filters">
          <SelectField
            id="need-kind"
            name="kind"
            label={t("support.kind")}
            emptyLabel={t("common.all")}
            defaultValue={filter.kind ?? ""}
            options={NEED_KINDS.map((k) => ({ value: k, label: t(`support.kind.${k}` as MessageKey) }))}
          />
          <SelectField
            id="need-country"
            name="country"
            label={t("support.country")}
            emptyLabel={t("common.all")}
            defaultValue={filter.country ?? ""}
            options={(["BY", "RU"] as const).map((c) => ({ value: c, label: t(`prisoners.country.${c}`) }))}
          />
          <SelectField
            id="need-situation"
            name="situation"
            label={t("support.situation")}
            emptyLabel={t("common.all")}
            defaultValue={filter.situation ?? ""}
            options={NEED_SITUATIONS.map((s) => ({ value: s, label: t(`prisonerStatus.${s}`) }))}
          />
          <div className="field">
            <label htmlFor="need-due">{t("support.dueBy")}</label>
            <input id="need-due" type="date" name="dueBy" defaultValue={filter.dueBy ?? ""} />
          </div>
          <button type="submit">{t("common.filter")}</button>
        </Form>
      </section>
      {needs.length === 0 ? (
        <section className="panel">
          <p>{t("support.board.empty")}</p>
        </section>
      ) : (
        <ul className="card-list" data-testid="needs-board">
          {needs.map((need) => (
            <li key={need.id} className="panel">
              <h2>
                <Link to={`/needs/${need.id}`}>{t(`support.kind.${need.kind}` as MessageKey)}</Link>
              </h2>
              <NeedFor prisoner={need.prisoner} family={need.family} />
              <p>{need.text}</p>
              {need.deadline ? <p>{t("support.deadline", { date: need.deadline })}</p> : null}
              <p>{t(`support.via.${need.via}` as MessageKey)}</p>
              <NeedProgressBar progress={need.progress} currency={need.currency} />
              <p>
                <Link to={`/needs/${need.id}`} className="button-primary">
                  {t("support.board.help")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
