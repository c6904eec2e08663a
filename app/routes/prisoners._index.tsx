import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { searchPrisoners } from "#app/models/prisoner-search.server.ts";
import {
  COUNTRIES,
  FACILITY_TYPES,
  HUMANITARIAN_REASONS,
  PRISONER_SORTS,
  PRISONER_STATUSES,
} from "#app/schemas/prisoners.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { PrisonerFlags } from "#app/components/prisoner-flags.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { PersonName } from "#app/components/person-name.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "prisoners.title");

function pick<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:prisoners");
  const url = new URL(request.url);
  const p = url.searchParams;
  const noLetterDays = Number.parseInt(p.get("noLetterDays") ?? "", 10);
  const filters = {
    q: (p.get("q") ?? "").slice(0, 200),
    country: pick(COUNTRIES, p.get("country")),
    status: pick(PRISONER_STATUSES, p.get("status")),
    reason: pick(HUMANITARIAN_REASONS, p.get("reason")),
    facilityType: pick(FACILITY_TYPES, p.get("facilityType")),
    noLetterDays: Number.isFinite(noLetterDays) && noLetterDays > 0 ? Math.min(noLetterDays, 3650) : undefined,
    birthdayThisMonth: p.get("birthday") === "1",
    needsReview: p.get("review") === "1",
    sort: pick(PRISONER_SORTS, p.get("sort")),
    page: pageFromUrl(url),
  };
  const result = await searchPrisoners(filters);
  return {
    ...result,
    filters: { ...filters, noLetterDays: filters.noLetterDays ?? "" },
    canEdit: can(user, "edit:prisoners"),
  };
}

export default function Prisoners() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const f = data.filters;
  return (
    <section className="panel">
      <div className="heading-row">
        <h1>{t("prisoners.title")}</h1>
        {data.canEdit ? (
          <p className="actions">
            <Link to="/facilities">{t("facilities.title")}</Link>
            <Link to="/imports">{t("imports.title")}</Link>
          </p>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="prisoner-search">{t("prisoners.search")}</label>
          <input
            id="prisoner-search"
            type="search"
            name="q"
            defaultValue={f.q}
            aria-describedby="prisoner-search-hint"
          />
          <p id="prisoner-search-hint" className="field-hint">
            {t("prisoners.searchHint")}
          </p>
        </div>
        <SelectField
          id="prisoner-country"
          name="country"
          label={t("prisoners.country")}
          emptyLabel={t("common.all")}
          defaultValue={f.country ?? ""}
          options={COUNTRIES.map((c) => ({ value: c, label: t(`prisoners.country.${c}`) }))}
        />
        <SelectField
          id="prisoner-status"
          name="status"
          label={t("prisoners.status")}
          emptyLabel={t("common.all")}
          defaultValue={f.status ?? ""}
          options={PRISONER_STATUSES.map((s) => ({ value: s, label: t(`prisonerStatus.${s}`) }))}
        />
        <SelectField
          id="prisoner-reason"
          name="reason"
          label={t("prisoners.reason")}
          emptyLabel={t("common.all")}
          defaultValue={f.reason ?? ""}
          options={HUMANITARIAN_REASONS.map((r) => ({ value: r, label: t(`humanitarian.${r}`) }))}
        />
        <SelectField
          id="prisoner-facility-type"
          name="facilityType"
          label={t("prisoners.facilityType")}
          emptyLabel={t("common.all")}
          defaultValue={f.facilityType ?? ""}
          options={FACILITY_TYPES.map((type) => ({ value: type, label: t(`facilityType.${type}`) }))}
        />
        <div className="field">
          <label htmlFor="prisoner-no-letter">{t("prisoners.noLetterDays")}</label>
          <input
            id="prisoner-no-letter"
            type="number"
            name="noLetterDays"
            min={1}
            max={3650}
            inputMode="numeric"
            defaultValue={f.noLetterDays}
            className="input-short"
          />
        </div>
        <SelectField
          id="prisoner-sort"
          name="sort"
          label={t("prisoners.sort")}
          emptyLabel={t("prisoners.sort.default")}
          defaultValue={f.sort ?? ""}
          options={PRISONER_SORTS.map((s) => ({ value: s, label: t(`prisoners.sort.${s}`) }))}
        />
        <label className="checkbox">
          <input type="checkbox" name="birthday" value="1" defaultChecked={f.birthdayThisMonth} />{" "}
          {t("prisoners.birthdayThisMonth")}
        </label>
        {data.canEdit ? (
          <label className="checkbox">
            <input type="checkbox" name="review" value="1" defaultChecked={f.needsReview} />{" "}
            {t("prisoners.needsReviewOnly")}
          </label>
        ) : null}
        <button type="submit" className="button-secondary">
          {t("common.search")}
        </button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("common.results", { count: data.total })}
      </p>
      {data.prisoners.length === 0 ? (
        <p>{t("prisoners.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="cards">
            <thead>
              <tr>
                <th scope="col">{t("prisoners.name")}</th>
                <th scope="col">{t("prisoners.facility")}</th>
                <th scope="col">{t("prisoners.status")}</th>
                <th scope="col">{t("prisoners.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {data.prisoners.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("prisoners.name")}>
                    <PersonName
                      id={p.id}
                      names={p.spellings}
                      age={p.age}
                      birthYearOnly={p.birthYearOnly}
                      city={p.currentFacility?.city}
                      interests={p.interests}
                      about={p.about}
                    >
                      {p.rank === 2 ? <span className="muted"> · {t("prisoners.similarSpelling")}</span> : null}
                    </PersonName>
                  </td>
                  <td data-label={t("prisoners.facility")} lang="ru">
                    {p.currentFacility ? `${p.currentFacility.name}, ${p.currentFacility.city}` : "—"}
                  </td>
                  <td data-label={t("prisoners.status")}>{t(`prisonerStatus.${p.status}`)}</td>
                  <td data-label={t("prisoners.flags")}>
                    <PrisonerFlags prisoner={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </section>
  );
}
