import { ALL_FACILITY_TYPES } from "./defaults.ts";

/**
 * Whether a catalogue item is offered when a volunteer fills a parcel: not when the
 * person's facility refuses it, and not when every kind of facility the platform
 * sends parcels to refuses it (the item could never go anywhere).
 */
export function offeredInParcel(
  item: { bannedFacilityTypes: readonly string[] },
  facilityType: string | null | undefined,
): boolean {
  if (facilityType && item.bannedFacilityTypes.includes(facilityType)) return false;
  return !ALL_FACILITY_TYPES.every((type) => item.bannedFacilityTypes.includes(type));
}
