import { isReachable } from "#app/schemas/prisoners.ts";

/**
 * Which routing services may carry an item to a prisoner, and why the others may
 * not. Pure: the send page, the server action and the tests all use it.
 */

export interface RouteInfo {
  id: string;
  slug: string;
  name: string;
  countries: ("BY" | "RU")[];
  itemKinds: ("letter" | "postcard" | "parcel")[];
  languages: string[];
  translates: boolean;
  handover: "email" | "batch_export" | "print_pdf" | "bank";
  /** Where an e-mail route hands letters over; without it the route cannot carry anything. */
  handoverEmail: string | null;
  active: boolean;
  position: number;
}

export interface EligibilityContext {
  country: "BY" | "RU";
  kind: "letter" | "postcard";
  /** Language of the text as detected (ru, be, other, unknown) or chosen. */
  language: string;
  prisoner: { doNotWrite: boolean; incommunicado: boolean; relativesOnly: boolean; status: string; canWrite?: boolean };
  facility: { acceptsNonRelativeLetters: boolean; languages: string[] } | null;
  /**
   * Can the address be printed on an envelope (addressProblems() finds nothing)? No
   * address (home confinement, an unpublished or incomplete one): no self-post.
   * Left out by callers that do not know: taken as printable.
   */
  addressPrintable?: boolean;
  /**
   * Written from a "welcome home" campaign: a released person may then be written to,
   * through the letter bank only (coordinators hand its letters over after release).
   */
  welcomeHome?: boolean;
}

export type RefusalCode =
  | "inactive"
  | "notConfigured"
  | "doNotWrite"
  | "released"
  | "country"
  | "kind"
  | "language"
  | "facilityLanguage"
  | "deliveryNotExpected"
  | "address";

export interface RouteVerdict {
  route: RouteInfo;
  eligible: boolean;
  refusals: RefusalCode[];
}

export interface Eligibility {
  verdicts: RouteVerdict[];
  recommendedId: string | null;
}

export function routeEligibility(routes: RouteInfo[], ctx: EligibilityContext): Eligibility {
  // Letters are not expected to arrive: held without contact, relatives only, or a
  // facility that only passes letters from relatives. Only the letter bank fits.
  const deliveryNotExpected =
    ctx.prisoner.incommunicado ||
    ctx.prisoner.relativesOnly ||
    (ctx.facility !== null && !ctx.facility.acceptsNonRelativeLetters);
  const verdicts = [...routes]
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map((route): RouteVerdict => {
      const refusals: RefusalCode[] = [];
      const bank = route.handover === "bank";
      if (!route.active) refusals.push("inactive");
      if (route.handover === "email" && !route.handoverEmail) refusals.push("notConfigured");
      if (ctx.prisoner.doNotWrite) refusals.push("doNotWrite");
      const welcomeHomeByBank = bank && ctx.welcomeHome === true && ctx.prisoner.status === "released";
      if (!isReachable({ status: ctx.prisoner.status, canWrite: ctx.prisoner.canWrite ?? true }) && !welcomeHomeByBank)
        refusals.push("released");
      if (!route.countries.includes(ctx.country)) refusals.push("country");
      if (!route.itemKinds.includes(ctx.kind)) refusals.push("kind");
      // "unknown": a text too short to tell; the guidance does not warn, and neither do we.
      const known = ctx.language !== "unknown";
      if (known && !route.translates && !route.languages.includes(ctx.language)) refusals.push("language");
      // The letter bank hands letters over on release: the facility's rules do not apply.
      if (known && !bank && !route.translates && ctx.facility && !ctx.facility.languages.includes(ctx.language))
        refusals.push("facilityLanguage");
      if (!bank && deliveryNotExpected) refusals.push("deliveryNotExpected");
      // Self-post prints the envelope: it needs an address the post can deliver to.
      if (route.handover === "print_pdf" && ctx.addressPrintable === false) refusals.push("address");
      return { route, eligible: refusals.length === 0, refusals };
    });
  const eligible = verdicts.filter((v) => v.eligible).map((v) => v.route);
  const recommended =
    (deliveryNotExpected ? eligible.find((r) => r.handover === "bank") : undefined) ??
    eligible.find((r) => r.handover !== "bank") ??
    eligible[0] ??
    null;
  return { verdicts, recommendedId: recommended?.id ?? null };
}
