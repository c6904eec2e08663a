import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { queueEmail } from "#app/utils/email.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { createSession, lookupSession } from "#app/utils/session.server.ts";
import { createDraft, saveDraft } from "#app/models/letters.server.ts";
import { issueSignInCode } from "#app/models/sign-in.server.ts";
import { installTotpSecret } from "#app/models/totp.server.ts";
import { deleteAccount, isLastAdmin, LastAdminError } from "#app/models/account-deletion.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createParcel } from "#tests/support/factories.ts";

const EMAIL = "quiet.heron@example.org";
const PSEUDONYM = "Quiet Heron";

async function world() {
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
      itemKinds: ["letter", "parcel"],
      languages: ["ru"],
      handover: "print_pdf",
      statuses: { create: [{ key: "queued", position: 0 }] },
    },
  });
  return { prisoner, route };
}

function request() {
  return new Request("http://localhost/settings", {
    headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" },
  });
}

describeEachDatabase("deleting an account", () => {
  test("identity, sessions and drafts go; sent letters stay, anonymous; counts are unchanged", async () => {
    const { prisoner, route } = await world();
    const user = await prisma.user.create({
      data: { email: EMAIL, pseudonym: PSEUDONYM, vettingState: "approved", locale: "en", writesIn: ["ru"] },
    });
    const other = await prisma.user.create({
      data: { email: "other@example.org", pseudonym: "Other", vettingState: "approved" },
    });
    const cookie = await createSession(user.id, request());
    await createSession(other.id, request());
    const draft = await createDraft(user, prisoner.id, "letter");
    await saveDraft(user.id, draft.id, { body: "Черновик", kind: "letter", returnAddress: "PO Box 12, Vilnius" });
    const sent = await prisma.letter.create({
      data: {
        authorId: user.id,
        prisonerId: prisoner.id,
        routeId: route.id,
        state: "sent",
        status: "queued",
        senderName: PSEUDONYM,
        bodyEncrypted: encrypt("Здравствуйте!"),
        returnAddressEncrypted: encrypt("PO Box 12, Vilnius"),
        sentAt: now(),
      },
    });
    await prisma.statusEvent.create({ data: { letterId: sent.id, toStatus: "queued", actorId: user.id } });
    const othersLetter = await prisma.letter.create({
      data: { authorId: other.id, prisonerId: prisoner.id, state: "sent", senderName: "Other", sentAt: now() },
    });
    const draftParcel = await createParcel(user.id, prisoner.id, { senderDetailsEncrypted: encrypt("Anna K.") });
    const sentParcel = await createParcel(user.id, prisoner.id, {
      routeId: route.id,
      state: "sent",
      senderDetailsEncrypted: encrypt("Anna K."),
      sentAt: now(),
    });
    await prisma.adoption.create({ data: { volunteerId: user.id, prisonerId: prisoner.id } });
    await prisma.reminderLog.create({ data: { userId: user.id, kind: "draft", subjectId: draft.id, periodKey: "x" } });
    await issueSignInCode(EMAIL);
    await hitRateLimit(`signin:address:${EMAIL}`, 5, 3600);
    await queueEmail({ to: EMAIL, subject: "Your sign-in code", text: "123456", purpose: "login-code" });
    const lettersBefore = await prisma.letter.count({ where: { state: { not: "draft" } } });

    const summary = await deleteAccount(user.id, "settings");
    expect(summary).toEqual({ draftsDeleted: 1, lettersKept: 1, parcelsKept: 1 });

    // Identity: nothing left with the address or the pseudonym.
    expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await prisma.user.findUnique({ where: { email: EMAIL } })).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await lookupSession(new Request("http://localhost/", { headers: { cookie: cookie.split(";")[0] } })),
    ).toEqual({ state: "expired" });
    expect(await prisma.adoption.count()).toBe(0);
    expect(await prisma.reminderLog.count()).toBe(0);
    expect(await prisma.verification.count({ where: { target: { in: [EMAIL, user.id] } } })).toBe(0);
    expect(await prisma.rateLimit.count()).toBe(0);
    expect(await prisma.emailOutbox.count({ where: { toAddress: EMAIL } })).toBe(0);
    for (const table of ["Letter", "Parcel", "AuditLog", "EmailOutbox", "Verification", "StatusEvent"]) {
      const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}"`);
      const dump = JSON.stringify(rows);
      expect(dump, table).not.toContain(EMAIL);
      expect(dump, table).not.toContain(PSEUDONYM);
      expect(dump, table).not.toContain(user.id);
    }

    // Drafts are gone; what was sent stays, without author, pseudonym or return address.
    expect(await prisma.letter.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await prisma.parcel.findUnique({ where: { id: draftParcel.id } })).toBeNull();
    const kept = await prisma.letter.findUniqueOrThrow({ where: { id: sent.id }, include: { events: true } });
    expect(kept).toMatchObject({
      authorId: null,
      senderName: null,
      returnAddressEncrypted: null,
      state: "sent",
      status: "queued",
      routeId: route.id,
      prisonerId: prisoner.id,
    });
    expect(kept.bodyEncrypted).toMatch(/^v1\./);
    expect(kept.events).toEqual([expect.objectContaining({ toStatus: "queued", actorId: null })]);
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: sentParcel.id } })).toMatchObject({
      senderId: null,
      senderDetailsEncrypted: null,
      state: "sent",
    });
    expect(await prisma.letter.count({ where: { state: { not: "draft" } } })).toBe(lettersBefore);
    expect(await prisma.letter.count({ where: { prisonerId: prisoner.id, sentAt: { not: null } } })).toBe(2);

    // Nobody else is touched.
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: othersLetter.id } })).toMatchObject({
      authorId: other.id,
      senderName: "Other",
    });
    expect(await prisma.session.count({ where: { userId: other.id } })).toBe(1);

    // Audited as a deletion, without saying whose.
    const [entry] = await prisma.auditLog.findMany({ where: { action: "user.deleted" } });
    expect(entry).toMatchObject({
      actorId: null,
      targetId: null,
      details: { via: "settings", role: "volunteer", draftsDeleted: 1, lettersKept: 1, parcelsKept: 1 },
    });
  });

  test("the last admin cannot delete their account; with another admin they can", async () => {
    const admin = await prisma.user.create({
      data: { email: "admin@example.org", pseudonym: "Admin", role: "admin", vettingState: "approved" },
    });
    await installTotpSecret(admin.id, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    await prisma.user.create({
      data: { email: "former@example.org", pseudonym: "Former", role: "admin", vettingState: "suspended" },
    });
    expect(await isLastAdmin(admin.id)).toBe(true);
    await expect(deleteAccount(admin.id, "settings")).rejects.toBeInstanceOf(LastAdminError);
    expect(await prisma.user.findUnique({ where: { id: admin.id } })).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "user.deleted" } })).toBe(0);

    const second = await prisma.user.create({
      data: { email: "second@example.org", pseudonym: "Second", role: "admin", vettingState: "approved" },
    });
    expect(await isLastAdmin(admin.id)).toBe(false);
    // Both at once: one of them must stay.
    const results = await Promise.allSettled([
      deleteAccount(admin.id, "settings"),
      deleteAccount(second.id, "settings"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(LastAdminError);
    expect(await prisma.user.count({ where: { role: "admin", vettingState: "approved" } })).toBe(1);
    // The authenticator went with its account when that one was deleted.
    if (!(await prisma.user.findUnique({ where: { id: admin.id } }))) {
      expect(await prisma.verification.count({ where: { target: admin.id } })).toBe(0);
    }
  });
});
