import type { DbClient } from "#app/utils/db.server.ts";
import type { Country, FacilityType } from "#app/generated/prisma/client.ts";
import { facilityIdentityKey } from "#app/facilities/identity.ts";
import { parseFacility } from "#app/facilities/parse.ts";

/** Facilities by identity: one facility is one row however a list spells it. */
export interface FacilityIndex {
  /** "country|identityKey" -> facility id (the oldest facility when duplicates wait for a merge). */
  idByKey: Map<string, string>;
  ids: Set<string>;
}

export function facilityKeyOf(country: Country | string, identityKey: string): string {
  return `${country}|${identityKey}`;
}

/**
 * The identity of a stored facility. Rows saved before identity keys existed get theirs
 * computed from their parts, the number read from the name ("ИК №2") when not stored.
 */
export function storedIdentityKey(f: {
  type: FacilityType;
  number: string | null;
  name: string;
  city: string;
  identityKey: string | null;
}): string {
  if (f.identityKey) return f.identityKey;
  const number = f.number ?? parseFacility(f.name)?.number ?? null;
  return facilityIdentityKey({ type: f.type, number, city: f.city, name: f.name });
}

/** Every facility by identity, plus the facilities a person mapped this source's spellings to. */
export async function loadFacilityIndex(db: DbClient, sourceId: string): Promise<FacilityIndex> {
  const [facilities, aliases] = await Promise.all([
    db.facility.findMany({
      select: { id: true, country: true, type: true, number: true, name: true, city: true, identityKey: true },
      orderBy: { createdAt: "asc" },
    }),
    db.importValueMapping.findMany({ where: { sourceId, field: "facility" }, select: { value: true, target: true } }),
  ]);
  const idByKey = new Map<string, string>();
  const ids = new Set<string>();
  for (const f of facilities) {
    ids.add(f.id);
    const key = facilityKeyOf(f.country, storedIdentityKey(f));
    if (!idByKey.has(key)) idByKey.set(key, f.id);
  }
  for (const alias of aliases)
    if (ids.has(alias.target) && !idByKey.has(alias.value)) idByKey.set(alias.value, alias.target);
  return { idByKey, ids };
}
