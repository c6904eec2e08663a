import { fullName } from "#app/names/match-keys.ts";
import { translate, type Locale } from "#app/i18n/i18n.ts";
import { dativeName } from "./dative.ts";

/**
 * How an address must be written on an envelope (DOMAIN.md): in Cyrillic, in
 * the order of the destination's postal rules, with the country in Latin
 * capitals at the bottom.
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
  district?: string | null;
  region?: string | null;
}

export const COUNTRY_ON_ENVELOPE = { BY: "REPUBLIC OF BELARUS", RU: "RUSSIAN FEDERATION" } as const;

/** Russian-language spelling first (what the post and the censor read), then Belarusian, then the primary one. */
export function envelopeName(names: EnvelopeName[]): EnvelopeName | null {
  return (
    names.find((n) => n.script === "cyrillic_ru") ??
    names.find((n) => n.script === "cyrillic_be") ??
    names.find((n) => n.isPrimary) ??
    names[0] ??
    null
  );
}

/** The dative the envelope would print without a coordinator's form (null: not sure, the nominative is printed). */
export function automaticDative(prisoner: { names: EnvelopeName[]; gender: string | null }): string | null {
  const name = envelopeName(prisoner.names);
  return name ? dativeName(name, prisoner.gender) : null;
}

/** Oblast centres and Minsk: a town below them gets its district and oblast on the envelope (Belarusian postal rules, art. 72). */
const BELARUS_OBLAST_CENTRES = [
  "минск",
  "мінск",
  "брест",
  "брэст",
  "витебск",
  "віцебск",
  "гомель",
  "гродно",
  "гродна",
  "могилев",
  "магілеў",
];

function placeName(city: string): string {
  return city
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/ў/g, "у")
    .replace(/^(г\.|гор\.|город|горад)\s*/u, "")
    .trim();
}

/** The street line without the facility name it may repeat ("ИК-1, ул. Катина, 5" under "ИК-1"). */
function streetLine(facility: EnvelopeFacility): string {
  const street = facility.street.trim();
  const name = facility.name.trim();
  if (name && street.toLowerCase().startsWith(name.toLowerCase()))
    return street
      .slice(name.length)
      .replace(/^[\s,;.–—-]+/u, "")
      .trim();
  return street;
}

/**
 * Why the address cannot be printed for self-post, or [] when it can: the post
 * of either country needs a postcode, a locality and a street (or a settlement
 * line: a village without streets has its locality instead).
 */
export function addressProblems(
  facility: Pick<EnvelopeFacility, "postcode" | "city" | "street">,
): ("postcode" | "locality" | "street")[] {
  const problems: ("postcode" | "locality" | "street")[] = [];
  if (!/^\d{6}$/.test(facility.postcode.trim())) problems.push("postcode");
  if (!facility.city.trim()) problems.push("locality");
  if (!facility.street.trim() && !/^(п\.|пос\.|пгт|с\.|д\.|в\.|пас\.|аг\.|х\.)/u.test(facility.city.trim()))
    problems.push("street");
  return problems;
}

/** Why no envelope is printed, in the person's language ("postcode, street missing"). */
export function addressRefusal(locale: Locale, problems: ("postcode" | "locality" | "street")[]): string {
  const missing = problems.map((p) => translate(locale, `envelope.missing.${p}`)).join(", ");
  return translate(locale, "envelope.unprintable", { missing });
}

/**
 * The address lines in the order of the destination's postal rules (DOMAIN.md):
 *  - Belarus: name; institution; street; postcode and locality; district and
 *    oblast for a town below an oblast centre; REPUBLIC OF BELARUS.
 *  - Russia: name in the dative ("Иванову Ивану Ивановичу", or the form a
 *    coordinator set) with the year of birth; institution; street; locality;
 *    district; region; postcode; RUSSIAN FEDERATION (last, for mail from abroad).
 * Empty parts are left out; a street line that starts with the facility name
 * does not repeat it.
 */
export function envelopeAddressLines(input: {
  country: "BY" | "RU";
  names: EnvelopeName[];
  birthDate: Date | null;
  facility: EnvelopeFacility;
  /** The prisoner's recorded gender: tells the declension when there is no patronymic. */
  gender?: string | null;
  /** A coordinator's exact form of the name for Russian envelopes (Prisoner.envelopeNameDative). */
  dativeOverride?: string | null;
}): string[] {
  const name = envelopeName(input.names);
  const nominative = name ? fullName(name) : "";
  const written =
    input.country === "RU" && name
      ? input.dativeOverride?.trim() || dativeName(name, input.gender) || nominative
      : nominative;
  const recipient =
    input.country === "RU" && input.birthDate ? `${written}, ${input.birthDate.getUTCFullYear()} г.р.` : written;
  const f = input.facility;
  const district = (f.district ?? "").trim();
  const region = (f.region ?? "").trim();
  const lines =
    input.country === "RU"
      ? [recipient, f.name, streetLine(f), f.city, district, region, f.postcode]
      : [
          recipient,
          f.name,
          streetLine(f),
          [f.postcode, f.city].filter((part) => part.trim()).join(" "),
          BELARUS_OBLAST_CENTRES.includes(placeName(f.city)) ? "" : [district, region].filter(Boolean).join(", "),
        ];
  return [...lines.map((line) => line.trim()).filter((line) => line.length > 0), COUNTRY_ON_ENVELOPE[input.country]];
}
