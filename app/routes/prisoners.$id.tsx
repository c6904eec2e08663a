import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { activeAdoptions, adopt, AdoptionLimitError, endAdoption, PrisonerAdoptionsFullError } from "#app/models/picking.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { ageOf, getPrisonerEdits, getPrisonerProfile } from "#app/models/prisoners.server.ts";
import { envelopeAddressLines } from "#app/models/envelope.ts";
import { PrisonerFlags } from "#app/components/prisoner-flags.tsx";
import { EditHistory } from "#app/components/edit-history.tsx";
import { useLocale, useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { fullName } from "#app/names/match-keys.ts";
import { isReachable } from "#app/schemas/prisoners.ts";
import { situationTimeline, type TimelineEvent } from "#app/models/situation-timeline.ts";
import { EnvelopeAddress } from "#app/components/envelope-address.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "prisoner.title");

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:prisoners");
  const profile = await getPrisonerProfile(params.id ?? "");
  if (!profile) throw new Response("Not found", { status: 404 });
  const { prisoner, letters } = profile;
  const canEdit = can(user, "edit:prisoners");
  const adopted = (await activeAdoptions(user.id)).some((a) => a.prisonerId === prisoner.id);
  return {
    canEdit,
    canSendParcels: can(user, "send:parcels:own"),
    adopted,
    picked: new URL(request.url).searchParams.has("picked"),
    offered: !prisoner.doNotWrite && isReachable(prisoner),
    letters,
    prisoner: {
      id: prisoner.id,
      country: prisoner.country,
      status: prisoner.status,
      age: ageOf(prisoner.birthDate, prisoner.birthYearOnly),
      birthDate: prisoner.birthDate ? prisoner.birthDate.toISOString().slice(0, 10) : null,
      birthYearOnly: prisoner.birthYearOnly,
      detainedOn: prisoner.detainedOn ? prisoner.detainedOn.toISOString().slice(0, 10) : null,
      releasedOn: day(prisoner.releasedOn),
      releaseKind: prisoner.releaseKind,
      diedOn: day(prisoner.diedOn),
      canWrite: prisoner.canWrite,
      interests: prisoner.interests,
      articles: prisoner.articles,
      sentence: prisoner.sentence,
      humanitarian: prisoner.humanitarian,
      humanitarianReasons: prisoner.humanitarianReasons,
      incommunicado: prisoner.incommunicado,
      incommunicadoNote: prisoner.incommunicadoNote,
      incommunicadoSince: prisoner.incommunicadoSince?.toISOString().slice(0, 10) ?? null,
      doNotWrite: prisoner.doNotWrite,
      doNotWriteNote: prisoner.doNotWriteNote,
      doNotWriteSince: prisoner.doNotWriteSince?.toISOString().slice(0, 10) ?? null,
      relativesOnly: prisoner.relativesOnly,
      relativesOnlyNote: prisoner.relativesOnlyNote,
      relativesOnlySince: prisoner.relativesOnlySince?.toISOString().slice(0, 10) ?? null,
      needsReview: prisoner.needsReview,
      needsReviewReason: prisoner.needsReviewReason,
      notes: canEdit ? prisoner.notes : null,
      names: prisoner.names.map((n) => ({ id: n.id, script: n.script, system: n.system, full: fullName(n), isPrimary: n.isPrimary })),
      facility: prisoner.currentFacility
        ? { id: prisoner.currentFacility.id, name: prisoner.currentFacility.name, type: prisoner.currentFacility.type, rulesNote: prisoner.currentFacility.rulesNote }
        : null,
      envelope: prisoner.currentFacility
        ? envelopeAddressLines({ country: prisoner.country, names: prisoner.names, birthDate: prisoner.birthDate, facility: prisoner.currentFacility, gender: prisoner.gender, dativeOverride: prisoner.envelopeNameDative })
        : null,
      timeline: situationTimeline({
        detainedOn: day(prisoner.detainedOn),
        verdictOn: day(prisoner.verdictOn),
        releasedOn: day(prisoner.releasedOn),
        releaseKind: prisoner.releaseKind,
        diedOn: day(prisoner.diedOn),
        status: prisoner.status,
        stays: prisoner.stays.map((s) => ({ facility: `${s.facility.name}, ${s.facility.city}`, from: day(s.fromDate)!, to: day(s.toDate) })),
        changes: prisoner.situationChanges.map((c) => ({
          status: c.status,
          occurredOn: day(c.occurredOn),
          recordedOn: day(c.createdAt)!,
          releaseKind: c.releaseKind,
          // Notes are coordinators' words: shown to coordinators only.
          note: canEdit ? c.note : null,
        })),
      }),
      sources: canEdit ? prisoner.sources.map((s) => ({ name: s.source.name, externalId: s.externalId, missingSince: s.missingSince?.toISOString().slice(0, 10) ?? null })) : [],
    },
    edits: canEdit ? (await getPrisonerEdits(prisoner.id)).map((e) => ({ id: e.id, at: e.createdAt, editor: e.editor?.pseudonym ?? null, changes: e.changes })) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const id = params.id ?? "";
  const intent = (await request.formData()).get("intent");
  if (intent === "unadopt") {
    await endAdoption(user.id, id);
    throw redirect(`/prisoners/${id}`);
  }
  if (intent !== "adopt") throw new Response("Bad request", { status: 400 });
  try {
    await adopt(user, id);
  } catch (error) {
    if (error instanceof AdoptionLimitError) return { adoptionLimit: error.limit };
    if (error instanceof PrisonerAdoptionsFullError) return { adoptersFull: error.limit };
    if (error instanceof PermissionError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
  throw redirect(`/prisoners/${id}`);
}

function TimelineItem({ event, date }: { event: TimelineEvent; date: (iso: string) => string }) {
  const t = useT();
  const when = event.on ? <span className="muted">{date(event.on)}: </span> : null;
  const note = "note" in event && event.note ? <span className="muted"> ({event.note})</span> : null;
  switch (event.kind) {
    case "arrest":
      return <li>{when}{t("situation.event.arrest")}</li>;
    case "verdict":
      return <li>{when}{t("situation.event.verdict")}</li>;
    case "facility":
      return (
        <li>
          {when}
          {t(event.first ? "situation.event.heldIn" : "situation.event.transfer")} <span lang="ru">{event.facility}</span>
          {event.until ? <span className="muted"> ({t("situation.event.until", { date: date(event.until) })})</span> : null}
        </li>
      );
    case "situation":
      return (
        <li>
          {when}
          {t(`prisonerStatus.${event.status}`)}
          {note}
        </li>
      );
    case "release":
      return (
        <li>
          {when}
          <strong>{t("situation.event.release")}</strong>
          {event.releaseKind ? `: ${t(`releaseKind.${event.releaseKind}`)}` : null}
          {note}
        </li>
      );
    case "death":
      return (
        <li>
          {when}
          <strong>{t("situation.event.death")}</strong>
          {note}
        </li>
      );
  }
}

const SCRIPT_LANG = { cyrillic_be: "be", cyrillic_ru: "ru", latin: undefined } as const;

export default function PrisonerPage() {
  const t = useT();
  const locale = useLocale();
  const { prisoner: p, letters, canEdit, canSendParcels, edits, adopted, picked, offered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  const flagNotes = [
    p.incommunicado ? { label: t("prisoners.incommunicado"), note: p.incommunicadoNote, since: p.incommunicadoSince, explain: t("prisoner.incommunicadoExplain") } : null,
    p.doNotWrite ? { label: t("prisoners.doNotWrite"), note: p.doNotWriteNote, since: p.doNotWriteSince, explain: t("prisoner.doNotWriteExplain") } : null,
    p.relativesOnly ? { label: t("prisoners.relativesOnly"), note: p.relativesOnlyNote, since: p.relativesOnlySince, explain: t("prisoner.relativesOnlyExplain") } : null,
  ].filter((x) => x !== null);
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/prisoners">← {t("prisoners.title")}</Link>
        </p>
        <div className="heading-row">
          <h1 lang={SCRIPT_LANG[p.names[0]?.script ?? "latin"]}>{p.names[0]?.full ?? "—"}</h1>
          {canEdit ? (
            <Link to={`/prisoners/${p.id}/edit`} className="button-secondary">
              {t("prisoner.edit")}
            </Link>
          ) : null}
        </div>
        <PrisonerFlags prisoner={p} />
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
        {p.needsReview ? <p className="notice">{t("prisoner.needsReviewNotice", { reason: p.needsReviewReason ?? "" })}</p> : null}
        {flagNotes.map((flag) => (
          <div key={flag.label} className="notice notice-error">
            <strong>{flag.label}</strong>
            {flag.since ? ` (${t("prisoner.since", { date: date(flag.since) })})` : null}: {flag.explain}
            {flag.note ? <p className="flag-note">{flag.note}</p> : null}
          </div>
        ))}
        <dl className="facts">
          <div>
            <dt>{t("prisoner.spellings")}</dt>
            <dd>
              <ul className="plain-list">
                {p.names.map((n) => (
                  <li key={n.id} lang={SCRIPT_LANG[n.script]}>
                    {n.full} <span className="muted">({t(`nameScript.${n.script}`)}{n.system ? `, ${n.system}` : ""})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t("prisoner.age")}</dt>
            <dd>
              {p.age === null ? "—" : p.birthYearOnly ? t("prisoner.ageAbout", { age: p.age }) : t("prisoner.ageYears", { age: p.age })}
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
                  {[p.releasedOn ? date(p.releasedOn) : null, p.releaseKind ? t(`releaseKind.${p.releaseKind}`) : null].filter(Boolean).join(", ")}
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
              {t(`facilityType.${p.facility.type}`)} · <Link to={`/facilities/${p.facility.id}`}>{t("prisoner.facilityRules")}</Link>
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
                  {s.missingSince ? <span className="badge badge-pending">{t("prisoner.missingSince", { date: date(s.missingSince) })}</span> : null}
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
