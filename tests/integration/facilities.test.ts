import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import {
  backfillFacilityIdentity,
  findDuplicateFacilities,
  FacilityMergeError,
  mergeFacilities,
} from "#app/models/facilities.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createPrisoner, createUser } from "#tests/support/factories.ts";

function user(role: "volunteer" | "coordinator") {
  return createUser({ email: `${role}@example.org`, pseudonym: role, role });
}

/** The same colony stored twice by older imports, and another one. */
async function storedTwice() {
  const common = { country: "BY" as const, type: "colony" as const, number: "2", city: "Бобруйск", identityKey: null };
  const first = await prisma.facility.create({
    data: {
      ...common,
      name: "ИК №2",
      street: "ул. Сикорского, 1",
      postcode: "213800",
      acceptsNonRelativeLetters: true,
      parcelQuotaPerYear: 6,
      languages: ["ru", "be"],
    },
  });
  const second = await prisma.facility.create({
    data: {
      ...common,
      name: "ИК-2",
      street: "",
      postcode: "",
      acceptsNonRelativeLetters: false,
      parcelQuotaPerYear: 4,
      languages: ["ru"],
      rulesNote: "Letters from relatives only since 2023.",
    },
  });
  const other = await prisma.facility.create({
    data: {
      country: "BY",
      type: "colony",
      number: "4",
      name: "ИК №4",
      street: "ул. Антошкина, 3",
      postcode: "246035",
      city: "Гомель",
    },
  });
  return { first, second, other };
}

function prisonerIn(facilityId: string, surname: string) {
  return createPrisoner(
    { currentFacilityId: facilityId, stays: { create: { facilityId } } },
    { names: [{ script: "cyrillic_be", surname, givenName: "Ігар", isPrimary: true }] },
  );
}

describeEachDatabase("facilities stored more than once", () => {
  test("backfill gives every facility its identity; the two spellings of one colony share it, the other colony does not", async () => {
    const { first, second, other } = await storedTwice();
    expect(await backfillFacilityIdentity()).toBe(3);
    const keys = new Map((await prisma.facility.findMany()).map((f) => [f.id, f.identityKey]));
    expect(keys.get(first.id)).toBeTruthy();
    expect(keys.get(first.id)).toBe(keys.get(second.id));
    expect(keys.get(other.id)).not.toBe(keys.get(first.id));
    expect(await backfillFacilityIdentity()).toBe(0);
    const groups = await findDuplicateFacilities();
    expect(groups).toHaveLength(1);
    expect(groups[0].facilities.map((f) => f.id)).toEqual([first.id, second.id]);
  });

  test("a merge moves everyone's place, history and letters to the facility kept, which keeps the stricter rules", async () => {
    const { first, second, other } = await storedTwice();
    const coordinator = await user("coordinator");
    const a = await prisonerIn(first.id, "Лосік");
    const b = await prisonerIn(second.id, "Знак");
    const letter = await prisma.letter.create({
      data: { prisonerId: b.id, facilityId: second.id, state: "sent", status: "posted" },
    });

    await mergeFacilities(coordinator, first.id, [first.id, second.id]);

    expect(await prisma.facility.findUnique({ where: { id: second.id } })).toBeNull();
    const kept = await prisma.facility.findUniqueOrThrow({ where: { id: first.id } });
    expect(kept).toMatchObject({
      acceptsNonRelativeLetters: false,
      parcelQuotaPerYear: 4,
      languages: ["ru"],
      street: "ул. Сикорского, 1",
      postcode: "213800",
      rulesNote: "Letters from relatives only since 2023.",
    });
    for (const id of [a.id, b.id]) {
      expect((await prisma.prisoner.findUniqueOrThrow({ where: { id } })).currentFacilityId).toBe(first.id);
      expect((await prisma.facilityStay.findMany({ where: { prisonerId: id } })).map((s) => s.facilityId)).toEqual([
        first.id,
      ]);
    }
    expect((await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).facilityId).toBe(first.id);
    expect(await prisma.auditLog.count({ where: { action: "facility.merged", targetId: first.id } })).toBe(1);
    expect(await prisma.facility.findUnique({ where: { id: other.id } })).not.toBeNull();
    expect(await findDuplicateFacilities()).toEqual([]);
  });

  test("different places are never merged, and volunteers cannot merge", async () => {
    const { first, other, second } = await storedTwice();
    const coordinator = await user("coordinator");
    await expect(mergeFacilities(coordinator, first.id, [first.id, other.id])).rejects.toBeInstanceOf(
      FacilityMergeError,
    );
    await expect(mergeFacilities(await user("volunteer"), first.id, [first.id, second.id])).rejects.toBeInstanceOf(
      PermissionError,
    );
    expect(await prisma.facility.count()).toBe(3);
  });
});
