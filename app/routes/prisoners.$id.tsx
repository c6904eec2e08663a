import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { getPrisonerPage } from "#app/models/prisoner-page.server.ts";
import { adoptionAction } from "./prisoners.$id.server.ts";
import { PrisonerFlags } from "#app/components/prisoner-flags.tsx";
import { EditHistory } from "#app/components/edit-history.tsx";
import { useLocale, useT, useDateFormatter } from "#app/i18n/react.tsx";
import { displayName } from "#app/names/display.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { LetterNotices } from "#app/components/prisoner/letter-notices.tsx";
import { TimelineItem } from "#app/components/prisoner/timeline-item.tsx";
import { EnvelopeAddress } from "#app/components/envelope-address.tsx";
import { nameSystemLabel, reviewReasonLabel } from "#app/i18n/labels.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "prisoner.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:prisoners");
  const page = await getPrisonerPage(user, params.id ?? "", {
    picked: new URL(request.url).searchParams.has("picked"),
  });
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  return adoptionAction(user, params.id ?? "", await request.formData());
}

const SCRIPT_LANG = { cyrillic_be: "be", cyrillic_ru: "ru", latin: undefined } as const;

export default function PrisonerPage() {
  const t = useT();
  const {
    prisoner: p,
    letters,
    canEdit,
    canSendParcels,
    edits,
    adopted,
    picked,
    offered,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useLocale();
  const shown = displayName(p.names, locale);
  const dayFormat = useDateFormatter("date", { calendarDay: true });
  const date = (iso: string) => dayFormat.format(iso);
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/prisoners">← {t("prisoners.title")}</Link>
        </p>
        <div className="heading-row">
          <h1>
            <span lang={shown.lang}>{shown.name}</span>
            {shown.original ? (
              <span className="person-line" lang={shown.originalLang}>
                {shown.original}
              </span>
            ) : null}
          </h1>
          {canEdit ? (
            <Link to={`/prisoners/${p.id}/edit`} className="button-secondary">
              {t("prisoner.edit")}
            </Link>
          ) : null}
        </div>
        <PrisonerFlags prisoner={p} />
        {/* Before the buttons: why a letter may not arrive is read before writing one. */}
        <LetterNotices prisoner={p} offered={offered} />
        {picked ? (
          <p className="notice notice-ok" role="status">
            {t("write.pickedNotice")}
          </p>
        ) : null}
        {actionData?.adoptionLimit ? (
          <p className="notice notice-error" role="alert">
            {t("adoption.limit", { count: actionData.adoptionLimit })}
          </p>
        ) : null}
        {actionData && "adoptersFull" in actionData && actionData.adoptersFull ? (
          <p className="notice notice-error" role="alert">
            {t("adoption.full", { count: actionData.adoptersFull })}
          </p>
        ) : null}
        {offered ? (
          <Form method="post" action="/letters/new" className="actions">
            <input type="hidden" name="prisonerId" value={p.id} />
            <button type="submit" name="kind" value="letter" className="button-primary">
              {t("letters.writeLetter")}
            </button>
            <button type="submit" name="kind" value="postcard" className="button-secondary">
              {t("letters.writePostcard")}
            </button>
          </Form>
        ) : null}
        {offered && canSendParcels && p.facility ? (
          <Form method="post" action="/parcels/new" className="actions">
            <input type="hidden" name="prisonerId" value={p.id} />
            <button type="submit" className="button-secondary">
              {t("parcels.sendParcel")}
            </button>
          </Form>
        ) : null}
        {canEdit ? <Link to={`/coordinator/needs/new?prisoner=${p.id}`}>{t("support.recordNeed")}</Link> : null}
        {offered ? (
          <Form method="post" className="actions">
            {adopted ? (
              <>
                <span className="badge badge-approved">{t("adoption.adopted")}</span>
                <button type="submit" name="intent" value="unadopt" className="button-small">
                  {t("write.unadopt")}
                </button>
              </>
            ) : (
              <button type="submit" name="intent" value="adopt" className="button-secondary">
                {t("adoption.adopt")}
              </button>
            )}
          </Form>
        ) : null}
        {p.needsReview ? (
          <p className="notice">
            {t("prisoner.needsReviewNotice", { reason: reviewReasonLabel(t, p.needsReviewReason) })}
          </p>
        ) : null}
        <dl className="facts">
          <div>
            <dt>{t("prisoner.spellings")}</dt>
            <dd>
              <ul className="plain-list">
                {p.names.map((n) => (
                  <li key={n.id} lang={SCRIPT_LANG[n.script]}>
                    {n.full}{" "}
                    <span className="muted">
                      ({t(`nameScript.${n.script}`)}
                      {n.system ? `, ${nameSystemLabel(t, n.system)}` : ""})
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t("prisoner.age")}</dt>
            <dd>
              {p.age === null
                ? "—"
                : p.birthYearOnly
                  ? t("prisoner.ageAbout", { age: p.age })
                  : t("prisoner.ageYears", { age: p.age })}
              {p.birthDate && !p.birthYearOnly ? <span className="muted"> · {date(p.birthDate)}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t("prisoners.status")}</dt>
            <dd data-testid="prisoner-status">
              {t(`prisonerStatus.${p.status}`)}
              {p.status === "released" && (p.releasedOn || p.releaseKind) ? (
                <span className="muted">
                  {" · "}
                  {[p.releasedOn ? date(p.releasedOn) : null, p.releaseKind ? t(`releaseKind.${p.releaseKind}`) : null]
                    .filter(Boolean)
                    .join(", ")}
                </span>
              ) : null}
              {p.status === "deceased" && p.diedOn ? <span className="muted"> · {date(p.diedOn)}</span> : null}
              {!p.canWrite ? <p className="field-hint">{t("situation.cannotWriteNotice")}</p> : null}
            </dd>
          </div>
          {p.interests.length > 0 ? (
            <div>
              <dt>{t("prisoner.interests")}</dt>
              <dd>{p.interests.join(", ")}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("prisoner.detainedOn")}</dt>
            <dd>{p.detainedOn ? date(p.detainedOn) : "—"}</dd>
          </div>
          <div>
            <dt>{t("prisoner.articles")}</dt>
            <dd lang="ru">{p.articles ?? "—"}</dd>
          </div>
          <div>
            <dt>{t("prisoner.sentence")}</dt>
            <dd lang="ru">{p.sentence ?? "—"}</dd>
          </div>
          {p.detentionConditions || p.status === "convicted" ? (
            <div>
              <dt>{t("prisonerEdit.detentionConditions")}</dt>
              <dd>
                {p.detentionConditions
                  ? t(`prisonerEdit.detentionConditions.${p.detentionConditions}`)
                  : t("prisonerEdit.detentionConditions.unknown")}
              </dd>
            </div>
          ) : null}
          {p.humanitarian ? (
            <div>
              <dt>{t("prisoners.humanitarian")}</dt>
              <dd>{p.humanitarianReasons.map((r) => t(`humanitarian.${r}`)).join(", ")}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("prisoner.letters")}</dt>
            <dd>{t("prisoner.lettersCount", { sent: letters.sent, delivered: letters.delivered })}</dd>
          </div>
        </dl>
        {p.about ? (
          <section aria-labelledby="prisoner-about">
            <h2 id="prisoner-about">{t("prisoner.about")}</h2>
            <p className="about">{p.about}</p>
          </section>
        ) : null}
        {p.notes ? (
          <p>
            <strong>{t("prisoner.notes")}:</strong> {p.notes}
          </p>
        ) : null}
      </section>
      <section className="panel">
        <h2>{t("prisoner.address")}</h2>
        {p.envelope && p.facility ? (
          <>
            <p className="muted">{t("prisoner.addressHint")}</p>
            <EnvelopeAddress lines={p.envelope} />
            <p>
              {t(`facilityType.${p.facility.type}`)} ·{" "}
              <Link to={`/facilities/${p.facility.id}`}>{t("prisoner.facilityRules")}</Link>
            </p>
          </>
        ) : (
          <p>{t("prisoner.noFacility")}</p>
        )}
        <h3>{t("situation.timeline")}</h3>
        {p.timeline.length === 0 ? (
          <p>{t("common.none")}</p>
        ) : (
          <ol className="timeline" data-testid="situation-timeline">
            {p.timeline.map((event, i) => (
              <TimelineItem key={i} event={event} date={date} />
            ))}
          </ol>
        )}
      </section>
      {canEdit ? (
        <section className="panel">
          <h2>{t("prisoner.sources")}</h2>
          {p.sources.length === 0 ? (
            <p>{t("common.none")}</p>
          ) : (
            <ul>
              {p.sources.map((s, i) => (
                <li key={i}>
                  {s.name}
                  {s.externalId ? ` · ${s.externalId}` : ""}
                  {s.missingSince ? (
                    <span className="badge badge-pending">
                      {t("prisoner.missingSince", { date: date(s.missingSince) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h2>{t("history.title")}</h2>
          <EditHistory edits={edits} />
        </section>
      ) : null}
    </>
  );
}
