import { afterAll, beforeAll, expect, test } from "vitest";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { decrypt, isEncrypted } from "#app/utils/crypto.server.ts";
import { familyContact } from "#app/utils/sealed-fields.server.ts";
import { openMail, processOutbox } from "#app/utils/email.server.ts";
import { setSetting } from "#app/models/settings.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { deleteAccount } from "#app/models/account-deletion.server.ts";
import {
  closeNeed,
  confirmPledge,
  createFamily,
  createNeed,
  familiesOf,
  familyForCoordinator,
  listOpenNeeds,
  myPledges,
  needForCoordinator,
  needForVolunteer,
  NeedStateError,
  pledgeToNeed,
  purgeFamilyContacts,
  recordFulfilment,
  supportUpkeep,
  withdrawPledge,
} from "#app/models/support.server.ts";
import { needSchema } from "#app/schemas/support.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createPrisoner, createVolunteer } from "#tests/support/factories.ts";
import { startMailServer, toAddress, type TestMailServer } from "#tests/support/smtp.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CONTACT = "Ганна Кастусёва, вул. Леніна 5, Гомель, +375 29 123 45 67";
const CONTACT_PARTS = ["Ганна", "Леніна", "+375 29", "123 45 67"];

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

function user(
  email: string,
  role: "volunteer" | "coordinator" | "admin" = "volunteer",
  data: Partial<Prisma.UserCreateInput> = {},
) {
  return createVolunteer({ email, role, locale: "en", ...data });
}

function prisoner(status: Prisma.PrisonerCreateInput["status"] = "convicted", country: "BY" | "RU" = "BY") {
  return createPrisoner({ country, status, currentFacilityId: null });
}

function needInput(prisonerId: string, values: Record<string, string> = {}) {
  return needSchema.parse({
    prisonerId,
    familyId: "",
    kind: "parcel",
    text: "Warm socks and tea for the winter",
    quantity: "5",
    currency: "",
    deadline: "",
    via: "parcel",
    fundraiserUrl: "",
    holdDays: "3",
    ...values,
  });
}

async function world() {
  const coordinator = await user("coord@example.org", "coordinator");
  const volunteer = await user("heron@example.org");
  const p = await prisoner();
  return { coordinator, volunteer, p };
}

/** Every string a value holds, deeply (to look for contact details in what volunteers get). */
function allText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v instanceof Date ? v.toISOString() : v));
}

describeEachDatabase("needs and pledges", () => {
  test("family contact details are encrypted at rest, bound to the row, and never reach a volunteer", async () => {
    const { coordinator, volunteer, p } = await world();
    const familyId = await createFamily(coordinator, {
      prisonerId: p.id,
      description: "mother and two children, 6 and 9",
      contact: CONTACT,
    });
    await createNeed(
      coordinator,
      needInput(p.id, {
        familyId,
        kind: "children",
        text: "Postcards for the children for the New Year",
        via: "task",
        quantity: "2",
      }),
    );

    const [stored] = await prisma.$queryRaw<
      { contactEncrypted: string }[]
    >`SELECT "contactEncrypted" FROM "Family" WHERE "id" = ${familyId}`;
    expect(isEncrypted(stored.contactEncrypted)).toBe(true);
    for (const part of CONTACT_PARTS) expect(stored.contactEncrypted).not.toContain(part);
    expect(decrypt(stored.contactEncrypted, familyContact(familyId))).toBe(CONTACT);
    // Bound to its row: copied onto another family it does not decrypt.
    expect(() => decrypt(stored.contactEncrypted, familyContact("another-row"))).toThrow();

    const board = await listOpenNeeds(volunteer);
    expect(board).toHaveLength(1);
    expect(board[0].family).toEqual({ description: "mother and two children, 6 and 9" });
    const detail = await needForVolunteer(volunteer, board[0].id);
    for (const part of CONTACT_PARTS) {
      expect(allText(board)).not.toContain(part);
      expect(allText(detail)).not.toContain(part);
    }
    await expect(familyForCoordinator(volunteer, familyId)).rejects.toBeInstanceOf(PermissionError);
    await expect(familiesOf(volunteer, p.id)).rejects.toBeInstanceOf(PermissionError);
    await expect(needForCoordinator(volunteer, board[0].id)).rejects.toBeInstanceOf(PermissionError);
    await expect(createNeed(volunteer, needInput(p.id))).rejects.toBeInstanceOf(PermissionError);

    const seen = await familyForCoordinator(coordinator, familyId);
    expect(seen?.contact).toBe(CONTACT);
    expect(
      await prisma.auditLog.count({
        where: { action: "family.contact_viewed", actorId: coordinator.id, targetId: familyId },
      }),
    ).toBe(1);
  });

  test("concurrent pledges cannot promise more than is needed", async () => {
    const { coordinator, p } = await world();
    const volunteers = await Promise.all(Array.from({ length: 6 }, (_, i) => user(`v${i}@example.org`)));
    const needId = await createNeed(coordinator, needInput(p.id, { quantity: "5" }));
    const results = await Promise.allSettled(volunteers.map((v) => pledgeToNeed(v, needId, 2)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(2);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect((r.reason as NeedStateError).code).toBe("over-pledged");
    const need = await needForCoordinator(coordinator, needId);
    expect(need?.progress).toMatchObject({ reserved: 4, available: 1 });
    // The last one fits exactly.
    await pledgeToNeed(volunteers[5], needId, 1);
    await expect(pledgeToNeed(volunteers[4], needId, 1)).rejects.toMatchObject({ code: "over-pledged" });
  });

  test("an unconfirmed pledge returns the need to the board after the hold; a confirmed one keeps it", async () => {
    const { coordinator, volunteer, p } = await world();
    const other = await user("other@example.org");
    const needId = await createNeed(coordinator, needInput(p.id, { quantity: "1", holdDays: "3" }));
    const held = await pledgeToNeed(volunteer, needId, 1);
    expect((await needForVolunteer(other, needId))?.progress.available).toBe(0);
    await expect(pledgeToNeed(other, needId, 1)).rejects.toMatchObject({ code: "over-pledged" });

    advanceClock(3 * DAY + 1000);
    // Back on the board at once, before any background task ran.
    expect((await needForVolunteer(other, needId))?.progress.available).toBe(1);
    await expect(confirmPledge(volunteer, held)).rejects.toMatchObject({ code: "expired" });
    expect((await supportUpkeep()).expired).toBe(1);
    expect(await prisma.pledge.findUniqueOrThrow({ where: { id: held } })).toMatchObject({ state: "expired" });
    expect(await prisma.auditLog.count({ where: { action: "pledge.expired" } })).toBe(1);

    const second = await pledgeToNeed(other, needId, 1);
    await confirmPledge(other, second);
    advanceClock(30 * DAY);
    expect((await supportUpkeep()).expired).toBe(0);
    expect((await needForVolunteer(volunteer, needId))?.progress.available).toBe(0);
    // A pledge is the volunteer's own: nobody else confirms or withdraws it.
    await expect(withdrawPledge(volunteer, second)).rejects.toMatchObject({ code: "not-pending" });
  });

  test("partial fulfilment counts, the rest returns to the board; the need closes once covered", async () => {
    const { coordinator, volunteer, p } = await world();
    const other = await user("other@example.org");
    const needId = await createNeed(
      coordinator,
      needInput(p.id, {
        kind: "money",
        via: "fundraiser",
        fundraiserUrl: "https://bysol.org/en/c/1",
        quantity: "100",
        currency: "EUR",
      }),
    );
    const a = await pledgeToNeed(volunteer, needId, 60);
    const b = await pledgeToNeed(other, needId, 40);
    await confirmPledge(volunteer, a);

    expect(await recordFulfilment(coordinator, needId, { pledgeId: a, fulfilledAmount: 35 })).toMatchObject({
      fulfilled: 35,
      reserved: 40,
      available: 25,
      percent: 35,
    });
    await expect(recordFulfilment(volunteer, needId, { pledgeId: b, fulfilledAmount: 40 })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(recordFulfilment(coordinator, needId, { pledgeId: b, fulfilledAmount: 70 })).rejects.toMatchObject({
      code: "over-pledged",
    });
    const third = await pledgeToNeed(volunteer, needId, 25);
    await recordFulfilment(coordinator, needId, { pledgeId: b, fulfilledAmount: 40 });
    const done = await recordFulfilment(coordinator, needId, { pledgeId: third, fulfilledAmount: 25 });
    expect(done).toMatchObject({ fulfilled: 100, available: 0, percent: 100 });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: needId } })).toMatchObject({ state: "fulfilled" });
    expect(await listOpenNeeds(volunteer)).toHaveLength(0);
    await expect(pledgeToNeed(other, needId, 1)).rejects.toMatchObject({ code: "not-open" });
    expect(await prisma.auditLog.count({ where: { action: "pledge.fulfilled", targetId: needId } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { action: "pledge.created", targetId: needId } })).toBe(3);
    // Hand-counted: what the volunteer's home page shows.
    const mine = await myPledges(volunteer);
    expect(mine.map((m) => [m.amount, m.state, m.fulfilledAmount]).sort()).toEqual([
      [25, "fulfilled", 25],
      [60, "fulfilled", 35],
    ]);
  });

  test("fundraiser links must be on an allowed domain; the app stores no payment, only the link", async () => {
    const { coordinator, p } = await world();
    await expect(
      createNeed(coordinator, needInput(p.id, { via: "fundraiser", fundraiserUrl: "https://evil.example/pay" })),
    ).rejects.toMatchObject({ code: "fundraiser-domain" });
    await setSetting("fundraiserDomains", ["bysol.org", "fund.example"]);
    const id = await createNeed(
      coordinator,
      needInput(p.id, { via: "fundraiser", fundraiserUrl: "https://www.fund.example/pay" }),
    );
    expect((await prisma.need.findUniqueOrThrow({ where: { id } })).fundraiserUrl).toBe("https://www.fund.example/pay");
  });

  test("the board filters by kind, country, situation (open-type institution, home, house arrest, released) and deadline", async () => {
    const { coordinator, volunteer } = await world();
    const chemistry = await prisoner("open_institution");
    const home = await prisoner("restricted_at_home", "RU");
    const released = await prisoner("released");
    await createNeed(coordinator, needInput(chemistry.id, { kind: "clothes", deadline: "2027-01-10" }));
    await createNeed(coordinator, needInput(home.id, { kind: "books", deadline: "2027-03-01" }));
    await createNeed(
      coordinator,
      needInput(released.id, { kind: "other", text: "Welcome home: a phone and a SIM card", via: "task" }),
    );
    const kinds = async (filter: Parameters<typeof listOpenNeeds>[1]) =>
      (await listOpenNeeds(volunteer, filter)).map((n) => n.kind).sort();
    expect(await kinds({})).toEqual(["books", "clothes", "other"]);
    expect(await kinds({ situation: "open_institution" })).toEqual(["clothes"]);
    expect(await kinds({ situation: "released" })).toEqual(["other"]);
    expect(await kinds({ country: "RU" })).toEqual(["books"]);
    expect(await kinds({ kind: "books" })).toEqual(["books"]);
    expect(await kinds({ dueBy: "2027-02-01" })).toEqual(["clothes"]);
  });

  test("a pledge reminder goes once, a day before the hold ends, through SMTP, naming nobody", async () => {
    const { coordinator, volunteer, p } = await world();
    const familyId = await createFamily(coordinator, { prisonerId: p.id, description: "mother", contact: CONTACT });
    const needId = await createNeed(coordinator, needInput(p.id, { familyId, holdDays: "3" }));
    await pledgeToNeed(volunteer, needId, 1);

    advanceClock(DAY);
    expect((await supportUpkeep()).reminded).toBe(0);
    advanceClock(DAY + HOUR);
    const results = await Promise.all([supportUpkeep(), supportUpkeep()]);
    expect(results.reduce((sum, r) => sum + r.reminded, 0)).toBe(1);
    expect((await supportUpkeep()).reminded).toBe(0);

    const queued = (await prisma.emailOutbox.findMany({ where: { purpose: "reminder" } })).map(openMail);
    expect(queued).toHaveLength(1);
    expect(await processOutbox()).toEqual({ sent: 1, failed: 0 });
    const received = await mail.waitForMail((m) => m.messageId === queued[0].messageId);
    expect(toAddress(received)).toBe("heron@example.org");
    expect(received.subject).toBe("Your pledge returns to the board tomorrow");
    expect(received.text).toContain(`/needs/${needId}`);
    for (const part of ["Кастусёў", "mother", ...CONTACT_PARTS]) {
      expect(received.subject).not.toContain(part);
      expect(received.text).not.toContain(part);
    }
    // After expiry nothing more is sent.
    advanceClock(2 * DAY);
    expect(await supportUpkeep()).toMatchObject({ reminded: 0, expired: 1 });
  });

  test("deleting a volunteer returns their open pledges to the board and keeps fulfilled ones anonymous", async () => {
    const { coordinator, volunteer, p } = await world();
    const needId = await createNeed(coordinator, needInput(p.id, { quantity: "4" }));
    const done = await pledgeToNeed(volunteer, needId, 1);
    await pledgeToNeed(volunteer, needId, 2);
    await recordFulfilment(coordinator, needId, { pledgeId: done, fulfilledAmount: 1 });
    await deleteAccount(volunteer.id, "settings");
    const pledges = await prisma.pledge.findMany({ where: { needId } });
    expect(pledges).toHaveLength(1);
    expect(pledges[0]).toMatchObject({ volunteerId: null, state: "fulfilled", fulfilledAmount: 1 });
    const need = await needForCoordinator(coordinator, needId);
    expect(need?.progress).toMatchObject({ fulfilled: 1, reserved: 0, available: 3 });
    expect(need?.pledges[0].pseudonym).toBeNull();
  });

  test("family contacts are erased after retention once no need is open; the description stays", async () => {
    const { coordinator, p } = await world();
    await setSetting("retentionDays", 30);
    const openFamily = await createFamily(coordinator, { prisonerId: p.id, description: "father", contact: CONTACT });
    const closedFamily = await createFamily(coordinator, { prisonerId: p.id, description: "sister", contact: CONTACT });
    await createNeed(coordinator, needInput(p.id, { familyId: openFamily }));
    const closing = await createNeed(coordinator, needInput(p.id, { familyId: closedFamily }));
    advanceClock(10 * DAY);
    await closeNeed(coordinator, closing);
    advanceClock(25 * DAY);
    expect(await purgeFamilyContacts()).toBe(0);
    advanceClock(6 * DAY);
    expect(await purgeFamilyContacts()).toBe(1);
    const families = await prisma.family.findMany({ orderBy: { description: "asc" } });
    expect(families.map((f) => [f.description, f.contactEncrypted !== null])).toEqual([
      ["father", true],
      ["sister", false],
    ]);
  });
});
