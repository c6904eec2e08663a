import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import {
  adoptedPeople,
  birthdaysThisMonth,
  endAdoption,
  pickForMe,
  reachOf,
  whoNeedsLetters,
  type NeedsFilter,
} from "#app/models/picking.server.ts";
import { COUNTRIES, WRITING_LANGUAGE_CODES } from "#app/schemas/prisoners.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { PrisonerFlags } from "#app/components/prisoner-flags.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT } from "#app/i18n/react.tsx";
import { now } from "#app/utils/clock.server.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { TranslatedByNote, DeliveryNote } from "#app/components/letter/reach-notes.tsx";
import { activeCampaignsFor } from "#app/models/campaigns.server.ts";
import { ActiveCampaigns } from "#app/components/campaign-view.tsx";
import { resolveLocale } from "#app/utils/locale.server.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "write.title");

type View = "needs" | "birthdays" | "bank";

async function filterFrom(url: URL, writesIn: string[]) {
  const country = COUNTRIES.find((c) => c === url.searchParams.get("country"));
  // By default only people whose facility accepts a language the volunteer writes in,
  // or one a translating route (the atelier) carries their text into.
  const useMyLanguages = url.searchParams.get("anyLanguage") !== "1";
  const reach = await reachOf(writesIn);
  const raw = url.searchParams.get("view");
  const view: View = raw === "birthdays" || raw === "bank" ? raw : "needs";
  const filter: NeedsFilter = {
    country,
    // Someone who named no writing language (a coordinator, often) is not narrowed by language, as before.
    reach: useMyLanguages && writesIn.length > 0 ? reach : undefined,
    view: view === "bank" ? "bank" : "needs",
    page: pageFromUrl(url),
  };
  return { filter, view, useMyLanguages, reach };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const url = new URL(request.url);
  const { filter, view, useMyLanguages, reach } = await filterFrom(url, user.writesIn);
  const adopted = await adoptedPeople(user.id);
  const base = {
    view,
    filter: { country: filter.country ?? "", anyLanguage: !useMyLanguages },
    writesIn: user.writesIn,
    reach,
    adopted,
    nobodyPicked: url.searchParams.get("nobody") === "1",
    today: now().toISOString(),
    campaigns: await activeCampaignsFor(user, await resolveLocale(request, user.locale)),
  };
  if (view === "birthdays") {
    return { ...base, candidates: await birthdaysThisMonth(filter), page: 1, pages: 1, total: null };
  }
  const needs = await whoNeedsLetters(filter);
  return { ...base, ...needs };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "unadopt") {
    await endAdoption(user.id, String(formData.get("prisonerId") ?? ""));
    throw redirect("/write");
  }
  if (intent === "pick") {
    const url = new URL(request.url);
    const { filter } = await filterFrom(url, user.writesIn);
    const id = await pickForMe({ ...filter, view: "needs" });
    throw redirect(id ? `/prisoners/${id}?picked=1` : "/write?nobody=1");
  }
  throw new Response("Bad request", { status: 400 });
}

export default function Write() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const query = (view: string) =>
    `?${new URLSearchParams({ view, ...(data.filter.country ? { country: data.filter.country } : {}), ...(data.filter.anyLanguage ? { anyLanguage: "1" } : {}) })}`;
  return (
    <>
      <section className="panel">
        <h1>{t("write.title")}</h1>
        <p>{t("write.intro")}</p>
        <ActiveCampaigns campaigns={data.campaigns} inline />
        <Form method="post" action={`/write${query(data.view)}`}>
          <button type="submit" name="intent" value="pick" className="button-primary">
            {t("write.pickForMe")}
          </button>
        </Form>
        <Form method="get" className="filters">
          <input type="hidden" name="view" value={data.view} />
          <SelectField
            id="write-country"
            name="country"
            label={t("prisoners.country")}
            emptyLabel={t("common.all")}
            defaultValue={data.filter.country}
            options={COUNTRIES.map((c) => ({ value: c, label: t(`prisoners.country.${c}`) }))}
          />
          <label className="checkbox">
            <input type="checkbox" name="anyLanguage" value="1" defaultChecked={data.filter.anyLanguage} />{" "}
            {t("write.anyLanguage")}
          </label>
          <button type="submit" className="button-secondary">
            {t("common.filter")}
          </button>
        </Form>
        {!data.filter.anyLanguage ? (
          <p className="muted">
            {t("write.myLanguages", {
              languages:
                data.writesIn.map((l) => t(`language.${l as (typeof WRITING_LANGUAGE_CODES)[number]}`)).join(", ") ||
                "—",
            })}
          </p>
        ) : null}
        {data.nobodyPicked ? (
          <p className="notice" role="status">
            {t("write.nobodyToPick")}
          </p>
        ) : null}
        <nav className="tabs" aria-label={t("write.title")}>
          <Link to={query("needs")} aria-current={data.view === "needs" ? "page" : undefined}>
            {t("write.needs")}
          </Link>
          <Link to={query("birthdays")} aria-current={data.view === "birthdays" ? "page" : undefined}>
            {t("write.birthdays")}
          </Link>
          <Link to={query("bank")} aria-current={data.view === "bank" ? "page" : undefined}>
            {t("write.bankView")}
          </Link>
        </nav>
        {data.view === "bank" ? <p>{t("write.bankIntro")}</p> : null}
        {data.candidates.length === 0 ? (
          <p>{t("write.nobody")}</p>
        ) : (
          <ul className="candidates" data-testid="candidates">
            {data.candidates.map((c) => (
              <li key={c.id}>
                <Link to={`/prisoners/${c.id}`} lang={c.country === "BY" ? "be" : "ru"}>
                  {c.name}
                </Link>
                <span className="muted" lang="ru">
                  {" "}
                  · {c.facility ?? "—"}
                </span>
                <span className="muted"> · {t("write.recentLetters", { count: c.recentLetters })}</span>
                <PrisonerFlags prisoner={{ ...c, doNotWrite: false }} />
                {data.view === "bank" ? (
                  <DeliveryNote
                    noAddress={c.facility === null}
                    personRule={c.incommunicado || c.relativesOnly}
                    facilityRule={c.facilityRelativesOnly}
                  />
                ) : (
                  <TranslatedByNote
                    writesIn={data.writesIn}
                    facilityLanguages={c.facilityLanguages}
                    reach={data.reach.find((r) => r.country === c.country) ?? null}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {data.view !== "birthdays" ? <Pagination page={data.page} pages={data.pages} /> : null}
      </section>
      <section className="panel">
        <h2>{t("write.adopted")}</h2>
        <p>{t("write.adoptedIntro")}</p>
        {data.adopted.people.length === 0 ? (
          <p>{t("write.noneAdopted")}</p>
        ) : (
          <>
            <p data-testid="adoption-count">
              {t("write.adoptedCount", { count: data.adopted.people.length, limit: data.adopted.limit })}
            </p>
            <ul className="plain-list">
              {data.adopted.people.map((a) => (
                <li key={a.id}>
                  <Link to={`/prisoners/${a.id}`}>{a.name}</Link>{" "}
                  <span className="muted">
                    ·{" "}
                    {a.lastLetterAt
                      ? t("write.lastLetterDaysAgo", { count: daysSince(a.lastLetterAt, data.today) })
                      : t("write.noLetterYet")}
                  </span>{" "}
                  <Link to={`/prisoners/${a.id}`} className="button-small">
                    {t("write.writeAgain")}
                  </Link>{" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="prisonerId" value={a.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="unadopt"
                      className="button-small"
                      aria-label={`${t("write.unadopt")}: ${a.name}`}
                    >
                      {t("write.unadopt")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function daysSince(date: string | Date, today: string): number {
  return Math.max(0, Math.floor((new Date(today).getTime() - new Date(date).getTime()) / 86_400_000));
}
