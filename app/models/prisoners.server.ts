import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";

const DELIVERED_STATUSES = ["delivered", "reply_received"];

/** Everything the prisoner page shows, for one prisoner. */
export async function getPrisonerProfile(id: string) {
  const prisoner = await prisma.prisoner.findUnique({
    where: { id },
    include: {
      names: { orderBy: [{ isPrimary: "desc" }, { script: "asc" }] },
      currentFacility: true,
      stays: { orderBy: { fromDate: "desc" }, include: { facility: { select: { id: true, name: true, city: true } } } },
      sources: { include: { source: { select: { name: true, slug: true } } } },
      situationChanges: {
        orderBy: { createdAt: "asc" },
        select: { status: true, occurredOn: true, createdAt: true, releaseKind: true, note: true },
      },
    },
  });
  if (!prisoner) return null;
  // Both counts in one plain query (Prisma plans each of its calls afresh, at a cost of CPU).
  const [counts] = await prisma.$queryRaw<{ sent: number; delivered: number }[]>`
    SELECT (count(*) FILTER (WHERE "state"::text <> 'draft'))::int AS "sent",
           (count(*) FILTER (WHERE "status" = ANY(${DELIVERED_STATUSES}::text[])))::int AS "delivered"
    FROM "Letter" WHERE "prisonerId" = ${id}`;
  return { prisoner, letters: { sent: counts?.sent ?? 0, delivered: counts?.delivered ?? 0 } };
}

export type PrisonerProfile = NonNullable<Awaited<ReturnType<typeof getPrisonerProfile>>>;

export async function getPrisonerEdits(id: string) {
  return prisma.prisonerEdit.findMany({
    where: { prisonerId: id },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { editor: { select: { pseudonym: true } } },
  });
}

/** Age in whole years; for a birth year only, the age this year reaches. */
export function ageOf(birthDate: Date | null, yearOnly: boolean, at = now()): number | null {
  if (!birthDate) return null;
  let age = at.getUTCFullYear() - birthDate.getUTCFullYear();
  if (yearOnly) return age;
  const beforeBirthday =
    at.getUTCMonth() < birthDate.getUTCMonth() ||
    (at.getUTCMonth() === birthDate.getUTCMonth() && at.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

export type PrisonerWithNames = Prisma.PrisonerGetPayload<{ include: { names: true } }>;
