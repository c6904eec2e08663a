import type { Facility, Prisma, User } from "#app/generated/prisma/client.ts";
import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { can } from "#app/utils/permissions.ts";
import { facilityKeyOf, storedIdentityKey } from "#app/imports/facility-index.server.ts";
import type { FacilityEditInput } from "#app/schemas/prisoners.ts";
import { PermissionError } from "./users.server.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { diff, type Change } from "./edit-diff.ts";

/**
 * One facility is one row: the same colony spelled "ИК №2, г. Бобруйск" in one list and
 * "IK-2 Babrujsk" in another has one identity key (app/facilities/identity.ts).
 * Rows saved before identity keys existed, or created twice by older imports, are
 * found here and merged by a coordinator.
 */

/** Gives every facility without an identity key its key (rows saved before the keys existed). */
export async function backfillFacilityIdentity(db: DbClient = prisma): Promise<number> {
  const missing = await db.facility.findMany({
    where: { identityKey: null },
    select: { id: true, type: true, number: true, name: true, city: true, identityKey: true },
  });
  for (const f of missing)
    await db.facility.update({ where: { id: f.id }, data: { identityKey: storedIdentityKey(f) } });
  return missing.length;
}

/** Recomputes a facility's identity after a coordinator changed its name, number, type or city. */
export async function refreshFacilityIdentity(db: DbClient, id: string): Promise<void> {
  const f = await db.facility.findUniqueOrThrow({
    where: { id },
    select: { type: true, number: true, name: true, city: true },
  });
  await db.facility.update({ where: { id }, data: { identityKey: storedIdentityKey({ ...f, identityKey: null }) } });
}

export interface DuplicateGroup {
  key: string;
  facilities: {
    id: string;
    name: string;
    city: string;
    street: string;
    postcode: string;
    prisoners: number;
    createdAt: Date;
  }[];
}

/** Facilities that share an identity: the same place, stored more than once. */
export async function findDuplicateFacilities(db: DbClient = prisma): Promise<DuplicateGroup[]> {
  const facilities = await db.facility.findMany({
    select: {
      id: true,
      country: true,
      type: true,
      number: true,
      name: true,
      city: true,
      street: true,
      postcode: true,
      identityKey: true,
      createdAt: true,
      _count: { select: { prisoners: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const groups = new Map<string, DuplicateGroup>();
  for (const f of facilities) {
    const key = facilityKeyOf(f.country, storedIdentityKey(f));
    const group = groups.get(key) ?? { key, facilities: [] };
    group.facilities.push({
      id: f.id,
      name: f.name,
      city: f.city,
      street: f.street,
      postcode: f.postcode,
      prisoners: f._count.prisoners,
      createdAt: f.createdAt,
    });
    groups.set(key, group);
  }
  return [...groups.values()].filter((g) => g.facilities.length > 1);
}

function minOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.min(...known) : null;
}

/** The rules of merged facilities: whatever any of them forbids stays forbidden; the smallest quota and limit win. */
export function stricterRules(all: Facility[]): Prisma.FacilityUpdateInput {
  const languageSets = all.map((f) => new Set(f.languages));
  const common = all[0].languages.filter((language) => languageSets.every((set) => set.has(language)));
  const notes = [...new Set(all.map((f) => f.rulesNote?.trim()).filter((n): n is string => Boolean(n)))];
  const firstWith = <
    K extends "street" | "postcode" | "city" | "district" | "region" | "number" | "nameLatin" | "regime",
  >(
    key: K,
  ) => all.map((f) => f[key]).find((v) => v !== null && v !== "") ?? all[0][key];
  return {
    acceptsNonRelativeLetters: all.every((f) => f.acceptsNonRelativeLetters),
    parcelsFromAbroad: all.every((f) => f.parcelsFromAbroad),
    parcelsRelativesOnly: all.some((f) => f.parcelsRelativesOnly),
    parcelQuotaPerYear: minOf(all.map((f) => f.parcelQuotaPerYear)),
    parcelQuotaOrdinary: minOf(all.map((f) => f.parcelQuotaOrdinary)),
    parcelQuotaLightened: minOf(all.map((f) => f.parcelQuotaLightened)),
    parcelQuotaStrict: minOf(all.map((f) => f.parcelQuotaStrict)),
    smallPackageQuotaPerYear: minOf(all.map((f) => f.smallPackageQuotaPerYear)),
    parcelWeightLimitGrams: minOf(all.map((f) => f.parcelWeightLimitGrams)),
    parcelMonthlyWeightLimitGrams: minOf(all.map((f) => f.parcelMonthlyWeightLimitGrams)),
    languages: common.length ? common : all[0].languages,
    rulesNote: notes.length ? notes.join("\n") : null,
    street: firstWith("street"),
    postcode: firstWith("postcode"),
    city: firstWith("city"),
    district: firstWith("district"),
    region: firstWith("region"),
    number: firstWith("number"),
    nameLatin: firstWith("nameLatin"),
    regime: firstWith("regime"),
  };
}

export type FacilityMergeCode = "not-duplicates" | "not-found";

export const FACILITY_MERGE_ERRORS: DomainErrorTable<FacilityMergeCode> = {
  "not-duplicates": { kind: "conflict", message: "facilities.mergeFailed" },
  "not-found": { kind: "not_found", message: "facilities.mergeFailed" },
};

/** Facilities that are not (or no longer) one place stored twice, or that are gone. */
export class FacilityMergeError extends DomainError<FacilityMergeCode> {
  constructor(code: FacilityMergeCode) {
    super(code, FACILITY_MERGE_ERRORS);
  }
}

/**
 * Merges facilities into the one kept: everyone's current place, stays (the history of
 * transfers), letters, parcels and edit records move to it; it keeps the stricter
 * rules; the others are deleted. All or nothing, audited.
 */
export async function mergeFacilities(actor: User, keepId: string, mergeIds: string[]): Promise<void> {
  if (!can(actor, "edit:prisoners")) throw new PermissionError("edit:prisoners");
  const others = [...new Set(mergeIds)].filter((id) => id !== keepId);
  if (others.length === 0) throw new FacilityMergeError("not-duplicates");
  await prisma.$transaction(async (tx) => {
    // One fixed lock order, so two coordinators merging overlapping groups cannot deadlock.
    const ids = [keepId, ...others].sort();
    await tx.$queryRaw`SELECT id FROM "Facility" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    const all = await tx.facility.findMany({ where: { id: { in: ids } } });
    if (all.length !== ids.length) throw new FacilityMergeError("not-found");
    const keep = all.find((f) => f.id === keepId)!;
    const keyOfKeep = facilityKeyOf(keep.country, storedIdentityKey(keep));
    if (all.some((f) => facilityKeyOf(f.country, storedIdentityKey(f)) !== keyOfKeep))
      throw new FacilityMergeError("not-duplicates");
    const ordered = [keep, ...all.filter((f) => f.id !== keepId)];

    await tx.prisoner.updateMany({ where: { currentFacilityId: { in: others } }, data: { currentFacilityId: keepId } });
    await tx.facilityStay.updateMany({ where: { facilityId: { in: others } }, data: { facilityId: keepId } });
    await tx.letter.updateMany({ where: { facilityId: { in: others } }, data: { facilityId: keepId } });
    await tx.parcel.updateMany({ where: { facilityId: { in: others } }, data: { facilityId: keepId } });
    await tx.prisonerEdit.updateMany({ where: { facilityId: { in: others } }, data: { facilityId: keepId } });
    await tx.importValueMapping.updateMany({
      where: { field: "facility", target: { in: others } },
      data: { target: keepId },
    });
    await tx.facility.deleteMany({ where: { id: { in: others } } });
    await tx.facility.update({
      where: { id: keepId },
      data: { ...stricterRules(ordered), identityKey: storedIdentityKey(keep) },
    });
    const merged = ordered.slice(1).map((f) => [f.name, f.city].filter(Boolean).join(", "));
    await tx.prisonerEdit.create({
      data: {
        facilityId: keepId,
        editorId: actor.id,
        changes: { fields: [{ field: "merged", from: merged.join("; "), to: null }] },
        createdAt: now(),
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "facility.merged",
        targetType: "facility",
        targetId: keepId,
        details: { merged: others },
      },
      tx,
    );
  });
}

// ───────────────────────────── Facilities list and edits ─────────────────────────────

export async function updateFacility(actor: User, id: string, input: FacilityEditInput): Promise<Change[]> {
  if (!can(actor, "edit:prisoners")) throw new PermissionError("edit:prisoners");
  return prisma.$transaction(async (tx) => {
    const before = await tx.facility.findUniqueOrThrow({ where: { id } });
    const changes = diff(before, input);
    if (changes.length === 0) return changes;
    await tx.facility.update({ where: { id }, data: input });
    await refreshFacilityIdentity(tx, id);
    await tx.prisonerEdit.create({
      data: { facilityId: id, editorId: actor.id, changes: { fields: changes }, createdAt: now() },
    });
    return changes;
  });
}

export async function listFacilities() {
  return prisma.facility.findMany({
    orderBy: [{ country: "asc" }, { type: "asc" }, { name: "asc" }],
    include: { _count: { select: { prisoners: true } } },
  });
}

export async function getFacilityWithEdits(id: string) {
  return prisma.facility.findUnique({
    where: { id },
    include: {
      edits: { orderBy: { createdAt: "desc" }, take: 50, include: { editor: { select: { pseudonym: true } } } },
      _count: { select: { prisoners: true } },
    },
  });
}

/** Facilities' names for labels: by id, or every facility in some countries (sorted by city and name). */
export async function facilityNames(where: { ids: string[] } | { countries: ("BY" | "RU")[] }) {
  if ("ids" in where) {
    if (where.ids.length === 0) return [];
    return prisma.facility.findMany({
      where: { id: { in: where.ids } },
      select: { id: true, country: true, name: true, city: true },
    });
  }
  return prisma.facility.findMany({
    where: { country: { in: where.countries } },
    select: { id: true, country: true, name: true, city: true },
    orderBy: [{ city: "asc" }, { name: "asc" }],
  });
}
