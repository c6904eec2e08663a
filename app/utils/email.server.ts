import nodemailer, { type Transporter } from "nodemailer";
import { prisma } from "./db.server";
import { appUrl, mailFrom, smtpUrl } from "./config.server";
import { now } from "./clock.server";
import { randomToken } from "./crypto.server";
import { pruneRateLimits } from "./rate-limit.server";
import { pruneExpiredSessions } from "./session.server";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for (login-code, approval, …): shown to coordinators, never to recipients. */
  purpose: string;
}

const MAX_ATTEMPTS = Number(process.env.OUTBOX_MAX_ATTEMPTS ?? 8);
const LEASE_MS = 2 * 60_000;

/**
 * Every e-mail goes through the outbox table first: a mail is queued in the same
 * database as the change that caused it, so a crash cannot lose it, and any
 * instance's worker can send it.
 */
export async function queueEmail(message: EmailMessage): Promise<string> {
  const host = new URL(appUrl()).hostname || "solidarity-mail.invalid";
  const row = await prisma.emailOutbox.create({
    data: {
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html,
      purpose: message.purpose,
      messageId: `<${randomToken(16)}@${host}>`,
      createdAt: now(),
      nextAttemptAt: now(),
    },
  });
  kickOutbox();
  return row.id;
}

type OutboxRow = Awaited<ReturnType<typeof prisma.emailOutbox.findFirstOrThrow>>;

let transporter: Transporter | null = null;
function smtpTransport(): Transporter | null {
  const url = smtpUrl();
  if (!url) return null;
  transporter ??= nodemailer.createTransport(url);
  return transporter;
}

async function deliver(row: OutboxRow): Promise<void> {
  const transport = smtpTransport();
  if (!transport) {
    // Development without SMTP: the mail is printed here and kept in the outbox,
    // where the development mailbox page shows it.
    console.info(`\n── e-mail to ${row.toAddress} ── ${row.subject}\n${row.textBody}\n──\n`);
    return;
  }
  await transport.sendMail({
    from: mailFrom(),
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? undefined,
    messageId: row.messageId,
  });
}

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * Claims due mails with SKIP LOCKED (so two instances never take the same row),
 * sends them, and records the outcome. A row whose sender died mid-send comes back
 * when its lease runs out; it keeps its Message-ID so a receiver can tell a repeat.
 */
export async function processOutbox(batchSize = 10): Promise<{ sent: number; failed: number }> {
  const at = now();
  const leaseUntil = new Date(at.getTime() + LEASE_MS);
  const claimed = await prisma.$queryRaw<OutboxRow[]>`
    UPDATE "EmailOutbox" SET "state" = 'sending', "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE ("state" = 'queued' AND "nextAttemptAt" <= ${at})
         OR ("state" = 'sending' AND "lockedUntil" < ${at})
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    try {
      await deliver(row);
      await prisma.emailOutbox.update({
        where: { id: row.id },
        data: { state: "sent", sentAt: now(), lockedUntil: null, lastError: null },
      });
      sent++;
    } catch (error) {
      failed++;
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      await prisma.emailOutbox.update({
        where: { id: row.id },
        data: {
          state: giveUp ? "failed" : "queued",
          lockedUntil: null,
          lastError: String((error as Error).message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(now().getTime() + backoffMs(row.attempts)),
        },
      });
    }
  }
  return { sent, failed };
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;
let housekeepingAt = 0;

async function tick(): Promise<void> {
  if (running) return;
  running = (async () => {
    try {
      while ((await processOutbox()).sent > 0) {
        /* keep draining while there is work */
      }
      if (Date.now() - housekeepingAt > 3_600_000) {
        housekeepingAt = Date.now();
        await pruneRateLimits();
        await pruneExpiredSessions();
      }
    } catch (error) {
      console.error("outbox worker:", error);
    } finally {
      running = null;
    }
  })();
  await running;
}

/** Sends soon after queueing instead of waiting for the next poll. */
export function kickOutbox(): void {
  if (timer) setImmediate(() => void tick());
}

export function startOutboxWorker(intervalMs = Number(process.env.OUTBOX_POLL_MS ?? 2000)): () => Promise<void> {
  timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return async () => {
    if (timer) clearInterval(timer);
    timer = null;
    await running;
  };
}
