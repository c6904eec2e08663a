import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { BulkError, bulkChangeStatus } from "#app/models/dispatch/bulk.server.ts";
import type { ItemRef } from "#app/models/tracking.server.ts";
import { isRetryableTransactionError, retryTransaction, RetriesExhaustedError } from "#app/utils/retry.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const FINALS = ["delivered", "reply_received", "returned", "censored", "refused", "unknown"];

async function fixture(count: number) {
  const coordA = await prisma.user.create({
    data: { email: "a@example.org", pseudonym: "a", role: "coordinator", vettingState: "approved" },
  });
  const coordB = await prisma.user.create({
    data: { email: "b@example.org", pseudonym: "b", role: "coordinator", vettingState: "approved" },
  });
  const writer = await prisma.user.create({
    data: { email: "w@example.org", pseudonym: "w", vettingState: "approved", writesIn: ["ru"] },
  });
  const facility = await prisma.facility.create({
    data: {
      country: "BY",
      type: "colony",
      name: "ИК №4",
      street: "ул. Антошкина, 3",
      postcode: "246035",
      city: "Гомель",
      languages: ["ru"],
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
      slug: "atelier",
      name: "Atelier",
      description: "",
      countries: ["BY"],
      itemKinds: ["letter"],
      languages: ["ru"],
      handover: "email",
      statuses: {
        create: [
          { key: "queued", position: 0 },
          { key: "posted", position: 1 },
          ...FINALS.map((key, i) => ({ key, position: 2 + i, isFinal: true })),
        ],
      },
    },
  });
  const at = now();
  const body = encrypt("Здравствуйте!");
  await prisma.letter.createMany({
    data: Array.from({ length: count }, () => ({
      authorId: writer.id,
      prisonerId: prisoner.id,
      facilityId: facility.id,
      routeId: route.id,
      kind: "letter" as const,
      state: "sent" as const,
      status: "queued",
      language: "ru",
      bodyEncrypted: body,
      senderName: "w",
      sentAt: at,
      statusChangedAt: at,
    })),
  });
  const refs: ItemRef[] = (await prisma.letter.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((l) => ({
    type: "letter",
    id: l.id,
  }));
  return { coordA, coordB, refs };
}

describeEachDatabase("overlapping bulk changes", () => {
  test("two coordinators moving the same 200 items in opposite orders: no deadlock, one batch wins, the other is told which items and why", async () => {
    const { coordA, coordB, refs } = await fixture(200);
    const results = await Promise.allSettled([
      bulkChangeStatus(coordA, refs, { to: "posted" }),
      bulkChangeStatus(coordB, [...refs].reverse(), { to: "posted" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    // The loser gets the documented refusal naming every item, not a database error.
    const error = rejected[0].reason as unknown;
    expect(error).toBeInstanceOf(BulkError);
    const failures = (error as BulkError).failures;
    expect(failures).toHaveLength(200);
    expect(new Set(failures.map((f) => f.reason))).toEqual(new Set(["same-status"]));
    expect(await prisma.letter.count({ where: { status: "posted" } })).toBe(200);
    expect(await prisma.statusEvent.count()).toBe(200);
    expect(await prisma.batch.count()).toBe(1);
  }, 60_000);
});

test("a deadlocked transaction is run again, a bounded number of times", async () => {
  const deadlock = Object.assign(new Error("Raw query failed. Code: `40P01`. Message: `deadlock detected`"), {
    code: "P2010",
  });
  let calls = 0;
  expect(
    await retryTransaction(async () => {
      calls++;
      if (calls < 3) throw deadlock;
      return "done";
    }),
  ).toBe("done");
  expect(calls).toBe(3);

  calls = 0;
  await expect(
    retryTransaction(async () => {
      calls++;
      throw Object.assign(
        new Error("Transaction failed due to a write conflict or a deadlock. Please retry your transaction"),
        { code: "P2034" },
      );
    }, 3),
  ).rejects.toBeInstanceOf(RetriesExhaustedError);
  expect(calls).toBe(3);

  calls = 0;
  await expect(
    retryTransaction(async () => {
      calls++;
      throw new Error("unique constraint");
    }),
  ).rejects.toThrow("unique constraint");
  expect(calls).toBe(1);
  expect(isRetryableTransactionError({ meta: { driverAdapterError: { cause: { originalCode: "40001" } } } })).toBe(
    true,
  );
});
