import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiToken } from "#app/models/api-tokens.server.ts";
import { searchPrisonersForApi } from "#app/models/prisoner-search.server.ts";

/**
 * GET /api/v1/prisoners?q=NAME with a bearer token: the same
 * transliteration-aware search as the web, best matches first. Each prisoner has
 * "status" (one of the ten situation values), "releasedOn" (yyyy-mm-dd or null),
 * "releaseKind" (or null) and "facilityAddress" (null when not held in a facility).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiToken(request, "import");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim();
  if (!q) return Response.json({ error: "The q query parameter is required." }, { status: 400 });
  const limit = Math.min(Math.max(Number.parseInt(url.searchParams.get("limit") ?? "20", 10) || 20, 1), 100);
  return Response.json({ prisoners: await searchPrisonersForApi(q, limit) });
}
