import crypto from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { ensureRoomDuringImport } from "./run-upkeep.server.ts";

/**
 * The bulk writes of an import: one INSERT … SELECT FROM unnest(parallel arrays) per
 * few thousand rows. Prisma's createMany builds and checks every row in JavaScript
 * (about 25 s and 1 GB for 20,000 prisoners); unnest sends a handful of arrays and
 * lets the database do the rest, on PostgreSQL and PGlite alike.
 */

type Tx = Prisma.TransactionClient;

const BATCH = 5000;

/** Each batch first checks the disk still has room: a full disk hangs the embedded database. */
async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    ensureRoomDuringImport();
    await write(rows.slice(i, i + BATCH));
  }
}

/**
 * Ids for one import's new rows that increase in the order they are made (cuid-like:
 * "c", the time, a random part, a counter). Rows written in that order append to the
 * primary-key and prisoner-id indexes instead of landing at random places in them.
 */
export function increasingIds(): () => string {
  const prefix = `c${Date.now().toString(36)}${crypto.randomBytes(8).toString("hex")}`;
  let counter = 0;
  return () => prefix + (counter++).toString(36).padStart(6, "0");
}

export interface NewPrisonerRow {
  id: string;
  country: string;
  status: string;
  /** yyyy-mm-dd */
  birthDate: string | null;
  birthYearOnly: boolean;
  gender: string | null;
  detainedOn: string | null;
  verdictOn: string | null;
  releasedOn: string | null;
  releaseKind: string | null;
  diedOn: string | null;
  articles: string | null;
  sentence: string | null;
  penalty: string | null;
  notes: string | null;
  canWrite: boolean;
  interests: string[];
  currentFacilityId: string | null;
  humanitarianReasons: string[];
  incommunicado: boolean;
  doNotWrite: boolean;
  relativesOnly: boolean;
  sortName: string;
}

export async function insertPrisoners(tx: Tx, rows: NewPrisonerRow[], at: Date): Promise<void> {
  await inBatches(rows, (batch) => {
    const col = <K extends keyof NewPrisonerRow>(key: K) => batch.map((r) => r[key]);
    return tx.$executeRaw`
      INSERT INTO "Prisoner" ("id", "country", "status", "birthDate", "birthYearOnly", "gender", "detainedOn", "verdictOn",
        "releasedOn", "releaseKind", "diedOn", "articles", "sentence", "penalty", "notes", "canWrite", "interests",
        "currentFacilityId", "humanitarian", "humanitarianReasons", "incommunicado", "doNotWrite", "relativesOnly",
        "sortName", "createdAt", "updatedAt")
      SELECT id, country::"Country", status::"PrisonerStatus", birth::date, byo, gender, det::date, ver::date,
        rel::date, rk::"ReleaseKind", died::date, art, sen, pen, notes, cw,
        CASE WHEN intr = '[]' THEN '{}'::text[] ELSE ARRAY(SELECT json_array_elements_text(intr::json)) END,
        fac, hr <> '[]', CASE WHEN hr = '[]' THEN '{}'::"HumanitarianReason"[] ELSE ARRAY(SELECT json_array_elements_text(hr::json))::"HumanitarianReason"[] END,
        inc, dnw, ro,
        sort, ${at}, ${at}
      FROM unnest(
        ${col("id")}::text[], ${col("country")}::text[], ${col("status")}::text[], ${col("birthDate")}::text[],
        ${col("birthYearOnly")}::boolean[], ${col("gender")}::text[], ${col("detainedOn")}::text[], ${col("verdictOn")}::text[],
        ${col("releasedOn")}::text[], ${col("releaseKind")}::text[], ${col("diedOn")}::text[], ${col("articles")}::text[],
        ${col("sentence")}::text[], ${col("penalty")}::text[], ${col("notes")}::text[], ${col("canWrite")}::boolean[],
        ${batch.map((r) => JSON.stringify(r.interests))}::text[], ${col("currentFacilityId")}::text[],
        ${batch.map((r) => JSON.stringify(r.humanitarianReasons))}::text[], ${col("incommunicado")}::boolean[],
        ${col("doNotWrite")}::boolean[], ${col("relativesOnly")}::boolean[], ${col("sortName")}::text[]
      ) AS t(id, country, status, birth, byo, gender, det, ver, rel, rk, died, art, sen, pen, notes, cw, intr, fac, hr, inc, dnw, ro, sort)`;
  });
}

export async function insertStays(
  tx: Tx,
  rows: { id: string; prisonerId: string; facilityId: string }[],
  at: Date,
  importRunId: string,
): Promise<void> {
  await inBatches(
    rows,
    (batch) => tx.$executeRaw`
      INSERT INTO "FacilityStay" ("id", "prisonerId", "facilityId", "fromDate", "importRunId")
      SELECT id, p, f, ${at}, ${importRunId}
      FROM unnest(${batch.map((r) => r.id)}::text[], ${batch.map((r) => r.prisonerId)}::text[], ${batch.map((r) => r.facilityId)}::text[]) AS t(id, p, f)`,
  );
}

export async function insertSourceLinks(
  tx: Tx,
  rows: { id: string; prisonerId: string; externalId: string | null; rowHash: string }[],
  sourceId: string,
  at: Date,
): Promise<void> {
  await inBatches(
    rows,
    (batch) => tx.$executeRaw`
      INSERT INTO "PrisonerSource" ("id", "prisonerId", "sourceId", "externalId", "firstSeenAt", "lastSeenAt", "rowHash")
      SELECT id, p, ${sourceId}, e, ${at}, ${at}, h
      FROM unnest(${batch.map((r) => r.id)}::text[], ${batch.map((r) => r.prisonerId)}::text[], ${batch.map((r) => r.externalId)}::text[],
        ${batch.map((r) => r.rowHash)}::text[]) AS t(id, p, e, h)`,
  );
}

export interface NewSituationRow {
  id: string;
  prisonerId: string;
  status: "released" | "deceased";
  /** yyyy-mm-dd */
  occurredOn: string | null;
  releaseKind: string | null;
}

/** The situation rows of new released or deceased prisoners (the release counts read them). */
export async function insertSituations(tx: Tx, rows: NewSituationRow[], at: Date, importRunId: string): Promise<void> {
  await inBatches(
    rows,
    (batch) => tx.$executeRaw`
      INSERT INTO "SituationChange" ("id", "prisonerId", "status", "occurredOn", "releaseKind", "importRunId", "createdAt")
      SELECT id, p, s::"PrisonerStatus", o::date, rk::"ReleaseKind", ${importRunId}, ${at}
      FROM unnest(${batch.map((r) => r.id)}::text[], ${batch.map((r) => r.prisonerId)}::text[], ${batch.map((r) => r.status)}::text[],
        ${batch.map((r) => r.occurredOn)}::text[], ${batch.map((r) => r.releaseKind)}::text[]) AS t(id, p, s, o, rk)`,
  );
}
