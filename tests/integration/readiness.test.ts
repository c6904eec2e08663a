import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { queueEmail } from "#app/utils/email.server.ts";
import { createSession } from "#app/utils/session.server.ts";
import { allowWrite, healthy, OUTBOX_STUCK_MS, readiness } from "#app/runtime.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

describeEachDatabase("health and readiness", () => {
  // Issue 11, item 7: /healthz said ok while every write failed (a full disk).
  test("readiness fails when the database refuses writes, while liveness still answers", async () => {
    expect(await readiness()).toEqual({ ready: true, checks: { database: "ok", disk: "ok", outbox: "ok" } });
    // What a full disk or a read-only database looks like from here: reads work, writes fail.
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION refuse_writes() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$ LANGUAGE plpgsql`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_writes BEFORE INSERT OR UPDATE ON "RateLimit" FOR EACH ROW EXECUTE FUNCTION refuse_writes()`,
    );
    try {
      expect(await healthy()).toBe(true);
      const result = await readiness();
      expect(result.ready).toBe(false);
      expect(result.checks.database, result.checks.database).toMatch(/^writes fail: ./);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_writes ON "RateLimit"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_writes()`);
    }
    expect((await readiness()).ready).toBe(true);
  });

  test("readiness fails when due mail has waited too long for any worker", async () => {
    await queueEmail({ to: "a@example.org", subject: "s", text: "t", purpose: "test" });
    expect((await readiness()).ready).toBe(true);
    advanceClock(OUTBOX_STUCK_MS + 60_000);
    expect(await readiness()).toMatchObject({
      ready: false,
      checks: { database: "ok", outbox: "1 mail(s) overdue by more than 10 minutes" },
    });
  });
});

describeEachDatabase("write limit", () => {
  // Issue 11, item 10: volunteers at one letter-writing event share an address.
  test("signed-in people are counted per account, not per shared address; others per address", async () => {
    process.env.RATE_LIMIT_WRITES_PER_MINUTE = "3";
    try {
      const users = await Promise.all(
        ["a", "b"].map((n) =>
          prisma.user.create({
            data: { email: `${n}@example.org`, pseudonym: n.toUpperCase(), vettingState: "approved" },
          }),
        ),
      );
      const cookies = await Promise.all(
        users.map(async (u) => (await createSession(u.id, new Request("http://localhost"))).split(";")[0]),
      );
      const ip = "203.0.113.50";
      for (let i = 0; i < 3; i++) expect((await allowWrite({ ip, cookie: cookies[0] })).allowed).toBe(true);
      expect((await allowWrite({ ip, cookie: cookies[0] })).allowed).toBe(false);
      // Same address, another volunteer: unaffected. Changing address does not help the first.
      expect((await allowWrite({ ip, cookie: cookies[1] })).allowed).toBe(true);
      expect((await allowWrite({ ip: "198.51.100.9", cookie: cookies[0] })).allowed).toBe(false);
      // Anonymous clients are counted by address; a made-up cookie is anonymous.
      for (let i = 0; i < 3; i++) expect((await allowWrite({ ip, cookie: "__session=forged" })).allowed).toBe(true);
      expect((await allowWrite({ ip, cookie: undefined })).allowed).toBe(false);
    } finally {
      delete process.env.RATE_LIMIT_WRITES_PER_MINUTE;
    }
  });
});
