// Placeholder replaced by the situation branch.
import type { Country, FacilityType } from "#app/generated/prisma/enums.ts";

export function defaultFacilityRules(_type: FacilityType, country: Country) {
  return { languages: country === "BY" ? ["ru", "be"] : ["ru"] };
}
