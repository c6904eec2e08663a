import { FACILITY_TYPES, PRISONER_STATUSES } from "#app/schemas/prisoners.ts";
import { MAPPABLE_FIELDS, type MappableField } from "./normalize.ts";

/** Which list values a coordinator can map, and to what: shared by the pages and the server. */

export function isMappableField(field: unknown): field is MappableField {
  return typeof field === "string" && (MAPPABLE_FIELDS as readonly string[]).includes(field);
}

/** The values a field may be mapped to: a facility type, or a situation (a status word or a penalty). */
export function mappingTargets(field: MappableField): readonly string[] {
  return field === "facilityType" ? FACILITY_TYPES : PRISONER_STATUSES;
}
