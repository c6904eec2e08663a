import type { Country, Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";

export const PRISONERS_PER_PAGE = 25;

export interface PrisonerListQuery {
  q?: string;
  country?: Country;
  page?: number;
}

export async function listPrisoners(query: PrisonerListQuery) {
  const terms = (query.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const where: Prisma.PrisonerWhereInput = {
    ...(query.country ? { country: query.country } : {}),
    AND: terms.map((term) => ({
      names: {
        some: {
          OR: [
            { surname: { contains: term, mode: "insensitive" } },
            { givenName: { contains: term, mode: "insensitive" } },
            { patronymic: { contains: term, mode: "insensitive" } },
          ],
        },
      },
    })),
  };
  const page = Math.max(1, query.page ?? 1);
  const [rows, total] = await Promise.all([
    prisma.prisoner.findMany({
      where,
      orderBy: [{ humanitarian: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PRISONERS_PER_PAGE,
      take: PRISONERS_PER_PAGE,
      select: {
        id: true,
        country: true,
        status: true,
        humanitarian: true,
        incommunicado: true,
        doNotWrite: true,
        relativesOnly: true,
        names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true }, take: 1 },
        currentFacility: { select: { name: true, city: true } },
      },
    }),
    prisma.prisoner.count({ where }),
  ]);
  return {
    prisoners: rows.map(({ names, ...rest }) => ({
      ...rest,
      name: names[0] ? [names[0].surname, names[0].givenName, names[0].patronymic].filter(Boolean).join(" ") : "—",
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PRISONERS_PER_PAGE)),
  };
}
