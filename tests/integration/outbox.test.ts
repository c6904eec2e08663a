import { afterAll, beforeAll, expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { backoffMs, eraseSentMailBodies, openMail, processOutbox, queueEmail } from "#app/utils/email.server.ts";
import { requestSignInCode, verifySignInCode } from "#app/models/sign-in.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { startMailServer, toAddress, type TestMailServer } from "#tests/support/smtp.ts";

// The SMTP transporter is created on the first send and cached for the process:
// every test that really sends mail lives in this file, and SMTP_URL is set first.
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

function received(messageId: string) {
  return mail.mails.filter((m) => m.messageId === messageId);
}

async function queue(to = "reader@example.org", subject = "Your account is ready") {
  const id = await queueEmail({
    to,
    subject,
    text: `Hello ${to}\n\nhttp://localhost/login`,
    html: "<p>Hello</p>",
    purpose: "test",
  });
  return prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
}

describeEachDatabase("e-mail outbox", () => {
  test("a queued mail is delivered over SMTP with its own Message-ID", async () => {
    const row = await queue("ola@example.org");
    expect(row).toMatchObject({ state: "queued", attempts: 0 });
    expect(row.messageId).toMatch(/^<[\w-]+@localhost>$/);

    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    const message = await mail.waitForMail((m) => m.messageId === row.messageId);
    expect(toAddress(message)).toBe("ola@example.org");
    expect(message.subject).toBe("Your account is ready");
    expect(message.text?.trim()).toBe("Hello ola@example.org\n\nhttp://localhost/login");
    expect(message.html).toContain("<p>Hello</p>");
    expect(message.from?.text).toContain("no-reply@solidarity-mail.invalid");

    const sent = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ state: "sent", attempts: 1, lockedUntil: null, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(received(row.messageId)).toHaveLength(1);
  });

  test("bodies are encrypted at rest and erased a day after sending; unsent mail keeps its body until retention", async () => {
    const sent = await queue("ola@example.org");
    const waiting = await queue("jan@example.org");
    // The raw rows hold no plaintext body.
    for (const row of [sent, waiting]) {
      expect(row.textBody).toMatch(/^v2\./);
      expect(row.textBody).not.toContain("Hello");
      expect(row.htmlBody).not.toContain("Hello");
      expect(openMail(row).textBody).toBe(`Hello ${row.toAddress}\n\nhttp://localhost/login`);
    }
    await prisma.emailOutbox.update({
      where: { id: waiting.id },
      data: { nextAttemptAt: new Date(now().getTime() + 3_600_000) },
    });
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });

    expect(await eraseSentMailBodies()).toBe(0);
    advanceClock(25 * 3_600_000);
    expect(await eraseSentMailBodies()).toBe(1);
    const [erased, kept] = await Promise.all(
      [sent, waiting].map((row) => prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })),
    );
    expect(erased).toMatchObject({
      state: "sent",
      textBody: "",
      htmlBody: null,
      subject: "Your account is ready",
      toAddress: "ola@example.org",
    });
    expect(openMail(kept).textBody).toContain("Hello jan@example.org");
    expect(await eraseSentMailBodies({ olderThan: now() })).toBe(1);
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      textBody: "",
      htmlBody: null,
    });
  });

  test("a temporary SMTP failure puts the mail back with a backoff; it is sent once after the failure clears", async () => {
    const row = await queue();
    mail.setFailing(true);
    try {
      expect(await processOutbox()).toEqual({ sent: 0, failed: 1 });
    } finally {
      mail.setFailing(false);
    }
    const failed = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ state: "queued", attempts: 1, lockedUntil: null });
    expect(failed.lastError).toMatch(/451|Mailbox busy/);
    const delay = failed.nextAttemptAt.getTime() - now().getTime();
    expect(delay).toBeGreaterThan(25_000);
    expect(delay).toBeLessThanOrEqual(backoffMs(1));

    // Not due yet: the server works again, but nothing is sent before nextAttemptAt.
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(received(row.messageId)).toHaveLength(0);

    advanceClock(backoffMs(1) + 1_000);
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    await mail.waitForMail((m) => m.messageId === row.messageId);
    expect(received(row.messageId)).toHaveLength(1);
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      state: "sent",
      attempts: 2,
      lastError: null,
    });
  });

  test("the backoff doubles, and after 8 attempts the mail is marked failed for good", async () => {
    const row = await queue();
    const delays: number[] = [];
    mail.setFailing(true);
    try {
      for (let attempt = 1; attempt <= 8; attempt++) {
        expect(await processOutbox()).toEqual({ sent: 0, failed: 1 });
        const current = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
        expect(current.attempts).toBe(attempt);
        expect(current.state).toBe(attempt < 8 ? "queued" : "failed");
        delays.push(Math.round((current.nextAttemptAt.getTime() - now().getTime()) / 1000));
        advanceClock(7 * 3_600_000);
      }
    } finally {
      mail.setFailing(false);
    }
    expect(delays.slice(0, 4).map((d) => Math.round(d / 10) * 10)).toEqual([30, 60, 120, 240]);
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(received(row.messageId)).toHaveLength(0);
  });

  test("a mail left 'sending' by a crashed worker is sent again once its lease runs out, with the same Message-ID", async () => {
    const row = await queue();
    // What a worker that died mid-send leaves behind.
    await prisma.emailOutbox.update({
      where: { id: row.id },
      data: { state: "sending", attempts: 1, lockedUntil: new Date(now().getTime() + 2 * 60_000) },
    });
    expect(await processOutbox()).toEqual({ sent: 0, failed: 0 });
    advanceClock(2 * 60_000 + 1_000);
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    const message = await mail.waitForMail((m) => m.messageId === row.messageId);
    expect(message.subject).toBe("Your account is ready");
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      state: "sent",
      attempts: 2,
    });
  });

  test("two workers draining at once never send a mail twice", async () => {
    const rows = [];
    for (let i = 0; i < 20; i++) rows.push(await queue(`reader${i}@example.org`, `Notice ${i}`));
    const results = await Promise.all([processOutbox(50), processOutbox(50), processOutbox(5)]);
    let sent = results.reduce((sum, r) => sum + r.sent, 0);
    for (let r = await processOutbox(50); r.sent > 0; r = await processOutbox(50)) sent += r.sent;
    expect(sent).toBe(20);
    for (const row of rows) {
      await mail.waitForMail((m) => m.messageId === row.messageId);
      expect(received(row.messageId)).toHaveLength(1);
    }
    expect(await prisma.emailOutbox.count({ where: { state: "sent" } })).toBe(20);
  });

  test("mails still waiting in a slow batch are not taken over by another worker and sent twice", async () => {
    const rows = [];
    for (let i = 0; i < 5; i++) rows.push(await queue(`batch${i}@example.org`, `Batch ${i}`));
    const ours = new Set(rows.map((r) => r.messageId));
    const workerA = processOutbox();
    // Worker A has claimed all five and is delivering the first. That delivery is
    // slow (a busy relay): it outlasts the two-minute lease. Meanwhile worker B runs.
    const inFlight = await mail.waitForMail((m) => ours.has(m.messageId ?? ""));
    advanceClock(2 * 60_000 + 1_000);
    const workerB = await processOutbox();
    const a = await workerA;
    // The mail that was in flight when its lease ran out may be repeated (it keeps its
    // Message-ID); the four that were only waiting in A's batch must not be.
    const duplicated = rows
      .filter((r) => r.messageId !== inFlight.messageId)
      .filter((r) => received(r.messageId).length !== 1)
      .map((r) => `${r.toAddress}: ${received(r.messageId).length}×`);
    expect(duplicated, `worker A sent ${a.sent}, worker B sent ${workerB.sent}`).toEqual([]);
  });

  // Issue 11, item 6: after an outage a newer code arrived before an older one, and
  // retries (up to 6 h apart) delivered codes long dead.
  test("after an SMTP outage a superseded sign-in mail is dropped with its reason; only the newest code arrives", async () => {
    const email = "outage@example.org";
    mail.setFailing(true);
    try {
      expect(await requestSignInCode({ email, ip: "198.51.100.1", locale: "en" })).toEqual({ ok: true });
      await processOutbox();
      advanceClock(60_000);
      expect(await requestSignInCode({ email, ip: "198.51.100.1", locale: "en" })).toEqual({ ok: true });
      await processOutbox();
    } finally {
      mail.setFailing(false);
    }
    const other = await queue("other@example.org");
    advanceClock(backoffMs(2) + 1_000);
    await processOutbox();
    const [older, newer] = await prisma.emailOutbox.findMany({
      where: { toAddress: email },
      orderBy: { createdAt: "asc" },
    });
    expect(older).toMatchObject({
      state: "failed",
      lastError: "Not sent: a newer sign-in code replaced it.",
      textBody: "",
      htmlBody: null,
    });
    expect(newer.state).toBe("sent");
    await mail.waitForMail((m) => m.messageId === newer.messageId);
    expect(received(older.messageId)).toHaveLength(0);
    const code = /\b(\d{6})\b/.exec(received(newer.messageId)[0].text ?? "")![1];
    expect(await verifySignInCode(email, code)).toMatchObject({ ok: true });
    // Other mails keep their retries.
    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: other.id } })).state).toBe("sent");
  });

  test("a sign-in mail still unsent when its code has expired is never sent", async () => {
    const email = "late-code@example.org";
    mail.setFailing(true);
    try {
      await requestSignInCode({ email, ip: "198.51.100.2", locale: "en" });
      await processOutbox();
    } finally {
      mail.setFailing(false);
    }
    advanceClock(16 * 60_000);
    await processOutbox();
    const [row] = await prisma.emailOutbox.findMany({ where: { toAddress: email } });
    expect(row).toMatchObject({
      state: "failed",
      lastError: "Not sent: its sign-in code expired before it could be sent.",
    });
    expect(received(row.messageId)).toHaveLength(0);
  });
});
