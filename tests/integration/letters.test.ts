import { expect, test } from "vitest";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { createDraft, deleteDraft, getOwnLetter, LetterStateError, listOwnLetters, saveDraft, sendLetter } from "#app/models/letters.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const RUSSIAN_TEXT = "Здравствуйте! Пишу вам из далёкого города. У нас сегодня идёт снег, и я думаю о вас. Желаю вам здоровья и терпения.";

async function volunteer(email: string, vettingState: "approved" | "pending" = "approved") {
  return prisma.user.create({ data: { email, pseudonym: email.split("@")[0], vettingState, writesIn: ["ru"] } });
}

async function prisoner(data: Partial<Prisma.PrisonerUncheckedCreateInput> = {}) {
  const facility = await prisma.facility.create({
    data: { country: "BY", type: "colony", name: `ИК №${Math.floor(Math.random() * 1000)}`, street: "ул. Антошкина, 3", postcode: "246035", city: "Гомель", languages: ["ru", "be"] },
  });
  return prisma.prisoner.create({
    data: { country: "BY", currentFacilityId: facility.id, ...data, names: { create: { script: "cyrillic_be", surname: "Кастусёў", givenName: "Рыгор", isPrimary: true } } },
  });
}

async function routes() {
  const make = (slug: string, data: Partial<Prisma.RouteCreateInput>) =>
    prisma.route.create({
      data: {
        slug,
        name: slug,
        description: slug,
        countries: ["BY"],
        itemKinds: ["letter", "postcard"],
        languages: ["ru", "be"],
        handover: "email",
        ...data,
        statuses: { create: [{ key: "queued", position: 0, usualDays: 1 }, { key: "posted", position: 1, usualDays: 14 }, { key: "delivered", position: 2, isFinal: true }] },
      },
    });
  return {
    selfPost: await make("viasna-self-post", { handover: "print_pdf", position: 1 }),
    bank: await make("letter-bank", { handover: "bank", languages: ["ru", "be", "en"], position: 2 }),
    russia: await make("ovd-info", { countries: ["RU"], languages: ["ru"], position: 3 }),
  };
}

describeEachDatabase("letters and postcards", () => {
  test("a draft's text and return address are encrypted at rest; the raw row holds no plaintext", async () => {
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const draft = await createDraft(v, p.id, "letter");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: "Relay, PO Box 12, Vilnius" });
    const [raw] = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Letter" WHERE "id" = ${draft.id}`;
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain("Здравствуйте");
    expect(dump).not.toContain("снег");
    expect(dump).not.toContain("Vilnius");
    expect(String(raw.bodyEncrypted)).toMatch(/^v1\./);
    const own = await getOwnLetter(v.id, draft.id);
    expect(own?.body).toBe(RUSSIAN_TEXT);
    expect(own?.returnAddress).toBe("Relay, PO Box 12, Vilnius");
  });

  test("nobody reads, changes, deletes or sends another volunteer's letter", async () => {
    const author = await volunteer("author@example.org");
    const other = await volunteer("other@example.org");
    const p = await prisoner();
    const { selfPost } = await routes();
    const draft = await createDraft(author, p.id, "letter");
    await saveDraft(author.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: null });
    expect(await getOwnLetter(other.id, draft.id)).toBeNull();
    await expect(saveDraft(other.id, draft.id, { body: "x", kind: "letter", returnAddress: null })).rejects.toBeInstanceOf(LetterStateError);
    expect(await deleteDraft(other.id, draft.id)).toBe(false);
    await expect(sendLetter(other, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toBeInstanceOf(LetterStateError);
    expect(await listOwnLetters(other.id)).toEqual([]);
    expect((await getOwnLetter(author.id, draft.id))?.body).toBe(RUSSIAN_TEXT);
  });

  test("pending volunteers cannot write; nobody writes to a prisoner who asked not to be written to", async () => {
    const pending = await volunteer("pending@example.org", "pending");
    const p = await prisoner();
    await expect(createDraft(pending, p.id, "letter")).rejects.toBeInstanceOf(PermissionError);
    const v = await volunteer("v@example.org");
    const refusing = await prisoner({ doNotWrite: true, doNotWriteNote: "asked" });
    await expect(createDraft(v, refusing.id, "letter")).rejects.toBeInstanceOf(PermissionError);
    expect(await prisma.letter.count()).toBe(0);
  });

  test("sending: only an eligible route, warnings confirmed, then sent with its first status and an event", async () => {
    const v = await volunteer("sender@example.org");
    const p = await prisoner();
    const { selfPost, russia, bank } = await routes();
    const draft = await createDraft(v, p.id, "letter");
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow("empty");

    await saveDraft(v.id, draft.id, { body: "Dear friend, we think of you every day.", kind: "letter", returnAddress: null });
    // English: a language warning, and self-post refuses the language; the bank takes it.
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow("route");
    await expect(sendLetter(v, draft.id, { routeId: bank.id, warningsAcknowledged: false })).rejects.toThrow("acknowledge");

    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: null });
    await expect(sendLetter(v, draft.id, { routeId: russia.id, warningsAcknowledged: true })).rejects.toThrow("route");
    const sent = await sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: false });
    expect(sent.status).toBe("queued");
    const letter = await prisma.letter.findUniqueOrThrow({ where: { id: draft.id }, include: { events: true } });
    expect(letter).toMatchObject({ state: "sent", status: "queued", routeId: selfPost.id, facilityId: p.currentFacilityId, language: "ru", senderName: "sender" });
    expect(letter.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "queued", actorId: v.id })]);
    // A sent letter is no longer a draft: it cannot be edited, deleted or sent again.
    await expect(saveDraft(v.id, draft.id, { body: "changed", kind: "letter", returnAddress: null })).rejects.toBeInstanceOf(LetterStateError);
    expect(await deleteDraft(v.id, draft.id)).toBe(false);
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow("not-a-draft");
  });

  test("a service that takes letters by e-mail gets the letter through the outbox, without the volunteer's identity", async () => {
    const v = await volunteer("quiet.heron@example.org");
    const p = await prisoner();
    const atelier = await prisma.route.create({
      data: {
        slug: "atelier",
        name: "Atelier",
        description: "x",
        countries: ["BY"],
        itemKinds: ["letter", "postcard"],
        languages: ["ru", "be"],
        translates: true,
        handover: "email",
        handoverEmail: "atelier@example.org",
        statuses: { create: [{ key: "queued", position: 0 }, { key: "handed_over", position: 1 }, { key: "delivered", position: 2, isFinal: true }] },
      },
    });
    const draft = await createDraft(v, p.id, "postcard");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "postcard", returnAddress: null });
    const sent = await sendLetter(v, draft.id, { routeId: atelier.id, warningsAcknowledged: true });
    expect(sent.status).toBe("handed_over");
    const [mail] = await prisma.emailOutbox.findMany();
    expect(mail).toMatchObject({ toAddress: "atelier@example.org", purpose: "handover", state: "queued" });
    expect(mail.textBody).toContain(RUSSIAN_TEXT);
    expect(mail.textBody).toContain("REPUBLIC OF BELARUS");
    expect(mail.textBody).toContain("Signed: quiet.heron");
    expect(mail.textBody).not.toContain("quiet.heron@example.org");
    expect(mail.subject).not.toContain("Кастусёў");
    const events = await prisma.statusEvent.findMany({ where: { letterId: draft.id } });
    // Both events may carry the same millisecond: compare them as a set.
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`).sort()).toEqual(["null→queued", "queued→handed_over"]);
  });

  test("an incommunicado prisoner: only the letter bank carries the letter", async () => {
    const v = await volunteer("bank@example.org");
    const p = await prisoner({ incommunicado: true, incommunicadoNote: "no contact since 2023" });
    const { selfPost, bank } = await routes();
    const draft = await createDraft(v, p.id, "postcard");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "postcard", returnAddress: null });
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow("route");
    await sendLetter(v, draft.id, { routeId: bank.id, warningsAcknowledged: true });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).routeId).toBe(bank.id);
  });
});
