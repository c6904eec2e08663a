import type { Prisma } from "#app/generated/prisma/client.ts";
import { now } from "#app/utils/clock.server.ts";
import { encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { familyContact } from "#app/utils/sealed-fields.server.ts";
import { holdUntil } from "#app/support/rules.ts";

const DAY = 86_400_000;

/**
 * Demo needs, so a newcomer sees the feature: a family with two needs (one pledged by
 * the demo volunteer), a released person's "welcome home" need, and, when the demo
 * registry has one, a need of a person in an open-type institution ("химия").
 * The family's contact details are invented and encrypted like real ones.
 */
export async function seedDemoNeeds(tx: Prisma.TransactionClient): Promise<void> {
  const at = now();
  const coordinator = await tx.user.findUnique({ where: { email: "coordinator@demo.solidarity.test" } });
  const volunteer = await tx.user.findUnique({ where: { email: "volunteer@demo.solidarity.test" } });
  const held = await tx.prisoner.findFirst({
    where: { country: "BY", status: "convicted", doNotWrite: false },
    orderBy: { sortName: "asc" },
    select: { id: true },
  });
  if (!coordinator || !volunteer || !held) return;
  const base = { createdById: coordinator.id, createdAt: at };
  const in30Days = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 30));

  const familyId = newRowId();
  await tx.family.create({
    data: {
      id: familyId,
      prisonerId: held.id,
      description: "Mother and two children, 6 and 9",
      contactEncrypted: encrypt("Demo contact: Ганна (mother), +375 29 000 00 00, Минск", familyContact(familyId)),
      createdById: coordinator.id,
    },
  });
  const postcards = await tx.need.create({
    data: {
      ...base,
      prisonerId: held.id,
      familyId,
      kind: "children",
      text: "Send a New Year postcard to the children (through the NGO's relay address).",
      quantity: 2,
      via: "task",
      holdDays: 7,
      deadline: in30Days,
    },
  });
  await tx.need.create({
    data: {
      ...base,
      prisonerId: held.id,
      familyId,
      kind: "travel",
      text: "Travel money for the family's long visit to the colony.",
      quantity: 150,
      currency: "EUR",
      via: "fundraiser",
      fundraiserUrl: "https://bysol.org/en/",
      holdDays: 10,
    },
  });
  await tx.pledge.create({
    data: { needId: postcards.id, volunteerId: volunteer.id, amount: 1, heldUntil: holdUntil(at, 7), createdAt: at },
  });

  const released = await tx.prisoner.findFirst({
    where: { status: "released" },
    orderBy: { sortName: "asc" },
    select: { id: true },
  });
  if (released) {
    await tx.need.create({
      data: {
        ...base,
        prisonerId: released.id,
        kind: "gift",
        text: "Welcome home: warm clothes and a phone to start again.",
        quantity: 1,
        via: "task",
        holdDays: 7,
      },
    });
  }
  const openInstitution = await tx.prisoner.findFirst({
    where: { status: "open_institution" },
    orderBy: { sortName: "asc" },
    select: { id: true },
  });
  if (openInstitution) {
    await tx.need.create({
      data: {
        ...base,
        prisonerId: openInstitution.id,
        kind: "clothes",
        text: "Work boots (size 43) for the open-type institution.",
        quantity: 1,
        via: "parcel",
        holdDays: 7,
        deadline: new Date(in30Days.getTime() + 14 * DAY),
      },
    });
  }
}
