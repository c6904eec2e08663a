import { afterEach, expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { CiphertextPlaceError, decrypt, encrypt } from "#app/utils/crypto.server.ts";
import { createDraft, getOwnLetter, saveDraft } from "#app/models/letters.server.ts";
import { reencryptAll } from "#app/models/key-rotation.server.ts";
import { installTotpSecret, totpCodeFor, verifyTotp } from "#app/models/totp.server.ts";
import { openMail, processOutbox, queueEmail } from "#app/utils/email.server.ts";
import { createPreview, discardRun, planForRun } from "#app/imports/runs.server.ts";
import { deleteStaleImportFiles, importUpkeep } from "#app/imports/run-upkeep.server.ts";
import { importFileContent, letterBody } from "#app/utils/sealed-fields.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { baseList, createSource, FILE_TYPES, listTable, toCsv } from "#tests/support/import-fixtures.ts";

const original = process.env.DATA_ENCRYPTION_KEY!;
afterEach(() => {
  process.env.DATA_ENCRYPTION_KEY = original;
});

async function writer() {
  const user = await prisma.user.create({
    data: { email: "w@example.org", pseudonym: "Forest Bird", vettingState: "approved", writesIn: ["ru"] },
  });
  const prisoner = await prisma.prisoner.create({ data: { country: "BY" } });
  return { user, prisoner };
}

describeEachDatabase("ciphertexts bound to their place", () => {
  test("two letters' texts swapped in the database are refused, not shown in the wrong letter", async () => {
    const { user, prisoner } = await writer();
    const first = await createDraft(user, prisoner.id, "letter");
    const second = await createDraft(user, prisoner.id, "letter");
    await saveDraft(user.id, first.id, { body: "Першы ліст", kind: "letter", returnAddress: "PO Box 1" });
    await saveDraft(user.id, second.id, { body: "Другі ліст", kind: "letter", returnAddress: null });
    expect((await getOwnLetter(user.id, first.id))?.body).toBe("Першы ліст");

    // Someone with write access to the database swaps the two ciphertexts.
    const [a, b] = await Promise.all(
      [first, second].map((l) => prisma.letter.findUniqueOrThrow({ where: { id: l.id } })),
    );
    await prisma.letter.update({ where: { id: a.id }, data: { bodyEncrypted: b.bodyEncrypted } });
    await prisma.letter.update({ where: { id: b.id }, data: { bodyEncrypted: a.bodyEncrypted } });
    await expect(getOwnLetter(user.id, first.id)).rejects.toBeInstanceOf(CiphertextPlaceError);
    await expect(getOwnLetter(user.id, second.id)).rejects.toBeInstanceOf(CiphertextPlaceError);

    // Moved into another column of the same row: refused too.
    await prisma.letter.update({
      where: { id: a.id },
      data: { bodyEncrypted: a.bodyEncrypted, returnAddressEncrypted: a.bodyEncrypted },
    });
    await expect(getOwnLetter(user.id, first.id)).rejects.toBeInstanceOf(CiphertextPlaceError);
  });

  test("values written before the binding still read, and keys:reencrypt rewrites them bound", async () => {
    const { user, prisoner } = await writer();
    const legacy = await prisma.letter.create({
      data: { authorId: user.id, prisonerId: prisoner.id, state: "draft", bodyEncrypted: encrypt("Старый текст") },
    });
    expect(legacy.bodyEncrypted).toMatch(/^v1\./);
    expect((await getOwnLetter(user.id, legacy.id))?.body).toBe("Старый текст");

    expect(await reencryptAll()).toMatchObject({ letters: 1 });
    expect(await reencryptAll()).toMatchObject({ letters: 0 });
    const rewritten = await prisma.letter.findUniqueOrThrow({ where: { id: legacy.id } });
    expect(rewritten.bodyEncrypted).toMatch(/^v2\./);
    expect(decrypt(rewritten.bodyEncrypted!, letterBody(legacy.id))).toBe("Старый текст");
    expect((await getOwnLetter(user.id, legacy.id))?.body).toBe("Старый текст");
  });
});

describeEachDatabase("outbox bodies and authenticator secrets bound to their row", () => {
  test("a mail body copied into another outbox row does not open there, and is never sent", async () => {
    const first = await queueEmail({
      to: "a@example.org",
      subject: "s",
      text: "code 111111",
      html: "<p>111111</p>",
      purpose: "approval",
    });
    const second = await queueEmail({ to: "b@example.org", subject: "s", text: "code 222222", purpose: "approval" });
    const a = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: first } });
    expect(a.textBody).toMatch(/^v2\./);
    expect(openMail(a).textBody).toBe("code 111111");
    // Someone with write access to the database moves a's body into b's row: b must not carry it.
    await prisma.emailOutbox.update({ where: { id: second }, data: { textBody: a.textBody } });
    const b = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: second } });
    expect(() => openMail(b)).toThrow(CiphertextPlaceError);
    // Or the text body into the HTML column of its own row.
    await prisma.emailOutbox.update({ where: { id: first }, data: { htmlBody: a.textBody } });
    expect(() => openMail({ ...a, htmlBody: a.textBody })).toThrow(CiphertextPlaceError);
    // The worker gives the moved mail up at once instead of retrying it.
    await prisma.emailOutbox.updateMany({ where: { id: first }, data: { state: "sent" } });
    await processOutbox();
    const failed = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: second } });
    expect(failed.state).toBe("failed");
    expect(failed.lastError).toContain("does not belong there");
  });

  test("one coordinator's authenticator secret copied into another's row is refused", async () => {
    const make = (email: string) =>
      prisma.user.create({ data: { email, pseudonym: email, role: "coordinator", vettingState: "approved" } });
    const [mallory, victim] = await Promise.all([make("mallory@example.org"), make("victim@example.org")]);
    const mallorySecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await installTotpSecret(mallory.id, mallorySecret);
    await installTotpSecret(victim.id, "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU");
    const stored = await prisma.verification.findUniqueOrThrow({
      where: { type_target: { type: "totp", target: mallory.id } },
    });
    expect(stored.secret).toMatch(/^v2\./);
    // Mallory copies her own secret into the victim's row to pass the victim's second factor.
    await prisma.verification.update({
      where: { type_target: { type: "totp", target: victim.id } },
      data: { secret: stored.secret },
    });
    await expect(verifyTotp(victim.id, totpCodeFor(mallorySecret))).rejects.toBeInstanceOf(CiphertextPlaceError);
    expect(await verifyTotp(mallory.id, totpCodeFor(mallorySecret))).toBe(true);
  });
});

describeEachDatabase("kept import files", () => {
  test("a kept NGO list is encrypted and bound to its run; key rotation covers it, plain older rows included", async () => {
    await createSource("viasna");
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "c", role: "coordinator", vettingState: "approved" },
    });
    const bytes = toCsv(listTable(baseList()));
    const runId = await createPreview({
      sourceSlug: "viasna",
      bytes,
      ...FILE_TYPES.csv,
      userId: coordinator.id,
      locale: "en",
    });
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.fileContent).toMatch(/^v2\./);
    expect(run.fileContent).not.toContain(Buffer.from(bytes).toString("base64").slice(0, 40));
    expect(decrypt(run.fileContent!, importFileContent(runId))).toBe(Buffer.from(bytes).toString("base64"));
    expect((await planForRun(runId))?.plan.rows).toHaveLength(5);

    // A row kept in plain base64 by an older version is encrypted by keys:reencrypt, and still plans.
    const older = await prisma.importRun.create({
      data: {
        sourceId: run.sourceId,
        fileName: "old.csv",
        fileHash: "h",
        format: "csv",
        state: "preview",
        fileContent: Buffer.from(bytes).toString("base64"),
        contentType: "text/csv",
      },
    });
    expect(await reencryptAll()).toMatchObject({ importFiles: 1 });
    const rewritten = await prisma.importRun.findUniqueOrThrow({ where: { id: older.id } });
    expect(rewritten.fileContent).toMatch(/^v2\./);
    expect((await planForRun(older.id))?.plan.rows).toHaveLength(5);
    // Rotation: a new key first, the old one listed until the files are re-encrypted.
    process.env.DATA_ENCRYPTION_KEY = `${Buffer.alloc(32, 9).toString("base64")},${original}`;
    expect(await reencryptAll()).toMatchObject({ importFiles: 2 });
    process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
    expect((await planForRun(runId))?.plan.rows).toHaveLength(5);
  });

  test("kept files go once a run is discarded, and previews left alone for a day are deleted by housekeeping", async () => {
    await createSource("viasna");
    const coordinator = await prisma.user.create({
      data: { email: "c@example.org", pseudonym: "c", role: "coordinator", vettingState: "approved" },
    });
    const bytes = toCsv(listTable(baseList()));
    const discarded = await createPreview({
      sourceSlug: "viasna",
      bytes,
      ...FILE_TYPES.csv,
      userId: coordinator.id,
      locale: "en",
    });
    await discardRun(discarded);
    expect((await prisma.importRun.findUniqueOrThrow({ where: { id: discarded } })).fileContent).toBeNull();

    const abandoned = await createPreview({
      sourceSlug: "viasna",
      bytes,
      ...FILE_TYPES.csv,
      userId: coordinator.id,
      locale: "en",
    });
    expect(await deleteStaleImportFiles()).toBe(0);
    advanceClock(23 * 3_600_000);
    await importUpkeep();
    expect((await prisma.importRun.findUniqueOrThrow({ where: { id: abandoned } })).fileContent).not.toBeNull();
    advanceClock(2 * 3_600_000);
    await importUpkeep();
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: abandoned } });
    expect(run).toMatchObject({ fileContent: null, state: "preview" });
    expect(await planForRun(abandoned)).toBeNull();
  });
});
