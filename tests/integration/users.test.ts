import { expect, test } from "vitest";
import type { Role, VettingState } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { openMail } from "#app/utils/email.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { createSession } from "#app/utils/session.server.ts";
import {
  changeRole,
  changeVetting,
  createVolunteer,
  listUsers,
  PermissionError,
  updateProfile,
} from "#app/models/users.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

async function makeUser(role: Role, vettingState: VettingState, email: string, locale = "en") {
  return prisma.user.create({ data: { email, pseudonym: email.split("@")[0], role, vettingState, locale } });
}

async function sessionsOf(userId: string) {
  return prisma.session.count({ where: { userId } });
}

async function signInTwice(userId: string) {
  const request = new Request("http://localhost/login/verify");
  await createSession(userId, request);
  await createSession(userId, request);
}

async function expectRefused(promise: Promise<unknown>, reason: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PermissionError);
  expect((error as PermissionError).message).toBe(reason);
  expect((error as PermissionError).status).toBe(403);
}

describeEachDatabase("users and vetting", () => {
  test("createVolunteer makes a pending volunteer with a normalised address and an audit row", async () => {
    const user = await createVolunteer({
      email: " New@Example.ORG ",
      pseudonym: "  Forest Bird ",
      locale: "ru",
      writesIn: ["ru", "be"],
    });
    expect(user).toMatchObject({
      email: "new@example.org",
      pseudonym: "Forest Bird",
      role: "volunteer",
      vettingState: "pending",
      writesIn: ["ru", "be"],
    });
    const [entry] = await prisma.auditLog.findMany();
    expect(entry).toMatchObject({ action: "user.created", actorId: user.id, targetId: user.id });
  });

  test("a coordinator approves a pending volunteer: approved, audited, told by e-mail", async () => {
    const coordinator = await makeUser("coordinator", "approved", "coordinator@example.org");
    const volunteer = await makeUser("volunteer", "pending", "bird@example.org", "ru");
    const updated = await changeVetting(coordinator, volunteer.id, "approve");
    expect(updated).toMatchObject({ vettingState: "approved", approvedById: coordinator.id });
    expect(updated.approvedAt).toBeInstanceOf(Date);

    const audit = await prisma.auditLog.findMany({ where: { targetId: volunteer.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "user.approved",
      actorId: coordinator.id,
      targetType: "user",
      details: { from: "pending", to: "approved" },
    });

    const mails = (await prisma.emailOutbox.findMany()).map(openMail);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "bird@example.org", purpose: "approval", state: "queued" });
    // In the volunteer's language, with nothing revealing in the subject.
    expect(mails[0].subject).toMatch(/[а-яё]/i);
    expect(mails[0].subject).not.toContain("bird");
    expect(mails[0].textBody).toContain("bird");
    expect(mails[0].textBody).toContain(`${process.env.APP_URL}/login`);
  });

  test("approving an already approved volunteer sends no second e-mail and keeps the first approver", async () => {
    const first = await makeUser("coordinator", "approved", "first@example.org");
    const second = await makeUser("coordinator", "approved", "second@example.org");
    const volunteer = await makeUser("volunteer", "pending", "bird@example.org");
    const approved = await changeVetting(first, volunteer.id, "approve");
    advanceClock(60_000);
    const again = await changeVetting(second, volunteer.id, "approve");
    expect(again.approvedById).toBe(first.id);
    expect(again.approvedAt).toEqual(approved.approvedAt);
    expect(await prisma.emailOutbox.count()).toBe(1);
  });

  test("a volunteer, a pending or a suspended coordinator cannot approve", async () => {
    const target = await makeUser("volunteer", "pending", "target@example.org");
    for (const [role, state] of [
      ["volunteer", "approved"],
      ["coordinator", "pending"],
      ["coordinator", "suspended"],
    ] as const) {
      const actor = await makeUser(role, state, `${role}-${state}@example.org`);
      await expectRefused(changeVetting(actor, target.id, "approve"), "approve:volunteers");
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).vettingState).toBe("pending");
    expect(await prisma.auditLog.count()).toBe(0);
    expect(await prisma.emailOutbox.count()).toBe(0);
  });

  test("a coordinator cannot suspend an admin, another coordinator, or themselves", async () => {
    const coordinator = await makeUser("coordinator", "approved", "coordinator@example.org");
    const other = await makeUser("coordinator", "approved", "other@example.org");
    const admin = await makeUser("admin", "approved", "admin@example.org");
    await expectRefused(changeVetting(coordinator, admin.id, "suspend"), "privileged-target");
    await expectRefused(changeVetting(coordinator, other.id, "suspend"), "privileged-target");
    await expectRefused(changeVetting(coordinator, coordinator.id, "suspend"), "self");
    const states = await prisma.user.findMany({ select: { vettingState: true } });
    expect(states.every((u) => u.vettingState === "approved")).toBe(true);
  });

  test("an admin can suspend a coordinator but not themselves", async () => {
    const admin = await makeUser("admin", "approved", "admin@example.org");
    const coordinator = await makeUser("coordinator", "approved", "coordinator@example.org");
    expect((await changeVetting(admin, coordinator.id, "suspend")).vettingState).toBe("suspended");
    await expectRefused(changeVetting(admin, admin.id, "suspend"), "self");
  });

  test("suspending signs the person out everywhere; reinstating sends no e-mail", async () => {
    const coordinator = await makeUser("coordinator", "approved", "coordinator@example.org");
    const volunteer = await makeUser("volunteer", "approved", "bird@example.org");
    await signInTwice(volunteer.id);
    await signInTwice(coordinator.id);
    const suspended = await changeVetting(coordinator, volunteer.id, "suspend");
    expect(suspended.vettingState).toBe("suspended");
    expect(await sessionsOf(volunteer.id)).toBe(0);
    expect(await sessionsOf(coordinator.id)).toBe(2);
    advanceClock(1_000);
    const reinstated = await changeVetting(coordinator, volunteer.id, "reinstate");
    expect(reinstated.vettingState).toBe("approved");
    const actions = (await prisma.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.suspended", "user.reinstated"]);
    expect(await prisma.emailOutbox.count()).toBe(0);
  });

  test("changeRole: only an admin, never on themselves; audited and ends the target's sessions", async () => {
    const admin = await makeUser("admin", "approved", "admin@example.org");
    const coordinator = await makeUser("coordinator", "approved", "coordinator@example.org");
    const volunteer = await makeUser("volunteer", "approved", "bird@example.org");
    await signInTwice(volunteer.id);
    await signInTwice(admin.id);

    await expectRefused(changeRole(coordinator, volunteer.id, "coordinator"), "change:roles");
    await expectRefused(changeRole(volunteer, volunteer.id, "admin"), "change:roles");
    await expectRefused(changeRole(admin, admin.id, "volunteer"), "self");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: volunteer.id } })).role).toBe("volunteer");
    expect(await sessionsOf(volunteer.id)).toBe(2);

    const promoted = await changeRole(admin, volunteer.id, "coordinator");
    expect(promoted.role).toBe("coordinator");
    expect(await sessionsOf(volunteer.id)).toBe(0);
    expect(await sessionsOf(admin.id)).toBe(2);
    const [entry] = await prisma.auditLog.findMany({ where: { action: "user.role_changed" } });
    expect(entry).toMatchObject({
      actorId: admin.id,
      targetId: volunteer.id,
      details: { from: "volunteer", to: "coordinator" },
    });
  });

  test("changeRole to the same role changes nothing and audits nothing", async () => {
    const admin = await makeUser("admin", "approved", "admin@example.org");
    const volunteer = await makeUser("volunteer", "approved", "bird@example.org");
    await signInTwice(volunteer.id);
    await changeRole(admin, volunteer.id, "volunteer");
    expect(await sessionsOf(volunteer.id)).toBe(2);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  test("listUsers filters by state, role and text, case-insensitively", async () => {
    await makeUser("volunteer", "pending", "anna@example.org");
    await makeUser("volunteer", "approved", "boris@example.org");
    await makeUser("coordinator", "approved", "coordinator@example.org");
    expect((await listUsers({ state: "pending" })).users.map((u) => u.email)).toEqual(["anna@example.org"]);
    expect((await listUsers({ role: "coordinator" })).total).toBe(1);
    expect((await listUsers({ query: "BORIS" })).users.map((u) => u.email)).toEqual(["boris@example.org"]);
    expect((await listUsers({})).total).toBe(3);
  });

  test("updateProfile trims the pseudonym and saves languages", async () => {
    const user = await makeUser("volunteer", "approved", "bird@example.org");
    const updated = await updateProfile(user.id, { pseudonym: "  Night Owl ", writesIn: ["pl"], locale: "be" });
    expect(updated).toMatchObject({ pseudonym: "Night Owl", writesIn: ["pl"], locale: "be" });
  });
});
