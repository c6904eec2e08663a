import { afterEach, expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { decrypt, encrypt } from "#app/utils/crypto.server.ts";
import { openMail, queueEmail } from "#app/utils/email.server.ts";
import { reencryptAll } from "#app/models/key-rotation.server.ts";
import { installTotpSecret, totpCodeFor, verifyTotp } from "#app/models/totp.server.ts";
import {
  letterBody,
  letterReturnAddress,
  parcelSenderDetails,
  replyAttachment,
  replyText,
} from "#app/utils/sealed-fields.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const original = process.env.DATA_ENCRYPTION_KEY!;
const newKey = Buffer.alloc(32, 9).toString("base64");
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

afterEach(() => {
  process.env.DATA_ENCRYPTION_KEY = original;
});

describeEachDatabase("data key rotation", () => {
  test("every encrypted column is re-encrypted with the new key, after which the old key can go", async () => {
    const prisoner = await prisma.prisoner.create({ data: { country: "BY" } });
    const letter = await prisma.letter.create({
      data: {
        prisonerId: prisoner.id,
        bodyEncrypted: encrypt("Добры дзень"),
        returnAddressEncrypted: encrypt("PO Box 12"),
      },
    });
    const reply = await prisma.reply.create({
      data: {
        prisonerId: prisoner.id,
        letterId: letter.id,
        receivedOn: new Date("2026-11-01"),
        textEncrypted: encrypt("Дзякуй"),
        attachmentEncrypted: encrypt("JVBERi0="),
      },
    });
    const parcel = await prisma.parcel.create({
      data: { prisonerId: prisoner.id, senderDetailsEncrypted: encrypt("Forest Bird") },
    });
    const mailId = await queueEmail({
      to: "a@example.org",
      subject: "s",
      text: "code 123456",
      html: "<p>123456</p>",
      purpose: "login-code",
    });
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "C", role: "coordinator", vettingState: "approved" },
    });
    await installTotpSecret(coordinator.id, TOTP_SECRET);

    // The new key goes first; the old one stays listed until the rows are re-encrypted.
    process.env.DATA_ENCRYPTION_KEY = `${newKey},${original}`;
    expect(await reencryptAll()).toMatchObject({ letters: 1, replies: 1, parcels: 1, mails: 1, totpSecrets: 1 });
    expect(await reencryptAll()).toMatchObject({ letters: 0, replies: 0, parcels: 0, mails: 0, totpSecrets: 0 });

    process.env.DATA_ENCRYPTION_KEY = newKey;
    const [l, r, p, m] = await Promise.all([
      prisma.letter.findUniqueOrThrow({ where: { id: letter.id } }),
      prisma.reply.findUniqueOrThrow({ where: { id: reply.id } }),
      prisma.parcel.findUniqueOrThrow({ where: { id: parcel.id } }),
      prisma.emailOutbox.findUniqueOrThrow({ where: { id: mailId } }),
    ]);
    // Re-encrypted values are bound to their table, column and row.
    for (const value of [
      l.bodyEncrypted,
      l.returnAddressEncrypted,
      r.textEncrypted,
      r.attachmentEncrypted,
      p.senderDetailsEncrypted,
    ])
      expect(value).toMatch(/^v2\./);
    expect([
      decrypt(l.bodyEncrypted!, letterBody(l.id)),
      decrypt(l.returnAddressEncrypted!, letterReturnAddress(l.id)),
    ]).toEqual(["Добры дзень", "PO Box 12"]);
    expect([
      decrypt(r.textEncrypted!, replyText(r.id)),
      decrypt(r.attachmentEncrypted!, replyAttachment(r.id)),
    ]).toEqual(["Дзякуй", "JVBERi0="]);
    expect(decrypt(p.senderDetailsEncrypted!, parcelSenderDetails(p.id))).toBe("Forest Bird");
    expect(openMail(m)).toMatchObject({ textBody: "code 123456", htmlBody: "<p>123456</p>" });
    expect([m.textBody, m.htmlBody]).toEqual([expect.stringMatching(/^v2\./), expect.stringMatching(/^v2\./)]);
    // The coordinator's authenticator still works under the new key alone.
    expect(await verifyTotp(coordinator.id, totpCodeFor(TOTP_SECRET))).toBe(true);
  });

  test("outbox bodies and authenticator secrets written before the binding (v1) are rewritten bound", async () => {
    const coordinator = await prisma.user.create({
      data: { email: "old@example.org", pseudonym: "Old", role: "coordinator", vettingState: "approved" },
    });
    const totpRow = await prisma.verification.create({
      data: { type: "totp", target: coordinator.id, secret: encrypt(TOTP_SECRET) },
    });
    const mail = await prisma.emailOutbox.create({
      data: {
        toAddress: "old@example.org",
        subject: "s",
        textBody: encrypt("old body"),
        htmlBody: encrypt("<p>old</p>"),
        purpose: "approval",
        messageId: "<m@x>",
      },
    });
    // Still readable before the rewrite.
    expect(openMail(mail)).toMatchObject({ textBody: "old body", htmlBody: "<p>old</p>" });
    expect(await reencryptAll()).toMatchObject({ mails: 1, totpSecrets: 1 });
    const [m, t] = await Promise.all([
      prisma.emailOutbox.findUniqueOrThrow({ where: { id: mail.id } }),
      prisma.verification.findUniqueOrThrow({ where: { id: totpRow.id } }),
    ]);
    expect([m.textBody, m.htmlBody, t.secret]).toEqual([
      expect.stringMatching(/^v2\./),
      expect.stringMatching(/^v2\./),
      expect.stringMatching(/^v2\./),
    ]);
    expect(openMail(m)).toMatchObject({ textBody: "old body", htmlBody: "<p>old</p>" });
    expect(await verifyTotp(coordinator.id, totpCodeFor(TOTP_SECRET))).toBe(true);
  });
});
