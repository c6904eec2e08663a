import { Form } from "@remix-run/react";
import { useFieldArray } from "react-hook-form";
import { useLocale, useT } from "#app/i18n/react.tsx";
import { centsToInput, parcelDraftSchema, type ParcelDraftValues } from "#app/schemas/parcels.ts";
import { CATALOG_CATEGORIES } from "#app/parcels/defaults.ts";
import { itemName } from "#app/parcels/messages.ts";
import { ErrorText, useValidatedForm, ValidatedForm } from "#app/components/forms.tsx";
import { RelayAddressSelect } from "#app/components/relay-address-select.tsx";
import { routeName } from "#app/tracking/route-text.ts";
import { liveVerdict } from "./live-verdict.ts";
import { ProblemList, VerdictPanel } from "./verdict-panel.tsx";
import type { ParcelActionData, ParcelPageData } from "./types.ts";

const EMPTY_ROW = {
  catalogItemId: "",
  freeText: "",
  freeTextEn: "",
  quantity: "1",
  unitWeightGrams: "",
  unitValue: "",
};

/** The sender's own draft: the items editor with the live verdict beside it. */
export function DraftEditor({ data, actionData }: { data: ParcelPageData; actionData: ParcelActionData }) {
  const t = useT();
  const locale = useLocale();
  const { parcel, items, catalog, rules, canOnBehalf, relayAddresses } = data;
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
        freeTextEn: i.freeTextEn ?? "",
        quantity: String(i.quantity),
        unitWeightGrams: i.catalogItemId ? "" : String(i.unitWeightGrams),
        unitValue: i.catalogItemId ? "" : centsToInput(i.unitValueCents),
      })),
      EMPTY_ROW,
    ],
  };
  const { form, onSubmit } = useValidatedForm(parcelDraftSchema, {
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
        <ValidatedForm onSubmit={onSubmit}>
          <fieldset className="field">
            <legend>{t("parcels.packageKind")}</legend>
            <label className="checkbox">
              <input type="radio" value="parcel" {...form.register("packageKind")} /> {t("parcels.kind.parcel")}
            </label>{" "}
            <label className="checkbox">
              <input type="radio" value="small_package" {...form.register("packageKind")} />{" "}
              {t("parcels.kind.small_package")}
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
                  <input
                    id="parcel-on-behalf"
                    type="text"
                    aria-describedby="parcel-on-behalf-error"
                    {...form.register("onBehalfOf")}
                  />
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
                      <label htmlFor={`${prefix}-text`}>{t("parcels.item.freeTextRu")}</label>
                      <input
                        id={`${prefix}-text`}
                        type="text"
                        maxLength={200}
                        aria-describedby={`${prefix}-text-error`}
                        {...form.register(`items.${index}.freeText`)}
                      />
                      <ErrorText id={`${prefix}-text-error`} message={errors?.freeText?.message} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${prefix}-text-en`}>{t("parcels.item.freeTextEn")}</label>
                      <p id={`${prefix}-text-en-hint`} className="field-hint">
                        {t("parcels.item.freeTextEnHint")}
                      </p>
                      <input
                        id={`${prefix}-text-en`}
                        type="text"
                        lang="en"
                        maxLength={200}
                        aria-invalid={errors?.freeTextEn ? true : undefined}
                        aria-describedby={`${prefix}-text-en-hint ${prefix}-text-en-error`}
                        {...form.register(`items.${index}.freeTextEn`)}
                      />
                      <ErrorText id={`${prefix}-text-en-error`} message={errors?.freeTextEn?.message} />
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
            <RelayAddressSelect
              id="parcel-relay"
              label={t("parcels.useRelay")}
              addresses={relayAddresses}
              onChoose={(address) =>
                form.setValue("senderDetails", `${values.senderDetails?.split("\n")[0] ?? ""}\n${address}`.trim(), {
                  shouldDirty: true,
                })
              }
            />
            <textarea
              id="parcel-sender"
              rows={4}
              aria-describedby="parcel-sender-hint parcel-sender-error"
              {...form.register("senderDetails")}
            />
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
        <VerdictPanel verdict={verdict} rules={rules} />
      </aside>
    </div>
  );
}
