import { Form, useSearchParams } from "@remix-run/react";
import { useDateFormatter, useLocale, useT } from "#app/i18n/react.tsx";
import { routeName } from "#app/tracking/route-text.ts";
import { trackingNumberSchema } from "#app/schemas/parcels.ts";
import { formatKg, formatMoney, itemName } from "#app/parcels/messages.ts";
import { statusLabel } from "#app/tracking/status-label.ts";
import { ErrorText, useValidatedForm, ValidatedForm } from "#app/components/forms.tsx";
import { RepliesList, StatusTimeline } from "#app/components/tracking.tsx";
import { EnvelopeAddress } from "#app/components/envelope-address.tsx";
import type { ParcelActionData, ParcelPageData } from "./types.ts";

function TrackingForm({ trackingNumber, actionData }: { trackingNumber: string | null; actionData: ParcelActionData }) {
  const t = useT();
  const { form, onSubmit } = useValidatedForm(trackingNumberSchema, {
    defaultValues: { trackingNumber: trackingNumber ?? "" },
    serverErrors: actionData?.intent === "tracking" ? actionData.fieldErrors : null,
  });
  const error = form.formState.errors.trackingNumber?.message;
  return (
    <ValidatedForm onSubmit={onSubmit}>
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

/** A parcel ready to post or on its way: facts, customs form, items, tracking number, status, history. */
export function SentParcel({ data, actionData }: { data: ParcelPageData; actionData: ParcelActionData }) {
  const t = useT();
  const locale = useLocale();
  const { parcel, items, prisoner, events, replies, nextStatuses, statusLabels, canOnBehalf } = data;
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
        {prisoner.envelope ? <EnvelopeAddress lines={prisoner.envelope} /> : null}
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
            <TrackingForm trackingNumber={parcel.trackingNumber} actionData={actionData} />
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
