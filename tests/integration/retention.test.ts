import { expect, test } from "vitest";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { changeStatus } from "#app/models/tracking.server.ts";
import { setSetting } from "#app/models/settings.server.ts";
import { purgeExpiredContent } from "#app/models/retention.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const DAY = 86_400_000;
const BODY = "Здравствуйте! Пишу вам из далёкого города. У нас сегодня идёт снег.";
const RETURN_ADDRESS = "Relay, PO Box 12, Vilnius";
const REPLY = "Спасибо за письмо, у меня всё хорошо.";

async function setup() {
  const author = await prisma.user.create({
    data: { email: "writer@example.org", pseudonym: "Quiet Heron", vettingState: "approved" },
  });
  const facility = await prisma.facility.create({
    data: {
      country: "BY",
      type: "colony",
      name: "ИК №4",
      street: "ул. Антошкина, 3",
      postcode: "246035",
      city: "Гомель",
    },
  });
  const prisoner = await prisma.prisoner.create({
    data: {
      country: "BY",
      currentFacilityId: facility.id,
      names: { create: { script: "cyrillic_be", surname: "Кастусёў", givenName: "Рыгор", isPrimary: true } },
    },
  });
  const route = await prisma.route.create({
    data: {
      slug: "self-post",
      name: "Self-post",
      description: "x",
      countries: ["BY"],
      itemKinds: ["letter", "postcard", "parcel"],
      languages: ["ru", "be"],
      handover: "print_pdf",
      statuses: {
        create: [
          { key: "queued", position: 0 },
          { key: "posted", position: 1 },
          { key: "delivered", position: 2, isFinal: true },
          { key: "reply_received", position: 3, isFinal: true },
        ],
      },
    },
  });
  return { author, facility, prisoner, route };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** A sent letter with a reply, moved through its statuses like a coordinator would. */
async function letterWithReply(
  s: Setup,
  finalStatus: "delivered" | "reply_received" | null,
  data: Partial<Prisma.LetterUncheckedCreateInput> = {},
) {
  const at = now();
  const letter = await prisma.letter.create({
    data: {
      authorId: s.author.id,
      prisonerId: s.prisoner.id,
      routeId: s.route.id,
      facilityId: s.facility.id,
      language: "ru",
      state: "sent",
      status: "queued",
      senderName: "Quiet Heron",
      bodyEncrypted: encrypt(BODY),
      returnAddressEncrypted: encrypt(RETURN_ADDRESS),
      sentAt: at,
      statusChangedAt: at,
      ...data,
    },
  });
  await prisma.statusEvent.create({ data: { letterId: letter.id, toStatus: "queued", occurredAt: at } });
  await changeStatus({ type: "letter", id: letter.id }, { to: "posted", actorId: null });
  if (finalStatus) await changeStatus({ type: "letter", id: letter.id }, { to: finalStatus, actorId: null });
  await prisma.reply.create({
    data: {
      letterId: letter.id,
      prisonerId: s.prisoner.id,
      routeId: s.route.id,
      receivedOn: at,
      textEncrypted: encrypt(REPLY),
      attachmentEncrypted: encrypt(Buffer.from("%PDF-1.4 scan").toString("base64")),
      attachmentName: "reply-kastusiou.pdf",
      attachmentType: "application/pdf",
      attachmentSize: 13,
    },
  });
  return letter;
}

describeEachDatabase("retention of finished items", () => {
  test("after the period, finished items lose their contents and keep what statistics need", async () => {
    const s = await setup();
    const old = await letterWithReply(s, "reply_received");
    const delivered = await letterWithReply(s, "delivered");
    const inFlight = await letterWithReply(s, null);
    const draft = await prisma.letter.create({
      data: { authorId: s.author.id, prisonerId: s.prisoner.id, state: "draft", bodyEncrypted: encrypt(BODY) },
    });
    const parcel = await prisma.parcel.create({
      data: {
        senderId: s.author.id,
        prisonerId: s.prisoner.id,
        routeId: s.route.id,
        state: "sent",
        status: "queued",
        onBehalfOf: "Kastusiova family",
        senderDetailsEncrypted: encrypt("Anna K., Vilnius"),
        sentAt: now(),
      },
    });
    await changeStatus({ type: "parcel", id: parcel.id }, { to: "delivered", actorId: null });
    const before = await prisma.letter.findUniqueOrThrow({ where: { id: old.id }, include: { events: true } });

    // 100 days later a newer letter is finished: it is kept while the old ones go.
    advanceClock(100 * DAY);
    const recent = await letterWithReply(s, "delivered");
    advanceClock(80 * DAY + 60_000);

    const counts = await purgeExpiredContent();
    expect(counts).toEqual({ letters: 2, replies: 2, parcels: 1 });

    for (const id of [old.id, delivered.id]) {
      const purged = await prisma.letter.findUniqueOrThrow({ where: { id }, include: { events: true, replies: true } });
      expect(purged).toMatchObject({
        bodyEncrypted: null,
        returnAddressEncrypted: null,
        state: "closed",
        routeId: s.route.id,
        prisonerId: s.prisoner.id,
        language: "ru",
        authorId: s.author.id,
      });
      expect(purged.purgedAt).toBeInstanceOf(Date);
      expect(purged.events.map((e) => e.toStatus).slice(0, 2)).toEqual(["queued", "posted"]);
      expect(purged.replies).toEqual([
        expect.objectContaining({
          textEncrypted: null,
          attachmentEncrypted: null,
          attachmentName: null,
          receivedOn: expect.any(Date),
          routeId: s.route.id,
        }),
      ]);
    }
    const purgedOld = await prisma.letter.findUniqueOrThrow({ where: { id: old.id }, include: { events: true } });
    expect(purgedOld).toMatchObject({
      status: "reply_received",
      sentAt: before.sentAt,
      closedAt: before.closedAt,
      statusChangedAt: before.statusChangedAt,
    });
    expect(purgedOld.events).toHaveLength(before.events.length);

    // Recent, in-flight and draft letters keep everything.
    for (const id of [recent.id, inFlight.id, draft.id]) {
      const kept = await prisma.letter.findUniqueOrThrow({ where: { id }, include: { replies: true } });
      expect(kept.bodyEncrypted).toMatch(/^v1\./);
      expect(kept.purgedAt).toBeNull();
      for (const reply of kept.replies) expect(reply.textEncrypted).toMatch(/^v1\./);
    }
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } })).toMatchObject({
      senderDetailsEncrypted: null,
      onBehalfOf: null,
      status: "delivered",
      state: "closed",
    });

    // Counts are unchanged: every letter, reply and event is still there.
    expect(await prisma.letter.count()).toBe(5);
    expect(await prisma.reply.count()).toBe(4);
    expect(await prisma.letter.count({ where: { state: "closed" } })).toBe(3);

    // No encrypted content is left in the raw rows of purged items.
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT l.*, r."textEncrypted" AS "replyText", r."attachmentEncrypted" AS "replyScan"
      FROM "Letter" l LEFT JOIN "Reply" r ON r."letterId" = l."id" WHERE l."purgedAt" IS NOT NULL`;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toMatch(/v[12]\./);
      expect(row).toMatchObject({
        bodyEncrypted: null,
        returnAddressEncrypted: null,
        replyText: null,
        replyScan: null,
      });
    }

    // The purge is audited with its counts, and running it again changes nothing.
    expect(await prisma.auditLog.findMany({ where: { action: "retention.purged" } })).toEqual([
      expect.objectContaining({ actorId: null, details: { letters: 2, replies: 2, parcels: 1, retentionDays: 180 } }),
    ]);
    expect(await purgeExpiredContent()).toEqual({ letters: 0, replies: 0, parcels: 0 });
    expect(await prisma.auditLog.count({ where: { action: "retention.purged" } })).toBe(1);
  });

  test("coordinators' retention period decides", async () => {
    const s = await setup();
    const letter = await letterWithReply(s, "delivered");
    await setSetting("retentionDays", 30);
    advanceClock(29 * DAY);
    expect(await purgeExpiredContent()).toEqual({ letters: 0, replies: 0, parcels: 0 });
    advanceClock(DAY + 60_000);
    expect(await purgeExpiredContent()).toEqual({ letters: 1, replies: 1, parcels: 0 });
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).bodyEncrypted).toBeNull();
  });
});
