import { prisma } from "#app/utils/db.server.ts";
import { openMail } from "#app/utils/email.server.ts";

/** The development mailbox: the newest messages of the outbox, opened (the outbox is the mailbox without SMTP). */
export async function recentMail(take = 50) {
  const mails = await prisma.emailOutbox.findMany({ orderBy: { createdAt: "desc" }, take });
  return mails.map(openMail).map((m) => ({
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    text: m.textBody,
    createdAt: m.createdAt,
    state: m.state,
  }));
}
