import type { FacilityTypeName } from "#app/parcels/rules.ts";

/**
 * The rules a facility starts with when an import or a coordinator creates it,
 * before anyone has checked them: who may write and send parcels there. They are
 * data from then on (coordinators correct them on the facility page); this only
 * picks a sensible start per type and country, from DOMAIN.md:
 *
 * - SIZO (pre-trial): letters from anyone (censored arbitrarily); parcels from abroad
 *   generally possible; hand-delivered parcels capped at 30 kg a month.
 * - Colonies and prisons: parcels from relatives only (app/parcels/rules.ts), none from
 *   abroad; juvenile colonies 6 parcels and 2 small packages a year.
 * - Open-type institutions ("химия", ИУОТ): people live there under supervision, work
 *   outside and receive letters and parcels from anyone, with no quota (from abroad,
 *   like every convicted person, none).
 * - Home restriction and house arrest: the address is a private home and is not
 *   published, so no self-post and no parcels through the platform: people are reached
 *   through NGOs or the letter bank.
 * - Police jails and psychiatric hospitals: letters only; stays are short or closed.
 */
export interface FacilityRules {
  acceptsNonRelativeLetters: boolean;
  parcelsFromAbroad: boolean;
  /** Parcels from relatives only; otherwise from anyone within the quota. */
  parcelsRelativesOnly: boolean;
  parcelQuotaPerYear: number | null;
  smallPackageQuotaPerYear: number | null;
  parcelWeightLimitGrams: number | null;
  parcelMonthlyWeightLimitGrams: number | null;
  languages: string[];
  rulesNote: string | null;
}

export function defaultFacilityRules(type: FacilityTypeName, country: "BY" | "RU"): FacilityRules {
  const base: FacilityRules = {
    acceptsNonRelativeLetters: true,
    parcelsFromAbroad: false,
    // Belarusian colonies and prisons take parcels from relatives in practice; Russian ones from anyone within the quota.
    parcelsRelativesOnly: country === "BY" && ["colony", "juvenile_colony", "prison"].includes(type),
    parcelQuotaPerYear: null,
    smallPackageQuotaPerYear: null,
    parcelWeightLimitGrams: null,
    parcelMonthlyWeightLimitGrams: null,
    languages: country === "BY" ? ["ru", "be"] : ["ru"],
    rulesNote: null,
  };
  switch (type) {
    case "sizo":
      return { ...base, parcelsFromAbroad: true, parcelMonthlyWeightLimitGrams: 30_000 };
    case "juvenile_colony":
      return { ...base, parcelQuotaPerYear: 6, smallPackageQuotaPerYear: 2 };
    case "open_institution":
      return {
        ...base,
        rulesNote: "Open-type institution: letters and parcels from anyone inside the country, no yearly quota.",
      };
    case "home_confinement":
      return {
        ...base,
        parcelQuotaPerYear: 0,
        smallPackageQuotaPerYear: 0,
        rulesNote:
          "Restriction of freedom at home: the address is not published. Write through an NGO or the letter bank; no parcels through the platform.",
      };
    case "colony":
    case "prison":
    case "police_jail":
    case "psychiatric_hospital":
      return base;
  }
}
