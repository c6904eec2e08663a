import { prisma } from "#app/utils/db.server.ts";
import { decrypt, encrypt, needsReencryption } from "#app/utils/crypto.server.ts";

/**
 * After a new key is put first in DATA_ENCRYPTION_KEY, old rows still decrypt with
 * the older keys listed after it; this re-encrypts them with the new key so the
 * old one can be removed. Safe to run repeatedly and to interrupt.
 */
export async function reencryptAll(batchSize = 500): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};

  const totp = await prisma.verification.findMany({ where: { type: { in: ["totp", "totp-pending"] } } });
  counts.totpSecrets = 0;
  for (const row of totp) {
    if (!needsReencryption(row.secret)) continue;
    await prisma.verification.update({ where: { id: row.id }, data: { secret: encrypt(decrypt(row.secret)) } });
    counts.totpSecrets++;
  }

  counts.letters = 0;
  for (let cursor: string | undefined; ; ) {
    const letters = await prisma.letter.findMany({
      where: { OR: [{ bodyEncrypted: { not: null } }, { returnAddressEncrypted: { not: null } }] },
      select: { id: true, bodyEncrypted: true, returnAddressEncrypted: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (letters.length === 0) break;
    for (const letter of letters) {
      const stale = [letter.bodyEncrypted, letter.returnAddressEncrypted].some((v) => v && needsReencryption(v));
      if (!stale) continue;
      await prisma.letter.update({
        where: { id: letter.id },
        data: {
          bodyEncrypted: letter.bodyEncrypted ? encrypt(decrypt(letter.bodyEncrypted)) : null,
          returnAddressEncrypted: letter.returnAddressEncrypted ? encrypt(decrypt(letter.returnAddressEncrypted)) : null,
        },
      });
      counts.letters++;
    }
    cursor = letters[letters.length - 1].id;
  }

  const again = (value: string | null) => (value && needsReencryption(value) ? encrypt(decrypt(value)) : value);
  const stale = (...values: (string | null)[]) => values.some((v) => v && needsReencryption(v));

  counts.replies = 0;
  const replies = await prisma.reply.findMany({
    where: { OR: [{ textEncrypted: { not: null } }, { attachmentEncrypted: { not: null } }] },
    select: { id: true, textEncrypted: true, attachmentEncrypted: true },
  });
  for (const reply of replies) {
    if (!stale(reply.textEncrypted, reply.attachmentEncrypted)) continue;
    await prisma.reply.update({ where: { id: reply.id }, data: { textEncrypted: again(reply.textEncrypted), attachmentEncrypted: again(reply.attachmentEncrypted) } });
    counts.replies++;
  }

  counts.mails = 0;
  const mails = await prisma.emailOutbox.findMany({ where: { textBody: { startsWith: "v1." } }, select: { id: true, textBody: true, htmlBody: true } });
  for (const mail of mails) {
    if (!stale(mail.textBody, mail.htmlBody)) continue;
    await prisma.emailOutbox.update({ where: { id: mail.id }, data: { textBody: again(mail.textBody)!, htmlBody: again(mail.htmlBody) } });
    counts.mails++;
  }

  counts.parcels = 0;
  const parcels = await prisma.parcel.findMany({ where: { senderDetailsEncrypted: { not: null } }, select: { id: true, senderDetailsEncrypted: true } });
  for (const parcel of parcels) {
    if (!parcel.senderDetailsEncrypted || !needsReencryption(parcel.senderDetailsEncrypted)) continue;
    await prisma.parcel.update({ where: { id: parcel.id }, data: { senderDetailsEncrypted: encrypt(decrypt(parcel.senderDetailsEncrypted)) } });
    counts.parcels++;
  }
  return counts;
}
