import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { openMail } from "#app/utils/email.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import {
  answerPosted,
  cancelSchedule,
  createDraft,
  deleteDraft,
  getOwnLetter,
  LetterStateError,
  listOwnLetters,
  reportOutcome,
  saveDraft,
  scheduleLetter,
  sendDueScheduledLetters,
  sendLetter,
} from "#app/models/letters.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createPrisoner, createRoute, createVolunteer } from "#tests/support/factories.ts";

const RUSSIAN_TEXT =
  "Здравствуйте! Пишу вам из далёкого города. У нас сегодня идёт снег, и я думаю о вас. Желаю вам здоровья и терпения.";

/** Pseudonyms in Cyrillic: a Latin signature under a Cyrillic letter is itself a warning to acknowledge. */
const PSEUDONYMS: Record<string, string> = { sender: "Сосна", planner: "Клён", "quiet.heron": "Тихая цапля" };

function volunteer(email: string, vettingState: "approved" | "pending" = "approved") {
  const name = email.split("@")[0];
  return createVolunteer({ email, pseudonym: PSEUDONYMS[name] ?? `Волонтёр ${name.length}`, vettingState });
}

async function routes() {
  return {
    selfPost: await createRoute("viasna-self-post", { handover: "print_pdf", position: 1 }),
    bank: await createRoute("letter-bank", { handover: "bank", languages: ["ru", "be", "en"], position: 2 }),
    russia: await createRoute("ovd-info", { countries: ["RU"], languages: ["ru"], position: 3 }),
  };
}

describeEachDatabase("letters and postcards", () => {
  test("a draft's text and return address are encrypted at rest; the raw row holds no plaintext", async () => {
    const v = await volunteer("writer@example.org");
    const p = await createPrisoner();
    const draft = await createDraft(v, p.id, "letter");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: "Relay, PO Box 12, Vilnius" });
    const [raw] = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Letter" WHERE "id" = ${draft.id}`;
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain("Здравствуйте");
    expect(dump).not.toContain("снег");
    expect(dump).not.toContain("Vilnius");
    expect(String(raw.bodyEncrypted)).toMatch(/^v2\./);
    const own = await getOwnLetter(v.id, draft.id);
    expect(own?.body).toBe(RUSSIAN_TEXT);
    expect(own?.returnAddress).toBe("Relay, PO Box 12, Vilnius");
  });

  test("nobody reads, changes, deletes or sends another volunteer's letter", async () => {
    const author = await volunteer("author@example.org");
    const other = await volunteer("other@example.org");
    const p = await createPrisoner();
    const { selfPost } = await routes();
    const draft = await createDraft(author, p.id, "letter");
    await saveDraft(author.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: null });
    expect(await getOwnLetter(other.id, draft.id)).toBeNull();
    await expect(
      saveDraft(other.id, draft.id, { body: "x", kind: "letter", returnAddress: null }),
    ).rejects.toBeInstanceOf(LetterStateError);
    expect(await deleteDraft(other.id, draft.id)).toBe(false);
    await expect(
      sendLetter(other, draft.id, { routeId: selfPost.id, warningsAcknowledged: true }),
    ).rejects.toBeInstanceOf(LetterStateError);
    expect(await listOwnLetters(other.id)).toEqual([]);
    expect((await getOwnLetter(author.id, draft.id))?.body).toBe(RUSSIAN_TEXT);
  });

  test("pending volunteers cannot write; nobody writes to a prisoner who asked not to be written to", async () => {
    const pending = await volunteer("pending@example.org", "pending");
    const p = await createPrisoner();
    await expect(createDraft(pending, p.id, "letter")).rejects.toBeInstanceOf(PermissionError);
    const v = await volunteer("v@example.org");
    const refusing = await createPrisoner({ doNotWrite: true, doNotWriteNote: "asked" });
    await expect(createDraft(v, refusing.id, "letter")).rejects.toBeInstanceOf(PermissionError);
    expect(await prisma.letter.count()).toBe(0);
  });

  test("sending: only an eligible route, warnings confirmed, then sent with its first status and an event", async () => {
    const v = await volunteer("sender@example.org");
    const p = await createPrisoner();
    const { selfPost, russia, bank } = await routes();
    const draft = await createDraft(v, p.id, "letter");
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow(
      "empty",
    );

    await saveDraft(v.id, draft.id, {
      body: "Dear friend, we think of you every day.",
      kind: "letter",
      returnAddress: null,
    });
    // English: a language warning, and self-post refuses the language; the bank takes it.
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow(
      "route",
    );
    await expect(sendLetter(v, draft.id, { routeId: bank.id, warningsAcknowledged: false })).rejects.toThrow(
      "acknowledge",
    );

    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: null });
    await expect(sendLetter(v, draft.id, { routeId: russia.id, warningsAcknowledged: true })).rejects.toThrow("route");
    const sent = await sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: false });
    expect(sent.status).toBe("queued");
    const letter = await prisma.letter.findUniqueOrThrow({ where: { id: draft.id }, include: { events: true } });
    expect(letter).toMatchObject({
      state: "sent",
      status: "queued",
      routeId: selfPost.id,
      facilityId: p.currentFacilityId,
      language: "ru",
      senderName: "Сосна",
    });
    expect(letter.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "queued", actorId: v.id })]);
    // A sent letter is no longer a draft: it cannot be edited, deleted or sent again.
    await expect(
      saveDraft(v.id, draft.id, { body: "changed", kind: "letter", returnAddress: null }),
    ).rejects.toBeInstanceOf(LetterStateError);
    expect(await deleteDraft(v.id, draft.id)).toBe(false);
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow(
      "not-a-draft",
    );
  });

  test("a service that takes letters by e-mail gets the letter through the outbox, without the volunteer's identity", async () => {
    const v = await volunteer("quiet.heron@example.org");
    const p = await createPrisoner();
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
        statuses: {
          create: [
            { key: "queued", position: 0 },
            { key: "handed_over", position: 1 },
            { key: "delivered", position: 2, isFinal: true },
          ],
        },
      },
    });
    const draft = await createDraft(v, p.id, "postcard");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "postcard", returnAddress: null });
    const sent = await sendLetter(v, draft.id, { routeId: atelier.id, warningsAcknowledged: true });
    expect(sent.status).toBe("handed_over");
    const [mail] = (await prisma.emailOutbox.findMany()).map(openMail);
    expect(mail).toMatchObject({ toAddress: "atelier@example.org", purpose: "handover", state: "queued" });
    expect(mail.textBody).toContain(RUSSIAN_TEXT);
    expect(mail.textBody).toContain("REPUBLIC OF BELARUS");
    expect(mail.textBody).toContain("Signed: Тихая цапля");
    expect(mail.textBody).not.toContain("quiet.heron@example.org");
    expect(mail.subject).not.toContain("Кастусёў");
    const events = await prisma.statusEvent.findMany({ where: { letterId: draft.id } });
    // Both events may carry the same millisecond: compare them as a set.
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`).sort()).toEqual(["null→queued", "queued→handed_over"]);
  });

  test("an incommunicado prisoner: only the letter bank carries the letter", async () => {
    const v = await volunteer("bank@example.org");
    const p = await createPrisoner({ incommunicado: true, incommunicadoNote: "no contact since 2023" });
    const { selfPost, bank } = await routes();
    const draft = await createDraft(v, p.id, "postcard");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "postcard", returnAddress: null });
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true })).rejects.toThrow(
      "route",
    );
    await sendLetter(v, draft.id, { routeId: bank.id, warningsAcknowledged: true });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).routeId).toBe(bank.id);
  });

  // ───────────────────────────── Scheduled sends ─────────────────────────────

  const HOUR = 3_600_000;

  async function readyDraft(author: { id: string } & Parameters<typeof createDraft>[0], prisonerId: string) {
    const draft = await createDraft(author, prisonerId, "letter");
    await saveDraft(author.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: null });
    return draft;
  }

  /** The message of the LetterStateError a promise was rejected with. */
  async function stateError(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(LetterStateError);
      return (error as LetterStateError).message;
    }
    throw new Error("expected a LetterStateError");
  }

  /** Routes with every ending, so that "posted", "unknown" and "reply received" exist. */
  async function trackedRoutes() {
    const make = (slug: string, handover: "print_pdf" | "email") =>
      prisma.route.create({
        data: {
          slug,
          name: slug,
          description: slug,
          countries: ["BY"],
          itemKinds: ["letter", "postcard"],
          languages: ["ru", "be"],
          handover,
          handoverEmail: handover === "email" ? `${slug}@example.org` : null,
          statuses: {
            create: [
              { key: "queued", position: 0, usualDays: 3 },
              { key: "posted", position: 1, usualDays: 14 },
              { key: "delivered", position: 2, isFinal: true },
              { key: "reply_received", position: 3, isFinal: true },
              { key: "unknown", position: 4, isFinal: true },
            ],
          },
        },
      });
    return { selfPost: await make("tracked-self-post", "print_pdf"), atelier: await make("tracked-atelier", "email") };
  }

  test("scheduling: refused for a time not in the future, too far ahead, or a route that does not fit; otherwise saved on the draft", async () => {
    const v = await volunteer("planner@example.org");
    const other = await volunteer("other@example.org");
    const p = await createPrisoner();
    const { selfPost, russia } = await routes();
    const empty = await createDraft(v, p.id, "letter");
    const draft = await readyDraft(v, p.id);
    const inThreeDays = new Date(now().getTime() + 3 * 24 * HOUR);

    expect(
      await stateError(
        scheduleLetter(v, draft.id, {
          routeId: selfPost.id,
          warningsAcknowledged: true,
          sendAt: new Date(now().getTime() - 60_000),
        }),
      ),
    ).toBe("schedule-past");
    expect(
      await stateError(
        scheduleLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true, sendAt: now() }),
      ),
    ).toBe("schedule-past");
    expect(
      await stateError(
        scheduleLetter(v, draft.id, {
          routeId: selfPost.id,
          warningsAcknowledged: true,
          sendAt: new Date(now().getTime() + 367 * 24 * HOUR),
        }),
      ),
    ).toBe("schedule-far");
    expect(
      await stateError(
        scheduleLetter(v, draft.id, { routeId: russia.id, warningsAcknowledged: true, sendAt: inThreeDays }),
      ),
    ).toBe("route");
    expect(
      await stateError(
        scheduleLetter(v, empty.id, { routeId: selfPost.id, warningsAcknowledged: true, sendAt: inThreeDays }),
      ),
    ).toBe("empty");
    expect(
      await stateError(
        scheduleLetter(other, draft.id, { routeId: selfPost.id, warningsAcknowledged: true, sendAt: inThreeDays }),
      ),
    ).toBe("not-a-draft");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      scheduledFor: null,
      scheduledRouteId: null,
    });

    await scheduleLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: false, sendAt: inThreeDays });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "draft",
      status: null,
      sentAt: null,
      routeId: null,
      scheduledFor: inThreeDays,
      scheduledRouteId: selfPost.id,
      scheduleProblem: null,
    });
    expect(await prisma.statusEvent.count()).toBe(0);
    expect((await listOwnLetters(v.id)).find((l) => l.id === draft.id)).toMatchObject({
      state: "draft",
      scheduledFor: inThreeDays,
    });
  });

  test("a scheduled letter goes once its time has come, and only once", async () => {
    const v = await volunteer("planner@example.org");
    const p = await createPrisoner();
    const { selfPost } = await routes();
    const draft = await readyDraft(v, p.id);
    const sendAt = new Date(now().getTime() + 2 * HOUR);
    await scheduleLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: false, sendAt });

    expect(await sendDueScheduledLetters()).toEqual({ sent: 0, problems: 0 });
    advanceClock(2 * HOUR - 60_000);
    expect(await sendDueScheduledLetters()).toEqual({ sent: 0, problems: 0 });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "draft",
      scheduledFor: sendAt,
    });

    advanceClock(2 * 60_000);
    expect(await sendDueScheduledLetters()).toEqual({ sent: 1, problems: 0 });
    const sent = await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } });
    expect(sent).toMatchObject({
      state: "sent",
      status: "queued",
      routeId: selfPost.id,
      scheduledFor: null,
      scheduledRouteId: null,
      scheduleProblem: null,
      senderName: "Клён",
    });
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(sendAt.getTime());

    expect(await sendDueScheduledLetters()).toEqual({ sent: 0, problems: 0 });
    expect(await prisma.statusEvent.findMany({ where: { letterId: draft.id, toStatus: "queued" } })).toEqual([
      expect.objectContaining({ fromStatus: null, actorId: v.id }),
    ]);
  });

  test("two instances sending scheduled letters at once send each letter once", async () => {
    const v = await volunteer("planner@example.org");
    const p = await createPrisoner();
    const { selfPost } = await routes();
    const drafts = [await readyDraft(v, p.id), await readyDraft(v, p.id), await readyDraft(v, p.id)];
    for (const draft of drafts)
      await scheduleLetter(v, draft.id, {
        routeId: selfPost.id,
        warningsAcknowledged: false,
        sendAt: new Date(now().getTime() + HOUR),
      });
    advanceClock(HOUR + 1_000);
    const results = await Promise.all([sendDueScheduledLetters(), sendDueScheduledLetters()]);
    expect(results[0].sent + results[1].sent).toBe(3);
    for (const draft of drafts) {
      expect(await prisma.statusEvent.count({ where: { letterId: draft.id } })).toBe(1);
      expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
        state: "sent",
        status: "queued",
        scheduleProblem: null,
      });
    }
  });

  test("a scheduled letter to a prisoner released meanwhile stays a draft, with the reason for its writer", async () => {
    const v = await volunteer("planner@example.org");
    const p = await createPrisoner();
    const { selfPost } = await routes();
    const draft = await readyDraft(v, p.id);
    await scheduleLetter(v, draft.id, {
      routeId: selfPost.id,
      warningsAcknowledged: false,
      sendAt: new Date(now().getTime() + HOUR),
    });
    await prisma.prisoner.update({ where: { id: p.id }, data: { status: "released" } });

    advanceClock(HOUR + 1_000);
    expect(await sendDueScheduledLetters()).toEqual({ sent: 0, problems: 1 });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "draft",
      status: null,
      sentAt: null,
      scheduledFor: null,
      scheduledRouteId: null,
      scheduleProblem: "route",
    });
    expect(await prisma.statusEvent.count()).toBe(0);
    expect(await listOwnLetters(v.id)).toEqual([
      expect.objectContaining({ id: draft.id, state: "draft", scheduleProblem: "route", scheduledFor: null }),
    ]);
    // Reported once, not again on every run.
    expect(await sendDueScheduledLetters()).toEqual({ sent: 0, problems: 0 });
    expect((await getOwnLetter(v.id, draft.id))?.body).toBe(RUSSIAN_TEXT);
  });

  test("cancelling a schedule keeps the draft and stops the send; only its writer can cancel", async () => {
    const v = await volunteer("planner@example.org");
    const other = await volunteer("other@example.org");
    const p = await createPrisoner();
    const { selfPost } = await routes();
    const draft = await readyDraft(v, p.id);
    await scheduleLetter(v, draft.id, {
      routeId: selfPost.id,
      warningsAcknowledged: false,
      sendAt: new Date(now().getTime() + HOUR),
    });

    expect(await cancelSchedule(other.id, draft.id)).toBe(false);
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).scheduledRouteId).toBe(selfPost.id);
    expect(await cancelSchedule(v.id, draft.id)).toBe(true);
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "draft",
      scheduledFor: null,
      scheduledRouteId: null,
      scheduleProblem: null,
    });
    expect(await cancelSchedule(v.id, draft.id)).toBe(false);

    advanceClock(HOUR + 1_000);
    expect(await sendDueScheduledLetters()).toEqual({ sent: 0, problems: 0 });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "draft",
      sentAt: null,
    });
  });

  // ───────────────────────────── The writer's answers ─────────────────────────────

  test("'did you post it?': posted moves the letter on, not yet keeps it, will not ends it as unknown", async () => {
    const v = await volunteer("poster@example.org");
    const p = await createPrisoner();
    const { selfPost } = await trackedRoutes();
    const first = await readyDraft(v, p.id);
    const second = await readyDraft(v, p.id);
    await sendLetter(v, first.id, { routeId: selfPost.id, warningsAcknowledged: false });
    await sendLetter(v, second.id, { routeId: selfPost.id, warningsAcknowledged: false });
    const events = (id: string) =>
      prisma.statusEvent.findMany({ where: { letterId: id }, orderBy: { occurredAt: "asc" } });

    await answerPosted(v, first.id, "not_yet");
    const notYet = await prisma.letter.findUniqueOrThrow({ where: { id: first.id } });
    expect(notYet).toMatchObject({ status: "queued", state: "sent", postedAnswer: "not_yet" });
    expect(notYet.postedAnsweredAt).toBeInstanceOf(Date);
    expect(await events(first.id)).toHaveLength(1);

    advanceClock(HOUR);
    await answerPosted(v, first.id, "posted");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "posted",
      state: "sent",
      postedAnswer: "posted",
    });
    expect((await events(first.id)).map((e) => [e.fromStatus, e.toStatus, e.actorId, e.note])).toEqual([
      [null, "queued", v.id, null],
      ["queued", "posted", v.id, "writer answered: posted"],
    ]);

    await answerPosted(v, second.id, "will_not");
    const ended = await prisma.letter.findUniqueOrThrow({ where: { id: second.id } });
    expect(ended).toMatchObject({ status: "unknown", state: "closed", postedAnswer: "will_not" });
    expect(ended.closedAt).toBeInstanceOf(Date);
    expect((await events(second.id)).at(-1)).toMatchObject({
      fromStatus: "queued",
      toStatus: "unknown",
      actorId: v.id,
      note: "writer answered: will_not",
    });
  });

  test("an answer after a coordinator moved the letter on never moves it back, and none is taken once it has ended", async () => {
    const v = await volunteer("poster@example.org");
    const p = await createPrisoner();
    const { selfPost } = await trackedRoutes();
    const draft = await readyDraft(v, p.id);
    await sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: false });
    await prisma.letter.update({ where: { id: draft.id }, data: { status: "posted" } });
    await answerPosted(v, draft.id, "posted");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "posted",
      state: "sent",
      postedAnswer: "posted",
    });
    expect(await prisma.statusEvent.count({ where: { letterId: draft.id } })).toBe(1);

    // A coordinator recorded "delivered": "I will not post it" cannot turn that into "unknown".
    await prisma.letter.update({ where: { id: draft.id }, data: { status: "delivered", state: "closed" } });
    expect(await stateError(answerPosted(v, draft.id, "will_not"))).toBe("not-self-post");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "delivered",
      state: "closed",
      postedAnswer: "posted",
    });
  });

  test("a postcard printed for self-post must fit on the card; the letter bank takes it whole", async () => {
    const v = await volunteer("writer@example.org");
    const p = await createPrisoner();
    const { selfPost, bank } = await routes();
    const long = `${RUSSIAN_TEXT} `.repeat(25).trim();
    const card = await createDraft(v, p.id, "postcard");
    await saveDraft(v.id, card.id, { body: long, kind: "postcard", returnAddress: null });
    expect(await stateError(sendLetter(v, card.id, { routeId: selfPost.id, warningsAcknowledged: true }))).toBe(
      "postcard-too-long",
    );
    expect(
      await stateError(
        scheduleLetter(v, card.id, {
          routeId: selfPost.id,
          warningsAcknowledged: true,
          sendAt: new Date(now().getTime() + HOUR),
        }),
      ),
    ).toBe("postcard-too-long");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({
      state: "draft",
      scheduledFor: null,
    });
    await saveDraft(v.id, card.id, { body: RUSSIAN_TEXT, kind: "postcard", returnAddress: null });
    expect(await sendLetter(v, card.id, { routeId: selfPost.id, warningsAcknowledged: true })).toMatchObject({
      status: "queued",
    });

    const banked = await createDraft(v, p.id, "postcard");
    await saveDraft(v.id, banked.id, { body: long, kind: "postcard", returnAddress: null });
    await sendLetter(v, banked.id, { routeId: bank.id, warningsAcknowledged: true });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: banked.id } })).toMatchObject({
      state: "sent",
      routeId: bank.id,
    });
  });

  test("changing a scheduled letter's text takes back the confirmation of its warnings", async () => {
    const v = await volunteer("planner@example.org");
    const p = await createPrisoner();
    const { selfPost } = await routes();
    const draft = await readyDraft(v, p.id);
    await scheduleLetter(v, draft.id, {
      routeId: selfPost.id,
      warningsAcknowledged: true,
      sendAt: new Date(now().getTime() + HOUR),
    });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).warningsAcknowledgedAt).toBeInstanceOf(
      Date,
    );
    // The same text saved again (autosave, a return address) keeps it…
    const own = await getOwnLetter(v.id, draft.id);
    await saveDraft(v.id, draft.id, { body: own!.body!, kind: "letter", returnAddress: "PO Box 1" });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).warningsAcknowledgedAt).toBeInstanceOf(
      Date,
    );
    // …a risky word added afterwards does not go out unconfirmed.
    await saveDraft(v.id, draft.id, { body: `${own!.body} Свободу!`, kind: "letter", returnAddress: "PO Box 1" });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).warningsAcknowledgedAt).toBeNull();
    advanceClock(2 * HOUR);
    expect(await sendDueScheduledLetters()).toEqual({ sent: 0, problems: 1 });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "draft",
      scheduledFor: null,
      scheduleProblem: "acknowledge",
    });
  });

  test("'did you post it?' is only for letters the writer posts themselves", async () => {
    const v = await volunteer("poster@example.org");
    const p = await createPrisoner();
    const { atelier } = await trackedRoutes();
    const viaService = await readyDraft(v, p.id);
    await sendLetter(v, viaService.id, { routeId: atelier.id, warningsAcknowledged: false });
    const draft = await readyDraft(v, p.id);

    expect(await stateError(answerPosted(v, viaService.id, "posted"))).toBe("not-self-post");
    expect(await stateError(answerPosted(v, draft.id, "posted"))).toBe("not-self-post");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: viaService.id } })).toMatchObject({
      status: "queued",
      postedAnswer: null,
      postedAnsweredAt: null,
    });
    expect(await prisma.statusEvent.count({ where: { letterId: viaService.id } })).toBe(1);
  });

  test("'they wrote back' is recorded and moves the letter to 'reply received' when its route has that status", async () => {
    const v = await volunteer("reporter@example.org");
    const p = await createPrisoner();
    const { atelier } = await trackedRoutes();
    const { bank } = await routes();
    const tracked = await readyDraft(v, p.id);
    const untracked = await readyDraft(v, p.id);
    const silent = await readyDraft(v, p.id);
    await sendLetter(v, tracked.id, { routeId: atelier.id, warningsAcknowledged: false });
    await sendLetter(v, untracked.id, { routeId: bank.id, warningsAcknowledged: false });
    await sendLetter(v, silent.id, { routeId: atelier.id, warningsAcknowledged: false });

    await reportOutcome(v, tracked.id, "wrote_back");
    const replied = await prisma.letter.findUniqueOrThrow({ where: { id: tracked.id } });
    expect(replied).toMatchObject({ writerReport: "wrote_back", status: "reply_received", state: "closed" });
    expect(replied.writerReportedAt).toBeInstanceOf(Date);
    expect(await prisma.statusEvent.findMany({ where: { letterId: tracked.id, toStatus: "reply_received" } })).toEqual([
      expect.objectContaining({ fromStatus: "queued", actorId: v.id, note: "reported by the writer" }),
    ]);

    // The bank's route has no "reply received": the report is kept, the status stays.
    await reportOutcome(v, untracked.id, "wrote_back");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: untracked.id } })).toMatchObject({
      writerReport: "wrote_back",
      status: "queued",
      state: "sent",
    });
    expect(await prisma.statusEvent.count({ where: { letterId: untracked.id } })).toBe(1);

    await reportOutcome(v, silent.id, "never_heard");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: silent.id } })).toMatchObject({
      writerReport: "never_heard",
      status: "queued",
      state: "sent",
    });
    expect(await prisma.statusEvent.count({ where: { letterId: silent.id } })).toBe(1);

    const draft = await readyDraft(v, p.id);
    expect(await stateError(reportOutcome(v, draft.id, "wrote_back"))).toBe("not-sent");
  });

  test("nobody answers for another volunteer's letter", async () => {
    const author = await volunteer("author@example.org");
    const other = await volunteer("other@example.org");
    const p = await createPrisoner();
    const { selfPost } = await trackedRoutes();
    const draft = await readyDraft(author, p.id);
    await sendLetter(author, draft.id, { routeId: selfPost.id, warningsAcknowledged: false });
    const before = await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } });

    expect(await stateError(answerPosted(other, draft.id, "posted"))).toBe("not-self-post");
    expect(await stateError(answerPosted(other, draft.id, "will_not"))).toBe("not-self-post");
    expect(await stateError(reportOutcome(other, draft.id, "wrote_back"))).toBe("not-sent");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(before);
    expect(before).toMatchObject({ status: "queued", postedAnswer: null, writerReport: null });
    expect(await prisma.statusEvent.count({ where: { letterId: draft.id } })).toBe(1);
  });

  test("a Latin signature under a Cyrillic letter is a warning the writer must acknowledge", async () => {
    const p = await createPrisoner();
    const v = await prisma.user.create({
      data: { email: "latin@example.org", pseudonym: "Anna", vettingState: "approved", writesIn: ["ru"] },
    });
    const { selfPost } = await routes();
    const draft = await createDraft(v, p.id, "letter");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: null });
    await expect(sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: false })).rejects.toThrow(
      "acknowledge",
    );
    await sendLetter(v, draft.id, { routeId: selfPost.id, warningsAcknowledged: true });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "sent",
      senderName: "Anna",
    });
  });
});
