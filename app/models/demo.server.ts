import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { demoFingerprint, seedRegistry } from "../../prisma/demo-data";
import { rebuildNameKeys } from "./name-keys.server";
import { encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { letterBody } from "#app/utils/sealed-fields.server.ts";
import { takeSeedLock } from "#app/utils/seed-lock.server.ts";
import { sealedTotpRow } from "./totp.server";
import { seedDemoNeeds } from "./demo-support.server.ts";
import { seedDemoCampaigns } from "./demo-campaigns.server.ts";
import { seedDemoPublic } from "./demo-public.server.ts";

/** Published in docs/development.md: demo coordinators add it to an authenticator app. */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.solidarity.test", pseudonym: "Admin Ales", role: "admin", vettingState: "approved" },
  {
    email: "coordinator@demo.solidarity.test",
    pseudonym: "Coordinator Kasia",
    role: "coordinator",
    vettingState: "approved",
  },
  { email: "volunteer@demo.solidarity.test", pseudonym: "Лясная птушка", role: "volunteer", vettingState: "approved" },
  { email: "pending@demo.solidarity.test", pseudonym: "New Friend", role: "volunteer", vettingState: "pending" },
] as const;

/** Written in the same transaction as the demo data: present means the demo is loaded, whole. */
export const DEMO_LOADED = "demoDataLoaded";

export type DemoSeedOutcome =
  { kind: "loaded" | "repaired" | "already-loaded"; message: string } | { kind: "not-empty"; message: string };

/**
 * Loads demo data only into an empty database; returns whether it did. Everything
 * is one transaction under the seeding lock, ended by the DEMO_LOADED marker: two
 * instances started together load it once, and a start interrupted half-way (kill,
 * Ctrl-C, full disk) leaves nothing behind, so the next start loads it whole.
 */
export async function seedDemoData(): Promise<boolean> {
  const outcome = await seedDemo();
  return outcome.kind === "loaded" || outcome.kind === "repaired";
}

/**
 * seedDemoData with the reason, for the start-up log. Besides an empty database it
 * handles what older versions (which loaded the demo in several steps, without the
 * marker) left behind:
 * - all demo accounts present: a whole older demo load, adopted (marker written);
 * - nothing but demo rows and not all accounts: an interrupted older load, removed
 *   and loaded again whole, in the same transaction;
 * - anything else: not touched, and the message says what is in the way.
 */
export async function seedDemo(): Promise<DemoSeedOutcome> {
  if (await prisma.setting.findUnique({ where: { key: DEMO_LOADED } })) return alreadyLoaded;
  return prisma.$transaction(
    async (tx) => {
      await takeSeedLock(tx);
      if (await tx.setting.findUnique({ where: { key: DEMO_LOADED } })) return alreadyLoaded;
      const state = await classifyExistingData(tx);
      if (state.kind === "foreign")
        return { kind: "not-empty", message: `database not empty (${state.reason}): demo data not loaded` } as const;
      if (state.kind === "whole-older-demo") {
        await tx.setting.create({ data: { key: DEMO_LOADED, value: true } });
        return { kind: "already-loaded", message: "demo data already loaded (by an earlier version)" } as const;
      }
      if (state.kind === "partial-demo") await removePartialDemo(tx);
      await loadDemo(tx);
      await tx.setting.create({ data: { key: DEMO_LOADED, value: true } });
      return state.kind === "partial-demo"
        ? ({
            kind: "repaired",
            message: `an interrupted demo load was found (${state.reason}); it was removed and the demo data loaded whole`,
          } as const)
        : ({ kind: "loaded", message: "demo data loaded into the empty database" } as const);
    },
    { timeout: 300_000, maxWait: 300_000 },
  );
}

const alreadyLoaded: DemoSeedOutcome = { kind: "already-loaded", message: "demo data already loaded" };

type ExistingData =
  | { kind: "empty" }
  | { kind: "whole-older-demo" }
  | { kind: "partial-demo"; reason: string }
  | { kind: "foreign"; reason: string };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

async function classifyExistingData(tx: Prisma.TransactionClient): Promise<ExistingData> {
  const [users, prisoners, facilities, sources, importRuns] = await Promise.all([
    tx.user.findMany({ select: { email: true } }),
    tx.prisoner.findMany({ select: { country: true, birthDate: true, detainedOn: true } }),
    tx.facility.findMany({ select: { country: true, name: true, city: true } }),
    tx.source.findMany({ select: { slug: true } }),
    tx.importRun.count(),
  ]);
  if (users.length + prisoners.length + facilities.length + sources.length + importRuns === 0) return { kind: "empty" };
  const demoEmails = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
  const otherUsers = users.filter((u) => !demoEmails.has(u.email)).length;
  const otherPrisoners = prisoners.filter(
    (p) => !demoFingerprint.prisoner(p.country, p.birthDate, p.detainedOn),
  ).length;
  const otherFacilities = facilities.filter((f) => !demoFingerprint.facility(f.country, f.name, f.city)).length;
  const otherSources = sources.filter((s) => !demoFingerprint.source(s.slug)).length;
  const foreign = [
    otherUsers && plural(otherUsers, "account", "accounts"),
    otherPrisoners && plural(otherPrisoners, "prisoner", "prisoners"),
    otherFacilities && plural(otherFacilities, "facility", "facilities"),
    otherSources && plural(otherSources, "source", "sources"),
    importRuns && plural(importRuns, "import run", "import runs"),
  ].filter(Boolean);
  if (foreign.length > 0) return { kind: "foreign", reason: `${foreign.join(", ")} not from the demo` };
  if (users.length === DEMO_ACCOUNTS.length) return { kind: "whole-older-demo" };
  return {
    kind: "partial-demo",
    reason: `${plural(prisoners.length, "prisoner", "prisoners")}, ${plural(facilities.length, "facility", "facilities")}, ${plural(users.length, "account", "accounts")} of ${DEMO_ACCOUNTS.length}`,
  };
}

/** Removes the rows an interrupted demo load wrote (all of them demo rows: checked above). Routes stay: they are the defaults. */
async function removePartialDemo(tx: Prisma.TransactionClient): Promise<void> {
  // Prisoners take their names, stays, sources, letters, parcels and replies with them.
  await tx.prisoner.deleteMany();
  await tx.statusEvent.deleteMany();
  await tx.batch.deleteMany();
  const users = await tx.user.findMany({ select: { id: true } });
  await tx.verification.deleteMany({
    where: { type: { in: ["totp", "totp-pending"] }, target: { in: users.map((u) => u.id) } },
  });
  await tx.user.deleteMany();
  await tx.facility.deleteMany();
  await tx.source.deleteMany();
  await tx.catalogItem.deleteMany();
}

async function loadDemo(tx: Prisma.TransactionClient): Promise<void> {
  await seedRegistry(tx);
  await rebuildNameKeys(undefined, tx);
  const at = now();
  for (const account of DEMO_ACCOUNTS) {
    const user = await tx.user.create({
      data: {
        ...account,
        locale: "en",
        writesIn: account.role === "volunteer" ? ["en", "ru"] : ["ru", "be"],
        approvedAt: account.vettingState === "approved" ? at : null,
        createdAt: at,
      },
    });
    // As installTotpSecret stores it (tests/integration/demo.test.ts signs in with it), inside this transaction.
    if (account.role !== "volunteer")
      await tx.verification.create({ data: sealedTotpRow("totp", user.id, DEMO_TOTP_SECRET) });
  }
  await seedDemoLetters(tx);
  await seedDemoNeeds(tx);
  await seedDemoCampaigns(tx);
  await seedDemoPublic(tx);
}

const DAY = 86_400_000;

const DEMO_TEXTS: Array<{ language: "ru" | "be"; text: string }> = [
  {
    language: "be",
    text: "Добры дзень! Пішу вам з далёкага горада. У нас ужо выпаў першы снег. Думаем пра вас і чакаем вас дома.",
  },
  {
    language: "ru",
    text: "Здравствуйте! Надеюсь, это письмо застанет вас в добром здравии. У нас наступила зима, дети лепят снеговиков. Желаю вам сил и терпения.",
  },
  {
    language: "ru",
    text: "Добрый день! Пишу вам впервые. Я люблю читать и гулять в парке. Расскажите, что вы читаете? Желаю вам крепкого здоровья.",
  },
  { language: "be", text: "Прывітанне! Вы не забытыя. Жадаю вам цяпла і добрых навін." },
];

/**
 * A few letters from the demo volunteer, so that a newcomer sees items on their way:
 * two atelier postcards handed over, one delivered, and a self-posted letter nobody
 * has confirmed posting (stuck in "queued").
 */
async function seedDemoLetters(prisma: Prisma.TransactionClient): Promise<void> {
  const volunteer = await prisma.user.findUniqueOrThrow({ where: { email: "volunteer@demo.solidarity.test" } });
  const routes = await prisma.route.findMany({
    where: { slug: { in: ["atelier", "viasna-self-post"] } },
    include: { statuses: { orderBy: { position: "asc" } } },
  });
  const atelier = routes.find((r) => r.slug === "atelier");
  const selfPost = routes.find((r) => r.slug === "viasna-self-post");
  const prisoners = await prisma.prisoner.findMany({
    where: {
      country: "BY",
      status: { not: "released" },
      doNotWrite: false,
      incommunicado: false,
      relativesOnly: false,
      currentFacilityId: { not: null },
    },
    orderBy: { sortName: "asc" },
    take: 4,
  });
  if (!atelier || !selfPost || prisoners.length < 4) return;
  const at = now().getTime();
  const plan = [
    { route: atelier, kind: "postcard" as const, path: ["queued", "handed_over"], sentDaysAgo: 3 },
    { route: atelier, kind: "postcard" as const, path: ["queued", "handed_over"], sentDaysAgo: 2 },
    {
      route: atelier,
      kind: "postcard" as const,
      path: ["queued", "handed_over", "posted", "in_transit", "delivered"],
      sentDaysAgo: 40,
    },
    { route: selfPost, kind: "letter" as const, path: ["queued"], sentDaysAgo: 5 },
  ];
  for (const [index, item] of plan.entries()) {
    const prisoner = prisoners[index];
    const sentAt = new Date(at - item.sentDaysAgo * DAY);
    // Each step a day (or more, spread over the item's age) after the previous one.
    const stepMs = item.path.length > 1 ? Math.min(DAY, (item.sentDaysAgo * DAY) / item.path.length) : 0;
    const times = item.path.map((_, i) => new Date(sentAt.getTime() + i * stepMs));
    const last = item.path[item.path.length - 1];
    const final = item.route.statuses.find((s) => s.key === last)?.isFinal ?? false;
    const id = newRowId();
    await prisma.letter.create({
      data: {
        id,
        authorId: volunteer.id,
        prisonerId: prisoner.id,
        kind: item.kind,
        state: final ? "closed" : "sent",
        status: last,
        language: DEMO_TEXTS[index].language,
        bodyEncrypted: encrypt(DEMO_TEXTS[index].text, letterBody(id)),
        senderName: volunteer.pseudonym,
        routeId: item.route.id,
        facilityId: prisoner.currentFacilityId,
        createdAt: sentAt,
        updatedAt: times[times.length - 1],
        sentAt,
        statusChangedAt: times[times.length - 1],
        closedAt: final ? times[times.length - 1] : null,
        events: {
          create: item.path.map((key, i) => ({
            fromStatus: i === 0 ? null : item.path[i - 1],
            toStatus: key,
            occurredAt: times[i],
            actorId: i === 0 ? volunteer.id : null,
          })),
        },
      },
    });
  }
}

/** The demo accounts this database holds (production refuses to start on them). */
export async function demoAccountsPresent(): Promise<string[]> {
  const found = await prisma.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
    select: { email: true },
  });
  return found.map((u) => u.email).sort();
}
