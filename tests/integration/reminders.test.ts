import { afterAll, beforeAll, expect, test } from "vitest";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { processOutbox, openMail } from "#app/utils/email.server.ts";
import { createDraft, saveDraft } from "#app/models/letters.server.ts";
import { isoWeek, sendDueReminders } from "#app/models/reminders.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createPrisoner, createRoute, createSentLetter, createVolunteer } from "#tests/support/factories.ts";
import { startMailServer, toAddress, type TestMailServer } from "#tests/support/smtp.ts";

const DAY = 86_400_000;
const LETTER_TEXT = "Здравствуйте! Пишу вам из далёкого города. У нас сегодня идёт снег.";
// Every spelling of the prisoner's name: none may appear in a reminder.
const NAME_PARTS = ["Кастусёў", "Рыгор", "Kastusiou", "Ryhor"];

// The SMTP transporter is created on the first send and cached for this file's
// module instance: SMTP_URL is set before anything is sent.
let mail: TestMailServer;
const savedSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  mail = await startMailServer();
  process.env.SMTP_URL = mail.url;
});

afterAll(async () => {
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  await mail?.close();
});

function volunteer(email: string, data: Partial<Prisma.UserCreateInput> = {}) {
  return createVolunteer({ email, pseudonym: "Quiet Heron", locale: "en", ...data });
}

function prisoner(data: Partial<Prisma.PrisonerUncheckedCreateInput> = {}) {
  return createPrisoner(data, {
    names: [
      { script: "cyrillic_be", surname: "Кастусёў", givenName: "Рыгор", isPrimary: true },
      { script: "latin", surname: "Kastusiou", givenName: "Ryhor" },
    ],
  });
}

function route(slug: string, handover: "print_pdf" | "email") {
  return createRoute(slug, { handover, handoverEmail: handover === "email" ? "letters@service.example" : null }, [
    { key: "queued", position: 0, usualDays: 3 },
    { key: "posted", position: 1, usualDays: 14 },
    { key: "delivered", position: 2, isFinal: true },
  ]);
}

/** A letter already sent through a route, as sendLetter leaves it. */
function sentLetter(
  authorId: string,
  prisonerId: string,
  routeId: string,
  data: Partial<Prisma.LetterUncheckedCreateInput> = {},
) {
  return createSentLetter(authorId, prisonerId, {
    routeId,
    status: "queued",
    bodyEncrypted: encrypt(LETTER_TEXT),
    ...data,
  });
}

async function reminderMails(to?: string) {
  return (
    await prisma.emailOutbox.findMany({
      where: { purpose: "reminder", ...(to ? { toAddress: to } : {}) },
      orderBy: { createdAt: "asc" },
    })
  ).map(openMail);
}

function expectNothingRevealing(message: { subject: string; textBody: string; htmlBody: string | null }) {
  for (const part of NAME_PARTS) {
    expect(message.subject).not.toContain(part);
    expect(message.textBody).not.toContain(part);
    expect(message.htmlBody ?? "").not.toContain(part);
  }
  expect(message.textBody).not.toContain("снег");
  expect(message.htmlBody ?? "").not.toContain("снег");
}

describeEachDatabase("reminder e-mails", () => {
  test("a draft untouched for 7 days is reminded once; edited and left again, it is reminded again", async () => {
    const v = await volunteer("heron@example.org");
    const p = await prisoner();
    const draft = await createDraft(v, p.id, "letter");
    await saveDraft(v.id, draft.id, { body: LETTER_TEXT, kind: "letter", returnAddress: "PO Box 12, Vilnius" });

    advanceClock(6 * DAY);
    expect(await sendDueReminders()).toEqual({ draft: 0, self_post: 0, adoption: 0 });
    advanceClock(DAY + 60_000);
    expect((await sendDueReminders()).draft).toBe(1);
    expect((await sendDueReminders()).draft).toBe(0);
    advanceClock(20 * DAY);
    expect((await sendDueReminders()).draft).toBe(0);

    const [first] = await reminderMails();
    expect(first).toMatchObject({
      toAddress: "heron@example.org",
      subject: "A draft is waiting for you",
      state: "queued",
    });
    expect(first.textBody).toContain("Hello Quiet Heron,");
    expect(first.textBody).toContain("you started a letter 7 days ago");
    expect(first.textBody).toContain(`http://localhost:3999/letters/${draft.id}`);
    expect(first.textBody).toContain("http://localhost:3999/settings");
    expectNothingRevealing(first);

    // Edited again, then abandoned again: a new period, a new reminder after 7 more days.
    await saveDraft(v.id, draft.id, { body: `${LETTER_TEXT} Ещё строка.`, kind: "letter", returnAddress: null });
    advanceClock(7 * DAY - 60_000);
    expect((await sendDueReminders()).draft).toBe(0);
    advanceClock(2 * 60_000);
    expect((await sendDueReminders()).draft).toBe(1);
    expect((await sendDueReminders()).draft).toBe(0);
    expect(await reminderMails()).toHaveLength(2);
    const logs = await prisma.reminderLog.findMany({ where: { kind: "draft" }, orderBy: { sentAt: "asc" } });
    expect(logs).toHaveLength(2);
    expect(logs.map((l) => l.subjectId)).toEqual([draft.id, draft.id]);
    expect(logs[0].periodKey).not.toBe(logs[1].periodKey);
    expect(logs[0].periodKey).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test("two runs at the same moment send one reminder, never two", async () => {
    const v = await volunteer("twice@example.org");
    const p = await prisoner();
    await createDraft(v, p.id, "postcard");
    advanceClock(8 * DAY);
    const results = await Promise.all([sendDueReminders(), sendDueReminders(), sendDueReminders()]);
    expect(results.reduce((sum, r) => sum + r.draft, 0)).toBe(1);
    expect(await reminderMails()).toHaveLength(1);
    expect((await reminderMails())[0].textBody).toContain("you started a postcard 8 days ago");
    expect(await prisma.reminderLog.count()).toBe(1);
  });

  test("scheduled drafts, pending and suspended people, and anyone who switched a kind off get nothing", async () => {
    const p = await prisoner();
    const selfPost = await route("self-post", "print_pdf");
    const off = await volunteer("off@example.org", {
      remindDrafts: false,
      remindSelfPost: false,
      remindAdoptions: false,
    });
    const scheduled = await volunteer("scheduled@example.org");
    const suspended = await volunteer("suspended@example.org");
    const pending = await volunteer("pending@example.org");
    await createDraft(off, p.id, "letter");
    await sentLetter(off.id, p.id, selfPost.id);
    await prisma.adoption.create({ data: { volunteerId: off.id, prisonerId: p.id, createdAt: now() } });
    const later = await createDraft(scheduled, p.id, "letter");
    await prisma.letter.update({
      where: { id: later.id },
      data: { scheduledFor: new Date(now().getTime() + 60 * DAY), scheduledRouteId: selfPost.id },
    });
    await createDraft(suspended, p.id, "letter");
    await prisma.user.update({ where: { id: suspended.id }, data: { vettingState: "suspended" } });
    await createDraft(pending, p.id, "letter");
    await prisma.user.update({ where: { id: pending.id }, data: { vettingState: "pending" } });

    advanceClock(40 * DAY);
    expect(await sendDueReminders()).toEqual({ draft: 0, self_post: 0, adoption: 0 });
    expect(await reminderMails()).toEqual([]);

    // Switching one kind back on brings exactly that kind.
    await prisma.user.update({ where: { id: off.id }, data: { remindSelfPost: true } });
    expect(await sendDueReminders()).toEqual({ draft: 0, self_post: 1, adoption: 0 });
  });

  test("self-post: asked once 3 days after sending; after “not yet”, once a week; not after “posted” or a later status", async () => {
    const v = await volunteer("poster@example.org");
    const p = await prisoner();
    const selfPost = await route("self-post", "print_pdf");
    const byEmail = await route("atelier", "email");
    const letter = await sentLetter(v.id, p.id, selfPost.id);
    const movedOn = await sentLetter(v.id, p.id, selfPost.id, { status: "posted" });
    const answered = await sentLetter(v.id, p.id, selfPost.id, { postedAnswer: "posted", postedAnsweredAt: now() });
    await sentLetter(v.id, p.id, byEmail.id);

    advanceClock(3 * DAY - 60_000);
    expect((await sendDueReminders()).self_post).toBe(0);
    advanceClock(2 * 60_000);
    expect((await sendDueReminders()).self_post).toBe(1);
    expect((await sendDueReminders()).self_post).toBe(0);
    advanceClock(10 * DAY);
    // Never answered: asked once only.
    expect((await sendDueReminders()).self_post).toBe(0);

    const [asked] = await reminderMails();
    expect(asked.subject).toBe("Did you post it?");
    expect(asked.textBody).toContain(`http://localhost:3999/letters/${letter.id}`);
    expect(asked.textBody).not.toContain(movedOn.id);
    expect(asked.textBody).not.toContain(answered.id);
    expectNothingRevealing(asked);
    expect(await prisma.reminderLog.findMany({ where: { kind: "self_post" } })).toEqual([
      expect.objectContaining({ subjectId: letter.id, periodKey: "first" }),
    ]);

    // "Not yet": asked again a week after the answer, then once a week.
    await prisma.letter.update({
      where: { id: letter.id },
      data: { postedAnswer: "not_yet", postedAnsweredAt: now() },
    });
    advanceClock(6 * DAY);
    expect((await sendDueReminders()).self_post).toBe(0);
    advanceClock(DAY + 60_000);
    expect((await sendDueReminders()).self_post).toBe(1);
    expect((await sendDueReminders()).self_post).toBe(0);
    advanceClock(3 * DAY);
    expect((await sendDueReminders()).self_post).toBe(0);
    advanceClock(4 * DAY);
    expect((await sendDueReminders()).self_post).toBe(1);
    const weekly = await prisma.reminderLog.findMany({
      where: { kind: "self_post", NOT: { periodKey: "first" } },
      orderBy: { sentAt: "asc" },
    });
    expect(weekly).toHaveLength(2);
    expect(weekly[1].periodKey).toBe(isoWeek(now()));
    expect(weekly[0].periodKey).not.toBe(weekly[1].periodKey);

    // Posted after all: no more questions.
    await prisma.letter.update({ where: { id: letter.id }, data: { postedAnswer: "posted", postedAnsweredAt: now() } });
    advanceClock(30 * DAY);
    expect((await sendDueReminders()).self_post).toBe(0);
    expect(await reminderMails()).toHaveLength(3);
  });

  test("an adopted prisoner not written to for 30 days: one reminder per silence, none once the adoption ended", async () => {
    const v = await volunteer("adopter@example.org");
    const p = await prisoner();
    const selfPost = await route("self-post", "print_pdf");
    const adoption = await prisma.adoption.create({ data: { volunteerId: v.id, prisonerId: p.id, createdAt: now() } });
    // Someone who asked not to be written to is never the subject of a nudge.
    const refusing = await prisoner({ doNotWrite: true });
    await prisma.adoption.create({ data: { volunteerId: v.id, prisonerId: refusing.id, createdAt: now() } });

    advanceClock(29 * DAY);
    expect((await sendDueReminders()).adoption).toBe(0);
    advanceClock(DAY + 60_000);
    expect((await sendDueReminders()).adoption).toBe(1);
    expect((await sendDueReminders()).adoption).toBe(0);
    advanceClock(15 * DAY);
    expect((await sendDueReminders()).adoption).toBe(0);

    const [nudge] = await reminderMails();
    expect(nudge.subject).toBe("Time for a new letter?");
    expect(nudge.textBody).toContain(`http://localhost:3999/prisoners/${p.id}`);
    expectNothingRevealing(nudge);
    expect(await prisma.reminderLog.findFirst({ where: { kind: "adoption" } })).toMatchObject({
      subjectId: adoption.id,
      periodKey: adoption.createdAt.toISOString().slice(0, 10),
    });

    // A letter starts a new period: 30 quiet days after it, reminded again.
    const letter = await sentLetter(v.id, p.id, selfPost.id, { postedAnswer: "posted" });
    advanceClock(29 * DAY);
    expect((await sendDueReminders()).adoption).toBe(0);
    advanceClock(DAY + 60_000);
    expect((await sendDueReminders()).adoption).toBe(1);
    expect(await prisma.reminderLog.findMany({ where: { kind: "adoption" }, orderBy: { sentAt: "asc" } })).toEqual([
      expect.objectContaining({ periodKey: adoption.createdAt.toISOString().slice(0, 10) }),
      expect.objectContaining({ periodKey: letter.sentAt!.toISOString().slice(0, 10) }),
    ]);

    // Ended: no more.
    await prisma.adoption.update({ where: { id: adoption.id }, data: { endedAt: now() } });
    await sentLetter(v.id, p.id, selfPost.id, { postedAnswer: "posted" });
    advanceClock(45 * DAY);
    expect((await sendDueReminders()).adoption).toBe(0);
  });

  test("a reminder arrives over SMTP in the person's language, with a link and no name in the subject", async () => {
    const v = await volunteer("lisa@example.org", { pseudonym: "Лесная птица", locale: "ru" });
    const p = await prisoner();
    const draft = await createDraft(v, p.id, "letter");
    await saveDraft(v.id, draft.id, { body: LETTER_TEXT, kind: "letter", returnAddress: null });
    advanceClock(9 * DAY);
    expect((await sendDueReminders()).draft).toBe(1);
    const [queued] = await reminderMails("lisa@example.org");
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });

    const received = await mail.waitForMail((m) => m.messageId === queued.messageId);
    expect(toAddress(received)).toBe("lisa@example.org");
    expect(received.subject).toBe("Вас ждёт черновик");
    expect(received.text).toContain("Здравствуйте, Лесная птица!");
    expect(received.text).toContain("9 дней назад вы начали письмо");
    expect(received.text).toContain(`http://localhost:3999/letters/${draft.id}`);
    expect(received.html).toContain(`href="http://localhost:3999/letters/${draft.id}"`);
    for (const part of NAME_PARTS) {
      expect(received.subject).not.toContain(part);
      expect(received.text).not.toContain(part);
    }
    expect(received.text).not.toContain("снег");
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ state: "sent" });
  });
});
