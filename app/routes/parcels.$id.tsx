import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { returnedReasonKey } from "#app/schemas/prisoners.ts";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useFieldArray } from "react-hook-form";
import type { z } from "zod";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { prisma } from "#app/utils/db.server.ts";
import {
  changeParcelStatus,
  deleteParcelDraft,
  getParcel,
  listCatalog,
  nextParcelStatuses,
  ParcelRefusedError,
  ParcelStateError,
  recordTrackingNumber,
  ruleContext,
  saveParcelDraft,
  sendParcel,
  TrackingNumberError,
} from "#app/models/parcels.server.ts";
import { itemEvents, TransitionError } from "#app/models/tracking.server.ts";
import { getSetting } from "#app/models/settings.server.ts";
import { envelopeAddressLines } from "#app/models/envelope.ts";
import {
  centsToInput,
  parcelDraftSchema,
  parcelStatusSchema,
  parseParcelForm,
  rowToItem,
  trackingNumberSchema,
  type ParcelDraftValues,
} from "#app/schemas/parcels.ts";
import { offeredInParcel } from "#app/parcels/catalog-offer.ts";
import { checkParcel, type ParcelProblem, type ParcelVerdict, type RuleItem } from "#app/parcels/rules.ts";
import { CATALOG_CATEGORIES } from "#app/parcels/defaults.ts";
import { describeProblem, formatKg, formatMoney, itemName } from "#app/parcels/messages.ts";
import { ErrorText, useValidatedForm, ValidatedForm } from "#app/components/forms.tsx";
import { RepliesList, StatusTimeline } from "#app/components/tracking.tsx";
import { repliesFor } from "#app/models/dispatch.server.ts";
import { useLocale, useT, useDateFormatter } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { fullName } from "#app/names/match-keys.ts";
import { statusLabel, customStatusLabels } from "#app/tracking/status-label.ts";
import { EnvelopeAddress } from "#app/components/envelope-address.tsx";
import { RelayAddressSelect } from "#app/components/relay-address-select.tsx";
import { routeName } from "#app/tracking/route-text.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "parcels.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "send:parcels:own");
  // Someone else's parcel is "not found" for a volunteer: not even its existence is revealed.
  const parcel = await getParcel(user, params.id ?? "");
  if (!parcel) throw new Response("Not found", { status: 404 });
  const [catalog, context, relayAddresses, events, replies, next, labels] = await Promise.all([
    listCatalog(),
    ruleContext(parcel.prisonerId, prisma, parcel.id),
    getSetting("relayAddresses"),
    itemEvents({ type: "parcel", id: parcel.id }),
    repliesFor({ type: "parcel", id: parcel.id }),
    nextParcelStatuses(parcel),
    parcel.routeId ? prisma.routeStatus.findMany({ where: { routeId: parcel.routeId }, select: { key: true, label: true } }) : [],
  ]);
  if (!context) throw new Response("Not found", { status: 404 });
  const inDraft = new Set(parcel.items.map((i) => i.catalogItemId));
  const primary = parcel.prisoner.names.find((n) => n.isPrimary) ?? parcel.prisoner.names[0];
  const facility = parcel.prisoner.currentFacility;
  const canManage = can(user, "manage:parcels");
  return {
    parcel: {
      id: parcel.id,
      own: parcel.own,
      state: parcel.state,
      returnedReason: parcel.state === "draft" ? returnedReasonKey(parcel.returnedReason) : null,
      status: parcel.status,
      packageKind: parcel.packageKind === "small_package" ? ("small_package" as const) : ("parcel" as const),
      senderKind: (["relative", "fund"].includes(parcel.senderKind) ? parcel.senderKind : "volunteer") as ParcelDraftValues["senderKind"],
      fromAbroad: parcel.fromAbroad,
      onBehalfOf: parcel.onBehalfOf,
      senderDetails: parcel.senderDetails ?? "",
      routeId: parcel.routeId,
      route: parcel.route,
      trackingNumber: parcel.trackingNumber,
      customsForm: parcel.customsForm,
      sentAt: parcel.sentAt,
      currency: parcel.currency,
      senderPseudonym: canManage && parcel.senderId !== user.id ? (parcel.sender?.pseudonym ?? null) : null,
    },
    items: parcel.items.map((i) => ({
      id: i.id,
      catalogItemId: i.catalogItemId,
      freeText: i.freeText,
      quantity: i.quantity,
      unitWeightGrams: i.unitWeightGrams,
      unitValueCents: i.unitValueCents,
      nameRu: i.catalogItem?.nameRu ?? i.freeText ?? "",
      nameEn: i.catalogItem?.nameEn ?? i.freeText ?? "",
    })),
    prisoner: {
      id: parcel.prisoner.id,
      name: primary ? fullName(primary) : "—",
      facility: facility ? { id: facility.id, name: facility.name, city: facility.city, type: facility.type } : null,
      envelope: facility ? envelopeAddressLines({ country: parcel.prisoner.country, names: parcel.prisoner.names, birthDate: parcel.prisoner.birthDate, facility }) : null,
    },
    catalog: catalog
      // Items already in the draft stay (the check explains why they cannot go); others only when some facility takes them.
      .filter((c) => inDraft.has(c.id) || (c.active && offeredInParcel(c, facility?.type)))
      .map((c) => ({
        id: c.id,
        nameRu: c.nameRu,
        nameEn: c.nameEn,
        category: c.category,
        unitWeightGrams: c.unitWeightGrams,
        typicalValueCents: c.typicalValueCents,
        perishable: c.perishable,
        bannedFacilityTypes: c.bannedFacilityTypes,
      })),
    rules: {
      country: context.country,
      prisoner: context.prisoner,
      facility: context.facility,
      history: context.history,
      bannedTerms: context.bannedTerms.map((b) => ({ term: b.term })),
      routes: context.routes.map((r) => ({ id: r.id, name: r.name })),
    },
    canOnBehalf: canManage,
    relayAddresses: parcel.state === "draft" ? relayAddresses : [],
    // Who moved it is coordinators' business: a volunteer sees the steps, not the names.
    events: canManage ? events : events.map(({ actor: _actor, ...event }) => event),
    replies,
    nextStatuses: next,
    statusLabels: customStatusLabels(labels),
  };
}

type ActionResult =
  | { intent: "save"; fieldErrors: Record<string, MessageKey> | null; saved: boolean }
  | { intent: "send"; fieldErrors: Record<string, MessageKey> | null; problems: ParcelProblem[]; error: MessageKey | null }
  | { intent: "tracking"; fieldErrors: Record<string, MessageKey> | null }
  | { intent: "status"; error: MessageKey | null };

const STATE_ERRORS: Record<ParcelStateError["reason"], MessageKey> = {
  "not-found": "error.notFound",
  "not-a-draft": "parcels.error.notDraft",
  "not-sent": "parcels.error.notSent",
  closed: "parcels.error.closed",
  route: "parcels.error.route",
  sender: "parcels.error.sender",
  "no-posted-status": "parcels.error.route",
};

export async function action({ request, params }: ActionFunctionArgs): Promise<ActionResult> {
  const { user } = await requirePermission(request, "send:parcels:own");
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "save");
  try {
    if (intent === "delete") {
      if (!(await deleteParcelDraft(user, id))) throw new Response("Not found", { status: 404 });
      throw redirect("/parcels");
    }
    if (intent === "tracking") {
      const parsed = parseWithSchema(trackingNumberSchema, formData);
      if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors };
      await recordTrackingNumber(user, id, parsed.data.trackingNumber);
      throw redirect(`/parcels/${id}?tracked=1`);
    }
    if (intent === "status") {
      const parsed = parseWithSchema(parcelStatusSchema, formData);
      if (!parsed.ok) return { intent, error: parsed.fieldErrors.status ?? "parcels.validation.status" };
      await changeParcelStatus(user, id, parsed.data.status);
      throw redirect(`/parcels/${id}`);
    }
    // Save (and send): the same form, the same schema as in the browser.
    const parsed = parseParcelForm(formData);
    if (!parsed.ok) return intent === "send" ? { intent, fieldErrors: parsed.fieldErrors, problems: [], error: null } : { intent: "save", fieldErrors: parsed.fieldErrors, saved: false };
    await saveParcelDraft(user, id, parsed.data);
    if (intent !== "send") return { intent: "save", fieldErrors: null, saved: true };
    await sendParcel(user, id, { routeId: parsed.data.routeId });
    throw redirect(`/parcels/${id}?ready=1`);
  } catch (error) {
    if (error instanceof ParcelRefusedError) return { intent: "send", fieldErrors: null, problems: error.verdict.problems, error: null };
    if (error instanceof TrackingNumberError) return { intent: "tracking", fieldErrors: { trackingNumber: `parcels.s10.${error.problem.code}` as MessageKey } };
    if (error instanceof TransitionError) return { intent: "status", error: "parcels.error.transition" };
    if (error instanceof ParcelStateError) {
      if (error.reason === "not-found") throw new Response("Not found", { status: 404 });
      const message = STATE_ERRORS[error.reason];
      if (intent === "tracking") return { intent, fieldErrors: { trackingNumber: message } };
      if (intent === "status") return { intent, error: message };
      return { intent: "send", fieldErrors: null, problems: [], error: message };
    }
    throw error;
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const EMPTY_ROW = { catalogItemId: "", freeText: "", quantity: "1", unitWeightGrams: "", unitValue: "" };

/** The verdict for what the form holds now: the same rules the server applies. */
function liveVerdict(values: Partial<ParcelDraftValues>, data: LoaderData): ParcelVerdict {
  const catalog = new Map(data.catalog.map((c) => [c.id, c]));
  const items: RuleItem[] = [];
  for (const row of values.items ?? []) {
    const item = row ? rowToItem(row) : null;
    if (!item) continue;
    if (item.catalogItemId) {
      const c = catalog.get(item.catalogItemId);
      if (!c) continue;
      items.push({ catalogItemId: c.id, nameRu: c.nameRu, nameEn: c.nameEn, freeText: null, quantity: item.quantity, unitWeightGrams: c.unitWeightGrams, unitValueCents: c.typicalValueCents, perishable: c.perishable, bannedFacilityTypes: c.bannedFacilityTypes });
    } else {
      const text = item.freeText ?? "";
      items.push({ catalogItemId: null, nameRu: text, nameEn: text, freeText: text, quantity: item.quantity, unitWeightGrams: item.unitWeightGrams ?? 0, unitValueCents: item.unitValueCents ?? 0, perishable: false, bannedFacilityTypes: [] });
    }
  }
  return checkParcel({
    prisoner: data.rules.prisoner,
    facility: data.rules.facility,
    parcel: {
      packageKind: values.packageKind === "small_package" ? "small_package" : "parcel",
      senderKind: data.canOnBehalf && values.senderKind ? values.senderKind : "volunteer",
      fromAbroad: values.fromAbroad === "on" || values.fromAbroad === true,
      domestic: !(values.fromAbroad === "on" || values.fromAbroad === true),
      destination: data.rules.country,
      senderDetails: typeof values.senderDetails === "string" ? values.senderDetails : null,
    },
    items,
    history: data.rules.history,
    bannedTerms: data.rules.bannedTerms,
    routeAvailable: data.rules.routes.length > 0,
  });
}

function ProblemList({ problems, testId }: { problems: ParcelProblem[]; testId?: string }) {
  const locale = useLocale();
  return (
    <ul className="warnings" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={i} className="notice notice-error">
          {describeProblem(locale, p)}
        </li>
      ))}
    </ul>
  );
}

function VerdictPanel({ verdict }: { verdict: ParcelVerdict }) {
  const t = useT();
  const locale = useLocale();
  const { rules } = useLoaderData<typeof loader>();
  const f = rules.facility;
  const h = rules.history;
  return (
    <section className="guidance" aria-live="polite" data-testid="parcel-verdict">
      <h2>{t("parcels.verdict.title")}</h2>
      <p>
        {t("parcels.totals", { units: verdict.totals.units, weight: formatKg(locale, verdict.totals.weightGrams), value: formatMoney(locale, verdict.totals.valueCents) })}
        <br />
        {verdict.customsDocument === "inventory" ? t("parcels.customsInventory") : t("parcels.customsForm", { form: verdict.customsDocument === "CN22" ? "CN 22" : "CN 23" })}
      </p>
      {verdict.warnings.map((w) => (
        <p key={w.code} className="notice" data-testid="parcel-duty-free">
          {t("parcels.dutyFree", {
            value: formatMoney(locale, Number(w.params.valueCents)),
            limitValue: formatMoney(locale, Number(w.params.limitCents)),
            weight: formatKg(locale, Number(w.params.weightGrams)),
            limitWeight: formatKg(locale, Number(w.params.limitGrams)),
          })}
        </p>
      ))}
      {f?.parcelQuotaPerYear != null ? <p className="muted">{t("parcels.quotaInfo", { year: h.year, used: h.sentThisYear.parcel, quota: f.parcelQuotaPerYear })}</p> : null}
      {f?.smallPackageQuotaPerYear != null ? (
        <p className="muted">{t("parcels.quotaInfoSmall", { year: h.year, used: h.sentThisYear.small_package, quota: f.smallPackageQuotaPerYear })}</p>
      ) : null}
      {f?.parcelMonthlyWeightLimitGrams != null ? (
        <p className="muted">{t("parcels.monthInfo", { already: formatKg(locale, h.gramsThisMonth), limit: formatKg(locale, f.parcelMonthlyWeightLimitGrams) })}</p>
      ) : null}
      {verdict.ok ? (
        <p className="notice notice-ok">{t("parcels.verdict.ok")}</p>
      ) : (
        <>
          <p>{t("parcels.verdict.problems", { count: verdict.problems.length })}</p>
          <ProblemList problems={verdict.problems} testId="parcel-problems" />
        </>
      )}
    </section>
  );
}

function DraftEditor() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { parcel, items, catalog, rules, canOnBehalf, relayAddresses } = data;
  const actionData = useActionData<typeof action>();
  const defaults: ParcelDraftValues = {
    packageKind: parcel.packageKind,
    fromAbroad: parcel.fromAbroad ? "on" : false,
    senderKind: parcel.senderKind,
    onBehalfOf: parcel.onBehalfOf ?? "",
    senderDetails: parcel.senderDetails,
    routeId: parcel.routeId ?? rules.routes[0]?.id ?? "",
    items: [
      ...items.map((i) => ({
        catalogItemId: i.catalogItemId ?? "",
        freeText: i.freeText ?? "",
        quantity: String(i.quantity),
        unitWeightGrams: i.catalogItemId ? "" : String(i.unitWeightGrams),
        unitValue: i.catalogItemId ? "" : centsToInput(i.unitValueCents),
      })),
      EMPTY_ROW,
    ],
  };
  const { form, onSubmit } = useValidatedForm(parcelDraftSchema as unknown as z.ZodType<ParcelDraftValues, ParcelDraftValues>, {
    defaultValues: defaults,
    serverErrors: actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null,
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "items" });
  const values = form.watch();
  const verdict = liveVerdict(values, data);
  const senderKind = values.senderKind ?? "volunteer";
  const itemErrors = form.formState.errors.items;
  const categories = CATALOG_CATEGORIES.filter((c) => catalog.some((item) => item.category === c));
  const sendResult = actionData?.intent === "send" ? actionData : null;
  return (
    <div className="editor-grid">
      <section className="panel">
        <ValidatedForm form={form} onSubmit={onSubmit}>
          <fieldset className="field">
            <legend>{t("parcels.packageKind")}</legend>
            <label className="checkbox">
              <input type="radio" value="parcel" {...form.register("packageKind")} /> {t("parcels.kind.parcel")}
            </label>{" "}
            <label className="checkbox">
              <input type="radio" value="small_package" {...form.register("packageKind")} /> {t("parcels.kind.small_package")}
            </label>
          </fieldset>
          <label className="checkbox field">
            <input type="checkbox" value="on" {...form.register("fromAbroad")} /> {t("parcels.fromAbroad")}
          </label>
          {canOnBehalf ? (
            <>
              <div className="field">
                <label htmlFor="parcel-sender-kind">{t("parcels.senderKind")}</label>
                <select id="parcel-sender-kind" {...form.register("senderKind")}>
                  <option value="volunteer">{t("parcels.senderKind.volunteer")}</option>
                  <option value="relative">{t("parcels.senderKind.relative")}</option>
                  <option value="fund">{t("parcels.senderKind.fund")}</option>
                </select>
              </div>
              {senderKind !== "volunteer" ? (
                <div className="field">
                  <label htmlFor="parcel-on-behalf">{t("parcels.onBehalfOf")}</label>
                  <input id="parcel-on-behalf" type="text" aria-describedby="parcel-on-behalf-error" {...form.register("onBehalfOf")} />
                  <ErrorText id="parcel-on-behalf-error" message={form.formState.errors.onBehalfOf?.message} />
                </div>
              ) : null}
            </>
          ) : (
            <input type="hidden" value="volunteer" {...form.register("senderKind")} />
          )}

          <h2>{t("parcels.items")}</h2>
          <p className="field-hint">{t("parcels.itemsHint")}</p>
          {fields.map((field, index) => {
            const row = values.items?.[index];
            const own = !row?.catalogItemId;
            const errors = itemErrors?.[index];
            const prefix = `item-${index}`;
            return (
              <fieldset key={field.id} className="review parcel-item" data-testid="parcel-item">
                <legend>{t("parcels.item", { number: index + 1 })}</legend>
                <div className="field">
                  <label htmlFor={`${prefix}-catalog`}>{t("parcels.item.catalog")}</label>
                  <select id={`${prefix}-catalog`} {...form.register(`items.${index}.catalogItemId`)}>
                    <option value="">{t("parcels.item.ownDescription")}</option>
                    {categories.map((category) => (
                      <optgroup key={category} label={t(`parcelRules.category.${category}`)}>
                        {catalog
                          .filter((c) => c.category === category)
                          .map((c) => (
                            <option key={c.id} value={c.id}>
                              {itemName(locale, c)}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
                {own ? (
                  <>
                    <div className="field">
                      <label htmlFor={`${prefix}-text`}>{t("parcels.item.freeText")}</label>
                      <input id={`${prefix}-text`} type="text" maxLength={200} aria-describedby={`${prefix}-text-error`} {...form.register(`items.${index}.freeText`)} />
                      <ErrorText id={`${prefix}-text-error`} message={errors?.freeText?.message} />
                    </div>
                    <div className="filters">
                      <div className="field">
                        <label htmlFor={`${prefix}-weight`}>{t("parcels.item.unitWeight")}</label>
                        <input
                          id={`${prefix}-weight`}
                          type="text"
                          inputMode="numeric"
                          className="input-short"
                          aria-invalid={errors?.unitWeightGrams ? true : undefined}
                          aria-describedby={`${prefix}-weight-error`}
                          {...form.register(`items.${index}.unitWeightGrams`)}
                        />
                        <ErrorText id={`${prefix}-weight-error`} message={errors?.unitWeightGrams?.message} />
                      </div>
                      <div className="field">
                        <label htmlFor={`${prefix}-value`}>{t("parcels.item.unitValue")}</label>
                        <input
                          id={`${prefix}-value`}
                          type="text"
                          inputMode="decimal"
                          className="input-short"
                          aria-invalid={errors?.unitValue ? true : undefined}
                          aria-describedby={`${prefix}-value-error`}
                          {...form.register(`items.${index}.unitValue`)}
                        />
                        <ErrorText id={`${prefix}-value-error`} message={errors?.unitValue?.message} />
                      </div>
                    </div>
                  </>
                ) : null}
                <div className="filters">
                  <div className="field">
                    <label htmlFor={`${prefix}-quantity`}>{t("parcels.item.quantity")}</label>
                    <input
                      id={`${prefix}-quantity`}
                      type="text"
                      inputMode="numeric"
                      className="input-short"
                      aria-invalid={errors?.quantity ? true : undefined}
                      aria-describedby={`${prefix}-quantity-error`}
                      {...form.register(`items.${index}.quantity`)}
                    />
                    <ErrorText id={`${prefix}-quantity-error`} message={errors?.quantity?.message} />
                  </div>
                  <button type="button" className="button-small button-danger" onClick={() => remove(index)}>
                    {t("parcels.item.remove", { number: index + 1 })}
                  </button>
                </div>
              </fieldset>
            );
          })}
          <p>
            <button type="button" className="button-secondary" onClick={() => append({ ...EMPTY_ROW })}>
              {t("parcels.item.add")}
            </button>
          </p>
          <ErrorText id="parcel-items-error" message={(itemErrors as { message?: string } | undefined)?.message} />

          <h2>{t("parcels.senderTitle")}</h2>
          <div className="field">
            <label htmlFor="parcel-sender">{t("parcels.senderDetails")}</label>
            <p id="parcel-sender-hint" className="field-hint">
              {t("parcels.senderDetailsHint")}
            </p>
            <RelayAddressSelect id="parcel-relay" label={t("parcels.useRelay")} addresses={relayAddresses} onChoose={(address) => form.setValue("senderDetails", `${values.senderDetails?.split("\n")[0] ?? ""}\n${address}`.trim(), { shouldDirty: true })} />
            <textarea id="parcel-sender" rows={4} aria-describedby="parcel-sender-hint parcel-sender-error" {...form.register("senderDetails")} />
            <ErrorText id="parcel-sender-error" message={form.formState.errors.senderDetails?.message} />
          </div>
          {rules.routes.length > 1 ? (
            <div className="field">
              <label htmlFor="parcel-route">{t("parcels.route")}</label>
              <select id="parcel-route" {...form.register("routeId")}>
                {rules.routes.map((r) => (
                  <option key={r.id} value={r.id}>
                    {routeName(t, r.name)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <>
              <input type="hidden" {...form.register("routeId")} />
              {rules.routes[0] ? (
                <p className="muted">
                  {t("parcels.route")}: {rules.routes[0].name}
                </p>
              ) : null}
            </>
          )}

          {sendResult && (sendResult.problems.length > 0 || sendResult.error) ? (
            <div className="notice notice-error" role="alert" data-testid="parcel-refused">
              <p>{t("parcels.refused")}</p>
              {sendResult.error ? <p>{t(sendResult.error)}</p> : null}
              <ProblemList problems={sendResult.problems} />
            </div>
          ) : null}
          {actionData?.intent === "save" && actionData.saved ? (
            <p className="notice notice-ok" role="status">
              {t("parcels.saved")}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" name="intent" value="save" className="button-secondary">
              {t("parcels.save")}
            </button>
            <button type="submit" name="intent" value="send" className="button-primary">
              {t("parcels.send")}
            </button>
          </div>
        </ValidatedForm>
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="delete" className="button-danger">
            {t("parcels.delete")}
          </button>
        </Form>
      </section>
      <aside>
        <VerdictPanel verdict={verdict} />
      </aside>
    </div>
  );
}

function TrackingForm() {
  const t = useT();
  const { parcel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(trackingNumberSchema as unknown as z.ZodType<{ trackingNumber: string }, { trackingNumber: string }>, {
    defaultValues: { trackingNumber: parcel.trackingNumber ?? "" },
    serverErrors: actionData?.intent === "tracking" ? actionData.fieldErrors : null,
  });
  const error = form.formState.errors.trackingNumber?.message;
  return (
    <ValidatedForm form={form} onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="tracking" />
      <div className="field">
        <label htmlFor="parcel-tracking">{t("parcels.tracking.label")}</label>
        <p id="parcel-tracking-hint" className="field-hint">
          {t("parcels.tracking.hint")}
        </p>
        <input
          id="parcel-tracking"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          aria-invalid={error ? true : undefined}
          aria-describedby="parcel-tracking-hint parcel-tracking-error"
          {...form.register("trackingNumber")}
        />
        <ErrorText id="parcel-tracking-error" message={error} />
      </div>
      <button type="submit" className="button-primary">
        {t("parcels.tracking.submit")}
      </button>
    </ValidatedForm>
  );
}

function SentParcel() {
  const t = useT();
  const locale = useLocale();
  const { parcel, items, prisoner, events, replies, nextStatuses, statusLabels, canOnBehalf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const date = useDateFormatter("dateTime");
  const totalWeight = items.reduce((s, i) => s + i.quantity * i.unitWeightGrams, 0);
  const totalValue = items.reduce((s, i) => s + i.quantity * i.unitValueCents, 0);
  const form = parcel.customsForm === "CN22" ? "CN 22" : "CN 23";
  return (
    <>
      <section className="panel">
        {searchParams.has("ready") ? (
          <p className="notice notice-ok" role="status">
            {t("parcels.readyNotice", { route: routeName(t, parcel.route?.name) || "—" })}
          </p>
        ) : null}
        {searchParams.has("tracked") && parcel.trackingNumber ? (
          <p className="notice notice-ok" role="status">
            {t("parcels.tracking.saved", { number: parcel.trackingNumber })}
          </p>
        ) : null}
        <dl className="facts">
          <div>
            <dt>{t("parcels.status.current")}</dt>
            <dd data-testid="parcel-status">{statusLabel(t, parcel.status, statusLabels[parcel.status ?? ""])}</dd>
          </div>
          <div>
            <dt>{t("parcels.readyOn")}</dt>
            <dd>{parcel.sentAt ? date.format(new Date(parcel.sentAt)) : "—"}</dd>
          </div>
          <div>
            <dt>{t("parcels.route")}</dt>
            <dd>{routeName(t, parcel.route?.name) || "—"}</dd>
          </div>
          <div>
            <dt>{t("parcels.tracking.title")}</dt>
            <dd data-testid="parcel-tracking-number">{parcel.trackingNumber ?? "—"}</dd>
          </div>
          {canOnBehalf && parcel.senderPseudonym ? (
            <div>
              <dt>{t("parcels.preparedBy")}</dt>
              <dd>{parcel.senderPseudonym}</dd>
            </div>
          ) : null}
          {parcel.onBehalfOf ? (
            <div>
              <dt>{t("parcels.onBehalfOf")}</dt>
              <dd>{parcel.onBehalfOf}</dd>
            </div>
          ) : null}
        </dl>
        {parcel.own && parcel.customsForm === "inventory" ? <p>{t("parcels.customsInventory")}</p> : null}
        {parcel.own && parcel.customsForm !== "inventory" ? (
          <>
            <p>{t("parcels.customsIntro")}</p>
            <p className="notice">{t("parcels.senderIdentity")}</p>
            <p>
              <a href={`/parcels/${parcel.id}/customs`} className="button-primary" download>
                {t("parcels.downloadCustoms", { form })}
              </a>
            </p>
          </>
        ) : null}
        {prisoner.envelope ? (
          <EnvelopeAddress lines={prisoner.envelope} />
        ) : null}
        <h2>{t("parcels.items")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("parcels.col.item")}</th>
                <th scope="col">{t("parcels.item.quantity")}</th>
                <th scope="col">{t("parcels.col.weight")}</th>
                <th scope="col">{t("parcels.col.value")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>{itemName(locale, i)}</td>
                  <td>{i.quantity}</td>
                  <td>{formatKg(locale, i.quantity * i.unitWeightGrams)} kg</td>
                  <td>{formatMoney(locale, i.quantity * i.unitValueCents, parcel.currency)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("parcels.col.total")}</th>
                <td>{items.reduce((s, i) => s + i.quantity, 0)}</td>
                <td>{formatKg(locale, totalWeight)} kg</td>
                <td>{formatMoney(locale, totalValue, parcel.currency)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        {parcel.state === "sent" ? (
          <>
            <h2>{t("parcels.tracking.title")}</h2>
            <TrackingForm />
          </>
        ) : null}
        {nextStatuses.length > 0 ? (
          <>
            <h2>{t("parcels.status.change")}</h2>
            {actionData?.intent === "status" && actionData.error ? (
              <p className="notice notice-error" role="alert">
                {t(actionData.error)}
              </p>
            ) : null}
            <Form method="post" className="filters">
              <input type="hidden" name="intent" value="status" />
              <div className="field">
                <label htmlFor="parcel-next-status">{t("parcels.status.label")}</label>
                <select id="parcel-next-status" name="status">
                  {nextStatuses.map((key) => (
                    <option key={key} value={key}>
                      {statusLabel(t, key, statusLabels[key])}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button-secondary">
                {t("parcels.status.submit")}
              </button>
            </Form>
          </>
        ) : null}
        <h2>{t("parcels.history")}</h2>
        <StatusTimeline events={events} labels={statusLabels} showActors={canOnBehalf} />
        <h2>{t("letters.replies")}</h2>
        <RepliesList replies={replies} />
      </section>
    </>
  );
}

/** A coordinator looking at a volunteer's parcel still being prepared: read only. */
function OthersDraft() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const verdict = liveVerdict(
    {
      packageKind: data.parcel.packageKind,
      senderKind: data.parcel.senderKind,
      fromAbroad: data.parcel.fromAbroad,
      items: data.items.map((i) => ({
        catalogItemId: i.catalogItemId ?? "",
        freeText: i.freeText ?? "",
        quantity: String(i.quantity),
        unitWeightGrams: String(i.unitWeightGrams),
        unitValue: centsToInput(i.unitValueCents),
      })),
    },
    data,
  );
  return (
    <div className="editor-grid">
      <section className="panel">
        <p className="notice">{t("parcels.othersDraft", { name: data.parcel.senderPseudonym ?? "—" })}</p>
        <h2>{t("parcels.items")}</h2>
        <ul className="plain-list">
          {data.items.map((i) => (
            <li key={i.id}>
              {itemName(locale, i)} × {i.quantity}
            </li>
          ))}
        </ul>
      </section>
      <aside>
        <VerdictPanel verdict={verdict} />
      </aside>
    </div>
  );
}

export default function ParcelPage() {
  const t = useT();
  const { parcel, prisoner } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/parcels">← {t("parcels.title")}</Link>
      </p>
      <h1>{t("parcels.parcelTo", { name: prisoner.name })}</h1>
      <p>
        {prisoner.facility ? (
          <>
            <span lang="ru">
              {prisoner.facility.name}, {prisoner.facility.city}
            </span>{" "}
            · {t(`facilityType.${prisoner.facility.type}`)} · <Link to={`/facilities/${prisoner.facility.id}`}>{t("parcels.facilityRules")}</Link> ·{" "}
          </>
        ) : null}
        <Link to={`/prisoners/${prisoner.id}`}>{t("parcels.prisonerPage")}</Link>
      </p>
      {parcel.returnedReason ? (
        <p className="notice notice-error" role="status" data-testid="returned-notice">
          {t("situation.returnedNotice", { reason: t(parcel.returnedReason) })}
        </p>
      ) : null}
      {parcel.state !== "draft" ? <SentParcel /> : parcel.own ? <DraftEditor /> : <OthersDraft />}
    </>
  );
}
