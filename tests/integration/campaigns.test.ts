import { expect, test } from "vitest";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { setSetting } from "#app/models/settings.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import {
  CampaignError,
  campaignForTag,
  campaignPeople,
  campaignProgress,
  campaignProgressTotals,
  createCampaign,
  getCampaignBySlug,
  listActiveCampaigns,
  pickForCampaign,
  updateCampaign,
} from "#app/models/campaigns.server.ts";
import { campaignInputFrom, campaignSchema, type CampaignFormInput } from "#app/schemas/campaigns.ts";
import { createDraft, saveDraft, sendLetter, getOwnLetter, LetterStateError } from "#app/models/letters.server.ts";
import { createParcelDraft } from "#app/models/parcels.server.ts";
import { bankHandovers } from "#app/models/situation.server.ts";
import { seedDemoData } from "#app/models/demo.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const NOW = new Date("2026-12-15T12:00:00Z");

async function user(email: string, role: "volunteer" | "coordinator" = "volunteer") {
  return prisma.user.create({
    data: { email, pseudonym: email.split("@")[0], role, vettingState: "approved", locale: "en", writesIn: ["ru"] },
  });
}

async function facility(name: string, data: Partial<Prisma.FacilityCreateInput> = {}) {
  return prisma.facility.create({
    data: {
      country: "BY",
      type: "colony",
      name,
      street: "вул. Турэмная, 1",
      postcode: "220000",
      city: "Мінск",
      ...data,
    },
  });
}

async function person(
  sortName: string,
  data: Partial<Prisma.PrisonerUncheckedCreateInput> & { birth?: string } = {},
): Promise<string> {
  const { birth, ...rest } = data;
  const p = await prisma.prisoner.create({
    data: {
      country: "BY",
      status: "convicted",
      sortName,
      birthDate: birth ? new Date(`${birth}T00:00:00Z`) : null,
      ...rest,
      names: { create: [{ script: "cyrillic_be", surname: sortName, givenName: "Імя", isPrimary: true }] },
    },
  });
  return p.id;
}

function form(values: Partial<CampaignFormInput> = {}): CampaignFormInput {
  return {
    slug: "birthdays-december",
    titleEn: "Birthdays in December",
    titleRu: "",
    titleBe: "",
    whyEn: "A card on a birthday matters.",
    whyRu: "",
    whyBe: "",
    rule: "birthdays_in_month",
    ruleMonth: "12",
    ruleHoliday: "",
    ruleFrom: "",
    ruleTo: "",
    ruleFacilityId: "",
    ruleDays: "",
    country: "BY",
    startsOn: "2026-12-01",
    endsOn: "2026-12-31",
    goalKind: "per_person",
    goalCount: "3",
    shareable: "on",
    fundraiserUrl: "",
    ...values,
  };
}

const input = (values: Partial<CampaignFormInput> = {}) => campaignInputFrom(campaignSchema.parse(form(values)));

async function letter(
  prisonerId: string,
  sentAt: string | null,
  data: Partial<Prisma.LetterUncheckedCreateInput> = {},
): Promise<void> {
  await prisma.letter.create({
    data: {
      prisonerId,
      kind: "letter",
      state: sentAt ? "sent" : "draft",
      sentAt: sentAt ? new Date(sentAt) : null,
      ...data,
    },
  });
}

async function parcel(
  prisonerId: string,
  sentAt: string | null,
  data: Partial<Prisma.ParcelUncheckedCreateInput> = {},
) {
  await prisma.parcel.create({
    data: { prisonerId, state: sentAt ? "sent" : "draft", sentAt: sentAt ? new Date(sentAt) : null, ...data },
  });
}

/**
 * The registry of the hand-counted fixtures. Facility F passes letters from anyone;
 * G only from relatives.
 */
async function registry() {
  const f = await facility("ИК №1");
  const g = await facility("ИК №2", { acceptsNonRelativeLetters: false });
  const r = await facility("ИК-7", { country: "RU", city: "Москва" });
  const at = { currentFacilityId: f.id };
  const ids = {
    a: await person("a-anton", { ...at, birth: "1980-12-05" }),
    b: await person("b-barys", { ...at, birth: "1975-12-20", humanitarian: true }),
    c: await person("c-cimafej", { ...at, birth: "1990-06-01", humanitarian: true }),
    // Released in November: never on a letter list; on the welcome-home list.
    d: await person("d-dzmitry", { birth: "1985-12-10", status: "released", releasedOn: new Date("2026-11-20") }),
    // Only the year is known: a year-only date is never anyone's birthday.
    e: await person("e-eva", { ...at, birth: "1970-12-01", birthYearOnly: true }),
    // Relatives-only facility: letters are not expected to arrive.
    h: await person("h-hanna", { currentFacilityId: g.id, birth: "1988-12-03" }),
    i: await person("i-ihar", { ...at, birth: "1960-12-09", status: "deceased" }),
    j: await person("j-jana", { ...at, birth: "1991-12-11", doNotWrite: true }),
    k: await person("k-kastus", { ...at, birth: "1992-12-12", canWrite: false }),
    l: await person("l-lena", { ...at, birth: "1993-12-13" }),
    m: await person("m-maryja", { ...at, birth: "1994-12-14" }),
    n: await person("n-nina", { status: "released", releasedOn: new Date("2026-10-01") }),
    p: await person("p-pavel", { country: "RU", currentFacilityId: r.id, birth: "1979-12-15" }),
  };
  return { f, g, ids };
}

const DAY = 86_400_000;
const RUSSIAN_TEXT =
  "Здравствуйте! Пишу вам из далёкого города. У нас сегодня идёт снег, и я думаю о вас. Желаю вам здоровья и терпения.";

/** A day relative to the real clock, yyyy-mm-dd (tests that go through createDraft use now()). */
const dayFromNow = (days: number) => new Date(now().getTime() + days * DAY).toISOString().slice(0, 10);

async function writer() {
  return prisma.user.create({
    data: { email: "writer@example.org", pseudonym: "Сосна", vettingState: "approved", writesIn: ["ru"] },
  });
}

async function letterRoutes() {
  const make = (slug: string, handover: "print_pdf" | "bank", position: number) =>
    prisma.route.create({
      data: {
        slug,
        name: slug,
        description: slug,
        countries: ["BY"],
        itemKinds: ["letter", "postcard"],
        languages: ["ru", "be"],
        handover,
        position,
        statuses: {
          create: [
            { key: "queued", position: 0, usualDays: 1 },
            { key: "delivered", position: 1, isFinal: true },
          ],
        },
      },
    });
  return { selfPost: await make("viasna-self-post", "print_pdf", 1), bank: await make("letter-bank", "bank", 2) };
}

describeEachDatabase("campaigns", () => {
  test("the rule lists: who is on each list, and who never is", async () => {
    const coordinator = await user("coord@example.org", "coordinator");
    const { f, ids } = await registry();
    // A letter to A and one to C in the last 60 days; B's letter is older.
    await letter(ids.a, "2026-12-02T10:00:00Z");
    await letter(ids.c, "2026-11-01T10:00:00Z");
    await letter(ids.b, "2026-10-01T10:00:00Z");
    const names = async (values: Partial<CampaignFormInput>) => {
      const campaign = await createCampaign(prisma, coordinator, input(values));
      return (await campaignPeople(prisma, campaign, { now: NOW })).map((p) => p.sortName);
    };

    expect(await names({ slug: "bd-by" })).toEqual(["a-anton", "b-barys", "l-lena", "m-maryja"]);
    expect(await names({ slug: "bd-all", country: "" })).toEqual([
      "a-anton",
      "b-barys",
      "l-lena",
      "m-maryja",
      "p-pavel",
    ]);
    expect(
      await names({ slug: "welcome", rule: "welcome_home", ruleFrom: "2026-11-01", ruleTo: "2026-11-30" }),
    ).toEqual(["d-dzmitry"]);
    expect(await names({ slug: "humanitarian", rule: "humanitarian_list" })).toEqual(["b-barys", "c-cimafej"]);
    expect(await names({ slug: "facility", rule: "facility", ruleFacilityId: f.id })).toEqual([
      "a-anton",
      "b-barys",
      "c-cimafej",
      "e-eva",
      "l-lena",
      "m-maryja",
    ]);
    expect(await names({ slug: "holiday", rule: "holiday", ruleHoliday: "kupalle" })).toEqual([
      "a-anton",
      "b-barys",
      "c-cimafej",
      "e-eva",
      "l-lena",
      "m-maryja",
    ]);
    // 60 days before 15 December is 16 October: A (2 December) and C (1 November) had letters.
    expect(await names({ slug: "quiet", rule: "no_letter_in_days", ruleDays: "" })).toEqual([
      "b-barys",
      "e-eva",
      "l-lena",
      "m-maryja",
    ]);
    expect(await names({ slug: "quiet-30", rule: "no_letter_in_days", ruleDays: "30" })).toEqual([
      "b-barys",
      "c-cimafej",
      "e-eva",
      "l-lena",
      "m-maryja",
    ]);
  });

  test("progress counts hand-counted items: the window, drafts, cancelled items, other people, tags", async () => {
    const coordinator = await user("coord@example.org", "coordinator");
    const { ids } = await registry();
    const campaign = await createCampaign(prisma, coordinator, input());
    const other = await createCampaign(prisma, coordinator, input({ slug: "other" }));
    const tag = { campaignId: campaign.id };

    // A: four counted items (1, 2, 3 untagged on the list; 13 tagged).
    await letter(ids.a, "2026-12-02T10:00:00Z"); // 1
    await letter(ids.a, "2026-12-10T10:00:00Z", { kind: "postcard", state: "closed" }); // 2
    await letter(ids.a, "2026-12-12T10:00:00Z"); // 3
    await letter(ids.a, null); // 4 draft
    await letter(ids.a, "2026-11-30T23:59:59Z"); // 5 before the window
    await letter(ids.a, "2026-12-05T10:00:00Z", { postedAnswer: "will_not" }); // 6 never posted
    await letter(ids.a, "2026-12-07T10:00:00Z", tag); // 13 tagged
    await letter(ids.a, null, tag); // 14 tagged draft
    // B: the last day of the window counts, the next day does not; a parcel counts.
    await letter(ids.b, "2026-12-31T23:00:00Z"); // 7
    await letter(ids.b, "2027-01-01T00:00:00Z"); // 8 after the window
    await parcel(ids.b, "2026-12-03T10:00:00Z"); // 9
    await parcel(ids.b, null); // 10 draft
    // C is not on the list: only the tagged letter counts.
    await letter(ids.c, "2026-12-04T10:00:00Z"); // 11
    await letter(ids.c, "2026-12-06T10:00:00Z", tag); // 12 tagged, off the list
    // Tagged with another campaign, to someone off this list: not ours.
    await letter(ids.c, "2026-12-08T10:00:00Z", { campaignId: other.id });
    // The released person's letter: not on this list, untagged.
    await letter(ids.d, "2026-12-09T10:00:00Z");

    const progress = await campaignProgress(prisma, campaign, { now: NOW });
    expect(progress.perPerson).toEqual([
      { prisonerId: ids.a, count: 4, goal: 3 },
      { prisonerId: ids.b, count: 2, goal: 3 },
      { prisonerId: ids.l, count: 0, goal: 3 },
      { prisonerId: ids.m, count: 0, goal: 3 },
    ]);
    // Per person: 3 each for 4 people; A counts 3 of its 4.
    expect(progress.goal).toBe(12);
    expect(progress.progress).toBe(5);
    expect(progress.percent).toBe(41);
    expect(progress.fromCampaignPage).toBe(2);
    expect(progress.offList).toBe(1);
    // Lists of campaigns count the same way, without names.
    expect(await campaignProgressTotals(prisma, campaign, { now: NOW })).toEqual({
      goal: 12,
      progress: 5,
      percent: 41,
      fromCampaignPage: 2,
      people: 4,
    });

    // The same items against a total goal of 10: every counted item, the tagged off-list one too.
    const total = await createCampaign(
      prisma,
      coordinator,
      input({ slug: "total", goalKind: "total", goalCount: "10" }),
    );
    await prisma.letter.updateMany({ where: { campaignId: campaign.id }, data: { campaignId: total.id } });
    const totalProgress = await campaignProgress(prisma, total, { now: NOW });
    expect(totalProgress.goal).toBe(10);
    expect(totalProgress.progress).toBe(7);
    expect(totalProgress.fromCampaignPage).toBe(2);
    expect(totalProgress.perPerson.map((p) => p.goal)).toEqual([null, null, null, null]);
  });

  test("pick for me: the person furthest from the goal, ties by name", async () => {
    const coordinator = await user("coord@example.org", "coordinator");
    const { ids } = await registry();
    const campaign = await createCampaign(prisma, coordinator, input({ goalCount: "1" }));
    // Everyone at 0: the first by sort name.
    expect(await pickForCampaign(prisma, campaign, { now: NOW })).toBe(ids.a);
    await letter(ids.a, "2026-12-02T10:00:00Z");
    await letter(ids.b, "2026-12-02T10:00:00Z");
    expect(await pickForCampaign(prisma, campaign, { now: NOW })).toBe(ids.l);
    await letter(ids.l, "2026-12-03T10:00:00Z");
    expect(await pickForCampaign(prisma, campaign, { now: NOW })).toBe(ids.m);
    await letter(ids.m, "2026-12-03T10:00:00Z");
    // Everyone reached the per-person goal: nobody is picked.
    expect(await pickForCampaign(prisma, campaign, { now: NOW })).toBeNull();
    // A total goal keeps picking the one with the fewest items.
    const total = await createCampaign(
      prisma,
      coordinator,
      input({ slug: "total", goalKind: "total", goalCount: "50" }),
    );
    await letter(ids.a, "2026-12-04T10:00:00Z");
    expect(await pickForCampaign(prisma, total, { now: NOW })).toBe(ids.b);
  });

  test("active campaigns, slugs, tags and who may create them", async () => {
    const coordinator = await user("coord@example.org", "coordinator");
    const volunteer = await user("heron@example.org");
    const { ids } = await registry();
    const december = await createCampaign(prisma, coordinator, input());
    await createCampaign(
      prisma,
      coordinator,
      input({ slug: "january", ruleMonth: "1", startsOn: "2027-01-01", endsOn: "2027-01-31" }),
    );
    const slugs = async (at: string) => (await listActiveCampaigns(prisma, { now: new Date(at) })).map((c) => c.slug);
    expect(await slugs("2026-11-30T23:59:59Z")).toEqual([]);
    expect(await slugs("2026-12-01T00:00:00Z")).toEqual(["birthdays-december"]);
    expect(await slugs("2026-12-31T23:59:59Z")).toEqual(["birthdays-december"]);
    expect(await slugs("2027-01-01T00:00:00Z")).toEqual(["january"]);

    expect((await getCampaignBySlug(prisma, "Birthdays-December"))?.id).toBe(december.id);
    expect(await getCampaignBySlug(prisma, "nothing")).toBeNull();

    // Tags: only an active campaign, only for someone on its list.
    expect((await campaignForTag(prisma, december.id, ids.a, { now: NOW })).id).toBe(december.id);
    await expect(campaignForTag(prisma, december.id, ids.c, { now: NOW })).rejects.toThrow("not-on-list");
    await expect(campaignForTag(prisma, december.id, ids.a, { now: new Date("2027-01-02T00:00:00Z") })).rejects.toThrow(
      "not-found",
    );

    await expect(createCampaign(prisma, volunteer, input({ slug: "mine" }))).rejects.toBeInstanceOf(PermissionError);
    await expect(createCampaign(prisma, coordinator, input())).rejects.toThrow("slug-taken");
    await expect(
      createCampaign(prisma, coordinator, input({ slug: "fund", fundraiserUrl: "https://evil.example/give" })),
    ).rejects.toBeInstanceOf(CampaignError);
    await setSetting("fundraiserDomains", ["bysol.org", "example.org"]);
    const funded = await createCampaign(
      prisma,
      coordinator,
      input({ slug: "fund", fundraiserUrl: "https://www.example.org/campaign" }),
    );
    expect(funded.fundraiserUrl).toBe("https://www.example.org/campaign");

    const updated = await updateCampaign(prisma, coordinator, december.id, input({ goalCount: "5", shareable: "" }));
    expect(updated.goalCount).toBe(5);
    expect(updated.shareable).toBe(false);
    await expect(updateCampaign(prisma, coordinator, december.id, input({ slug: "fund" }))).rejects.toThrow(
      "slug-taken",
    );
    const entries = await prisma.auditLog.findMany({
      where: { targetId: december.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, details: true },
    });
    expect(entries.map((e) => e.action)).toEqual(["campaign.created", "campaign.updated"]);
    expect(entries[1].details).toEqual({ changed: ["goalCount", "shareable"] });
  });

  test("a letter written from the campaign page carries the tag, and counts once it went out", async () => {
    const coordinator = await user("coord@example.org", "coordinator");
    const v = await writer();
    const { ids } = await registry();
    const { selfPost } = await letterRoutes();
    const campaign = await createCampaign(
      prisma,
      coordinator,
      input({
        slug: "kupalle",
        rule: "holiday",
        ruleHoliday: "kupalle",
        startsOn: dayFromNow(-1),
        endsOn: dayFromNow(10),
      }),
    );
    const draft = await createDraft(v, ids.a, "postcard", { campaignId: campaign.id });
    expect(draft.campaignId).toBe(campaign.id);
    // A draft does not count yet.
    expect((await campaignProgress(prisma, campaign)).fromCampaignPage).toBe(0);
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "postcard", returnAddress: null });
    await sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true });
    const progress = await campaignProgress(prisma, campaign);
    expect(progress.fromCampaignPage).toBe(1);
    expect(progress.perPerson.find((p) => p.prisonerId === ids.a)?.count).toBe(1);
    expect(progress.progress).toBe(1);

    // Someone not on the list, or a campaign that is not running, cannot be tagged.
    await expect(createDraft(v, ids.h, "letter", { campaignId: campaign.id })).rejects.toBeInstanceOf(PermissionError);
    const ended = await createCampaign(
      prisma,
      coordinator,
      input({
        slug: "ended",
        rule: "holiday",
        ruleHoliday: "easter",
        startsOn: dayFromNow(-20),
        endsOn: dayFromNow(-2),
      }),
    );
    await expect(createDraft(v, ids.a, "letter", { campaignId: ended.id })).rejects.toBeInstanceOf(PermissionError);
    expect(await prisma.letter.count({ where: { campaignId: ended.id } })).toBe(0);

    const parcel = await createParcelDraft(v, ids.b, { campaignId: campaign.id });
    expect(parcel.campaignId).toBe(campaign.id);
  });

  test("welcome home: released people only through the letter bank, and only from the campaign", async () => {
    const coordinator = await user("coord@example.org", "coordinator");
    const v = await writer();
    const released = await person("r-raman", {
      status: "released",
      releasedOn: new Date(`${dayFromNow(-3)}T00:00:00Z`),
    });
    const { selfPost, bank } = await letterRoutes();
    const campaign = await createCampaign(
      prisma,
      coordinator,
      input({
        slug: "welcome-home",
        rule: "welcome_home",
        ruleFrom: dayFromNow(-30),
        ruleTo: dayFromNow(0),
        startsOn: dayFromNow(-1),
        endsOn: dayFromNow(10),
      }),
    );
    await expect(createDraft(v, released, "postcard")).rejects.toBeInstanceOf(PermissionError);
    const draft = await createDraft(v, released, "postcard", { campaignId: campaign.id });
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "postcard", returnAddress: null });
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow(
      LetterStateError,
    );
    await sendLetter(v, draft.id, { routeId: bank.id, warningsAcknowledged: true });
    expect((await getOwnLetter(v.id, draft.id))?.state).toBe("sent");
    // Coordinators see it at once as a letter to hand over.
    expect((await bankHandovers()).map((h) => [h.prisonerId, h.letters])).toEqual([[released, 1]]);
    const progress = await campaignProgress(prisma, campaign);
    expect(progress.perPerson).toEqual([{ prisonerId: released, count: 1, goal: 3 }]);
    expect(progress.fromCampaignPage).toBe(1);
  });

  test("the demo has an active campaign with a public page and people on its list", async () => {
    expect(await seedDemoData()).toBe(true);
    const active = await listActiveCampaigns(prisma);
    // Whatever the month (the birthday list may be empty), one shareable campaign lists people.
    const listed = [];
    for (const c of active.filter((c) => c.shareable)) {
      if ((await campaignPeople(prisma, c)).length > 0) listed.push(c.slug);
    }
    expect(listed).toContain("new-year-postcards");
  });
});
