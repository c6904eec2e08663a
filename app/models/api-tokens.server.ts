import { prisma } from "#app/utils/db.server.ts";
import { randomToken, sha256 } from "#app/utils/crypto.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";

export const API_TOKEN_SCOPES = ["import"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export function isApiTokenScope(value: string): value is ApiTokenScope {
  return (API_TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Returns the token once; only its hash is stored. */
export async function createApiToken(input: { name: string; scope: ApiTokenScope; createdById?: string | null }) {
  const token = `sm_${randomToken(32)}`;
  const row = await prisma.apiToken.create({
    data: { name: input.name, scope: input.scope, tokenHash: sha256(token), createdById: input.createdById ?? null, createdAt: now() },
  });
  await audit({
    actorId: input.createdById ?? null,
    action: "token.created",
    targetType: "api-token",
    targetId: row.id,
    details: { name: input.name, scope: input.scope },
  });
  return { id: row.id, token };
}

export async function revokeApiToken(id: string, actorId: string | null) {
  await prisma.apiToken.update({ where: { id }, data: { revokedAt: now() } });
  await audit({ actorId, action: "token.revoked", targetType: "api-token", targetId: id });
}

/** Checks `Authorization: Bearer …` for a live token with the scope; throws a JSON 401/403. */
export async function requireApiToken(request: Request, scope: ApiTokenScope) {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const unauthorized = (status: number, error: string) =>
    new Response(JSON.stringify({ error }), { status, headers: { "Content-Type": "application/json" } });
  if (!match) throw unauthorized(401, "A bearer token is required.");
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: sha256(match[1]) } });
  if (!token || token.revokedAt) throw unauthorized(401, "The token is unknown or revoked.");
  if (token.scope !== scope) throw unauthorized(403, `The token does not have the "${scope}" scope.`);
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now() } });
  return token;
}
