import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { processOutbox, queueEmail, startOutboxWorker } from "#app/utils/email.server.ts";
import { assignRoute } from "#app/models/dispatch/route-assignment.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { startMailServer, toAddress, type TestMailServer } from "#tests/support/smtp.ts";

let first: TestMailServer;
let second: TestMailServer;
const savedSmtpUrl = process.env.SMTP_URL;
let stopWorker: (() => Promise<void>) | null = null;

beforeAll(async () => {
  first = await startMailServer();
  second = await startMailServer();
  process.env.SMTP_URL = first.url;
});

afterEach(async () => {
  await stopWorker?.();
  stopWorker = null;
  process.env.SMTP_URL = first.url;
});

afterAll(async () => {
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  await first?.close();
  await second?.close();
});

async function letterOnItsWay() {
  const coordinator = await prisma.user.create({
    data: { email: "c@example.org", pseudonym: "c", role: "coordinator", vettingState: "approved" },
  });
  const writer = await prisma.user.create({
    data: { email: "w@example.org", pseudonym: "w", vettingState: "approved", writesIn: ["ru"] },
  });
  const facility = await prisma.facility.create({
    data: {
      country: "BY",
      type: "colony",
      name: "ИК №4",
      street: "ул. Антошкина, 3",
      postcode: "246035",
      city: "Гомель",
      languages: ["ru"],
    },
  });
  const prisoner = await prisma.prisoner.create({
    data: {
      country: "BY",
      currentFacilityId: facility.id,
      names: { create: { script: "cyrillic_be", surname: "Кастусёў", givenName: "Рыгор", isPrimary: true } },
    },
  });
  const route = (slug: string, handoverEmail: string | null) =>
    prisma.route.create({
      data: {
        slug,
        name: slug,
        description: "",
        countries: ["BY"],
        itemKinds: ["letter"],
        languages: ["ru"],
        handover: handoverEmail ? "email" : "print_pdf",
        handoverEmail,
        statuses: {
          create: [
            { key: "queued", position: 0 },
            { key: "handed_over", position: 1 },
            { key: "delivered", position: 2, isFinal: true },
          ],
        },
      },
    });
  const selfPost = await route("self-post", null);
  const byMail = await route("service", "service@example.org");
  const at = now();
  const letter = await prisma.letter.create({
    data: {
      authorId: writer.id,
      prisonerId: prisoner.id,
      facilityId: facility.id,
      routeId: selfPost.id,
      kind: "letter",
      state: "sent",
      status: "queued",
      language: "ru",
      bodyEncrypted: encrypt("Здравствуйте!"),
      senderName: "w",
      sentAt: at,
      statusChangedAt: at,
    },
  });
  return { coordinator, letter, byMail };
}

describeEachDatabase("outbox kick and transport", () => {
  test("a hand-over queued inside a bulk change is sent right after the commit, not at the next poll", async () => {
    const { coordinator, letter, byMail } = await letterOnItsWay();
    // A poll a minute apart: only the kick after commit can deliver within seconds.
    stopWorker = startOutboxWorker(60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await assignRoute(coordinator, [{ type: "letter", id: letter.id }], byMail.id);
    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { purpose: "handover" } });
    const mail = await first.waitForMail((m) => m.messageId === row.messageId, 10_000);
    expect(toAddress(mail)).toBe("service@example.org");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("the SMTP transport follows the configured SMTP_URL instead of keeping the first one seen", async () => {
    const one = await prisma.emailOutbox.findUniqueOrThrow({
      where: { id: await queueEmail({ to: "ola@example.org", purpose: "test", subject: "one", text: "one" }) },
    });
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    await first.waitForMail((m) => m.messageId === one.messageId);

    process.env.SMTP_URL = second.url;
    const two = await prisma.emailOutbox.findUniqueOrThrow({
      where: { id: await queueEmail({ to: "jan@example.org", purpose: "test", subject: "two", text: "two" }) },
    });
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    await second.waitForMail((m) => m.messageId === two.messageId);
    expect(first.mails.filter((m) => m.messageId === two.messageId)).toHaveLength(0);
  });
});
