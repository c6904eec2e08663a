import { afterAll, beforeAll, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import type { Country, ItemKind, Letter, User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { processOutbox, queueEmail, openMail } from "#app/utils/email.server.ts";
import {
  changeStatus,
  countStuck,
  listItems,
  TransitionError,
  type ItemFilters,
  type ItemRef,
} from "#app/models/tracking.server.ts";
import { assignRoute } from "#app/models/dispatch/route-assignment.server.ts";
import { BulkError, bulkChangeStatus } from "#app/models/dispatch/bulk.server.ts";
import { exportCsv, exportLetters, exportPdfInputs } from "#app/models/dispatch/export.server.ts";
import { outboxOverview, retryOutbox } from "#app/models/dispatch/outbox.server.ts";
import { recordReply, repliesFor, ReplyError } from "#app/models/dispatch/replies.server.ts";
import { replyAttachment } from "#app/models/dispatch/attachments.server.ts";
import { createDraft, letterReference, saveDraft, sendLetter } from "#app/models/letters.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { MAX_ATTACHMENT_BYTES } from "#app/schemas/tracking.ts";
import { renderLettersPdf } from "#app/letters/pdf.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { startMailServer, toAddress, type TestMailServer } from "#tests/support/smtp.ts";

// The SMTP transporter is created on the first send and cached for the process
// (module): SMTP_URL points at this file's own mail server before anything is sent.
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

const DAY = 86_400_000;
const FINALS = ["delivered", "reply_received", "returned", "censored", "refused", "unknown"];
const RUSSIAN_TEXT =
  "Здравствуйте! Пишу вам из далёкого города. У нас сегодня идёт снег, и я думаю о вас. Желаю вам здоровья и терпения.";
const BY_ADDRESS = ["Кастусёў Рыгор", "ИК №4", "ул. Антошкина, 3", "246035 Гомель", "REPUBLIC OF BELARUS"];
const PAGE = { offset: 0, limit: 100 };

async function coordinator(email = "coordinator@example.org") {
  return prisma.user.create({
    data: { email, pseudonym: email.split("@")[0], role: "coordinator", vettingState: "approved" },
  });
}

async function volunteer(email: string, data: Partial<Pick<User, "locale" | "vettingState">> = {}) {
  return prisma.user.create({
    data: { email, pseudonym: email.split("@")[0], vettingState: "approved", writesIn: ["ru"], locale: "en", ...data },
  });
}

async function prisoner(
  country: Country = "BY",
  facility: { name: string; city: string } = { name: "ИК №4", city: "Гомель" },
) {
  const created = await prisma.facility.create({
    data: {
      country,
      type: "colony",
      name: facility.name,
      street: "ул. Антошкина, 3",
      postcode: "246035",
      city: facility.city,
      languages: ["ru", "be"],
    },
  });
  const name =
    country === "BY"
      ? { script: "cyrillic_be" as const, surname: "Кастусёў", givenName: "Рыгор" }
      : { script: "cyrillic_ru" as const, surname: "Иванов", givenName: "Пётр", patronymic: "Сергеевич" };
  return prisma.prisoner.create({
    data: { country, currentFacilityId: created.id, names: { create: { ...name, isPrimary: true } } },
  });
}
type TestPrisoner = Awaited<ReturnType<typeof prisoner>>;

async function route(
  slug: string,
  opts: {
    countries?: Country[];
    itemKinds?: ItemKind[];
    steps?: [string, number | null][];
    finals?: string[];
    handoverEmail?: string;
    active?: boolean;
  } = {},
) {
  const steps = opts.steps ?? [
    ["queued", 2],
    ["posted", 14],
  ];
  const finals = opts.finals ?? FINALS;
  return prisma.route.create({
    data: {
      slug,
      name: `Route ${slug}`,
      description: slug,
      countries: opts.countries ?? ["BY"],
      itemKinds: opts.itemKinds ?? ["letter", "postcard", "parcel"],
      languages: ["ru", "be"],
      handover: "email",
      handoverEmail: opts.handoverEmail ?? null,
      active: opts.active ?? true,
      statuses: {
        create: [
          ...steps.map(([key, usualDays], position) => ({ key, position, usualDays })),
          ...finals.map((key, i) => ({ key, position: steps.length + i, isFinal: true })),
        ],
      },
    },
  });
}

async function sentLetter(
  author: User,
  p: TestPrisoner,
  routeId: string | null,
  opts: {
    status?: string;
    kind?: "letter" | "postcard";
    text?: string;
    at?: Date;
    returnAddress?: string;
    facility?: boolean;
  } = {},
) {
  const status = opts.status ?? "queued";
  const at = opts.at ?? now();
  return prisma.letter.create({
    data: {
      authorId: author.id,
      prisonerId: p.id,
      facilityId: opts.facility === false ? null : p.currentFacilityId,
      routeId,
      kind: opts.kind ?? "letter",
      state: FINALS.includes(status) ? "closed" : "sent",
      status,
      language: "ru",
      bodyEncrypted: encrypt(opts.text ?? RUSSIAN_TEXT),
      returnAddressEncrypted: opts.returnAddress ? encrypt(opts.returnAddress) : null,
      senderName: author.pseudonym,
      sentAt: at,
      statusChangedAt: at,
    },
  });
}

async function sentParcel(sender: User, p: TestPrisoner, routeId: string, opts: { status?: string; at?: Date } = {}) {
  const at = opts.at ?? now();
  return prisma.parcel.create({
    data: {
      senderId: sender.id,
      prisonerId: p.id,
      facilityId: p.currentFacilityId,
      routeId,
      state: "sent",
      status: opts.status ?? "queued",
      sentAt: at,
      statusChangedAt: at,
    },
  });
}

const letterRef = (letter: { id: string }): ItemRef => ({ type: "letter", id: letter.id });
const parcelRef = (parcel: { id: string }): ItemRef => ({ type: "parcel", id: parcel.id });

/** The error a promise was rejected with (fails the test if it was not rejected). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

async function transitionReason(promise: Promise<unknown>) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(TransitionError);
  return (error as TransitionError).code;
}

async function bulkFailures(promise: Promise<unknown>) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(BulkError);
  return (error as BulkError).failures;
}

const letterRow = (id: string) => prisma.letter.findUniqueOrThrow({ where: { id } });
const eventsOf = (letter: Letter) =>
  prisma.statusEvent.findMany({ where: { letterId: letter.id }, orderBy: { occurredAt: "asc" } });
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

async function listed(filters: ItemFilters) {
  const { items, total } = await listItems(filters, PAGE);
  expect(total).toBe(items.length);
  return ids(items);
}

/** Runs fn while inserts into table that match condition fail, as a crash or a full disk would. */
async function failingInsert(table: string, condition: string, fn: () => Promise<void>) {
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION sm_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test trigger'; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER sm_test_refuse BEFORE INSERT ON ${table} FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION sm_test_refuse()`,
  );
  try {
    await fn();
  } finally {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS sm_test_refuse ON ${table}`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS sm_test_refuse()`);
  }
}

describeEachDatabase("status tracking", (db) => {
  // ───────────────────────────── changeStatus ─────────────────────────────

  test("a status change is recorded as an event and applied; a final status closes the item", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const sentAt = new Date(now().getTime() - 3 * DAY);
    const letter = await sentLetter(v, p, r.id, { at: sentAt });

    const result = await changeStatus(letterRef(letter), {
      to: "posted",
      actorId: coord.id,
      note: "  handed to the post office  ",
      reference: " RR123456789BY ",
    });
    expect(result).toEqual({ from: "queued", to: "posted", late: false, final: false });
    const posted = await letterRow(letter.id);
    expect(posted).toMatchObject({ status: "posted", state: "sent", closedAt: null });
    expect(posted.statusChangedAt!.getTime()).toBeGreaterThan(sentAt.getTime() + 3 * DAY - 60_000);
    const [event] = await eventsOf(letter);
    expect(event).toMatchObject({
      letterId: letter.id,
      parcelId: null,
      fromStatus: "queued",
      toStatus: "posted",
      actorId: coord.id,
      note: "handed to the post office",
      reference: "RR123456789BY",
    });
    expect(event.occurredAt).toEqual(posted.statusChangedAt);

    advanceClock(5 * DAY);
    expect(await changeStatus(letterRef(letter), { to: "delivered", actorId: coord.id })).toEqual({
      from: "posted",
      to: "delivered",
      late: false,
      final: true,
    });
    const delivered = await letterRow(letter.id);
    expect(delivered).toMatchObject({ status: "delivered", state: "closed" });
    expect(delivered.closedAt).toEqual(delivered.statusChangedAt);
    expect(delivered.closedAt!.getTime() - posted.statusChangedAt!.getTime()).toBeGreaterThanOrEqual(5 * DAY);
    const events = await eventsOf(letter);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.note, e.reference])).toEqual([
      ["queued", "posted", "handed to the post office", "RR123456789BY"],
      ["posted", "delivered", null, null],
    ]);
  });

  test("parcels are tracked the same way", async () => {
    const coord = await coordinator();
    const v = await volunteer("sender@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const parcel = await sentParcel(v, p, r.id);
    await changeStatus(parcelRef(parcel), { to: "returned", actorId: coord.id, note: "refused at the gate" });
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } })).toMatchObject({
      status: "returned",
      state: "closed",
    });
    expect(await prisma.statusEvent.findMany({ where: { parcelId: parcel.id } })).toEqual([
      expect.objectContaining({
        letterId: null,
        fromStatus: "queued",
        toStatus: "returned",
        note: "refused at the gate",
      }),
    ]);
  });

  test("a refused change changes nothing and says why", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const posted = await sentLetter(v, p, r.id, { status: "posted" });
    const delivered = await sentLetter(v, p, r.id, { status: "delivered" });
    const before = await prisma.letter.findMany({ orderBy: { id: "asc" } });

    expect(await transitionReason(changeStatus(letterRef(posted), { to: "queued", actorId: coord.id }))).toBe(
      "backwards",
    );
    expect(await transitionReason(changeStatus(letterRef(posted), { to: "posted", actorId: coord.id }))).toBe(
      "same-status",
    );
    expect(await transitionReason(changeStatus(letterRef(posted), { to: "lost", actorId: coord.id }))).toBe(
      "unknown-status",
    );
    expect(await transitionReason(changeStatus(letterRef(delivered), { to: "posted", actorId: coord.id }))).toBe(
      "after-final",
    );
    expect(
      await transitionReason(
        changeStatus({ type: "letter", id: "no-such-letter" }, { to: "posted", actorId: coord.id }),
      ),
    ).toBe("not-found");
    const error = await rejection(changeStatus(letterRef(posted), { to: "queued", actorId: coord.id }));
    expect(error).toMatchObject({ code: "backwards", item: letterRef(posted), message: "backwards" });

    expect(await prisma.letter.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await prisma.statusEvent.count()).toBe(0);
  });

  test("a draft has no status to change; a sent item without a route cannot be moved either", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const draft = await createDraft(v, p.id, "letter");
    await prisma.letter.update({ where: { id: draft.id }, data: { routeId: r.id } });
    expect(await transitionReason(changeStatus(letterRef(draft), { to: "posted", actorId: coord.id }))).toBe(
      "not-sent",
    );
    expect(await letterRow(draft.id)).toMatchObject({ state: "draft", status: null });

    const routeless = await sentLetter(v, p, null, { status: "queued" });
    expect(await transitionReason(changeStatus(letterRef(routeless), { to: "posted", actorId: coord.id }))).toBe(
      "no-route",
    );
    expect(await prisma.statusEvent.count()).toBe(0);
  });

  test("a reply after 'unknown' is a late event: accepted and recorded as late", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letter = await sentLetter(v, p, r.id, { status: "unknown" });
    expect(await changeStatus(letterRef(letter), { to: "reply_received", actorId: coord.id })).toEqual({
      from: "unknown",
      to: "reply_received",
      late: true,
      final: true,
    });
    expect(await letterRow(letter.id)).toMatchObject({ status: "reply_received", state: "closed" });
    expect(await eventsOf(letter)).toEqual([
      expect.objectContaining({
        fromStatus: "unknown",
        toStatus: "reply_received",
        note: "late event",
        actorId: coord.id,
      }),
    ]);
  });

  test.runIf(db.kind === "postgres")(
    "two coordinators moving the same items at once: one wins each, the other is told it is already there",
    async () => {
      const coords = [await coordinator("a@example.org"), await coordinator("b@example.org")];
      const v = await volunteer("writer@example.org");
      const p = await prisoner();
      const r = await route("atelier");
      // Several items at once, so that the two changes really overlap.
      const letters = [];
      for (let i = 0; i < 6; i++) letters.push(await sentLetter(v, p, r.id));
      const outcomes = await Promise.allSettled(
        letters.flatMap((letter) =>
          coords.map((c) => changeStatus(letterRef(letter), { to: "posted", actorId: c.id })),
        ),
      );
      for (let i = 0; i < letters.length; i++) {
        const pair = outcomes.slice(2 * i, 2 * i + 2);
        expect(pair.filter((o) => o.status === "fulfilled")).toHaveLength(1);
        const [refused] = pair.filter((o) => o.status === "rejected");
        expect(refused.reason).toBeInstanceOf(TransitionError);
        expect((refused.reason as TransitionError).code).toBe("same-status");
        expect(await eventsOf(letters[i])).toEqual([
          expect.objectContaining({ fromStatus: "queued", toStatus: "posted" }),
        ]);
        expect(await letterRow(letters[i].id)).toMatchObject({ status: "posted" });
      }
    },
  );

  // ───────────────────────────── The coordinators' list ─────────────────────────────

  test("items are stuck only once their status's usual days have passed; the list filters by route, status, facility, country and type", async () => {
    const v = await volunteer("writer@example.org");
    const byHomel = await prisoner("BY", { name: "ИК №4", city: "Гомель" });
    const byMinsk = await prisoner("BY", { name: "СИЗО №1", city: "Минск" });
    const ru = await prisoner("RU", { name: "ИК №2", city: "Москва" });
    const atelier = await route("atelier");
    const ovd = await route("ovd", { countries: ["RU"], itemKinds: ["letter", "postcard"] });
    const t0 = now();
    const l1 = await sentLetter(v, byHomel, atelier.id, { at: t0 });
    const l2 = await sentLetter(v, byMinsk, atelier.id, { at: t0, status: "posted", kind: "postcard" });
    const p1 = await sentParcel(v, byHomel, atelier.id, { at: t0 });
    const l3 = await sentLetter(v, ru, ovd.id, { at: t0 });
    const l4 = await sentLetter(v, byHomel, atelier.id, { at: t0, status: "delivered" });
    // A status a coordinator has since removed from the route: listed, never stuck.
    const l5 = await sentLetter(v, byHomel, atelier.id, { at: t0, status: "in_transit" });
    await createDraft(v, byHomel.id, "letter");

    expect(await listed({})).toEqual(ids([l1, l2, p1, l3, l4, l5]));
    expect(await countStuck()).toBe(0);

    advanceClock(2 * DAY - 60_000);
    expect(await countStuck()).toBe(0);
    expect(await listed({ stuckOnly: true })).toEqual([]);

    advanceClock(2 * 60_000);
    expect(await countStuck()).toBe(3);
    expect(await listed({ stuckOnly: true })).toEqual(ids([l1, p1, l3]));
    expect(await listed({ stuckOnly: true, routeId: atelier.id })).toEqual(ids([l1, p1]));
    expect(await listed({ stuckOnly: true, type: "parcel" })).toEqual(ids([p1]));
    expect(await listed({ stuckOnly: true, country: "RU" })).toEqual(ids([l3]));
    expect(await listed({ type: "letter", country: "BY" })).toEqual(ids([l1, l2, l4, l5]));
    expect(await listed({ status: "posted" })).toEqual(ids([l2]));
    expect(await listed({ facilityId: byMinsk.currentFacilityId })).toEqual(ids([l2]));
    expect(await listed({ facilityId: byHomel.currentFacilityId, stuckOnly: true })).toEqual(ids([l1, p1]));
    expect(await listed({ routeId: ovd.id })).toEqual(ids([l3]));
    expect(await listed({ openOnly: true })).toEqual(ids([l1, l2, p1, l3, l5]));
    expect(await countStuck({ country: "BY" })).toBe(2);
    expect(await countStuck({ type: "letter" })).toBe(2);

    const { items } = await listItems({ type: "parcel" }, PAGE);
    expect(items).toEqual([
      expect.objectContaining({
        type: "parcel",
        id: p1.id,
        itemKind: "parcel",
        status: "queued",
        routeId: atelier.id,
        routeName: "Route atelier",
        facilityId: byHomel.currentFacilityId,
        facilityName: "ИК №4",
        prisonerId: byHomel.id,
        prisonerName: "Кастусёў Рыгор",
        country: "BY",
        usualDays: 2,
        isFinal: false,
        stuck: true,
        daysInStatus: 2,
      }),
    ]);
    const postcard = (await listItems({ status: "posted" }, PAGE)).items[0];
    expect(postcard).toMatchObject({ itemKind: "postcard", usualDays: 14, stuck: false, facilityName: "СИЗО №1" });

    // The postcard has been "posted" for 14 days and a bit: stuck too.
    advanceClock(12 * DAY);
    expect(await countStuck()).toBe(4);
    expect(await listed({ stuckOnly: true })).toEqual(ids([l1, l2, p1, l3]));

    // A year later: the delivered letter and the one in a removed status are still not stuck.
    advanceClock(365 * DAY);
    const all = (await listItems({}, PAGE)).items;
    expect(all.find((i) => i.id === l4.id)).toMatchObject({
      status: "delivered",
      isFinal: true,
      stuck: false,
      usualDays: null,
    });
    expect(all.find((i) => i.id === l5.id)).toMatchObject({
      status: "in_transit",
      isFinal: false,
      stuck: false,
      usualDays: null,
    });
    expect(await countStuck()).toBe(4);

    const firstPage = await listItems({}, { offset: 0, limit: 4 });
    const secondPage = await listItems({}, { offset: 4, limit: 4 });
    expect([firstPage.total, firstPage.items.length, secondPage.items.length]).toEqual([6, 4, 2]);
    expect(ids([...firstPage.items, ...secondPage.items])).toEqual(ids([l1, l2, p1, l3, l4, l5]));
  });

  // ───────────────────────────── Bulk changes ─────────────────────────────

  test("a bulk change moves every item as one batch, with one event each", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letters = [
      await sentLetter(v, p, r.id),
      await sentLetter(v, p, r.id),
      await sentLetter(v, p, r.id, { kind: "postcard" }),
    ];
    const parcel = await sentParcel(v, p, r.id);
    const refs = [...letters.map(letterRef), parcelRef(parcel), letterRef(letters[0])];

    const result = await bulkChangeStatus(coord, refs, {
      to: "posted",
      note: "Post office, 12 June",
      reference: "list 7",
    });
    expect(result.count).toBe(4);
    const batch = await prisma.batch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({
      action: "posted",
      itemCount: 4,
      createdById: coord.id,
      note: "Post office, 12 June",
    });
    for (const letter of letters) {
      expect(await letterRow(letter.id)).toMatchObject({ status: "posted", batchId: batch.id });
      expect(await eventsOf(letter)).toEqual([
        expect.objectContaining({
          fromStatus: "queued",
          toStatus: "posted",
          actorId: coord.id,
          note: "Post office, 12 June",
          reference: "list 7",
        }),
      ]);
    }
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } })).toMatchObject({
      status: "posted",
      batchId: batch.id,
    });
    expect(await prisma.statusEvent.count()).toBe(4);
    expect(await listed({ batchId: batch.id })).toEqual(ids([...letters, parcel]));
  });

  test("a bulk change is all or nothing: one item that cannot move stops the whole batch, and is named", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const queued = await sentLetter(v, p, r.id);
    const parcel = await sentParcel(v, p, r.id);
    const delivered = await sentLetter(v, p, r.id, { status: "delivered" });
    const before = await prisma.letter.findMany({ orderBy: { id: "asc" } });

    const failures = await bulkFailures(
      bulkChangeStatus(coord, [letterRef(queued), parcelRef(parcel), letterRef(delivered)], { to: "posted" }),
    );
    expect(failures).toEqual([{ item: letterRef(delivered), reason: "after-final" }]);
    expect(await prisma.letter.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } })).toMatchObject({
      status: "queued",
      batchId: null,
    });
    expect(await prisma.statusEvent.count()).toBe(0);
    expect(await prisma.batch.count()).toBe(0);

    const missing = await bulkFailures(
      bulkChangeStatus(coord, [letterRef(queued), { type: "parcel", id: "gone" }], { to: "posted" }),
    );
    expect(missing).toEqual([{ item: { type: "parcel", id: "gone" }, reason: "not-found" }]);
    expect(await bulkFailures(bulkChangeStatus(coord, [], { to: "posted" }))).toEqual([]);
    expect(await letterRow(queued.id)).toMatchObject({ status: "queued", batchId: null });
  });

  test("volunteers cannot change statuses in bulk", async () => {
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letter = await sentLetter(v, p, r.id);
    await expect(bulkChangeStatus(v, [letterRef(letter)], { to: "posted" })).rejects.toBeInstanceOf(PermissionError);
    // A coordinator who is not (or no longer) approved cannot either.
    const suspended = await prisma.user.create({
      data: { email: "s@example.org", pseudonym: "s", role: "coordinator", vettingState: "suspended" },
    });
    await expect(bulkChangeStatus(suspended, [letterRef(letter)], { to: "posted" })).rejects.toBeInstanceOf(
      PermissionError,
    );
    expect(await letterRow(letter.id)).toMatchObject({ status: "queued", batchId: null });
    expect(await prisma.batch.count()).toBe(0);
    expect(await prisma.statusEvent.count()).toBe(0);
  });

  // ───────────────────────────── Reassigning routes ─────────────────────────────

  test("items not handed over yet move to another route's first status; handed-over items and routes that do not fit are refused", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const atelier = await route("atelier");
    const viasna = await route("viasna", {
      itemKinds: ["letter", "postcard"],
      steps: [
        ["received", 3],
        ["posted", 14],
      ],
    });
    const russia = await route("ovd", { countries: ["RU"] });
    const parcelsOnly = await route("parcels", { itemKinds: ["parcel"] });
    const closed = await route("closed", { active: false });
    const fresh = await sentLetter(v, p, atelier.id);
    const handedOver = await sentLetter(v, p, atelier.id, { status: "posted" });
    const parcel = await sentParcel(v, p, atelier.id);

    const result = await assignRoute(coord, [letterRef(fresh)], viasna.id);
    expect(result.count).toBe(1);
    expect(await letterRow(fresh.id)).toMatchObject({
      routeId: viasna.id,
      status: "received",
      batchId: result.batchId,
      state: "sent",
    });
    expect(await eventsOf(fresh)).toEqual([
      expect.objectContaining({
        fromStatus: "queued",
        toStatus: "received",
        actorId: coord.id,
        note: "assigned to Route viasna",
      }),
    ]);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: result.batchId } })).toMatchObject({
      action: "assign",
      routeId: viasna.id,
      itemCount: 1,
    });

    const another = await sentLetter(v, p, atelier.id);
    const before = await prisma.letter.findMany({ orderBy: { id: "asc" } });
    expect(await bulkFailures(assignRoute(coord, [letterRef(another), letterRef(handedOver)], viasna.id))).toEqual([
      { item: letterRef(handedOver), reason: "already-handed-over" },
    ]);
    expect(await bulkFailures(assignRoute(coord, [letterRef(another)], russia.id))).toEqual([
      { item: letterRef(another), reason: "route-does-not-fit" },
    ]);
    expect(await bulkFailures(assignRoute(coord, [letterRef(another)], parcelsOnly.id))).toEqual([
      { item: letterRef(another), reason: "route-does-not-fit" },
    ]);
    expect(await bulkFailures(assignRoute(coord, [parcelRef(parcel)], viasna.id))).toEqual([
      { item: parcelRef(parcel), reason: "route-does-not-fit" },
    ]);
    expect(await bulkFailures(assignRoute(coord, [letterRef(another)], closed.id))).toEqual([
      { item: letterRef(another), reason: "route" },
    ]);
    // Nothing moved, and no batch was left behind by the refusals.
    expect(await prisma.letter.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } })).toMatchObject({
      routeId: atelier.id,
      status: "queued",
    });
    expect(await prisma.batch.count()).toBe(1);
    expect(await prisma.statusEvent.count()).toBe(1);

    // The parcel may go to a route that takes parcels.
    await assignRoute(coord, [parcelRef(parcel)], parcelsOnly.id);
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } })).toMatchObject({
      routeId: parcelsOnly.id,
      status: "queued",
    });
    await expect(assignRoute(v, [letterRef(another)], viasna.id)).rejects.toBeInstanceOf(PermissionError);
  });

  test("a letter assigned to a service that takes e-mail is handed over at once; language and 'do not write' are respected", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const bank = await route("bank");
    const atelier = await route("atelier", {
      handoverEmail: "atelier@example.org",
      steps: [
        ["queued", 2],
        ["handed_over", 3],
        ["posted", 2],
      ],
    });
    const letter = await sentLetter(v, p, bank.id);

    await assignRoute(coord, [letterRef(letter)], atelier.id);
    expect(await letterRow(letter.id)).toMatchObject({ routeId: atelier.id, status: "handed_over" });
    expect((await eventsOf(letter)).map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ["queued", "queued"],
      ["queued", "handed_over"],
    ]);
    const [mail] = (await prisma.emailOutbox.findMany()).map(openMail);
    expect(mail).toMatchObject({ toAddress: "atelier@example.org", purpose: "handover", state: "queued" });
    expect(mail.textBody).toContain(RUSSIAN_TEXT);
    expect(mail.textBody).toContain(`Signed: ${v.pseudonym}`);

    const english = await prisma.letter.update({
      where: { id: (await sentLetter(v, p, bank.id)).id },
      data: { language: "en" },
    });
    expect(await bulkFailures(assignRoute(coord, [letterRef(english)], atelier.id))).toEqual([
      { item: letterRef(english), reason: "route-does-not-fit" },
    ]);
    const quiet = await sentLetter(v, p, bank.id);
    await prisma.prisoner.update({ where: { id: p.id }, data: { doNotWrite: true } });
    expect(await bulkFailures(assignRoute(coord, [letterRef(quiet)], atelier.id))).toEqual([
      { item: letterRef(quiet), reason: "route-does-not-fit" },
    ]);
    expect(await prisma.emailOutbox.count()).toBe(1);
  });

  // ───────────────────────────── Export for a service ─────────────────────────────

  test("an export gives the service the address, text, pseudonym and reference, never the volunteer, as a safe CSV and a PDF", async () => {
    const coord = await coordinator();
    const v = await volunteer("secret.writer@example.org");
    await prisma.user.update({ where: { id: v.id }, data: { pseudonym: "Kind Owl" } });
    const writer = await prisma.user.findUniqueOrThrow({ where: { id: v.id } });
    const p = await prisoner();
    const r = await route("fsin-pismo");
    const t0 = now();
    const plain = await sentLetter(writer, p, r.id, {
      at: new Date(t0.getTime() - 3000),
      returnAddress: "Relay, PO Box 12, Vilnius",
    });
    const formula = await sentLetter(writer, p, r.id, {
      at: new Date(t0.getTime() - 2000),
      text: "=cmd|' /C calc'!A0",
    });
    const sum = await sentLetter(writer, p, r.id, {
      at: new Date(t0.getTime() - 1000),
      text: "+SUM(A1:A9), then -1",
      kind: "postcard",
    });
    const noAddress = await sentLetter(writer, p, r.id, { at: t0, facility: false, text: "Без адреса" });
    const letterIds = [plain.id, formula.id, sum.id, noAddress.id];

    const { batchId, letters } = await exportLetters(coord, [...letterIds, plain.id]);
    expect(letters.map((l) => l.reference)).toEqual(letterIds.map((id) => letterReference(id)));
    for (const l of letters) expect(l.reference).toMatch(/^SM-[A-Z0-9]{8}$/);
    expect(letters[0]).toEqual({
      reference: letterReference(plain.id),
      kind: "letter",
      route: "Route fsin-pismo",
      surname: "Кастусёў",
      givenName: "Рыгор",
      patronymic: "",
      birthYear: "",
      address: BY_ADDRESS,
      language: "ru",
      text: RUSSIAN_TEXT,
      signed: "Kind Owl",
      returnAddress: "Relay, PO Box 12, Vilnius",
      sentAt: plain.sentAt,
    });
    expect(letters[3].address).toEqual([]);

    const csv = exportCsv(letters);
    expect(csv.startsWith("\uFEFFreference,kind,route,")).toBe(true);
    expect(csv).not.toContain("secret.writer");
    expect(csv).not.toContain("@example.org");
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      reference: letterReference(plain.id),
      surname: "Кастусёў",
      address: BY_ADDRESS.join("\n"),
      text: RUSSIAN_TEXT,
      signed: "Kind Owl",
      return_address: "Relay, PO Box 12, Vilnius",
      sent_at: plain.sentAt!.toISOString(),
    });
    // Formula-looking texts are neutralised with a leading apostrophe (csvCell), so a
    // spreadsheet shows them as text instead of running them.
    expect(rows[1].text).toBe("'=cmd|' /C calc'!A0");
    expect(rows[2]).toMatchObject({ kind: "postcard", text: "'+SUM(A1:A9), then -1" });
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv).toContain(`"'+SUM(A1:A9), then -1"`);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // The export is a batch, and audited: it shows letter texts to a coordinator.
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      action: "export",
      itemCount: 4,
      createdById: coord.id,
    });
    expect((await prisma.letter.findMany({ where: { batchId } })).map((l) => l.id).sort()).toEqual(
      [...letterIds].sort(),
    );
    expect(await prisma.auditLog.findMany({ where: { action: "batch.exported" } })).toEqual([
      // Which letters' texts the coordinator read stays on record, whatever later batches do.
      expect.objectContaining({
        actorId: coord.id,
        targetType: "batch",
        targetId: batchId,
        details: { letters: 4, letterIds: expect.arrayContaining([...letterIds, plain.id]) },
      }),
    ]);

    // The PDF has every letter that has an address (and only those).
    const inputs = exportPdfInputs(letters, "ru");
    expect(inputs).toHaveLength(3);
    expect(inputs[0]).toEqual({
      kind: "letter",
      body: RUSSIAN_TEXT,
      senderName: "Kind Owl",
      returnAddress: "Relay, PO Box 12, Vilnius",
      recipient: { lines: BY_ADDRESS },
      envelope: "C5",
      locale: "ru",
    });
    expect(inputs.map((i) => [i.kind, i.body])).toEqual([
      ["letter", RUSSIAN_TEXT],
      ["letter", "=cmd|' /C calc'!A0"],
      ["postcard", "+SUM(A1:A9), then -1"],
    ]);
    const pdf = await renderLettersPdf(inputs);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { text } = await extractText(doc, { mergePages: true });
    await doc.destroy();
    const squashed = text.replace(/\s+/g, " ");
    expect(squashed).toContain("Здравствуйте!");
    expect(squashed).toContain("Кастусёў Рыгор");
    expect(squashed).not.toContain("Без адреса");
    expect(squashed).not.toContain("secret.writer");
  });

  test("only coordinators export, and only sent letters", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letter = await sentLetter(v, p, r.id);
    const draft = await createDraft(v, p.id, "letter");
    await expect(exportLetters(v, [letter.id])).rejects.toBeInstanceOf(PermissionError);
    expect(await bulkFailures(exportLetters(coord, [letter.id, draft.id]))).toEqual([
      { item: letterRef(draft), reason: "not-found" },
    ]);
    expect(await prisma.batch.count()).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "batch.exported" } })).toBe(0);
    expect(await letterRow(letter.id)).toMatchObject({ batchId: null });
  });

  // ───────────────────────────── Replies ─────────────────────────────

  const PNG = new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...Array.from({ length: 64 }, (_, i) => (i * 37) % 256),
  ]);

  test("a reply is stored encrypted, moves the letter to 'reply received' and tells its writer without naming anyone", async () => {
    const coord = await coordinator();
    const writer = await volunteer("quiet.heron@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letter = await sentLetter(writer, p, r.id, { status: "posted" });

    const reply = await recordReply(coord, letterRef(letter), {
      receivedOn: new Date("2025-06-01T00:00:00Z"),
      routeId: null,
      text: "  Спасибо за письмо! Рыгор  ",
      attachment: { name: "scan from the colony.png", bytes: PNG },
    });
    expect(reply).toMatchObject({
      letterId: letter.id,
      prisonerId: p.id,
      routeId: r.id,
      source: "coordinator",
      recordedById: coord.id,
      attachmentType: "image/png",
      attachmentName: "reply.png",
      attachmentSize: PNG.length,
    });

    // At rest: no plaintext, no readable scan.
    const [raw] = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Reply" WHERE "id" = ${reply.id}`;
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain("Спасибо");
    expect(dump).not.toContain(Buffer.from(PNG).toString("base64").slice(0, 16));
    expect(String(raw.textEncrypted)).toMatch(/^v2\./);
    expect(String(raw.attachmentEncrypted)).toMatch(/^v2\./);
    expect(await repliesFor(letterRef(letter))).toEqual([
      expect.objectContaining({ id: reply.id, text: "Спасибо за письмо! Рыгор", attachmentType: "image/png" }),
    ]);

    expect(await letterRow(letter.id)).toMatchObject({ status: "reply_received", state: "closed" });
    expect(await eventsOf(letter)).toEqual([
      expect.objectContaining({
        fromStatus: "posted",
        toStatus: "reply_received",
        actorId: coord.id,
        note: "reply recorded",
      }),
    ]);
    expect(await prisma.auditLog.findMany({ where: { action: "reply.recorded" } })).toEqual([
      expect.objectContaining({
        actorId: coord.id,
        targetType: "letter",
        targetId: letter.id,
        details: { replyId: reply.id, attachment: true },
      }),
    ]);

    // The writer's e-mail: a neutral subject, no names, no reply text, a link to the letter.
    const [queued] = (await prisma.emailOutbox.findMany()).map(openMail);
    expect(queued).toMatchObject({
      toAddress: "quiet.heron@example.org",
      purpose: "reply",
      state: "queued",
      subject: "You have news about something you sent",
    });
    for (const secret of ["Кастусёў", "Рыгор", "Спасибо"]) {
      expect(queued.subject).not.toContain(secret);
      expect(queued.textBody).not.toContain(secret);
      expect(queued.htmlBody).not.toContain(secret);
    }
    const link = new URL(queued.textBody.match(/https?:\/\/\S+/)![0]);
    expect(link.origin).toBe("http://localhost:3999");
    expect(link.pathname).toBe("/login");
    expect(link.searchParams.get("redirectTo")).toBe(`/letters/${letter.id}`);
    expect(queued.textBody).toContain("Hello quiet.heron,");

    // Delivered for real, over SMTP.
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    const delivered = await mail.waitForMail((m) => m.messageId === queued.messageId);
    expect(toAddress(delivered)).toBe("quiet.heron@example.org");
    expect(delivered.subject).toBe("You have news about something you sent");
    expect(delivered.text).toContain(`/login?redirectTo=${encodeURIComponent(`/letters/${letter.id}`)}`);
    expect(delivered.text).not.toContain("Кастусёў");
    expect(mail.mails.filter((m) => m.messageId === queued.messageId)).toHaveLength(1);
  });

  test("a reply after 'unknown' is still recorded, late; a second reply keeps the status", async () => {
    const coord = await coordinator();
    const writer = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letter = await sentLetter(writer, p, r.id, { status: "unknown" });
    await recordReply(coord, letterRef(letter), {
      receivedOn: new Date("2025-06-01T00:00:00Z"),
      routeId: null,
      text: "Жив, здоров.",
      attachment: null,
    });
    expect(await letterRow(letter.id)).toMatchObject({ status: "reply_received", state: "closed" });
    expect(await eventsOf(letter)).toEqual([
      expect.objectContaining({ fromStatus: "unknown", toStatus: "reply_received" }),
    ]);

    await recordReply(coord, letterRef(letter), {
      receivedOn: new Date("2025-07-01T00:00:00Z"),
      routeId: null,
      text: "Второе письмо.",
      attachment: null,
    });
    expect((await repliesFor(letterRef(letter))).map((reply) => reply.text)).toEqual([
      "Жив, здоров.",
      "Второе письмо.",
    ]);
    expect(await prisma.statusEvent.count()).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { purpose: "reply" } })).toBe(2);
  });

  test("a route without 'reply received' keeps the status; a writer who is not approved gets no e-mail", async () => {
    const coord = await coordinator();
    const writer = await volunteer("writer@example.org", { vettingState: "suspended" });
    const p = await prisoner();
    const r = await route("no-replies", { finals: ["delivered", "unknown"] });
    const letter = await sentLetter(writer, p, r.id, { status: "posted" });
    const reply = await recordReply(coord, letterRef(letter), {
      receivedOn: new Date("2025-06-01T00:00:00Z"),
      routeId: null,
      text: "Спасибо",
      attachment: null,
    });
    expect(reply.letterId).toBe(letter.id);
    expect(await letterRow(letter.id)).toMatchObject({ status: "posted", state: "sent" });
    expect(await prisma.statusEvent.count()).toBe(0);
    expect(await prisma.emailOutbox.count()).toBe(0);
  });

  test("a scan that is not PDF, JPEG or PNG, or is over 5 MB, is refused and nothing is written", async () => {
    const coord = await coordinator();
    const writer = await volunteer("writer@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letter = await sentLetter(writer, p, r.id, { status: "posted" });
    const attempt = (bytes: Uint8Array, name = "scan.png") =>
      rejection(
        recordReply(coord, letterRef(letter), {
          receivedOn: new Date("2025-06-01T00:00:00Z"),
          routeId: null,
          text: "Спасибо",
          attachment: { name, bytes },
        }),
      );

    // The name and the browser's claim do not matter: the first bytes do.
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2, 3, 4]);
    for (const bytes of [html, gif, PNG.subarray(0, 3)]) {
      const error = await attempt(bytes);
      expect(error).toBeInstanceOf(ReplyError);
      expect((error as ReplyError).message).toBe("bad-type");
    }
    expect(MAX_ATTACHMENT_BYTES).toBe(5 * 1024 * 1024);
    const tooLarge = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    tooLarge.set(PNG);
    const large = await attempt(tooLarge);
    expect(large).toBeInstanceOf(ReplyError);
    expect((large as ReplyError).message).toBe("too-large");

    expect(await prisma.reply.count()).toBe(0);
    expect(await prisma.emailOutbox.count()).toBe(0);
    expect(await prisma.statusEvent.count()).toBe(0);
    expect(await letterRow(letter.id)).toMatchObject({ status: "posted" });
    expect(await prisma.auditLog.count()).toBe(0);

    // Right at the limit, a PDF is taken.
    const atLimit = new Uint8Array(MAX_ATTACHMENT_BYTES);
    atLimit.set(new TextEncoder().encode("%PDF-1.4\n"));
    const reply = await recordReply(coord, letterRef(letter), {
      receivedOn: new Date("2025-06-01T00:00:00Z"),
      routeId: null,
      text: null,
      attachment: { name: "x.bin", bytes: atLimit },
    });
    expect(reply).toMatchObject({
      attachmentType: "application/pdf",
      attachmentName: "reply.pdf",
      attachmentSize: MAX_ATTACHMENT_BYTES,
      textEncrypted: null,
    });
  });

  test("the scan is given to the letter's writer and to coordinators, to no other volunteer", async () => {
    const coord = await coordinator();
    const writer = await volunteer("writer@example.org");
    const other = await volunteer("other@example.org");
    const p = await prisoner();
    const r = await route("atelier");
    const letter = await sentLetter(writer, p, r.id, { status: "posted" });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
    const reply = await recordReply(coord, letterRef(letter), {
      receivedOn: new Date("2025-06-01T00:00:00Z"),
      routeId: null,
      text: null,
      attachment: { name: "scan.jpg", bytes: jpeg },
    });

    const expected = { bytes: Buffer.from(jpeg), type: "image/jpeg", name: "reply.jpg" };
    expect(await replyAttachment(writer, reply.id)).toEqual(expected);
    expect(await replyAttachment(coord, reply.id)).toEqual(expected);
    expect(await replyAttachment(other, reply.id)).toBeNull();
    expect(await replyAttachment(writer, "no-such-reply")).toBeNull();
  });

  // ───────────────────────────── The outbox, for coordinators ─────────────────────────────

  test("the outbox overview shows where hand-overs go and hides volunteers' addresses and subjects; a failed mail can be retried", async () => {
    const coord = await coordinator();
    const v = await volunteer("writer@example.org");
    const handover = await queueEmail({
      to: "atelier@example.org",
      subject: "Letter SM-ABCDEFGH",
      text: "x",
      purpose: "handover",
    });
    const code = await queueEmail({
      to: "quiet.heron@example.org",
      subject: "Your sign-in code: 123456",
      text: "123456",
      purpose: "login-code",
    });
    const done = await queueEmail({ to: "done@example.org", subject: "Old news", text: "x", purpose: "reply" });
    await prisma.emailOutbox.update({ where: { id: done }, data: { state: "sent", sentAt: now() } });

    const overview = await outboxOverview(coord, {});
    expect(overview.counts).toEqual({ queued: 2, sent: 1 });
    const byId = new Map(overview.rows.map((row) => [row.id, row]));
    expect([...byId.keys()].sort()).toEqual([handover, code].sort());
    expect(byId.get(handover)).toMatchObject({
      toAddress: "atelier@example.org",
      subject: "Letter SM-ABCDEFGH",
      purpose: "handover",
    });
    expect(byId.get(code)).toMatchObject({ toAddress: "q…@example.org", subject: "", purpose: "login-code" });
    expect(JSON.stringify(overview)).not.toContain("123456");
    expect(JSON.stringify(overview)).not.toContain("quiet.heron");
    expect((await outboxOverview(coord, { state: "sent" })).rows).toEqual([
      expect.objectContaining({ id: done, toAddress: "d…@example.org", subject: "" }),
    ]);

    await prisma.emailOutbox.update({
      where: { id: handover },
      data: {
        state: "failed",
        attempts: 8,
        lastError: "550 mailbox unavailable",
        nextAttemptAt: new Date(now().getTime() + DAY),
      },
    });
    expect((await outboxOverview(coord, { state: "failed" })).rows).toEqual([
      expect.objectContaining({ id: handover, attempts: 8, lastError: "550 mailbox unavailable" }),
    ]);
    expect(await retryOutbox(coord, code)).toBe(false);
    await expect(retryOutbox(v, handover)).rejects.toBeInstanceOf(PermissionError);
    expect(await retryOutbox(coord, handover)).toBe(true);
    const retried = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: handover } });
    expect(retried).toMatchObject({ state: "queued", attempts: 0 });
    expect(retried.nextAttemptAt.getTime()).toBeLessThanOrEqual(now().getTime());
    expect(await prisma.auditLog.findMany({ where: { action: "mail.retried" } })).toEqual([
      expect.objectContaining({ actorId: coord.id, targetId: handover }),
    ]);
    await expect(outboxOverview(v, {})).rejects.toBeInstanceOf(PermissionError);
  });

  // ───────────────────────────── Crash safety of the hand-over e-mail ─────────────────────────────

  test("a crash between queued and sent loses nothing: the hand-over is queued with the send, and delivered exactly once", async () => {
    const v = await volunteer("quiet.heron@example.org");
    const p = await prisoner();
    const atelier = await route("atelier-mail", {
      itemKinds: ["letter", "postcard"],
      steps: [
        ["queued", 2],
        ["handed_over", 7],
      ],
      handoverEmail: "atelier@example.org",
    });
    const draft = await createDraft(v, p.id, "letter");
    await saveDraft(v.id, draft.id, { body: RUSSIAN_TEXT, kind: "letter", returnAddress: null });
    const reference = letterReference(draft.id);

    // One transaction: if the mail cannot be queued the letter is not sent, and if
    // anything after queueing fails, the queued mail goes with it.
    await failingInsert(`"EmailOutbox"`, "true", async () => {
      await expect(sendLetter(v, draft.id, { routeId: atelier.id, warningsAcknowledged: true })).rejects.toThrow(
        /refused by test trigger/,
      );
    });
    await failingInsert(`"StatusEvent"`, `NEW."toStatus" = 'handed_over'`, async () => {
      await expect(sendLetter(v, draft.id, { routeId: atelier.id, warningsAcknowledged: true })).rejects.toThrow(
        /refused by test trigger/,
      );
    });
    expect(await letterRow(draft.id)).toMatchObject({ state: "draft", status: null, sentAt: null });
    expect(await prisma.statusEvent.count()).toBe(0);
    expect(await prisma.emailOutbox.count()).toBe(0);

    expect(await sendLetter(v, draft.id, { routeId: atelier.id, warningsAcknowledged: true })).toMatchObject({
      status: "handed_over",
    });
    const [queued] = await prisma.emailOutbox.findMany();
    expect(queued).toMatchObject({
      state: "queued",
      toAddress: "atelier@example.org",
      purpose: "handover",
      subject: `Letter ${reference}`,
      attempts: 0,
    });
    expect(await letterRow(draft.id)).toMatchObject({ state: "sent", status: "handed_over" });

    // A worker claimed the mail and died before its send was recorded.
    await prisma.emailOutbox.update({
      where: { id: queued.id },
      data: { state: "sending", attempts: 1, lockToken: "dead-worker", lockedUntil: new Date(now().getTime() - 1_000) },
    });
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    const delivered = await mail.waitForMail((m) => m.messageId === queued.messageId);
    expect(toAddress(delivered)).toBe("atelier@example.org");
    expect(delivered.subject).toBe(`Letter ${reference}`);
    expect(delivered.text).toContain(RUSSIAN_TEXT);
    expect(delivered.text).toContain("Signed: quiet.heron");
    expect(delivered.text).not.toContain("quiet.heron@example.org");

    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    advanceClock(10 * 60_000);
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(mail.mails.filter((m) => m.messageId === queued.messageId)).toHaveLength(1);
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      state: "sent",
      attempts: 2,
      lockToken: null,
      lockedUntil: null,
    });
  });
});
