import { fullName } from "#app/names/match-keys.ts";

/**
 * How an address must be written on an envelope (DOMAIN.md): in Cyrillic, the
 * recipient's full name (for Russia followed by the year of birth), the institution,
 * street, postcode and city, region, and the country in Latin capitals at the bottom.
 */
export interface EnvelopeName {
  surname: string;
  givenName: string;
  patronymic?: string | null;
  script: "cyrillic_be" | "cyrillic_ru" | "latin";
  isPrimary?: boolean;
}

export interface EnvelopeFacility {
  name: string;
  street: string;
  postcode: string;
  city: string;
  region?: string | null;
}

export const COUNTRY_ON_ENVELOPE = { BY: "REPUBLIC OF BELARUS", RU: "RUSSIAN FEDERATION" } as const;

/** Russian-language spelling first (what the post and the censor read), then Belarusian, then the primary one. */
export function envelopeName(names: EnvelopeName[]): EnvelopeName | null {
  return names.find((n) => n.script === "cyrillic_ru") ?? names.find((n) => n.script === "cyrillic_be") ?? names.find((n) => n.isPrimary) ?? names[0] ?? null;
}

export function envelopeAddressLines(input: {
  country: "BY" | "RU";
  names: EnvelopeName[];
  birthDate: Date | null;
  facility: EnvelopeFacility;
}): string[] {
  const name = envelopeName(input.names);
  const written = name ? fullName(name) : "";
  const recipient = input.country === "RU" && input.birthDate ? `${written}, ${input.birthDate.getUTCFullYear()} г.р.` : written;
  return [
    recipient,
    input.facility.name,
    input.facility.street,
    [input.facility.postcode, input.facility.city].filter(Boolean).join(" "),
    input.facility.region ?? "",
    COUNTRY_ON_ENVELOPE[input.country],
  ].filter((line) => line.trim().length > 0);
}
