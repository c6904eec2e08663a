import {
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { changeStatus, itemEvents, routeStatuses, TransitionError, type ItemRef } from "#app/models/tracking.server.ts";
import { recordReply, repliesFor, ReplyError, type ReplyErrorCode } from "#app/models/dispatch/replies.server.ts";
import { trackedItem } from "#app/models/dispatch/item-view.server.ts";
import { listRoutes } from "#app/models/routes.server.ts";
import { nextStatuses } from "#app/tracking/transitions.ts";
import { statusLabel, customStatusLabels } from "#app/tracking/status-label.ts";
import { MAX_ATTACHMENT_BYTES, replySchema, statusChangeSchema } from "#app/schemas/tracking.ts";
import { ErrorText, useValidatedForm, ValidatedForm } from "#app/components/forms.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { StatusTimeline, RepliesList } from "#app/components/tracking.tsx";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { now } from "#app/utils/clock.server.ts";
import { routeName } from "#app/tracking/route-text.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "items.itemTitle");

function itemRef(params: { type?: string; id?: string }): ItemRef {
  if ((params.type !== "letter" && params.type !== "parcel") || !params.id)
    throw new Response("Not found", { status: 404 });
  return { type: params.type, id: params.id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "track:items");
  const ref = itemRef(params);
  const item = await trackedItem(user, ref);
  if (!item) throw new Response("Not found", { status: 404 });
  const [events, replies, statuses, routes] = await Promise.all([
    itemEvents(ref),
    repliesFor(ref),
    item.routeId ? routeStatuses(item.routeId) : Promise.resolve([]),
    listRoutes(),
  ]);
  const labels = customStatusLabels(routes.flatMap((r) => r.statuses));
  return {
    item,
    events,
    replies,
    next: nextStatuses(statuses, item.status).map((s) => s.key),
    routes: routes.map((r) => ({ id: r.id, name: r.name })),
    labels,
    today: now().toISOString().slice(0, 10),
  };
}

/** Which field of the reply form a refusal belongs to (its message is the error's own). */
const REPLY_ERROR_FIELDS: Record<ReplyErrorCode, "text" | "form" | "attachment"> = {
  "too-large": "attachment",
  "bad-type": "attachment",
  empty: "text",
  "not-found": "form",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "track:items");
  const ref = itemRef(params);
  const isMultipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  let formData: FormData;
  try {
    // A little over the limit, so an oversize scan reaches recordReply and gets a clear message.
    formData = isMultipart
      ? await unstable_parseMultipartFormData(
          request,
          unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES + 1024 }),
        )
      : await request.formData();
  } catch {
    return { intent: "reply" as const, fieldErrors: { attachment: "items.reply.tooLarge" as MessageKey } };
  }
  const intent = formData.get("intent");
  if (intent === "status") {
    const parsed = parseWithSchema(statusChangeSchema, formData);
    if (!parsed.ok) return { intent: "status" as const, fieldErrors: parsed.fieldErrors };
    try {
      await changeStatus(ref, { ...parsed.data, actorId: user.id });
    } catch (error) {
      if (error instanceof TransitionError) return { intent: "status" as const, fieldErrors: { to: error.messageKey } };
      throw error;
    }
    throw redirect(`/coordinator/items/${ref.type}/${ref.id}?changed=1`);
  }
  if (intent === "reply") {
    const parsed = parseWithSchema(replySchema, formData);
    if (!parsed.ok) return { intent: "reply" as const, fieldErrors: parsed.fieldErrors };
    const file = formData.get("attachment");
    const attachment =
      file instanceof File && file.size > 0
        ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : null;
    try {
      await recordReply(user, ref, {
        receivedOn: new Date(`${parsed.data.receivedOn}T00:00:00.000Z`),
        routeId: parsed.data.routeId,
        text: parsed.data.text,
        attachment,
      });
    } catch (error) {
      if (error instanceof ReplyError) {
        return {
          intent: "reply" as const,
          fieldErrors: { [REPLY_ERROR_FIELDS[error.code]]: error.messageKey },
        };
      }
      throw error;
    }
    throw redirect(`/coordinator/items/${ref.type}/${ref.id}?replied=1`);
  }
  throw new Response("Bad request", { status: 400 });
}

function StatusForm() {
  const t = useT();
  const { next, labels } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(statusChangeSchema, {
    defaultValues: { to: "", note: "", reference: "" },
    serverErrors: actionData?.intent === "status" ? actionData.fieldErrors : null,
  });
  if (next.length === 0) return <p className="muted">{t("items.noNextStatus")}</p>;
  return (
    <ValidatedForm onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="status" />
      <SelectField
        id="status-to"
        label={t("items.changeTo")}
        emptyLabel={t("common.none")}
        options={next.map((key) => ({ value: key, label: statusLabel(t, key, labels[key]) }))}
        registration={form.register("to")}
      />
      <ErrorText id="status-to-error" message={form.formState.errors.to?.message} />
      <div className="field">
        <label htmlFor="status-reference">{t("items.reference")}</label>
        <input id="status-reference" maxLength={100} {...form.register("reference")} />
      </div>
      <div className="field">
        <label htmlFor="status-note">{t("items.note")}</label>
        <input id="status-note" maxLength={500} {...form.register("note")} />
      </div>
      <button type="submit" name="intent" value="status" className="button-primary">
        {t("items.changeStatus")}
      </button>
    </ValidatedForm>
  );
}

function ReplyForm() {
  const t = useT();
  const { routes, item, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(replySchema, {
    defaultValues: { receivedOn: today, routeId: item.routeId ?? "", text: "" },
    serverErrors: actionData?.intent === "reply" ? actionData.fieldErrors : null,
  });
  const errors = actionData?.intent === "reply" ? actionData.fieldErrors : null;
  return (
    <ValidatedForm onSubmit={onSubmit} encType="multipart/form-data">
      <input type="hidden" name="intent" value="reply" />
      <div className="field">
        <label htmlFor="reply-date">{t("items.reply.receivedOn")}</label>
        <input id="reply-date" type="date" aria-describedby="reply-date-error" {...form.register("receivedOn")} />
        <ErrorText id="reply-date-error" message={form.formState.errors.receivedOn?.message} />
      </div>
      <SelectField
        id="reply-route"
        label={t("items.reply.route")}
        emptyLabel={t("common.none")}
        options={routes.map((r) => ({ value: r.id, label: routeName(t, r.name) }))}
        registration={form.register("routeId")}
      />
      <div className="field">
        <label htmlFor="reply-text">{t("items.reply.text")}</label>
        <textarea
          id="reply-text"
          rows={4}
          maxLength={5000}
          aria-describedby="reply-text-error"
          {...form.register("text")}
        />
        <ErrorText id="reply-text-error" message={form.formState.errors.text?.message} />
      </div>
      <div className="field">
        <label htmlFor="reply-file">{t("items.reply.attachment")}</label>
        <p id="reply-file-hint" className="field-hint">
          {t("items.reply.attachmentHint", { megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
        </p>
        <input
          id="reply-file"
          name="attachment"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-describedby="reply-file-hint reply-file-error"
        />
        <ErrorText id="reply-file-error" message={errors?.attachment} />
      </div>
      <ErrorText id="reply-form-error" message={errors?.form} />
      <button type="submit" name="intent" value="reply" className="button-primary">
        {t("items.reply.submit")}
      </button>
    </ValidatedForm>
  );
}

export default function TrackedItemPage() {
  const t = useT();
  const { item, events, replies, labels } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const date = useDateFormatter("date");
  return (
    <>
      <p>
        <Link to="/coordinator/items">← {t("items.title")}</Link>
      </p>
      <h1>
        {t(`items.kind.${item.itemKind}`)} {item.reference}
      </h1>
      {params.get("changed") ? (
        <p className="notice notice-ok" role="status">
          {t("items.statusChanged")}
        </p>
      ) : null}
      {params.get("replied") ? (
        <p className="notice notice-ok" role="status">
          {t("items.reply.recorded")}
        </p>
      ) : null}
      <section className="panel">
        <dl className="facts">
          <dt>{t("items.prisoner")}</dt>
          <dd lang="ru">
            <Link to={`/prisoners/${item.prisoner.id}`}>{item.prisonerName}</Link>
          </dd>
          <dt>{t("items.route")}</dt>
          <dd>{routeName(t, item.route?.name) || "—"}</dd>
          <dt>{t("items.facility")}</dt>
          <dd lang="ru">{item.facility ? `${item.facility.name}, ${item.facility.city}` : "—"}</dd>
          <dt>{t("items.status")}</dt>
          <dd data-testid="item-status">{statusLabel(t, item.status, item.status ? labels[item.status] : null)}</dd>
          <dt>{t("items.sent")}</dt>
          <dd>{item.sentAt ? date.format(new Date(item.sentAt)) : "—"}</dd>
          {item.trackingNumber ? (
            <>
              <dt>{t("items.trackingNumber")}</dt>
              <dd>{item.trackingNumber}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <div className="editor-grid">
        <section className="panel">
          <h2>{t("items.history")}</h2>
          <StatusTimeline events={events} labels={labels} showActors />
          <h2>{t("items.replies")}</h2>
          <RepliesList replies={replies} />
        </section>
        <aside>
          <section className="panel">
            <h2>{t("items.changeStatus")}</h2>
            <StatusForm />
          </section>
          <section className="panel">
            <h2>{t("items.reply.title")}</h2>
            <ReplyForm />
          </section>
        </aside>
      </div>
    </>
  );
}
