import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { sha256 } from "#app/utils/crypto.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { createApiToken, listApiTokens, requireApiToken, revokeApiToken } from "#app/models/api-tokens.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createAdmin } from "#tests/support/factories.ts";

function requestWith(authorization?: string): Request {
  return new Request("http://localhost/api/import", {
    method: "POST",
    headers: authorization ? { authorization } : {},
  });
}

async function refusal(request: Request): Promise<{ status: number; body: { error: string } }> {
  try {
    await requireApiToken(request, "import");
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    expect(error.headers.get("content-type")).toBe("application/json");
    return { status: error.status, body: await error.json() };
  }
  throw new Error("expected requireApiToken to refuse");
}

function makeAdmin() {
  return createAdmin({ email: "admin@example.org", pseudonym: "Admin" });
}

describeEachDatabase("API tokens", () => {
  test("only the hash of a new token is stored, and its creation is audited", async () => {
    const admin = await makeAdmin();
    const { id, token } = await createApiToken({ name: "Viasna import", scope: "import", createdById: admin.id });
    expect(token).toMatch(/^sm_[\w-]{43}$/);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(sha256(token));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(3));
    const [entry] = await prisma.auditLog.findMany();
    expect(entry).toMatchObject({
      action: "token.created",
      actorId: admin.id,
      targetType: "api-token",
      targetId: id,
      details: { name: "Viasna import", scope: "import" },
    });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  test("a live token with the scope is accepted and its last use recorded", async () => {
    const { id, token } = await createApiToken({ name: "import", scope: "import" });
    const accepted = await requireApiToken(requestWith(`Bearer ${token}`), "import");
    expect(accepted.id).toBe(id);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
    expect((await requireApiToken(requestWith(`bearer   ${token}`), "import")).id).toBe(id);
  });

  test("missing, malformed and unknown tokens get 401", async () => {
    await createApiToken({ name: "import", scope: "import" });
    expect((await refusal(requestWith())).status).toBe(401);
    expect((await refusal(requestWith("Basic dXNlcjpwYXNz"))).status).toBe(401);
    expect((await refusal(requestWith("Bearer"))).status).toBe(401);
    const unknown = await refusal(requestWith("Bearer sm_not-a-real-token"));
    expect(unknown).toEqual({ status: 401, body: { error: "The token is unknown or revoked." } });
  });

  test("a revoked token gets 401, and the revocation is audited", async () => {
    const admin = await makeAdmin();
    const { id, token } = await createApiToken({ name: "import", scope: "import", createdById: admin.id });
    await revokeApiToken(id, admin.id);
    expect((await refusal(requestWith(`Bearer ${token}`))).status).toBe(401);
    expect(await prisma.auditLog.count({ where: { action: "token.revoked", targetId: id, actorId: admin.id } })).toBe(
      1,
    );
  });

  test("a token with another scope gets 403", async () => {
    const { id, token } = await createApiToken({ name: "import", scope: "import" });
    // A token issued for some other purpose (scopes are plain strings in the table).
    await prisma.apiToken.update({ where: { id }, data: { scope: "export" } });
    const refused = await refusal(requestWith(`Bearer ${token}`));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('"import"');
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
  });

  test("a token expires after a year by default (or the days chosen) and is then refused, audited", async () => {
    const { id, token, expiresAt } = await createApiToken({ name: "yearly", scope: "import" });
    expect(expiresAt.getTime() - now().getTime()).toBeGreaterThan(364 * 86_400_000);
    expect(expiresAt.getTime() - now().getTime()).toBeLessThanOrEqual(365 * 86_400_000);
    const short = await createApiToken({ name: "a week", scope: "import", days: 7 });
    advanceClock(8 * 86_400_000);
    expect(await refusal(requestWith(`Bearer ${short.token}`))).toEqual({
      status: 401,
      body: { error: "The token has expired. Ask an admin for a new one." },
    });
    expect((await requireApiToken(requestWith(`Bearer ${token}`), "import")).id).toBe(id);
    advanceClock(365 * 86_400_000);
    expect((await refusal(requestWith(`Bearer ${token}`))).status).toBe(401);
    const refusals = await prisma.auditLog.findMany({
      where: { action: "token.refused" },
      orderBy: { createdAt: "asc" },
    });
    expect(refusals.map((r) => [r.targetId, (r.details as { reason: string }).reason])).toEqual([
      [short.id, "expired"],
      [id, "expired"],
    ]);
    await expect(createApiToken({ name: "forever", scope: "import", days: 100_000 })).rejects.toThrow(/1 to \d+ days/);
  });

  test("unknown, revoked and wrong-scope tokens are audited without the token itself", async () => {
    const { id, token } = await createApiToken({ name: "import", scope: "import" });
    await refusal(requestWith("Bearer sm_guessed-token"));
    await revokeApiToken(id, null);
    await refusal(requestWith(`Bearer ${token}`));
    const refusals = await prisma.auditLog.findMany({
      where: { action: "token.refused" },
      orderBy: { createdAt: "asc" },
    });
    expect(refusals.map((r) => [r.targetId, (r.details as { reason: string }).reason])).toEqual([
      [null, "unknown"],
      [id, "revoked"],
    ]);
    const stored = JSON.stringify(refusals);
    expect(stored).not.toContain("guessed-token");
    expect(stored).not.toContain(token);
  });

  test("tokens are listed with state, expiry and last use, never the token; revoking twice does nothing", async () => {
    const admin = await makeAdmin();
    const used = await createApiToken({ name: "used", scope: "import", createdById: admin.id });
    await requireApiToken(requestWith(`Bearer ${used.token}`), "import");
    advanceClock(1000);
    const revoked = await createApiToken({ name: "revoked", scope: "import" });
    expect(await revokeApiToken(revoked.id.slice(0, 12), admin.id, "admin-cli")).toBe(true);
    expect(await revokeApiToken(revoked.id, admin.id)).toBe(false);
    expect(await revokeApiToken("no-such-token", admin.id)).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "token.revoked" } })).toBe(1);
    const list = await listApiTokens();
    expect(list.map((t) => [t.name, t.state, t.createdBy, t.lastUsedAt instanceof Date])).toEqual([
      ["revoked", "revoked", null, false],
      ["used", "active", "Admin", true],
    ]);
    expect(JSON.stringify(list)).not.toContain(used.token);
    expect(JSON.stringify(list)).not.toContain(sha256(used.token));
  });
});
