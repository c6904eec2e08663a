import nodemailer, { type Transporter } from "nodemailer";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "./db.server";
import {
  appUrl,
  isProduction,
  limits,
  mailFrom,
  mailTransport,
  outboxMaxAttempts,
  outboxPollMs,
} from "./config.server";
import { now } from "./clock.server";
import { CiphertextPlaceError, decrypt, encrypt, newRowId, randomToken, type FieldPlace } from "./crypto.server";
import { outboxHtml, outboxText } from "./sealed-fields.server";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for (login-code, approval, …): shown to coordinators, never to recipients. */
  purpose: string;
}

const LEASE_MS = 2 * 60_000;

function maxAttempts(): number {
  return outboxMaxAttempts();
}

/**
 * Every e-mail goes through the outbox table first: a mail is queued in the same
 * database as the change that caused it, so a crash cannot lose it, and any
 * instance's worker can send it. Pass the transaction of that change as `db` so the
 * mail is queued if and only if the change is committed, and call kickOutbox()
 * once that transaction has committed: a kick from inside it would look for the
 * mail before it exists for anyone else, and the mail would wait for the next poll.
 */
export async function queueEmail(
  message: EmailMessage,
  db: Pick<Prisma.TransactionClient, "emailOutbox"> = prisma,
): Promise<string> {
  const row = await db.emailOutbox.create({ data: outboxRow(message) });
  if (db === prisma) kickOutbox();
  return row.id;
}

/** Queues many mails with one insert (a release wave may tell hundreds of volunteers at once). */
export async function queueEmails(
  messages: EmailMessage[],
  db: Pick<Prisma.TransactionClient, "emailOutbox"> = prisma,
): Promise<number> {
  if (messages.length === 0) return 0;
  const { count } = await db.emailOutbox.createMany({ data: messages.map(outboxRow) });
  kickOutbox();
  return count;
}

function outboxRow(message: EmailMessage) {
  const host = new URL(appUrl()).hostname || "solidarity-mail.invalid";
  const id = newRowId();
  return {
    id,
    toAddress: message.to,
    subject: message.subject,
    // Bodies hold sign-in codes and, for hand-overs, letter texts: encrypted like
    // the letters themselves (bound to this row and column), and erased a day after
    // sending (eraseSentMailBodies).
    textBody: encrypt(message.text, outboxText(id)),
    htmlBody: message.html ? encrypt(message.html, outboxHtml(id)) : null,
    purpose: message.purpose,
    messageId: `<${randomToken(16)}@${host}>`,
    createdAt: now(),
    nextAttemptAt: now(),
  };
}

type OutboxRow = Awaited<ReturnType<typeof prisma.emailOutbox.findFirstOrThrow>>;

function openBody(value: string, at: FieldPlace): string {
  // Empty once erased; plain in rows queued before bodies were encrypted; v1 in rows
  // queued before bodies were bound to their row (keys:reencrypt binds those).
  return /^v[12]\./.test(value) ? decrypt(value, at) : value;
}

/** An outbox row with its bodies decrypted (refused when a body was moved here from another row). */
export function openMail<T extends { id: string; textBody: string; htmlBody: string | null }>(row: T): T {
  return {
    ...row,
    textBody: openBody(row.textBody, outboxText(row.id)),
    htmlBody: row.htmlBody === null ? null : openBody(row.htmlBody, outboxHtml(row.id)),
  };
}

export const SENT_BODY_KEPT_MS = 24 * 3_600_000;

/**
 * Erases the bodies of mails sent more than a day ago (and, with `olderThan`, of any
 * mail older than that, sent or not): what was delivered need not stay in the
 * database. Subject, recipient, purpose and dates stay for coordinators.
 */
export async function eraseSentMailBodies(options: { olderThan?: Date } = {}): Promise<number> {
  const sentBefore = new Date(now().getTime() - SENT_BODY_KEPT_MS);
  const { count } = await prisma.emailOutbox.updateMany({
    where: {
      textBody: { not: "" },
      OR: [
        { state: "sent", sentAt: { lt: sentBefore } },
        ...(options.olderThan ? [{ createdAt: { lt: options.olderThan } }] : []),
      ],
    },
    data: { textBody: "", htmlBody: null },
  });
  return count;
}

let transporter: { url: string; transport: Transporter } | null = null;
/** The transport for the SMTP server the configuration names now (rebuilt when it changes). */
function smtpTransport(url: string): Transporter {
  if (transporter?.url !== url) {
    transporter?.transport.close();
    // Timeouts well inside the outbox lease, so a hung server cannot outlive it.
    transporter = {
      url,
      transport: nodemailer.createTransport({
        url,
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 60_000,
      }),
    };
  }
  return transporter.transport;
}

/** The login-code purpose: such mails are worthless once their code no longer works. */
const LOGIN_CODE_PURPOSE = "login-code";

/**
 * Why a claimed mail must never be sent, or null. A sign-in mail that arrives after
 * a newer one, or after its code expired, holds a code that does not work: after an
 * SMTP outage the person would read a dead code last. Such mails are dropped.
 */
async function reasonToDrop(row: OutboxRow): Promise<string | null> {
  if (mailTransport().kind === "none") return "MAIL_TRANSPORT=none: this installation sends no e-mail";
  if (row.purpose !== LOGIN_CODE_PURPOSE) return null;
  const createdAt = new Date(row.createdAt);
  if (now().getTime() - createdAt.getTime() >= limits.loginCodeMinutes() * 60_000)
    return "its sign-in code expired before it could be sent";
  const newer = await prisma.emailOutbox.count({
    where: { toAddress: row.toAddress, purpose: LOGIN_CODE_PURPOSE, createdAt: { gt: createdAt } },
  });
  if (newer > 0) return "a newer sign-in code replaced it";
  const code = await prisma.verification.findUnique({
    where: { type_target: { type: "login-code", target: row.toAddress } },
  });
  if (!code) return "its sign-in code was already used or has expired";
  if (code.createdAt > createdAt) return "a newer sign-in code replaced it";
  return null;
}

async function deliver(sealed: OutboxRow): Promise<void> {
  const row = openMail(sealed);
  const transport = mailTransport();
  if (transport.kind !== "smtp") {
    // Development without SMTP: the mail is printed here and kept in the outbox,
    // where the development mailbox page shows it. Never in production: bodies hold
    // sign-in codes, letters, prisoners' addresses (mailTransport() refuses "log" there).
    if (isProduction()) throw new Error("No mail transport in production");
    console.info(`\n── e-mail to ${row.toAddress} ── ${row.subject}\n${row.textBody}\n──\n`);
    return;
  }
  await smtpTransport(transport.url).sendMail({
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
 * sends them one by one, and records the outcome. Each row's lease is renewed just
 * before its send and every write is conditional on still holding the lease, so a
 * slow batch cannot be taken over and sent twice. A row whose sender died mid-send
 * comes back when its lease runs out; it keeps its Message-ID so a receiver can
 * tell a repeat.
 */
export async function processOutbox(batchSize = 10): Promise<{ sent: number; failed: number }> {
  const at = now();
  const lockToken = randomToken(12);
  const claimed = await prisma.$queryRaw<OutboxRow[]>`
    UPDATE "EmailOutbox" SET "state" = 'sending', "lockedUntil" = ${new Date(at.getTime() + LEASE_MS)}, "lockToken" = ${lockToken}
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE ("state" = 'queued' AND "nextAttemptAt" <= ${at})
         OR ("state" = 'sending' AND "lockedUntil" < ${at})
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  claimed.sort((a, b) => new Date(a.nextAttemptAt).getTime() - new Date(b.nextAttemptAt).getTime());
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    const renewed = await prisma.emailOutbox.updateMany({
      where: { id: row.id, state: "sending", lockToken },
      data: { lockedUntil: new Date(now().getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (renewed.count === 0) continue; // another worker took it over after our lease ran out
    const attempts = row.attempts + 1;
    const dropReason = await reasonToDrop(row);
    if (dropReason) {
      // Never sent, never retried: the reason is kept, the body (a dead code) goes.
      await prisma.emailOutbox.updateMany({
        where: { id: row.id, lockToken },
        data: {
          state: "failed",
          lockedUntil: null,
          lockToken: null,
          lastError: `Not sent: ${dropReason}.`,
          textBody: "",
          htmlBody: null,
        },
      });
      continue;
    }
    try {
      await deliver(row);
      await prisma.emailOutbox.updateMany({
        where: { id: row.id, lockToken },
        data: { state: "sent", sentAt: now(), lockedUntil: null, lockToken: null, lastError: null },
      });
      sent++;
    } catch (error) {
      failed++;
      // A body moved here from another row never opens: no point in retrying.
      const giveUp = attempts >= maxAttempts() || error instanceof CiphertextPlaceError;
      await prisma.emailOutbox.updateMany({
        where: { id: row.id, lockToken },
        data: {
          state: giveUp ? "failed" : "queued",
          lockedUntil: null,
          lockToken: null,
          lastError: String((error as Error).message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(now().getTime() + backoffMs(attempts)),
        },
      });
    }
  }
  return { sent, failed };
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;
let kickedWhileRunning = false;

async function tick(): Promise<void> {
  if (running) {
    // A mail committed while this worker was busy: look again before resting.
    kickedWhileRunning = true;
    return;
  }
  running = (async () => {
    try {
      do {
        kickedWhileRunning = false;
        while ((await processOutbox()).sent > 0) {
          /* keep draining while there is work */
        }
      } while (kickedWhileRunning);
    } catch (error) {
      console.error("outbox worker:", error);
    } finally {
      running = null;
    }
  })();
  await running;
}

/** Sends soon after queueing instead of waiting for the next poll: call it after the queueing transaction committed. */
export function kickOutbox(): void {
  if (timer) setImmediate(() => void tick());
}

export function startOutboxWorker(intervalMs = outboxPollMs()): () => Promise<void> {
  timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return async () => {
    if (timer) clearInterval(timer);
    timer = null;
    await running;
  };
}
