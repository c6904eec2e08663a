import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { activeAdoptions, birthdaysThisMonth, endAdoption, pickForMe, whoNeedsLetters, type NeedsFilter } from "#app/models/picking.server.ts";
// eslint-disable-next-line no-restricted-imports -- queries to move into a model function at the merge (issue 12, item 8); this route belongs to another helper
import { prisma } from "#app/utils/db.server.ts";
import { COUNTRIES, WRITING_LANGUAGE_CODES } from "#app/schemas/prisoners.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { PrisonerFlags } from "#app/components/prisoner-flags.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { fullName } from "#app/names/match-keys.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "write.title");

function filterFrom(url: URL, writesIn: string[]): NeedsFilter & { useMyLanguages: boolean } {
  const country = COUNTRIES.find((c) => c === url.searchParams.get("country"));
  // By default only people whose facility accepts a language the volunteer writes in.
  const useMyLanguages = url.searchParams.get("anyLanguage") !== "1";
  return { country, languages: useMyLanguages ? writesIn : undefined, page: pageFromUrl(url), useMyLanguages };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const url = new URL(request.url);
  const view = url.searchParams.get("view") === "birthdays" ? "birthdays" : "needs";
  const filter = filterFrom(url, user.writesIn);
  const adoptions = await activeAdoptions(user.id);
  const adopted = await prisma.prisonerName.findMany({
    where: { prisonerId: { in: adoptions.map((a) => a.prisonerId) }, isPrimary: true },
    select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
  });
  const base = {
    view,
    filter: { country: filter.country ?? "", anyLanguage: !filter.useMyLanguages },
    writesIn: user.writesIn,
    adopted: adopted.map((n) => ({ id: n.prisonerId, name: fullName(n) })),
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
    const id = await pickForMe(filterFrom(url, user.writesIn));
    throw redirect(id ? `/prisoners/${id}?picked=1` : "/write?nobody=1");
  }
  throw new Response("Bad request", { status: 400 });
}

export default function Write() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const query = (view: string) => `?${new URLSearchParams({ view, ...(data.filter.country ? { country: data.filter.country } : {}), ...(data.filter.anyLanguage ? { anyLanguage: "1" } : {}) })}`;
  return (
    <>
      <section className="panel">
        <h1>{t("write.title")}</h1>
        <p>{t("write.intro")}</p>
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
            <input type="checkbox" name="anyLanguage" value="1" defaultChecked={data.filter.anyLanguage} /> {t("write.anyLanguage")}
          </label>
          <button type="submit" className="button-secondary">
            {t("common.filter")}
          </button>
        </Form>
        {!data.filter.anyLanguage ? (
          <p className="muted">
            {t("write.myLanguages", {
              languages: data.writesIn.map((l) => t(`language.${l as (typeof WRITING_LANGUAGE_CODES)[number]}`)).join(", ") || "—",
            })}
          </p>
        ) : null}
        <nav className="tabs" aria-label={t("write.title")}>
          <Link to={query("needs")} aria-current={data.view === "needs" ? "page" : undefined}>
            {t("write.needs")}
          </Link>
          <Link to={query("birthdays")} aria-current={data.view === "birthdays" ? "page" : undefined}>
            {t("write.birthdays")}
          </Link>
        </nav>
        {data.candidates.length === 0 ? (
          <p>{t("write.nobody")}</p>
        ) : (
          <ul className="candidates">
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
                {c.incommunicado || c.relativesOnly ? <p className="notice notice-error">{t("write.deliveryNotExpected")}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {data.view === "needs" ? <Pagination page={data.page} pages={data.pages} /> : null}
      </section>
      <section className="panel">
        <h2>{t("write.adopted")}</h2>
        <p>{t("write.adoptedIntro")}</p>
        {data.adopted.length === 0 ? (
          <p>{t("write.noneAdopted")}</p>
        ) : (
          <ul className="plain-list">
            {data.adopted.map((a) => (
              <li key={a.id}>
                <Link to={`/prisoners/${a.id}`}>{a.name}</Link>{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="prisonerId" value={a.id} />
                  <button type="submit" name="intent" value="unadopt" className="button-small" aria-label={`${t("write.unadopt")}: ${a.name}`}>
                    {t("write.unadopt")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
