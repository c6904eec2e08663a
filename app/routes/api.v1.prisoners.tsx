import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiToken } from "#app/models/api-tokens.server.ts";
import { searchPrisoners } from "#app/models/prisoner-search.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { fullName } from "#app/names/match-keys.ts";

/**
 * GET /api/v1/prisoners?q=NAME with a bearer token: the same
 * transliteration-aware search as the web, best matches first.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiToken(request, "import");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim();
  if (!q) return Response.json({ error: "The q query parameter is required." }, { status: 400 });
  const limit = Math.min(Math.max(Number.parseInt(url.searchParams.get("limit") ?? "20", 10) || 20, 1), 100);
  const found = await searchPrisoners({ q, sort: "relevance", perPage: limit });
  const names = await prisma.prisonerName.findMany({
    where: { prisonerId: { in: found.prisoners.map((p) => p.id) } },
    orderBy: [{ isPrimary: "desc" }],
    select: { prisonerId: true, surname: true, givenName: true, patronymic: true },
  });
  return Response.json({
    prisoners: found.prisoners.map((p) => ({
      id: p.id,
      names: names.filter((n) => n.prisonerId === p.id).map((n) => fullName(n)),
      birthDate: p.birthDate ? (p.birthYearOnly ? p.birthDate.toISOString().slice(0, 4) : p.birthDate.toISOString().slice(0, 10)) : null,
      facility: p.currentFacility ? `${p.currentFacility.name}, ${p.currentFacility.city}` : null,
      status: p.status,
      country: p.country,
    })),
  });
}
