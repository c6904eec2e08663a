import { redirect } from "@remix-run/node";
import { facilityNames } from "#app/models/facilities.server.ts";
import {
  confirmRun,
  discardRun,
  errorMessage,
  getRun,
  planForRun,
  saveMapping,
  saveValueAnswers,
} from "#app/imports/runs.server.ts";
import { summarize, ReviewRequiredError, type PlannedRow } from "#app/imports/engine.server.ts";
import { readImportSummary } from "#app/imports/summary.ts";
import { isImportField, type ColumnMapping } from "#app/imports/columns.ts";
import { ImportFileError } from "#app/imports/parse.server.ts";
import { isMappableField } from "#app/imports/value-fields.ts";
import type { MappableField } from "#app/imports/normalize.ts";
import { translate, isMessageKey, type Locale } from "#app/i18n/i18n.ts";

const SHOWN_PER_KIND = 200;

type MatchedRow = Extract<PlannedRow, { prisonerId: string }>;
type NewRow = Extract<PlannedRow, { kind: "new" }>;
type ReviewRow = Extract<PlannedRow, { kind: "needsReview" }>;

function take<T>(list: T[]) {
  return { shown: list.slice(0, SHOWN_PER_KIND), more: Math.max(0, list.length - SHOWN_PER_KIND) };
}

function matchedRows(rows: PlannedRow[], kind: "updated" | "transferred") {
  return rows.filter((r): r is MatchedRow => r.kind === kind);
}

/** Everything the import run page shows: the stored run, and for an open preview the plan made again from the kept file. */
export async function importRunPage(runId: string, locale: Locale) {
  const run = await getRun(runId);
  if (!run) throw new Response("Not found", { status: 404 });
  const base = {
    id: run.id,
    state: run.state,
    channel: run.channel,
    fileName: run.fileName,
    fileHash: run.fileHash,
    format: run.format,
    partial: run.partial,
    createdAt: run.createdAt,
    appliedAt: run.appliedAt,
    source: run.source.name,
    by: run.user?.pseudonym ?? (run.token ? `API: ${run.token.name}` : null),
    storedErrors: run.errors.map((e) => ({
      line: e.line,
      field: e.field,
      message: isMessageKey(e.messageKey)
        ? translate(locale, e.messageKey, (e.params ?? {}) as Record<string, string | number>)
        : e.messageKey,
    })),
    errorCount: run._count.errors,
  };
  const open = run.fileContent && (run.state === "preview" || run.state === "applied");
  const planned = open ? await planForRun(run.id) : null;
  if (!planned) return { ...base, summary: readImportSummary(run.summary), plan: null };
  const { plan } = planned;
  const countries = [...new Set(plan.newFacilities.map((f) => f.country))];
  const facilities = countries.length ? await facilityNames({ countries }) : [];
  return {
    ...base,
    summary: summarize(plan, (e) => errorMessage(locale, e)),
    plan: {
      noChanges: plan.noChanges,
      headers: plan.headers,
      mapping: plan.mapping,
      unknownColumns: plan.unknownColumns,
      unknownValues: plan.unknownValues,
      newFacilities: plan.newFacilities.map((f) => ({
        ...f,
        options: facilities
          .filter((k) => k.country === f.country)
          .map((k) => ({ id: k.id, label: [k.name, k.city].filter(Boolean).join(", ") })),
      })),
      merged: take(plan.merged),
      created: take(
        plan.rows.filter((r): r is NewRow => r.kind === "new").map((r) => ({ line: r.line, name: r.name })),
      ),
      updated: take(
        matchedRows(plan.rows, "updated").map((r) => ({
          line: r.line,
          name: r.name,
          prisonerId: r.prisonerId,
          changes: r.changes,
        })),
      ),
      transferred: take(
        matchedRows(plan.rows, "transferred").map((r) => ({
          line: r.line,
          name: r.name,
          prisonerId: r.prisonerId,
          transfer: r.transfer,
          changes: r.changes,
        })),
      ),
      review: plan.rows
        .filter((r): r is ReviewRow => r.kind === "needsReview")
        .map((r) => ({ line: r.line, name: r.name, birthDate: r.row.birthDate, candidates: r.candidates })),
      missing: take(plan.missing),
      errors: summarize(plan, (e) => errorMessage(locale, e)).errors,
    },
  };
}

/** The page's four intents: discard, map columns, answer unknown values, confirm (with review and facility decisions). */
export async function importRunAction(runId: string, formData: FormData, userId: string, locale: Locale) {
  const intent = formData.get("intent");
  if (intent === "discard") {
    await discardRun(runId);
    throw redirect("/imports");
  }
  if (intent === "mapping") {
    const mapping: ColumnMapping = {};
    for (const [name, value] of formData) {
      if (!name.startsWith("map:")) continue;
      mapping[name.slice(4)] = isImportField(value) ? value : null;
    }
    await saveMapping(runId, mapping, locale);
    throw redirect(`/imports/${runId}`);
  }
  if (intent === "values") {
    const answers: { field: MappableField; value: string; target: string }[] = [];
    for (const [name, target] of formData) {
      const match = name.match(/^value:([^:]+):(.*)$/);
      if (!match || !isMappableField(match[1]) || typeof target !== "string" || !target) continue;
      answers.push({ field: match[1], value: match[2], target });
    }
    await saveValueAnswers(runId, answers, userId, locale);
    throw redirect(`/imports/${runId}`);
  }
  if (intent === "confirm") {
    const decisions: Record<number, string> = {};
    const facilityDecisions: Record<string, string> = {};
    for (const [name, value] of formData) {
      if (typeof value !== "string" || !value) continue;
      if (name.startsWith("decision:")) decisions[Number(name.slice(9))] = value;
      if (name.startsWith("facility:")) facilityDecisions[name.slice(9)] = value;
    }
    try {
      await confirmRun(runId, { userId, decisions, facilityDecisions, locale });
    } catch (error) {
      if (error instanceof ReviewRequiredError)
        throw new Response("A decision names a prisoner or facility that is not a candidate", { status: 400 });
      // The disk filled up while writing: the transaction was rolled back, nothing was imported.
      if (error instanceof ImportFileError)
        throw new Response(translate(locale, error.messageKey, error.params), { status: 507 });
      throw error;
    }
    throw redirect(`/imports/${runId}?applied=1`);
  }
  throw new Response("Bad request", { status: 400 });
}
