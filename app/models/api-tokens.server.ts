import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { prisma } from "#app/utils/db.server.ts";
import { randomToken, sha256 } from "#app/utils/crypto.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";

export const API_TOKEN_SCOPES = ["import"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A token stops working a year after creation unless another lifetime is chosen. */
export const DEFAULT_TOKEN_DAYS = 365;
export const MAX_TOKEN_DAYS = 3 * 365;

export function isApiTokenScope(value: string): value is ApiTokenScope {
  return (API_TOKEN_SCOPES as readonly string[]).includes(value);
}

export type ApiTokenErrorCode = "name" | "days";

export const API_TOKEN_ERRORS: DomainErrorTable<ApiTokenErrorCode> = {
  name: { kind: "invalid", message: "tokens.invalid" },
  days: { kind: "invalid", message: "tokens.invalid" },
};

/** A token asked for with a name or lifetime out of range (the detail, in English, is for the command line). */
export class ApiTokenError extends DomainError<ApiTokenErrorCode> {
  constructor(code: ApiTokenErrorCode, detail: string) {
    super(code, API_TOKEN_ERRORS, {}, detail);
  }
}

/** Returns the token once; only its hash is stored. */
export async function createApiToken(input: {
  name: string;
  scope: ApiTokenScope;
  createdById?: string | null;
  days?: number;
}) {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 80)
    throw new ApiTokenError("name", "A token needs a name of 1 to 80 characters.");
  const days = input.days ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw new ApiTokenError("days", `A token lives 1 to ${MAX_TOKEN_DAYS} days.`);
  }
  const token = `sm_${randomToken(32)}`;
  const at = now();
  const expiresAt = new Date(at.getTime() + days * 86_400_000);
  const row = await prisma.apiToken.create({
    data: {
      name,
      scope: input.scope,
      tokenHash: sha256(token),
      createdById: input.createdById ?? null,
      createdAt: at,
      expiresAt,
    },
  });
  await audit({
    actorId: input.createdById ?? null,
    action: "token.created",
    targetType: "api-token",
    targetId: row.id,
    details: { name, scope: input.scope, expiresAt: expiresAt.toISOString() },
  });
  return { id: row.id, token, expiresAt };
}

export type ApiTokenState = "active" | "revoked" | "expired";

export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: ApiTokenState;
}

/** Every token, newest first, without anything that could be used as the token. */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const at = now();
  const rows = await prisma.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      scope: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { pseudonym: true } },
    },
  });
  return rows.map(({ createdBy, ...row }) => ({
    ...row,
    createdBy: createdBy?.pseudonym ?? null,
    state: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= at ? "expired" : "active",
  }));
}

/**
 * Revokes a token by its id (or an unambiguous start of it, for the command line).
 * False when there is no such token or it was already revoked; audited when it was.
 */
export async function revokeApiToken(idOrPrefix: string, actorId: string | null, via = "admin-page"): Promise<boolean> {
  const wanted = idOrPrefix.trim();
  if (!wanted) return false;
  const matches = await prisma.apiToken.findMany({
    where: { id: { startsWith: wanted } },
    select: { id: true, name: true },
    take: 2,
  });
  const token = matches.find((m) => m.id === wanted) ?? (matches.length === 1 ? matches[0] : null);
  if (!token) return false;
  const { count } = await prisma.apiToken.updateMany({
    where: { id: token.id, revokedAt: null },
    data: { revokedAt: now() },
  });
  if (count === 0) return false;
  await audit({
    actorId,
    action: "token.revoked",
    targetType: "api-token",
    targetId: token.id,
    details: { name: token.name, via },
  });
  return true;
}

/**
 * Checks `Authorization: Bearer …` for a live token with the scope; throws a JSON
 * 401/403. A presented token that is refused (unknown, revoked, expired, wrong scope)
 * is audited: someone holds or guesses a credential.
 */
export async function requireApiToken(request: Request, scope: ApiTokenScope) {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const unauthorized = (status: number, error: string) =>
    new Response(JSON.stringify({ error }), { status, headers: { "Content-Type": "application/json" } });
  if (!match) throw unauthorized(401, "A bearer token is required.");
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: sha256(match[1]) } });
  const refuse = async (reason: string, status: number, error: string): Promise<never> => {
    await audit({
      actorId: null,
      action: "token.refused",
      targetType: "api-token",
      targetId: token?.id,
      details: { reason, scope, path: new URL(request.url).pathname },
    });
    throw unauthorized(status, error);
  };
  if (!token) return refuse("unknown", 401, "The token is unknown or revoked.");
  if (token.revokedAt) return refuse("revoked", 401, "The token is unknown or revoked.");
  if (token.expiresAt && token.expiresAt <= now())
    return refuse("expired", 401, "The token has expired. Ask an admin for a new one.");
  if (token.scope !== scope) return refuse("scope", 403, `The token does not have the "${scope}" scope.`);
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now() } });
  return token;
}
