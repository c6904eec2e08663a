import { Form, Link } from "@remix-run/react";
import { IMPORT_FIELDS, isImportField } from "#app/imports/columns.ts";
import { FACILITY_TYPES, PRISONER_STATUSES } from "#app/schemas/prisoners.ts";
import type { MappableField } from "#app/imports/normalize.ts";
import { useT } from "#app/i18n/react.tsx";

/** Pieces of the import run page (app/routes/imports.$id.tsx). */

export function Changes({ changes }: { changes: { field: string; from: string | null; to: string | null }[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="changes">
      {changes.map((c, i) => (
        <li key={i}>
          <code>{c.field}</code>: {c.from ?? "—"} → <strong>{c.to ?? "—"}</strong>
        </li>
      ))}
    </ul>
  );
}

export function More({ count }: { count: number }) {
  const t = useT();
  return count > 0 ? <p className="muted">{t("imports.run.andMore", { count })}</p> : null;
}

export function ColumnMappingForm({ columns }: { columns: string[] }) {
  const t = useT();
  return (
    <section className="panel">
      <h2>{t("imports.run.mapping")}</h2>
      <p>{t("imports.run.mappingIntro")}</p>
      <Form method="post">
        {columns.map((header) => (
          <div className="field" key={header}>
            <label htmlFor={`map-${header}`}>{t("imports.run.columnLabel", { header })}</label>
            <select id={`map-${header}`} name={`map:${header}`} defaultValue="">
              <option value="">{t("imports.run.ignoreColumn")}</option>
              {IMPORT_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {t(`importField.${field}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" name="intent" value="mapping" className="button-secondary">
          {t("imports.run.applyMapping")}
        </button>
      </Form>
    </section>
  );
}

interface UnknownValue {
  field: MappableField;
  key: string;
  text: string;
  rows: number;
  firstLine: number;
}

/** A person tells what a list's unknown words mean; kept for the source. */
export function UnknownValuesForm({ values }: { values: UnknownValue[] }) {
  const t = useT();
  return (
    <section className="panel" data-testid="unknown-values">
      <h2>{t("imports.run.unknownValues")}</h2>
      <p>{t("imports.run.unknownValuesIntro")}</p>
      <Form method="post">
        {values.map((v) => {
          const id = `value-${v.field}-${v.key}`;
          return (
            <div className="field" key={`${v.field}|${v.key}`}>
              <label htmlFor={id}>
                {t("imports.run.unknownValueLabel", {
                  field: t(`importValueField.${v.field}`),
                  value: v.text,
                  count: v.rows,
                  line: v.firstLine,
                })}
              </label>
              <select id={id} name={`value:${v.field}:${v.key}`} defaultValue="">
                <option value="">{t("imports.run.unknownValueLeave")}</option>
                {v.field === "facilityType"
                  ? FACILITY_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`facilityType.${type}`)}
                      </option>
                    ))
                  : PRISONER_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {t(`prisonerStatus.${status}`)}
                      </option>
                    ))}
              </select>
            </div>
          );
        })}
        <button type="submit" name="intent" value="values" className="button-secondary">
          {t("imports.run.saveValues")}
        </button>
      </Form>
    </section>
  );
}

interface NewFacility {
  key: string;
  name: string;
  city: string | null;
  street: string | null;
  postcode: string | null;
  rows: number;
  firstLine: number;
  options: { id: string; label: string }[];
}

/** Inside the confirm form: each new facility is created, or said to be a known one. */
export function NewFacilitiesSection({ facilities }: { facilities: NewFacility[] }) {
  const t = useT();
  if (facilities.length === 0) return null;
  return (
    <section data-testid="new-facilities">
      <h2>{t("imports.run.newFacilities")}</h2>
      <p>{t("imports.run.newFacilitiesIntro")}</p>
      {facilities.map((f) => {
        const label = [f.name, f.city].filter(Boolean).join(", ");
        const id = `facility-${f.key}`;
        return (
          <div className="field" key={f.key}>
            <label htmlFor={id}>
              {t("imports.run.newFacilityLabel", { name: label, count: f.rows, line: f.firstLine })}
            </label>
            <p className="field-hint">{[f.street, f.postcode, f.city].filter(Boolean).join(", ") || "—"}</p>
            <select id={id} name={`facility:${f.key}`} defaultValue="new">
              <option value="new">{t("imports.run.createFacility")}</option>
              {f.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {t("imports.run.sameFacility", { name: o.label })}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </section>
  );
}

interface ReviewRow {
  line: number;
  name: string;
  birthDate: string | null;
  candidates: { prisonerId: string; name: string; birthDate: string | null }[];
}

export function ReviewSection({ rows }: { rows: ReviewRow[] }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <section>
      <h2>{t("imports.count.needsReview")}</h2>
      <p>{t("imports.run.reviewIntro")}</p>
      {rows.map((row) => (
        <fieldset key={row.line} className="field review" data-testid={`review-${row.line}`}>
          <legend>
            {t("imports.run.line", { line: row.line })}: {row.name}
            {row.birthDate ? ` (${row.birthDate})` : ` (${t("imports.run.noBirthDate")})`}
          </legend>
          {row.candidates.map((c) => (
            <label className="checkbox" key={c.prisonerId}>
              <input type="radio" name={`decision:${row.line}`} value={c.prisonerId} />{" "}
              {t("imports.run.sameAs", { name: c.name, birthDate: c.birthDate ?? "—" })}{" "}
              <Link to={`/prisoners/${c.prisonerId}`} target="_blank" rel="noreferrer">
                {t("imports.run.open")}
              </Link>
            </label>
          ))}
          <label className="checkbox">
            <input type="radio" name={`decision:${row.line}`} value="new" /> {t("imports.run.newPerson")}
          </label>
          <label className="checkbox">
            <input type="radio" name={`decision:${row.line}`} value="" defaultChecked /> {t("imports.run.decideLater")}
          </label>
        </fieldset>
      ))}
    </section>
  );
}

export function MergedSection({ merged }: { merged: { shown: { line: number; into: number }[]; more: number } }) {
  const t = useT();
  if (merged.shown.length === 0) return null;
  return (
    <section>
      <h2>{t("imports.run.merged")}</h2>
      <p>{t("imports.run.mergedIntro")}</p>
      <ul className="plain-list columns">
        {merged.shown.map((m) => (
          <li key={m.line}>{t("imports.run.mergedRow", { line: m.line, into: m.into })}</li>
        ))}
      </ul>
      <More count={merged.more} />
    </section>
  );
}

export function ErrorTable({ errors }: { errors: { line: number; field: string; message: string }[] }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <section>
      <h2>{t("imports.count.errors")}</h2>
      <p>{t("imports.run.errorsIntro")}</p>
      <div className="table-wrap">
        <table data-testid="import-errors">
          <thead>
            <tr>
              <th scope="col">{t("imports.run.lineHeader")}</th>
              <th scope="col">{t("imports.run.field")}</th>
              <th scope="col">{t("imports.run.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, 1000).map((e, i) => (
              <tr key={i}>
                <td>{e.line}</td>
                <td>{isImportField(e.field) ? t(`importField.${e.field}`) : e.field}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
