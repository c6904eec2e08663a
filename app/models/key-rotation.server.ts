import { prisma } from "#app/utils/db.server.ts";
import { decrypt, encrypt, needsReencryption, type FieldPlace } from "#app/utils/crypto.server.ts";
import {
  familyContact,
  importFileContent,
  letterBody,
  letterReturnAddress,
  outboxHtml,
  outboxText,
  parcelSenderDetails,
  replyAttachment,
  replyText,
  totpSecret,
} from "#app/utils/sealed-fields.server.ts";

/**
 * After a new key is put first in DATA_ENCRYPTION_KEY, old rows still decrypt with
 * the older keys listed after it; this re-encrypts them with the new key so the
 * old one can be removed. Values written before ciphertexts were bound to their
 * table, column and row (v1) are rewritten bound (v2). Safe to run repeatedly and
 * to interrupt.
 */
export async function reencryptAll(batchSize = 500): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};

  /** The value rewritten with the current key, bound to its place; unchanged when it already is. */
  const again = (value: string | null, at: FieldPlace) =>
    value && needsReencryption(value, at) ? encrypt(decrypt(value, at), at) : value;
  const stale = (...values: [string | null, FieldPlace][]) => values.some(([v, at]) => v && needsReencryption(v, at));

  const totp = await prisma.verification.findMany({ where: { type: { in: ["totp", "totp-pending"] } } });
  counts.totpSecrets = 0;
  for (const row of totp) {
    const at = totpSecret(row.id);
    if (!stale([row.secret, at])) continue;
    await prisma.verification.update({ where: { id: row.id }, data: { secret: again(row.secret, at)! } });
    counts.totpSecrets++;
  }

  counts.letters = 0;
  for (let cursor: string | undefined; ;) {
    const letters = await prisma.letter.findMany({
      where: { OR: [{ bodyEncrypted: { not: null } }, { returnAddressEncrypted: { not: null } }] },
      select: { id: true, bodyEncrypted: true, returnAddressEncrypted: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (letters.length === 0) break;
    for (const letter of letters) {
      const body = letterBody(letter.id);
      const returnAddress = letterReturnAddress(letter.id);
      if (!stale([letter.bodyEncrypted, body], [letter.returnAddressEncrypted, returnAddress])) continue;
      await prisma.letter.update({
        where: { id: letter.id },
        data: {
          bodyEncrypted: again(letter.bodyEncrypted, body),
          returnAddressEncrypted: again(letter.returnAddressEncrypted, returnAddress),
        },
      });
      counts.letters++;
    }
    cursor = letters[letters.length - 1].id;
  }

  counts.replies = 0;
  const replies = await prisma.reply.findMany({
    where: { OR: [{ textEncrypted: { not: null } }, { attachmentEncrypted: { not: null } }] },
    select: { id: true, textEncrypted: true, attachmentEncrypted: true },
  });
  for (const reply of replies) {
    const text = replyText(reply.id);
    const attachment = replyAttachment(reply.id);
    if (!stale([reply.textEncrypted, text], [reply.attachmentEncrypted, attachment])) continue;
    await prisma.reply.update({
      where: { id: reply.id },
      data: {
        textEncrypted: again(reply.textEncrypted, text),
        attachmentEncrypted: again(reply.attachmentEncrypted, attachment),
      },
    });
    counts.replies++;
  }

  // Outbox bodies live a day after sending; erased ones are empty, and rows from
  // before bodies were encrypted hold plain text (they are left to be erased).
  counts.mails = 0;
  const mails = await prisma.emailOutbox.findMany({
    where: { textBody: { startsWith: "v" } },
    select: { id: true, textBody: true, htmlBody: true },
  });
  for (const mail of mails) {
    if (!/^v[12]\./.test(mail.textBody)) continue;
    const text = outboxText(mail.id);
    const html = outboxHtml(mail.id);
    if (!stale([mail.textBody, text], [mail.htmlBody, html])) continue;
    await prisma.emailOutbox.update({
      where: { id: mail.id },
      data: { textBody: again(mail.textBody, text)!, htmlBody: again(mail.htmlBody, html) },
    });
    counts.mails++;
  }

  counts.parcels = 0;
  const parcels = await prisma.parcel.findMany({
    where: { senderDetailsEncrypted: { not: null } },
    select: { id: true, senderDetailsEncrypted: true },
  });
  for (const parcel of parcels) {
    const at = parcelSenderDetails(parcel.id);
    if (!stale([parcel.senderDetailsEncrypted, at])) continue;
    await prisma.parcel.update({
      where: { id: parcel.id },
      data: { senderDetailsEncrypted: again(parcel.senderDetailsEncrypted, at) },
    });
    counts.parcels++;
  }

  counts.families = 0;
  const families = await prisma.family.findMany({
    where: { contactEncrypted: { not: null } },
    select: { id: true, contactEncrypted: true },
  });
  for (const family of families) {
    const at = familyContact(family.id);
    if (!stale([family.contactEncrypted, at])) continue;
    await prisma.family.update({
      where: { id: family.id },
      data: { contactEncrypted: again(family.contactEncrypted, at) },
    });
    counts.families++;
  }

  // Kept NGO list files: encrypted (older rows held them as plain base64) and bound.
  counts.importFiles = 0;
  const runs = await prisma.importRun.findMany({
    where: { fileContent: { not: null } },
    select: { id: true, fileContent: true },
  });
  for (const run of runs) {
    const at = importFileContent(run.id);
    const stored = run.fileContent!;
    const plain = !/^v[12]\./.test(stored);
    if (!plain && !needsReencryption(stored, at)) continue;
    await prisma.importRun.update({
      where: { id: run.id },
      data: { fileContent: encrypt(plain ? stored : decrypt(stored, at), at) },
    });
    counts.importFiles++;
  }
  return counts;
}
