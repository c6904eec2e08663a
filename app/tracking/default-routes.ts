import type { DbClient } from "#app/utils/db.server.ts";
import type { Country, HandoverMethod, ItemKind } from "#app/generated/prisma/client.ts";

/**
 * The routing services of DOMAIN.md, with their statuses and usual days. A new
 * installation starts with these (ensureDefaultRoutes in app/models/routes.server.ts);
 * from then on they are data coordinators keep at /coordinator/routes.
 */
export const DEFAULT_ROUTE_SLUGS = [
  "atelier",
  "pismo-bel",
  "viasna-self-post",
  "letter-bank",
  "ovd-info",
  "fsin-pismo",
  "rosuznik",
  "event-batch",
  "parcel-post",
] as const;

/** Ordered non-final statuses with usual days, then the final statuses. */
interface RouteSeed {
  slug: (typeof DEFAULT_ROUTE_SLUGS)[number];
  name: string;
  description: string;
  countries: Country[];
  itemKinds: ItemKind[];
  languages: string[];
  translates: boolean;
  handover: HandoverMethod;
  /** A made-up address for the demo; a real installation starts without one. */
  demoHandoverEmail?: string;
  repliesReturn: boolean;
  /** What one letter costs, when the service charges per letter (minor units). */
  cost?: { minor: number; currency: string };
  notes: string | null;
  steps: Array<[key: string, usualDays: number | null]>;
  finals: string[];
}

const BY_FINALS_WITH_REPLY = ["delivered", "reply_received", "returned", "censored", "refused", "unknown"];
const FINALS_NO_REPLY = ["delivered", "returned", "censored", "refused", "unknown"];

const ROUTES: RouteSeed[] = [
  {
    slug: "atelier",
    name: "Solidarity Postcards Atelier (Maysternia Pashtovak Salidarnasci)",
    description:
      "A volunteer initiative that has sent postcards to political prisoners in Belarus since 2020, more than 20,000 cards in four years. " +
      "You type your message into a form; atelier volunteers copy it by hand onto a postcard inside Belarus, translating from English into Belarusian when needed, and post it. " +
      "Replies are scanned and e-mailed back to you.",
    countries: ["BY"],
    itemKinds: ["postcard", "letter"],
    languages: ["ru", "be"],
    translates: true,
    handover: "email",
    demoHandoverEmail: "atelier@example.org",
    repliesReturn: true,
    notes:
      "Keep messages to postcard length: every card is copied by hand. English texts are translated into Belarusian by the atelier.",
    steps: [
      ["queued", 2],
      ["handed_over", 3],
      ["posted", 2],
      ["in_transit", 14],
      ["arrived_at_facility", 7],
    ],
    finals: BY_FINALS_WITH_REPLY,
  },
  {
    slug: "pismo-bel",
    name: "pismo.bel",
    description:
      "A letter service for political prisoners in Belarus, named by the human-rights sources; how it works internally is not documented in what we found. " +
      "The platform hands your letter over electronically, by the method and address a coordinator has configured. " +
      "Write in Russian or Belarusian; replies do not come back through the platform.",
    countries: ["BY"],
    itemKinds: ["letter", "postcard"],
    languages: ["ru", "be"],
    translates: false,
    handover: "email",
    demoHandoverEmail: "letters@pismo.example",
    repliesReturn: false,
    notes: "Hand-over method and address are configured by a coordinator; check them before relying on this route.",
    steps: [
      ["queued", 2],
      ["handed_over", 5],
      ["in_transit", 14],
      ["arrived_at_facility", 7],
    ],
    finals: FINALS_NO_REPLY,
  },
  {
    slug: "viasna-self-post",
    name: "Self-post following Viasna's manual",
    description:
      "You print and post the letter yourself, following the human-rights centre Viasna's guide to writing to political prisoners. " +
      "The platform gives you a print-ready PDF with the letter and the envelope address laid out correctly (Cyrillic address, country in Latin capitals), and later asks whether you posted it. " +
      "A reply, if any, comes to the return address on your envelope.",
    countries: ["BY"],
    itemKinds: ["letter", "postcard", "parcel"],
    languages: ["ru", "be"],
    translates: false,
    handover: "print_pdf",
    repliesReturn: true,
    notes:
      "A return address is optional and may be an NGO relay instead of your own. Parcels from abroad generally reach only pre-trial detainees in a SIZO.",
    steps: [
      ["queued", 3],
      ["posted", 1],
      ["in_transit", 14],
      ["arrived_at_facility", 7],
    ],
    finals: BY_FINALS_WITH_REPLY,
  },
  {
    slug: "letter-bank",
    name: "Letter bank (held until release)",
    description:
      "Letters are not posted: they are kept (as digital copies) and handed to the person when they are released. " +
      "Use it for prisoners held incommunicado, those who may receive letters only from relatives, or anyone the post does not reach. " +
      "Any language is fine, because no prison censor reads these letters.",
    countries: ["BY", "RU"],
    itemKinds: ["letter", "postcard"],
    languages: ["ru", "be", "en", "uk", "pl", "de", "fr"],
    translates: false,
    handover: "bank",
    repliesReturn: false,
    notes: "Delivery may take years: a letter stays in the bank until the release.",
    steps: [
      ["queued", 1],
      ["held_in_bank", null],
    ],
    finals: ["delivered", "unknown"],
  },
  {
    slug: "ovd-info",
    name: "OVD-Info letters",
    description:
      "OVD-Info's letter service sends letters to political prisoners in Russia and pays the postage. " +
      "It favours prisoners who receive few letters and can pick a random recipient for you. " +
      "Write in Russian; replies are passed back to you.",
    countries: ["RU"],
    itemKinds: ["letter", "postcard"],
    languages: ["ru"],
    translates: false,
    handover: "email",
    demoHandoverEmail: "letters@ovd-info.example",
    repliesReturn: true,
    notes: "Prefers prisoners who get few letters.",
    steps: [
      ["queued", 2],
      ["handed_over", 3],
      ["posted", 3],
      ["in_transit", 10],
      ["arrived_at_facility", 5],
    ],
    finals: BY_FINALS_WITH_REPLY,
  },
  {
    slug: "fsin-pismo",
    name: "FSIN-Pismo",
    description:
      "The Russian prison service's paid electronic letter system: a letter costs about 55 roubles, must be in Russian, and is printed and handed to the prisoner within up to 3 working days. " +
      "The prisoner's handwritten reply form is scanned and sent back. " +
      "The platform exports a batch that a coordinator submits and pays for.",
    countries: ["RU"],
    itemKinds: ["letter"],
    languages: ["ru"],
    translates: false,
    handover: "batch_export",
    repliesReturn: true,
    cost: { minor: 5500, currency: "RUB" },
    notes:
      "Paid per letter (about 55 RUB). Russian only. Check that the facility is served by FSIN-Pismo before sending.",
    steps: [
      ["queued", 1],
      ["handed_over", 3],
    ],
    finals: ["delivered", "reply_received", "censored", "refused", "unknown"],
  },
  {
    slug: "rosuznik",
    name: "RosUznik",
    description:
      "RosUznik volunteers print letters and post them to political prisoners in Russia. " +
      "The platform exports a batch of letters for the RosUznik volunteers to print. " +
      "Write in Russian.",
    countries: ["RU"],
    itemKinds: ["letter", "postcard"],
    languages: ["ru"],
    translates: false,
    handover: "batch_export",
    repliesReturn: false,
    notes: null,
    steps: [
      ["queued", 5],
      ["handed_over", 3],
      ["posted", 5],
      ["in_transit", 12],
      ["arrived_at_facility", 5],
    ],
    finals: FINALS_NO_REPLY,
  },
  {
    slug: "event-batch",
    name: "Letter-writing event batches",
    description:
      "Letters collected for letter-writing events run by Solidarity Zone and RussiansAgainstWar. " +
      "Your letter waits in a batch until the next event, where the organisers print and post the letters to prisoners in Russia. " +
      "Write in Russian and follow the organisers' advice.",
    countries: ["RU"],
    itemKinds: ["letter", "postcard"],
    languages: ["ru"],
    translates: false,
    handover: "batch_export",
    repliesReturn: false,
    notes: "Batches leave on event dates, so a letter can wait a few weeks before it is posted.",
    steps: [
      ["queued", 14],
      ["handed_over", 3],
      ["posted", 5],
      ["in_transit", 12],
      ["arrived_at_facility", 5],
    ],
    finals: FINALS_NO_REPLY,
  },
  {
    slug: "parcel-post",
    name: "Parcel post (you post it yourself)",
    description:
      "You pack the parcel, print the customs declaration (CN22 or CN23) the platform fills in, and post it at your post office. " +
      "Then you enter the tracking number from the receipt, and follow the parcel until it reaches the facility.",
    countries: ["BY", "RU"],
    itemKinds: ["parcel"],
    languages: ["ru", "be", "en"],
    translates: false,
    handover: "print_pdf",
    repliesReturn: false,
    notes: "From abroad, parcels generally reach only pre-trial detainees in a SIZO. Check the facility's rules first.",
    steps: [
      ["queued", 7],
      ["posted", 2],
      ["in_transit", 21],
      ["arrived_at_facility", 7],
    ],
    finals: ["delivered", "returned", "refused", "unknown"],
  },
];

/**
 * Creates the default routes and their statuses, in a database that has no route yet.
 * A service that takes letters by e-mail starts inactive, without an address, until a
 * coordinator enters the one the service gave them: letters must never be queued to
 * a made-up address. The demo gets made-up addresses so that everything can be tried.
 */
export async function createDefaultRoutes(prisma: DbClient, options: { demo?: boolean } = {}): Promise<void> {
  if ((await prisma.route.count()) > 0) return;
  const routes = await prisma.route.createManyAndReturn({
    data: ROUTES.map((route, position) => ({
      slug: route.slug,
      name: route.name,
      description: route.description,
      countries: route.countries,
      itemKinds: route.itemKinds,
      languages: route.languages,
      translates: route.translates,
      handover: route.handover,
      handoverEmail: options.demo ? (route.demoHandoverEmail ?? null) : null,
      active: route.handover !== "email" || !!options.demo,
      repliesReturn: route.repliesReturn,
      costMinor: route.cost?.minor ?? null,
      costCurrency: route.cost?.currency ?? null,
      notes: route.notes,
      position,
    })),
    select: { id: true, slug: true },
  });
  const routeId = new Map(routes.map((r) => [r.slug, r.id]));
  await prisma.routeStatus.createMany({
    data: ROUTES.flatMap((route) => {
      const id = routeId.get(route.slug)!;
      const steps = route.steps.map(([key, usualDays], position) => ({
        routeId: id,
        key,
        position,
        usualDays,
        isFinal: false,
      }));
      const finals = route.finals.map((key, i) => ({
        routeId: id,
        key,
        position: steps.length + i,
        usualDays: null,
        isFinal: true,
      }));
      return [...steps, ...finals];
    }),
  });
}

/** The default routes' English texts by slug: app/tracking/route-text.ts shows them translated while a coordinator has not reworded them. */
export const DEFAULT_ROUTE_TEXTS: ReadonlyArray<{
  slug: string;
  name: string;
  description: string;
  notes: string | null;
}> = ROUTES.map(({ slug, name, description, notes }) => ({ slug, name, description, notes }));
