import { readImportSummary } from "./summary.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { translate, type Locale } from "#app/i18n/i18n.ts";
import type { ColumnMapping } from "./columns.ts";
import type { RowError } from "./normalize.ts";
import { encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { importFileContent } from "#app/utils/sealed-fields.server.ts";
import { ensureRoomForImport, failAbandonedRuns, IMPORT_LEASE_MS, openImportFile } from "./run-upkeep.server.ts";
import { DiskFullError } from "#app/utils/disk-space.server.ts";
import { ImportFileError } from "./parse.server.ts";
import {
  applyPlan,
  planImport,
  summarize,
  type FacilityDecisions,
  type ImportActor,
  type ImportPlan,
  type ImportSummary,
  type ReviewDecisions,
} from "./engine.server.ts";
import { saveValueMappings } from "./value-mappings.server.ts";
import { phase, phaseSync } from "./phases.server.ts";
import { beginLongWork } from "#app/utils/long-work.server.ts";
import type { MappableField } from "./normalize.ts";

/**
 * Import runs: what was imported, by whom, from which file, with what result.
 * Web imports keep the file between preview and confirmation; command-line and API
 * imports apply at once (or only preview with dry run).
 */

export function errorMessage(locale: Locale, error: RowError): string {
  return translate(locale, error.messageKey, error.params);
}

/** A run being applied holds a lease its process renews (see run-upkeep.server.ts). */
function leaseFromNow(): Date {
  return new Date(now().getTime() + IMPORT_LEASE_MS);
}

/** Renews the run's lease while `work` runs, so a slow apply is never taken for a dead one. */
async function withLease<T>(runId: string, work: () => Promise<T>): Promise<T> {
  const heartbeat = setInterval(() => {
    prisma.importRun
      .updateMany({ where: { id: runId, state: "applying" }, data: { leaseUntil: leaseFromNow() } })
      .catch(() => {});
  }, IMPORT_LEASE_MS / 4);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
  }
}

async function recordRun(input: {
  plan: ImportPlan;
  actor: ImportActor;
  fileName: string;
  contentType: string | null;
  bytes: Uint8Array | null;
  state: "preview" | "applying" | "dry-run";
  summary: ImportSummary;
  mapping: ColumnMapping | null;
}) {
  const id = newRowId();
  return prisma.importRun.create({
    data: {
      id,
      sourceId: input.plan.sourceId,
      userId: input.actor.userId ?? null,
      tokenId: input.actor.tokenId ?? null,
      channel: input.actor.channel,
      fileName: input.fileName.slice(0, 255),
      fileHash: input.plan.fileHash,
      format: input.plan.format,
      state: input.state,
      leaseUntil: input.state === "applying" ? leaseFromNow() : null,
      dryRun: input.state === "dry-run",
      partial: input.plan.partial,
      // The NGO's list names people at risk: encrypted like letters, bound to this run.
      fileContent: input.bytes ? encrypt(Buffer.from(input.bytes).toString("base64"), importFileContent(id)) : null,
      contentType: input.contentType,
      mapping: (input.mapping ?? undefined) as Prisma.InputJsonValue | undefined,
      summary: input.summary,
      createdAt: now(),
      errors: {
        createMany: {
          data: input.plan.errors.map((e) => ({
            line: e.line,
            field: e.field,
            messageKey: e.messageKey,
            params: e.params ?? undefined,
          })),
        },
      },
    },
  });
}

/** Command line and API: plan, then apply unless it is a dry run. Rows needing review stay for a person, in the web. */
export async function importFile(input: {
  sourceSlug: string;
  bytes: Uint8Array;
  fileName: string;
  contentType?: string | null;
  dryRun: boolean;
  /** A partial list flags no one as missing. */
  partial?: boolean;
  actor: ImportActor;
  locale?: Locale;
}): Promise<{ runId: string; summary: ImportSummary; noChanges: boolean; plan: ImportPlan }> {
  const locale = input.locale ?? "en";
  if (!input.dryRun) ensureRoomForImport(input.bytes.byteLength);
  const plan = await planImport({
    sourceSlug: input.sourceSlug,
    bytes: input.bytes,
    fileName: input.fileName,
    contentType: input.contentType,
    partial: input.partial ?? false,
  });
  const summary = phaseSync("summary", () => summarize(plan, (e) => errorMessage(locale, e)));
  if (input.dryRun) {
    const run = await recordRun({
      plan,
      actor: input.actor,
      fileName: input.fileName,
      contentType: input.contentType ?? null,
      bytes: null,
      state: "dry-run",
      summary,
      mapping: null,
    });
    return { runId: run.id, summary, noChanges: plan.noChanges, plan };
  }
  // From the plan to the applied run, long work (see long-work.server.ts): recording the
  // run and starting the transaction are short statements the liveness check need not queue behind.
  const work = beginLongWork("import run");
  try {
    const run = await recordAndApply(plan, summary, input);
    return { runId: run.id, summary, noChanges: plan.noChanges, plan };
  } finally {
    work.end();
  }
}

async function recordAndApply(
  plan: ImportPlan,
  summary: ImportSummary,
  input: { fileName: string; contentType?: string | null; bytes: Uint8Array; actor: ImportActor },
) {
  const keepFile = summary.needsReview > 0;
  const run = await phase("record the run", () =>
    recordRun({
      plan,
      actor: input.actor,
      fileName: input.fileName,
      contentType: input.contentType ?? null,
      bytes: keepFile ? input.bytes : null,
      state: "applying",
      summary,
      mapping: null,
    }),
  );
  try {
    if (!plan.noChanges)
      await withLease(run.id, () => explainFullDisk(() => applyPlan(plan, { actor: input.actor, runId: run.id })));
  } catch (error) {
    await prisma.importRun.update({ where: { id: run.id }, data: { state: "failed", leaseUntil: null } });
    throw error;
  }
  await phase("mark the run applied", () =>
    prisma.importRun.update({
      where: { id: run.id },
      data: { state: "applied", appliedAt: now(), leaseUntil: null },
    }),
  );
  return run;
}

/** A disk that filled up during the write (its transaction rolled back) as the import's own message. */
async function explainFullDisk<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DiskFullError)
      throw new ImportFileError("import.file.diskFullDuring", { freeMb: Math.floor(error.free / 1048576) });
    throw error;
  }
}

/** Web step 1: read and check the file, keep it, and show what would happen. */
export async function createPreview(input: {
  sourceSlug: string;
  bytes: Uint8Array;
  fileName: string;
  contentType: string | null;
  userId: string;
  locale: Locale;
  partial?: boolean;
}) {
  ensureRoomForImport(input.bytes.byteLength);
  const plan = await planImport({
    sourceSlug: input.sourceSlug,
    bytes: input.bytes,
    fileName: input.fileName,
    contentType: input.contentType,
    partial: input.partial ?? false,
  });
  const summary = summarize(plan, (e) => errorMessage(input.locale, e));
  const run = await recordRun({
    plan,
    actor: { userId: input.userId, channel: "web" },
    fileName: input.fileName,
    contentType: input.contentType,
    bytes: input.bytes,
    state: "preview",
    summary,
    mapping: null,
  });
  return run.id;
}

export async function getRun(runId: string) {
  await failAbandonedRuns();
  return prisma.importRun.findUnique({
    where: { id: runId },
    include: {
      source: { select: { slug: true, name: true } },
      user: { select: { pseudonym: true } },
      token: { select: { name: true } },
      errors: { orderBy: { line: "asc" }, take: 1000 },
      _count: { select: { errors: true } },
    },
  });
}

/** Re-reads a kept file (with a person's column mapping) into a fresh plan. */
export async function planForRun(runId: string, mapping?: ColumnMapping | null) {
  const run = await prisma.importRun.findUnique({
    where: { id: runId },
    include: { source: { select: { slug: true } } },
  });
  if (!run || !run.fileContent) return null;
  const effectiveMapping = mapping ?? (run.mapping as ColumnMapping | null) ?? null;
  const plan = await planImport({
    sourceSlug: run.source.slug,
    bytes: new Uint8Array(Buffer.from(openImportFile(run.id, run.fileContent), "base64")),
    fileName: run.fileName,
    contentType: run.contentType,
    mapping: effectiveMapping,
    partial: run.partial,
  });
  return { run, plan };
}

/** A person's answers for values the importer did not know; kept for the source, then the preview is planned again. */
export async function saveValueAnswers(
  runId: string,
  answers: { field: MappableField; value: string; target: string }[],
  userId: string,
  locale: Locale,
) {
  const run = await prisma.importRun.findUnique({ where: { id: runId }, select: { sourceId: true, mapping: true } });
  if (!run) return false;
  await saveValueMappings(run.sourceId, answers, userId);
  return saveMapping(runId, (run.mapping as ColumnMapping | null) ?? {}, locale);
}

export async function saveMapping(runId: string, mapping: ColumnMapping, locale: Locale) {
  const planned = await planForRun(runId, mapping);
  if (!planned) return false;
  const summary = summarize(planned.plan, (e) => errorMessage(locale, e));
  await prisma.$transaction([
    prisma.importRowError.deleteMany({ where: { importRunId: runId } }),
    prisma.importRun.update({
      where: { id: runId },
      data: {
        mapping: mapping as Prisma.InputJsonValue,
        summary,
        errors: {
          createMany: {
            data: planned.plan.errors.map((e) => ({
              line: e.line,
              field: e.field,
              messageKey: e.messageKey,
              params: e.params ?? undefined,
            })),
          },
        },
      },
    }),
  ]);
  return true;
}

/** Web step 2: apply the kept file with the person's decisions, in one transaction. */
export async function confirmRun(
  runId: string,
  input: { userId: string; decisions: ReviewDecisions; facilityDecisions?: FacilityDecisions; locale: Locale },
) {
  const planned = await planForRun(runId);
  if (!planned) return null;
  const { run, plan } = planned;
  ensureRoomForImport(run.fileContent?.length ?? 0);
  const resolved = await explainFullDisk(() =>
    applyPlan(plan, {
      actor: { userId: input.userId, channel: "web" },
      decisions: input.decisions,
      facilityDecisions: input.facilityDecisions,
      runId,
    }),
  );
  const applied: ImportPlan = { ...plan, rows: resolved };
  const summary = summarize(applied, (e) => errorMessage(input.locale, e));
  const stillOpen = summary.needsReview > 0;
  await prisma.importRun.update({
    where: { id: run.id },
    data: {
      state: "applied",
      appliedAt: now(),
      userId: run.userId ?? input.userId,
      summary,
      // Kept only while some rows still wait for a person's decision.
      fileContent: stillOpen ? undefined : null,
    },
  });
  return summary;
}

export async function discardRun(runId: string) {
  await prisma.importRun.update({ where: { id: runId }, data: { state: "discarded", fileContent: null } });
}

export async function listRuns(page = 1, perPage = 25) {
  await failAbandonedRuns();
  const [runs, total] = await Promise.all([
    prisma.importRun.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        createdAt: true,
        fileName: true,
        fileHash: true,
        state: true,
        channel: true,
        summary: true,
        source: { select: { name: true } },
        user: { select: { pseudonym: true } },
        token: { select: { name: true } },
      },
    }),
    prisma.importRun.count(),
  ]);
  return {
    runs: runs.map((run) => ({ ...run, summary: readImportSummary(run.summary) })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}

export async function listSources() {
  return prisma.source.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, country: true, namesPublic: true },
  });
}

export async function createSource(input: {
  slug: string;
  name: string;
  country: "BY" | "RU" | null;
  namesPublic?: boolean;
}) {
  return prisma.source.create({
    data: { slug: input.slug, name: input.name, country: input.country, namesPublic: input.namesPublic ?? false },
  });
}
