import { expect, test } from "vitest";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import {
  adopt,
  adoptedPeople,
  AdoptionLimitError,
  isAdopting,
  reachFor,
  birthdaysThisMonth,
  endAdoption,
  pickForMe,
  PrisonerAdoptionsFullError,
  whoNeedsLetters,
} from "#app/models/picking.server.ts";
import { setSetting } from "#app/models/settings.server.ts";
import { unreadReplyCount } from "#app/models/home.server.ts";
import { getPrisonerProfile } from "#app/models/prisoners.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createFacility, createPrisoner, createVolunteer } from "#tests/support/factories.ts";

function facility(name: string, languages: string[]) {
  return createFacility({ name, street: "ул. Тестовая, 1", postcode: "220000", city: "Минск", languages });
}

/** Letters can arrive only with a known address: people are held at an ordinary facility unless a test says otherwise. */
function prisoner(surname: string, data: Partial<Prisma.PrisonerUncheckedCreateInput> = {}) {
  return createPrisoner(
    { sortName: surname.toLowerCase(), ...data },
    {
      names: [{ script: "cyrillic_be", surname, givenName: "Тэст", isPrimary: true }],
      facility: { street: "ул. Тестовая, 1", postcode: "220000", city: "Минск" },
    },
  );
}

function volunteer(email = "v@example.org", writesIn = ["ru"]) {
  return createVolunteer({ email, pseudonym: "Volunteer", writesIn });
}

async function sentLetters(prisonerId: string, count: number, daysAgo: number) {
  const author = await prisma.user.upsert({
    where: { email: "author@example.org" },
    create: { email: "author@example.org", pseudonym: "Author", vettingState: "approved" },
    update: {},
  });
  const sentAt = new Date(Date.now() - daysAgo * 86_400_000);
  for (let i = 0; i < count; i++) {
    await prisma.letter.create({ data: { prisonerId, authorId: author.id, state: "sent", status: "posted", sentAt } });
  }
}

describeEachDatabase("who needs a letter, and adoptions", () => {
  test("humanitarian list first, then fewest letters in 30 days; do-not-write and released never offered", async () => {
    const many = await prisoner("Многа");
    const few = await prisoner("Мала");
    const old = await prisoner("Даўно");
    const humanitarian = await prisoner("Гуманітарны", { humanitarian: true, humanitarianReasons: ["elderly"] });
    await prisoner("Нельга", { doNotWrite: true, doNotWriteNote: "asked" });
    await prisoner("Вызвалены", { status: "released" });
    await sentLetters(many.id, 3, 2);
    await sentLetters(few.id, 1, 5);
    await sentLetters(old.id, 5, 45); // older than 30 days: does not count

    const { candidates, total } = await whoNeedsLetters({});
    expect(total).toBe(4);
    expect(candidates.map((c) => c.id)).toEqual([humanitarian.id, old.id, few.id, many.id]);
    expect(candidates.map((c) => c.recentLetters)).toEqual([0, 0, 1, 3]);
  });

  test("across pages the order holds: humanitarian (without, then with recent letters), then everyone else the same way, by name", async () => {
    // 45 people: every fifth humanitarian, every third with recent letters (1 to 3), names in a shuffled order.
    const people: { id: string; humanitarian: boolean; recent: number; sortName: string }[] = [];
    for (let i = 0; i < 45; i++) {
      const surname = `Асоба${String((i * 17) % 45).padStart(2, "0")}`;
      const humanitarian = i % 5 === 0;
      const p = await prisoner(surname, humanitarian ? { humanitarian, humanitarianReasons: ["elderly"] } : {});
      const recent = i % 3 === 0 ? 1 + (i % 4 === 0 ? 2 : i % 2) : 0;
      if (recent) await sentLetters(p.id, recent, 3);
      if (i % 7 === 0) await sentLetters(p.id, 2, 40); // older than 30 days: does not count
      people.push({ id: p.id, humanitarian, recent, sortName: surname.toLowerCase() });
    }
    const expected = [...people]
      .sort(
        (a, b) =>
          Number(b.humanitarian) - Number(a.humanitarian) ||
          a.recent - b.recent ||
          (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0),
      )
      .map((p) => [p.id, p.recent]);
    const pages = await Promise.all([1, 2, 3].map((page) => whoNeedsLetters({ page })));
    expect(pages.map((p) => p.total)).toEqual([45, 45, 45]);
    expect(pages.map((p) => p.pages)).toEqual([3, 3, 3]);
    expect(pages.flatMap((p) => p.candidates.map((c) => [c.id, c.recentLetters]))).toEqual(expected);
    expect(pages[0].candidates[0].name).toMatch(/^Асоба\d\d /);
  });

  test("a volunteer's adopted people (name, last letter of theirs, birthday unless only the year is known), unread replies, letter counts", async () => {
    const v = await volunteer();
    const first = await prisoner("Першы", { birthDate: new Date("1980-05-04"), birthYearOnly: false });
    const second = await prisoner("Другі", { birthDate: new Date("1975-01-01"), birthYearOnly: true });
    const other = await prisoner("Іншы");
    await adopt(v, first.id);
    await advanceClock(60_000);
    await adopt(v, second.id);
    const mine = new Date("2026-11-20T10:00:00Z");
    await prisma.letter.create({
      data: { prisonerId: first.id, authorId: v.id, state: "sent", status: "delivered", sentAt: mine },
    });
    await prisma.letter.create({
      data: { prisonerId: first.id, authorId: v.id, state: "sent", sentAt: new Date("2026-10-01T10:00:00Z") },
    });
    const draft = await prisma.letter.create({ data: { prisonerId: first.id, authorId: v.id, state: "draft" } });
    await sentLetters(second.id, 1, 1); // by another author: not this volunteer's last letter

    const { people, limit } = await adoptedPeople(v.id);
    expect(limit).toBeGreaterThan(0);
    expect(
      people.map((p) => [p.id, p.name, p.lastLetterAt?.toISOString() ?? null, p.birthDate?.toISOString() ?? null]),
    ).toEqual([
      [first.id, "Першы Тэст", mine.toISOString(), new Date("1980-05-04").toISOString()],
      [second.id, "Другі Тэст", null, null],
    ]);
    expect(await isAdopting(v.id, first.id)).toBe(true);
    expect(await isAdopting(v.id, other.id)).toBe(false);
    await endAdoption(v.id, first.id);
    expect(await isAdopting(v.id, first.id)).toBe(false);
    expect((await adoptedPeople(v.id)).people.map((p) => p.id)).toEqual([second.id]);

    expect(await unreadReplyCount(v.id)).toBe(0);
    const letter = await prisma.letter.findFirstOrThrow({ where: { authorId: v.id, sentAt: mine } });
    const reply = { prisonerId: first.id, receivedOn: new Date("2026-11-25") };
    await prisma.reply.create({ data: { ...reply, letterId: letter.id } });
    await prisma.reply.create({ data: { ...reply, letterId: letter.id, readByWriterAt: new Date() } });
    await prisma.reply.create({ data: { ...reply, letterId: draft.id } });
    await prisma.reply.create({ data: reply }); // to no letter of theirs
    expect(await unreadReplyCount(v.id)).toBe(2);

    // The prisoner page's counts: letters not drafts, and those delivered or answered.
    expect((await getPrisonerProfile(first.id))?.letters).toEqual({ sent: 2, delivered: 1 });
    expect((await getPrisonerProfile(other.id))?.letters).toEqual({ sent: 0, delivered: 0 });
  });

  test("only facilities that accept a language the volunteer reaches (a translating route counts), unless asked otherwise; country filter", async () => {
    const russian = await facility("ИК №1", ["ru", "be"]);
    const polishOnly = await facility("ИК №2", ["pl"]);
    const inRussian = await prisoner("Рускамоўны", { currentFacilityId: russian.id });
    const inPolish = await prisoner("Польскі", { currentFacilityId: polishOnly.id });
    const ruFacility = await prisma.facility.create({
      data: {
        country: "RU",
        type: "colony",
        name: "ИК-1",
        street: "ул. Тестовая, 1",
        postcode: "100000",
        city: "Тверь",
        languages: ["ru"],
      },
    });
    const ru = await prisoner("Русский", { country: "RU", currentFacilityId: ruFacility.id });
    const ids = async (filter: Parameters<typeof whoNeedsLetters>[0]) =>
      (await whoNeedsLetters(filter)).candidates.map((c) => c.id).sort();
    const writesRussian = reachFor(["ru"], []);
    expect(await ids({ reach: writesRussian })).toEqual([inRussian.id, ru.id].sort());
    expect(await ids({})).toEqual([inRussian.id, inPolish.id, ru.id].sort());
    expect(await ids({ country: "RU" })).toEqual([ru.id]);

    // English only: nobody without a translating route; with the atelier (Belarus), the Belarusian facilities.
    expect(await ids({ reach: reachFor(["en"], []) })).toEqual([]);
    const atelier = {
      name: "Atelier",
      countries: ["BY" as const],
      itemKinds: ["postcard"],
      languages: ["ru", "be"],
      translates: true,
      handover: "email",
      handoverEmail: "a@example.org",
      active: true,
    };
    const reach = reachFor(["en"], [atelier]);
    expect(reach.find((r) => r.country === "BY")).toEqual({
      country: "BY",
      languages: ["en", "ru", "be"],
      translatedBy: { name: "Atelier", languages: ["ru", "be"] },
    });
    expect(reach.find((r) => r.country === "RU")?.translatedBy).toBeNull();
    expect(await ids({ reach })).toEqual([inRussian.id]);
    // A route without its hand-over address, or closed, reaches nobody.
    expect(reachFor(["en"], [{ ...atelier, handoverEmail: null }])[0].translatedBy).toBeNull();
    expect(reachFor(["en"], [{ ...atelier, active: false }])[0].translatedBy).toBeNull();
  });

  test("no address, under review, or a facility for relatives only: not offered, listed apart with the letter bank", async () => {
    const relativesFacility = await prisma.facility.create({
      data: {
        country: "BY",
        type: "colony",
        name: "ИК №9",
        street: "ул. Тестовая, 9",
        postcode: "220000",
        city: "Минск",
        acceptsNonRelativeLetters: false,
      },
    });
    const noAddress = await prisoner("Безадраса", { currentFacilityId: null });
    await prisoner("Праверка", { needsReview: true, needsReviewReason: "missing" });
    const facilityRule = await prisoner("Сваякі", { currentFacilityId: relativesFacility.id });
    const incommunicado = await prisoner("Інкамунікада", { incommunicado: true });
    expect((await whoNeedsLetters({})).total).toBe(0);
    for (let i = 0; i < 3; i++) expect(await pickForMe({})).toBeNull();
    const bank = await whoNeedsLetters({ view: "bank" });
    expect(bank.candidates.map((c) => c.id).sort()).toEqual([noAddress.id, facilityRule.id, incommunicado.id].sort());
    expect(bank.candidates.find((c) => c.id === facilityRule.id)?.facilityRelativesOnly).toBe(true);
    const reachable = await prisoner("Даступны");
    for (let i = 0; i < 5; i++) expect(await pickForMe({})).toBe(reachable.id);
  });

  test("pick for me never picks people whose letters cannot arrive; birthdays this month", async () => {
    await prisoner("Інкамунікада", { incommunicado: true, incommunicadoNote: "no contact" });
    await prisoner("Сваякі", { relativesOnly: true, relativesOnlyNote: "relatives only" });
    expect(await pickForMe({})).toBeNull();
    const reachable = await prisoner("Даступны");
    for (let i = 0; i < 5; i++) expect(await pickForMe({})).toBe(reachable.id);

    const today = new Date();
    const born = new Date(Date.UTC(1980, today.getUTCMonth(), 15));
    const otherMonth = new Date(Date.UTC(1980, (today.getUTCMonth() + 6) % 12, 15));
    const birthday = await prisoner("Імяніннік", { birthDate: born });
    await prisoner("Іншы", { birthDate: otherMonth });
    await prisoner("ТолькіГод", { birthDate: new Date(Date.UTC(1980, today.getUTCMonth(), 1)), birthYearOnly: true });
    expect((await birthdaysThisMonth({})).map((c) => c.id)).toEqual([birthday.id]);
  });

  test("adoptions are limited per volunteer, even with many clicks at once", async () => {
    await setSetting("maxAdoptions", 2);
    const v = await volunteer();
    const people = await Promise.all(["А", "Б", "В", "Г", "Д"].map((s) => prisoner(`Чалавек${s}`)));
    const results = await Promise.allSettled(people.map((p) => adopt(v, p.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.reason).toBeInstanceOf(AdoptionLimitError);
    expect(await prisma.adoption.count({ where: { volunteerId: v.id, endedAt: null } })).toBe(2);

    // The same prisoner clicked twice at once is adopted once.
    const w = await volunteer("w@example.org");
    await Promise.all([adopt(w, people[0].id), adopt(w, people[0].id), adopt(w, people[0].id)]);
    expect(await prisma.adoption.count({ where: { volunteerId: w.id, endedAt: null } })).toBe(1);

    // Ending one frees a place.
    const [first] = await prisma.adoption.findMany({ where: { volunteerId: v.id, endedAt: null } });
    advanceClock(1000);
    expect(await endAdoption(v.id, first.prisonerId)).toBe(true);
    const free = people.find((p) => !results.some((r, i) => r.status === "fulfilled" && people[i].id === p.id))!;
    await adopt(v, free.id);
    expect(await prisma.adoption.count({ where: { volunteerId: v.id, endedAt: null } })).toBe(2);
  });

  test("one prisoner has at most 5 regular writers by default, even with 20 volunteers clicking at once; coordinators change the cap", async () => {
    const person = await prisoner("Папулярны");
    const volunteers = await Promise.all(Array.from({ length: 20 }, (_, i) => volunteer(`v${i}@example.org`)));
    const results = await Promise.allSettled(volunteers.map((v) => adopt(v, person.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.reason).toBeInstanceOf(PrisonerAdoptionsFullError);
    expect((refused[0].reason as PrisonerAdoptionsFullError).limit).toBe(5);
    expect(await prisma.adoption.count({ where: { prisonerId: person.id, endedAt: null } })).toBe(5);

    // A coordinator raises the cap: two more places, and still no more under concurrency.
    await setSetting("maxAdoptersPerPrisoner", 7);
    const waiting = volunteers.filter((_, i) => results[i].status === "rejected");
    const again = await Promise.allSettled(waiting.map((v) => adopt(v, person.id)));
    expect(again.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await prisma.adoption.count({ where: { prisonerId: person.id, endedAt: null } })).toBe(7);

    // An ended adoption frees a place; another prisoner is not affected by this one's cap.
    const [one] = await prisma.adoption.findMany({ where: { prisonerId: person.id, endedAt: null } });
    await endAdoption(one.volunteerId, person.id);
    const stillWaiting = waiting.filter((_, i) => again[i].status === "rejected");
    await adopt(stillWaiting[0], person.id);
    await expect(adopt(stillWaiting[1], person.id)).rejects.toBeInstanceOf(PrisonerAdoptionsFullError);
    const other = await prisoner("Іншы");
    await adopt(stillWaiting[1], other.id);
  });

  test("nobody adopts a prisoner who asked not to be written to, and pending volunteers cannot adopt", async () => {
    const v = await volunteer();
    const refusing = await prisoner("Нельга", { doNotWrite: true, doNotWriteNote: "asked" });
    await expect(adopt(v, refusing.id)).rejects.toBeInstanceOf(PermissionError);
    const pending = await prisma.user.create({
      data: { email: "p@example.org", pseudonym: "Pending", vettingState: "pending" },
    });
    const open = await prisoner("Адкрыты");
    await expect(adopt(pending, open.id)).rejects.toBeInstanceOf(PermissionError);
    expect(await prisma.adoption.count()).toBe(0);
  });
});
