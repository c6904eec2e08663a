import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { campaignPageFor, pickForCampaignSlug } from "#app/models/campaigns.server.ts";
import { CampaignProgressBar } from "#app/components/campaign-view.tsx";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "campaigns.page.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const url = new URL(request.url);
  const page = await campaignPageFor(user, params.slug ?? "", {
    locale: await resolveLocale(request, user.locale),
    pickedId: url.searchParams.get("picked"),
  });
  if (!page) throw new Response("Not found", { status: 404 });
  return {
    page,
    nobodyPicked: url.searchParams.get("nobody") === "1",
    canSendParcels: can(user, "send:parcels:own"),
    canManage: can(user, "manage:needs"),
  };
}

/** "Pick for me": the person furthest from the goal, shown first on the page with the write buttons. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const slug = params.slug ?? "";
  const formData = await request.formData();
  if (formData.get("intent") !== "pick") throw new Response("Bad request", { status: 400 });
  const id = await pickForCampaignSlug(user, slug);
  throw redirect(`/campaigns/${encodeURIComponent(slug)}?${id ? `picked=${encodeURIComponent(id)}` : "nobody=1"}`);
}

export default function CampaignPage() {
  const t = useT();
  const { page, nobodyPicked, canSendParcels, canManage } = useLoaderData<typeof loader>();
  const { summary } = page;
  const welcomeHome = page.rule === "welcome_home";
  return (
    <>
      <section className="panel">
        <h1 lang={summary.language}>{summary.title}</h1>
        {summary.why ? (
          <p lang={summary.language} className="campaign-why">
            {summary.why}
          </p>
        ) : null}
        <p className="muted">
          {t("campaigns.dates", { from: summary.startsOn, to: summary.endsOn })} ·{" "}
          {t(`campaigns.goal.${summary.goalKind}`, { count: summary.goalCount })} · {ruleText(t, page)}
        </p>
        <CampaignProgressBar progress={summary} />
        <p className="field-hint" data-testid="campaign-from-page">
          {t("campaigns.page.fromPage", { count: page.fromCampaignPage })}
        </p>
        {page.fundraiserUrl ? (
          <p>
            <a href={page.fundraiserUrl} rel="noopener noreferrer external" target="_blank">
              {t("campaigns.page.fundraiser")}
            </a>{" "}
            <span className="muted">{t("campaigns.page.fundraiserNote")}</span>
          </p>
        ) : null}
        {canManage ? (
          <p>
            <Link to={`/coordinator/campaigns/${page.id}`}>{t("campaigns.edit.title")}</Link>
          </p>
        ) : null}
        {!page.active ? (
          <p className="notice" role="status">
            {t("campaigns.page.notActive")}
          </p>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="pick" className="button-primary">
              {t("campaigns.page.pick")}
            </button>
          </Form>
        )}
        {nobodyPicked ? (
          <p className="notice" role="status">
            {t("campaigns.page.nobody")}
          </p>
        ) : null}
        {welcomeHome ? <p className="notice">{t("campaigns.page.welcomeHomeNote")}</p> : null}
      </section>
      <section className="panel">
        <h2>{t("campaigns.page.people", { count: summary.people })}</h2>
        {page.people.length === 0 ? (
          <p>{t("campaigns.page.empty")}</p>
        ) : (
          <ul className="candidates" data-testid="campaign-people">
            {page.people.map((p) => (
              <li key={p.prisonerId} data-picked={p.prisonerId === page.picked ? "true" : undefined}>
                {p.prisonerId === page.picked ? (
                  <strong className="badge badge-info">{t("campaigns.page.picked")}</strong>
                ) : null}{" "}
                <Link to={`/prisoners/${p.prisonerId}`} lang={p.country === "BY" ? "be" : "ru"}>
                  {p.name}
                </Link>
                {p.facility ? (
                  <span className="muted" lang="ru">
                    {" "}
                    · {p.facility}
                  </span>
                ) : null}
                {p.birthDate && page.rule === "birthdays_in_month" ? (
                  <span className="muted"> · {t("campaigns.page.birthday", { date: p.birthDate.slice(5) })}</span>
                ) : null}
                {p.releasedOn && welcomeHome ? (
                  <span className="muted"> · {t("campaigns.page.released", { date: p.releasedOn })}</span>
                ) : null}
                <span className="muted" data-testid="person-count">
                  {" "}
                  ·{" "}
                  {p.goal !== null
                    ? t("campaigns.page.countOfGoal", { count: p.count, goal: p.goal })
                    : t("campaigns.page.count", { count: p.count })}
                </span>
                {page.active ? (
                  <span className="campaign-actions">
                    <WriteButton prisonerId={p.prisonerId} campaignId={page.id} kind="postcard" name={p.name} />
                    <WriteButton prisonerId={p.prisonerId} campaignId={page.id} kind="letter" name={p.name} />
                    {canSendParcels && !welcomeHome ? (
                      <Form method="post" action="/parcels/new" className="inline-form">
                        <input type="hidden" name="prisonerId" value={p.prisonerId} />
                        <input type="hidden" name="campaignId" value={page.id} />
                        <button
                          type="submit"
                          className="button-small"
                          aria-label={`${t("campaigns.page.parcel")}: ${p.name}`}
                        >
                          {t("campaigns.page.parcel")}
                        </button>
                      </Form>
                    ) : null}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {page.morePeople > 0 ? <p className="muted">{t("campaigns.page.more", { count: page.morePeople })}</p> : null}
      </section>
    </>
  );
}

function WriteButton({
  prisonerId,
  campaignId,
  kind,
  name,
}: {
  prisonerId: string;
  campaignId: string;
  kind: "postcard" | "letter";
  name: string;
}) {
  const t = useT();
  const label = kind === "postcard" ? t("campaigns.page.postcard") : t("campaigns.page.letter");
  return (
    <Form method="post" action="/letters/new" className="inline-form">
      <input type="hidden" name="prisonerId" value={prisonerId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <button type="submit" className="button-small" aria-label={`${label}: ${name}`}>
        {label}
      </button>
    </Form>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>["page"];

function ruleText(t: ReturnType<typeof useT>, page: PageData): string {
  switch (page.rule) {
    case "birthdays_in_month":
      return t("campaigns.ruleText.birthdays", { month: t(`campaigns.month.${page.ruleMonth ?? 1}` as MessageKey) });
    case "holiday":
      return t(`campaigns.holiday.${page.ruleHoliday ?? "new_year"}` as MessageKey);
    case "welcome_home":
      return t("campaigns.ruleText.welcomeHome", { from: page.ruleFrom ?? "—", to: page.ruleTo ?? "—" });
    case "no_letter_in_days":
      return t("campaigns.ruleText.noLetter", { days: page.ruleDays ?? 60 });
    default:
      return t(`campaigns.rule.${page.rule}` as MessageKey);
  }
}
