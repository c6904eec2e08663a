import type { User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { reachableWhere } from "./situation.server.ts";
import { adoptedPeople } from "./picking.server.ts";

/** The registry's counts (and for coordinators the volunteers'), for the home page. */
export async function registryStats(coordinator: boolean) {
  const [prisoners, humanitarian, pendingVolunteers, approvedVolunteers] = await Promise.all([
    prisma.prisoner.count({ where: reachableWhere }),
    prisma.prisoner.count({ where: { humanitarian: true, ...reachableWhere } }),
    coordinator ? prisma.user.count({ where: { vettingState: "pending" } }) : Promise.resolve(null),
    coordinator ? prisma.user.count({ where: { vettingState: "approved", role: "volunteer" } }) : Promise.resolve(null),
  ]);
  return { prisoners, humanitarian, pendingVolunteers, approvedVolunteers };
}

export const QUIET_DAYS = 30;

/**
 * What needs this volunteer now, most important first: unread replies, drafts,
 * self-post letters to print, adopted people not written to for 30 days, adopted
 * people's birthdays this month; and their own counts.
 */
export async function volunteerHome(user: User) {
  const at = now();
  const [unreadReplies, drafts, toPrintCandidates, sent, delivered, replies, adopted] = await Promise.all([
    prisma.reply.findMany({
      where: { readByWriterAt: null, letter: { authorId: user.id } },
      orderBy: { receivedOn: "desc" },
      select: {
        id: true,
        receivedOn: true,
        letterId: true,
        prisonerId: true,
        prisoner: {
          select: {
            names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } },
          },
        },
      },
    }),
    prisma.letter.findMany({
      where: { authorId: user.id, state: "draft" },
      orderBy: { updatedAt: "desc" },
      select: {
        id: true,
        kind: true,
        updatedAt: true,
        prisoner: {
          select: {
            names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } },
          },
        },
      },
    }),
    prisma.letter.findMany({
      where: { authorId: user.id, state: "sent", route: { handover: "print_pdf" } },
      select: {
        id: true,
        kind: true,
        status: true,
        route: { select: { statuses: { orderBy: { position: "asc" }, take: 1, select: { key: true } } } },
        prisoner: {
          select: {
            names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } },
          },
        },
      },
    }),
    prisma.letter.count({ where: { authorId: user.id, state: { not: "draft" } } }),
    prisma.letter.count({ where: { authorId: user.id, status: { in: ["delivered", "reply_received"] } } }),
    prisma.reply.count({ where: { letter: { authorId: user.id } } }),
    adoptedPeople(user.id),
  ]);
  const nameOf = (p: { names: { surname: string; givenName: string; patronymic: string | null }[] }) =>
    p.names[0] ? fullName(p.names[0]) : "—";
  const month = at.getUTCMonth();
  const quietBefore = at.getTime() - QUIET_DAYS * 86_400_000;
  return {
    unreadReplies: unreadReplies.map((r) => ({
      id: r.id,
      receivedOn: r.receivedOn,
      letterId: r.letterId,
      prisonerId: r.prisonerId,
      name: nameOf(r.prisoner),
    })),
    drafts: drafts.map((d) => ({ id: d.id, kind: d.kind, updatedAt: d.updatedAt, name: nameOf(d.prisoner) })),
    toPrint: toPrintCandidates
      .filter((l) => l.status === l.route?.statuses[0]?.key)
      .map((l) => ({ id: l.id, kind: l.kind, name: nameOf(l.prisoner) })),
    quietAdopted: adopted.people.filter((p) => (p.lastLetterAt ?? p.adoptedAt).getTime() < quietBefore),
    birthdays: adopted.people.filter((p) => p.birthDate && p.birthDate.getUTCMonth() === month),
    counts: { sent, delivered, replies },
    adopted,
  };
}

/** The count behind the navigation's unread marker. */
/** Runs on every page of a writer (the menu's badge): one plain query, no query planning by Prisma. */
export async function unreadReplyCount(userId: string): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "Reply" r JOIN "Letter" l ON l."id" = r."letterId"
    WHERE r."readByWriterAt" IS NULL AND l."authorId" = ${userId}`;
  return row?.count ?? 0;
}
