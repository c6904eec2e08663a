import { expect, test } from "vitest";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { openMail } from "#app/utils/email.server.ts";
import { createDraft } from "#app/models/letters.server.ts";
import { adopt, pickForMe, whoNeedsLetters } from "#app/models/picking.server.ts";
import { createParcelDraft } from "#app/models/parcels.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import {
  applyTransferEffects,
  bankHandovers,
  markBankHandedOver,
  recordSituationByHand,
  recordSituationChange,
  setCanWrite,
} from "#app/models/situation.server.ts";
import { updatePrisoner } from "#app/models/prisoner-edits.server.ts";
import { situationChangeSchema } from "#app/schemas/prisoners.ts";
import { rebuildNameKeys } from "#app/models/name-keys.server.ts";
import { searchPrisonersForApi } from "#app/models/prisoner-search.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const NAME_PARTS = ["Кастусёў", "Рыгор", "Kastusiou", "Ryhor"];
const TEXT = "Здравствуйте! Пишу вам из далёкого города.";

async function volunteer(email: string, data: Partial<Prisma.UserCreateInput> = {}) {
  return prisma.user.create({
    data: { email, pseudonym: "Quiet Heron", vettingState: "approved", locale: "en", writesIn: ["ru"], ...data },
  });
}

async function facility(name: string) {
  return prisma.facility.create({
    data: { country: "BY", type: "colony", name, street: "ул. Антошкина, 3", postcode: "246035", city: "Гомель" },
  });
}

async function prisoner(data: Partial<Prisma.PrisonerUncheckedCreateInput> = {}) {
  const f = await facility(`ИК №${Math.floor(Math.random() * 1_000_000)}`);
  return prisma.prisoner.create({
    data: {
      country: "BY",
      currentFacilityId: f.id,
      stays: { create: [{ facilityId: f.id, fromDate: new Date("2024-01-01") }] },
      ...data,
      names: {
        create: [
          { script: "cyrillic_be", surname: "Кастусёў", givenName: "Рыгор", isPrimary: true },
          { script: "latin", surname: "Kastusiou", givenName: "Ryhor" },
        ],
      },
    },
  });
}

async function route(slug: string, handover: "print_pdf" | "batch_export" | "bank") {
  const steps = handover === "bank" ? ["queued", "held_in_bank"] : ["queued", "posted", "in_transit"];
  return prisma.route.create({
    data: {
      slug,
      name: slug,
      description: slug,
      countries: ["BY"],
      itemKinds: ["letter", "postcard", "parcel"],
      languages: ["ru", "be"],
      handover,
      statuses: {
        create: [
          ...steps.map((key, position) => ({ key, position, usualDays: 5 })),
          { key: "delivered", position: steps.length, isFinal: true },
        ],
      },
    },
  });
}

async function sentLetter(
  authorId: string,
  prisonerId: string,
  routeId: string,
  status: string,
  data: Partial<Prisma.LetterUncheckedCreateInput> = {},
) {
  const at = now();
  return prisma.letter.create({
    data: {
      authorId,
      prisonerId,
      routeId,
      state: "sent",
      status,
      bodyEncrypted: encrypt(TEXT),
      sentAt: at,
      statusChangedAt: at,
      createdAt: at,
      updatedAt: at,
      ...data,
    },
  });
}

async function mails(to: string) {
  return (
    await prisma.emailOutbox.findMany({ where: { toAddress: to, purpose: "situation" }, orderBy: { createdAt: "asc" } })
  ).map(openMail);
}

function expectNoName(message: { subject: string; textBody: string; htmlBody: string | null }) {
  for (const part of NAME_PARTS) {
    expect(message.subject).not.toContain(part);
    expect(message.textBody).not.toContain(part);
    expect(message.htmlBody ?? "").not.toContain(part);
  }
}

describeEachDatabase("a person's situation", () => {
  test("a release ends the adoption, tells the volunteer, returns what was not handed over and removes a schedule", async () => {
    const v = await volunteer("heron@example.org");
    const p = await prisoner({ status: "convicted" });
    const selfPost = await route("self-post", "print_pdf");
    const bank = await route("bank", "bank");
    await adopt(v, p.id);
    const queued = await sentLetter(v.id, p.id, selfPost.id, "queued", { facilityId: p.currentFacilityId });
    const posted = await sentLetter(v.id, p.id, selfPost.id, "posted", { facilityId: p.currentFacilityId });
    const banked = await sentLetter(v.id, p.id, bank.id, "held_in_bank");
    const scheduled = await createDraft(v, p.id, "letter");
    await prisma.letter.update({
      where: { id: scheduled.id },
      data: { scheduledFor: new Date(now().getTime() + 86_400_000), scheduledRouteId: selfPost.id },
    });
    const parcel = await createParcelDraft(v, p.id);
    await prisma.parcel.update({
      where: { id: parcel.id },
      data: { state: "sent", status: "queued", routeId: selfPost.id, sentAt: now() },
    });

    const change = await recordSituationChange(prisma, {
      prisonerId: p.id,
      status: "released",
      occurredOn: "2026-11-20",
      releaseKind: "pardon",
      note: "pardoned in a wave",
    });
    expect(change).toMatchObject({
      status: "released",
      fromStatus: "convicted",
      releaseKind: "pardon",
      note: "pardoned in a wave",
    });
    expect(change!.occurredOn!.toISOString().slice(0, 10)).toBe("2026-11-20");

    const after = await prisma.prisoner.findUniqueOrThrow({ where: { id: p.id }, include: { stays: true } });
    expect(after).toMatchObject({ status: "released", releaseKind: "pardon", currentFacilityId: null });
    expect(after.releasedOn!.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(after.stays[0].toDate!.toISOString().slice(0, 10)).toBe("2026-11-20");

    const adoption = await prisma.adoption.findFirstOrThrow({ where: { volunteerId: v.id, prisonerId: p.id } });
    expect(adoption.endedAt).not.toBeNull();
    expect(adoption.endReason).toBe("released");

    expect(await prisma.letter.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      state: "draft",
      status: null,
      routeId: null,
      sentAt: null,
      returnedReason: "released",
    });
    // Already posted: out of the writer's hands, it stays as it is; the bank keeps its letters.
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: posted.id } })).toMatchObject({
      state: "sent",
      status: "posted",
      returnedReason: null,
    });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: banked.id } })).toMatchObject({
      state: "sent",
      status: "held_in_bank",
    });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({
      state: "draft",
      scheduledFor: null,
      scheduleProblem: "released",
    });
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } })).toMatchObject({
      state: "draft",
      status: null,
      returnedReason: "released",
    });

    const [mail, ...more] = await mails("heron@example.org");
    expect(more).toHaveLength(0);
    expect(mail.subject).toBe("News about a person you write to");
    expect(mail.textBody).toContain("Hello Quiet Heron,");
    expect(mail.textBody).toContain("a person you adopted has been released");
    expect(mail.textBody).toContain("2 items you sent had not yet been handed over");
    expect(mail.textBody).toContain("A letter you scheduled will not go");
    expectNoName(mail);

    // The same news again (a re-import) changes nothing and tells nobody twice.
    expect(
      await recordSituationChange(prisma, {
        prisonerId: p.id,
        status: "released",
        occurredOn: "2026-11-20",
        releaseKind: "pardon",
      }),
    ).toBeNull();
    expect(await prisma.situationChange.count({ where: { prisonerId: p.id } })).toBe(1);
    expect(await mails("heron@example.org")).toHaveLength(1);
  });

  test("a death and 'letters cannot reach them' end adoptions the same way, with their own kind words", async () => {
    const v = await volunteer("wren@example.org", { locale: "ru" });
    const batch = await route("batch", "batch_export");
    const died = await prisoner({ status: "pretrial" });
    const unreachable = await prisoner({ status: "convicted" });
    await adopt(v, died.id);
    await adopt(v, unreachable.id);
    const queued = await sentLetter(v.id, died.id, batch.id, "queued");
    const handedOver = await sentLetter(v.id, unreachable.id, batch.id, "posted");

    await prisma.$transaction((tx) =>
      recordSituationChange(tx, { prisonerId: died.id, status: "deceased", occurredOn: "2026-10-01" }),
    );
    expect(await prisma.prisoner.findUniqueOrThrow({ where: { id: died.id } })).toMatchObject({
      status: "deceased",
      releasedOn: null,
      currentFacilityId: null,
    });
    expect(
      (await prisma.prisoner.findUniqueOrThrow({ where: { id: died.id } })).diedOn!.toISOString().slice(0, 10),
    ).toBe("2026-10-01");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      state: "draft",
      returnedReason: "deceased",
    });

    expect(await setCanWrite(prisma, unreachable.id, false)).toBe(true);
    expect(await setCanWrite(prisma, unreachable.id, false)).toBe(false);
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: handedOver.id } })).toMatchObject({
      state: "sent",
      status: "posted",
    });

    const ended = await prisma.adoption.findMany({ where: { volunteerId: v.id }, orderBy: { endReason: "asc" } });
    expect(ended.map((a) => [a.endReason, a.endedAt !== null])).toEqual([
      ["cannot-write", true],
      ["deceased", true],
    ]);
    const [deathMail, cannotWriteMail] = await mails("wren@example.org");
    expect(deathMail.subject).toBe("Новости о человеке, которому вы пишете");
    expect(deathMail.textBody).toContain(
      "С глубоким сожалением сообщаем, что человек, которого вы взяли под опеку, умер",
    );
    expect(deathMail.textBody).toContain("1 отправление ещё не было передано службе");
    expect(cannotWriteMail.textBody).toContain("Письма пока не могут дойти до человека");
    expect(cannotWriteMail.textBody).not.toContain("черновики");
    expectNoName(deathMail);
    expectNoName(cannotWriteMail);
  });

  test("a transfer tells writers of items on their way and readdresses what was not posted yet", async () => {
    const writer = await volunteer("finch@example.org");
    const other = await volunteer("lark@example.org");
    const p = await prisoner({ status: "pretrial" });
    const oldId = p.currentFacilityId!;
    const colony = await facility("ИК №9");
    const selfPost = await route("self-post", "print_pdf");
    const onTheWay = await sentLetter(writer.id, p.id, selfPost.id, "in_transit", { facilityId: oldId });
    const notPosted = await sentLetter(other.id, p.id, selfPost.id, "queued", { facilityId: oldId });
    const parcelDraft = await createParcelDraft(other, p.id);
    expect(parcelDraft.facilityId).toBe(oldId);
    await prisma.prisoner.update({ where: { id: p.id }, data: { currentFacilityId: colony.id } });

    const result = await prisma.$transaction((tx) =>
      applyTransferEffects(tx, [{ prisonerId: p.id, fromFacilityId: oldId, toFacilityId: colony.id }], now()),
    );
    expect(result).toEqual({ onTheirWay: 1, readdressed: 2, emails: 2 });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: onTheWay.id } })).facilityId).toBe(oldId);
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: notPosted.id } })).facilityId).toBe(colony.id);
    expect((await prisma.parcel.findUniqueOrThrow({ where: { id: parcelDraft.id } })).facilityId).toBe(colony.id);

    const [told] = await mails("finch@example.org");
    expect(told.subject).toBe("A person you wrote to has been moved");
    expect(told.textBody).toContain("One item you sent is still on the way to the previous address");
    expectNoName(told);
    const [reprint] = await mails("lark@example.org");
    expect(reprint.textBody).toContain("One item you have not posted yet now carries the new address");
    expect(reprint.textBody).not.toContain("still on the way");
    expectNoName(reprint);
  });

  test("letters in the letter bank for a released person become a hand-over task", async () => {
    const coordinator = await volunteer("coord@example.org", { role: "coordinator" });
    const v = await volunteer("robin@example.org");
    const p = await prisoner({ status: "convicted", incommunicado: true });
    const bank = await route("bank", "bank");
    await sentLetter(v.id, p.id, bank.id, "held_in_bank");
    await sentLetter(v.id, p.id, bank.id, "queued");
    expect(await bankHandovers()).toEqual([]);

    await recordSituationChange(prisma, {
      prisonerId: p.id,
      status: "released",
      occurredOn: "2026-09-16",
      releaseKind: "exchange_or_deportation",
    });
    const [task] = await bankHandovers();
    expect(task).toMatchObject({ prisonerId: p.id, routeId: bank.id, letters: 2 });

    await expect(markBankHandedOver(v, p.id)).rejects.toBeInstanceOf(PermissionError);
    expect(await markBankHandedOver(coordinator, p.id)).toBe(2);
    expect(await bankHandovers()).toEqual([]);
    const letters = await prisma.letter.findMany({ where: { prisonerId: p.id }, include: { events: true } });
    expect(letters.map((l) => [l.state, l.status])).toEqual([
      ["closed", "delivered"],
      ["closed", "delivered"],
    ]);
    expect(letters.every((l) => l.events.some((e) => e.toStatus === "delivered" && e.actorId === coordinator.id))).toBe(
      true,
    );
  });

  test("released, deceased and cannot-write people are never offered; people at home (no postal address) only with the letter bank", async () => {
    const v = await volunteer("owl@example.org");
    const released = await prisoner({ status: "released" });
    const deceased = await prisoner({ status: "deceased" });
    const cannotWrite = await prisoner({ status: "convicted", canWrite: false });
    const atHome = await prisoner({ status: "restricted_at_home", currentFacilityId: null });
    const held = await prisoner({ status: "convicted" });

    const { candidates, total } = await whoNeedsLetters({});
    expect(total).toBe(1);
    expect(candidates.map((c) => c.id)).toEqual([held.id]);
    for (let i = 0; i < 5; i++) expect(await pickForMe({})).toBe(held.id);
    expect((await whoNeedsLetters({ view: "bank" })).candidates.map((c) => c.id)).toEqual([atHome.id]);

    for (const p of [released, deceased, cannotWrite]) {
      await expect(createDraft(v, p.id, "letter")).rejects.toBeInstanceOf(PermissionError);
      await expect(adopt(v, p.id)).rejects.toBeInstanceOf(PermissionError);
      await expect(createParcelDraft(v, p.id)).rejects.toBeInstanceOf(PermissionError);
    }
    await expect(createDraft(v, atHome.id, "letter")).resolves.toMatchObject({ state: "draft" });
  });

  test("the API gives each person's situation, release and facility address", async () => {
    const held = await prisoner({ status: "open_institution" });
    await prisma.facility.update({
      where: { id: held.currentFacilityId! },
      data: { name: "ИУОТ №2", type: "open_institution", region: "Гомельская обл." },
    });
    await recordSituationChange(prisma, {
      prisonerId: held.id,
      status: "released",
      occurredOn: "2025-09-11",
      releaseKind: "pardon",
    });
    const other = await prisoner({ status: "open_institution" });
    await prisma.facility.update({
      where: { id: other.currentFacilityId! },
      data: { name: "ИУОТ №3", type: "open_institution", region: "Гомельская обл." },
    });
    await rebuildNameKeys([held.id, other.id]);

    const found = await searchPrisonersForApi("Ryhor Kastusiou", 10);
    expect(found).toHaveLength(2);
    expect(found.find((p) => p.id === held.id)).toMatchObject({
      status: "released",
      releasedOn: "2025-09-11",
      releaseKind: "pardon",
      facilityAddress: null,
    });
    expect(found.find((p) => p.id === other.id)).toMatchObject({
      status: "open_institution",
      releasedOn: null,
      releaseKind: null,
      facilityAddress: {
        name: "ИУОТ №3",
        type: "open_institution",
        street: "ул. Антошкина, 3",
        postcode: "246035",
        city: "Гомель",
        region: "Гомельская обл.",
      },
    });
  });

  test("a coordinator records a change by hand; the edit form's facility change is a transfer", async () => {
    const coordinator = await volunteer("coord@example.org", { role: "coordinator" });
    const v = await volunteer("swift@example.org");
    const p = await prisoner({ status: "pretrial" });
    const oldId = p.currentFacilityId!;
    const selfPost = await route("self-post", "print_pdf");
    await sentLetter(v.id, p.id, selfPost.id, "in_transit", { facilityId: oldId });

    // The shared schema refuses a kind of release without a release, and a day to come.
    expect(
      situationChangeSchema.safeParse({ status: "convicted", releaseKind: "pardon" }).error?.issues[0].message,
    ).toBe("situation.kindOnlyForRelease");
    expect(
      situationChangeSchema.safeParse({ status: "released", occurredOn: "2999-01-01" }).error?.issues[0].message,
    ).toBe("situation.dateInFuture");

    const colony = await facility("ИК №15");
    const edit = {
      status: "convicted" as const,
      country: "BY" as const,
      birthDate: null,
      articles: null,
      sentence: null,
      currentFacilityId: colony.id,
      humanitarianReasons: [],
      incommunicado: false,
      incommunicadoNote: null,
      doNotWrite: false,
      doNotWriteNote: null,
      relativesOnly: false,
      relativesOnlyNote: null,
      notes: null,
      clearReview: false,
    };
    await updatePrisoner(coordinator, p.id, edit);
    expect(
      await prisma.situationChange.findMany({
        where: { prisonerId: p.id },
        select: { status: true, fromStatus: true, editorId: true },
      }),
    ).toEqual([{ status: "convicted", fromStatus: "pretrial", editorId: coordinator.id }]);
    const [moved] = await mails("swift@example.org");
    expect(moved.subject).toBe("A person you wrote to has been moved");
    expectNoName(moved);

    const input = situationChangeSchema.parse({
      status: "released",
      occurredOn: "2026-07-03",
      releaseKind: "parole",
      note: "on parole, under police control",
      canWrite: "on",
    });
    await expect(recordSituationByHand(v, p.id, input)).rejects.toBeInstanceOf(PermissionError);
    expect(await recordSituationByHand(coordinator, p.id, input)).toBe(true);
    expect(await recordSituationByHand(coordinator, p.id, input)).toBe(false);
    expect(await prisma.prisoner.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "released",
      releaseKind: "parole",
      canWrite: true,
    });
    const [last] = await prisma.situationChange.findMany({
      where: { prisonerId: p.id },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(last).toMatchObject({
      status: "released",
      fromStatus: "convicted",
      releaseKind: "parole",
      note: "on parole, under police control",
      editorId: coordinator.id,
    });
  });
});
