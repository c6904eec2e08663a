import { expect, test } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { prisma } from "#app/utils/db.server.ts";
import { createSession } from "#app/utils/session.server.ts";
import { issueSignInCode } from "#app/models/sign-in.server.ts";
import { installTotpSecret, totpCodeFor } from "#app/models/totp.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { loader as loginLoader, action as loginAction } from "#app/routes/login.tsx";
import { action as verifyAction } from "#app/routes/login_.verify.tsx";
import { action as twoFactorAction } from "#app/routes/2fa.tsx";
import { action as languageAction } from "#app/routes/language.tsx";
import { describeEachDatabase } from "#tests/support/db.ts";
import { TRICKY_REDIRECTS } from "#tests/support/redirects.ts";

// Issue 11, item 15: every route that sends a person on to a place named in the
// request, after a genuine sign-in or second factor, with the table of tricky inputs.
const BASE = "http://localhost:3999";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
let ipCounter = 0;

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;

/** Runs a loader or action and returns the Location it redirects to. */
async function locationOf(handler: Handler, request: Request): Promise<string> {
  ipCounter++;
  try {
    const result = await handler({
      request,
      params: {},
      context: { clientIp: `192.0.2.${ipCounter % 250}`, cspNonce: "n" },
    });
    throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    expect(thrown.status).toBe(302);
    return thrown.headers.get("location")!;
  }
}

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** Where a browser goes when it follows the Location from our site. */
function staysOnSite(location: string): boolean {
  const target = new URL(location, `${BASE}/somewhere`);
  return target.origin === BASE && !location.startsWith("//") && !location.includes("\\");
}

async function sessionCookie(userId: string): Promise<string> {
  return (await createSession(userId, new Request(BASE))).split(";")[0];
}

describeEachDatabase("redirects after sign-in never leave the site", () => {
  test("GET /login?redirectTo=… when already signed in", async () => {
    const user = await prisma.user.create({
      data: { email: "v@example.org", pseudonym: "V", vettingState: "approved" },
    });
    const cookie = await sessionCookie(user.id);
    const escaping: string[] = [];
    for (const to of TRICKY_REDIRECTS) {
      const location = await locationOf(
        loginLoader as Handler,
        new Request(`${BASE}/login?${new URLSearchParams({ redirectTo: to })}`, { headers: { Cookie: cookie } }),
      );
      if (!staysOnSite(location)) escaping.push(`${to} → ${location}`);
    }
    expect(escaping).toEqual([]);
    expect(
      await locationOf(
        loginLoader as Handler,
        new Request(`${BASE}/login?redirectTo=%2Fprisoners%3Fq%3Dx`, { headers: { Cookie: cookie } }),
      ),
    ).toBe("/prisoners?q=x");
  });

  test("POST /login keeps only a safe redirectTo in the verify link", async () => {
    const escaping: string[] = [];
    for (const to of TRICKY_REDIRECTS) {
      const location = await locationOf(
        loginAction as Handler,
        post("/login", { email: `x${ipCounter}@example.org`, redirectTo: to, website: "" }),
      );
      const next = new URL(location, BASE).searchParams.get("redirectTo");
      if (next !== null && !staysOnSite(next)) escaping.push(`${to} → ${next}`);
    }
    expect(escaping).toEqual([]);
  });

  test("the sign-in link's code, entered with a tricky redirectTo", async () => {
    const user = await prisma.user.create({
      data: { email: "link@example.org", pseudonym: "Link", vettingState: "approved" },
    });
    const escaping: string[] = [];
    for (const to of TRICKY_REDIRECTS) {
      const { code } = await issueSignInCode(user.email);
      const location = await locationOf(
        verifyAction as Handler,
        post("/login/verify", { email: user.email, code, redirectTo: to, website: "" }),
      );
      if (!staysOnSite(location)) escaping.push(`${to} → ${location}`);
    }
    expect(escaping).toEqual([]);
  });

  test("POST /2fa?redirectTo=… after a valid authenticator code", async () => {
    const admin = await prisma.user.create({
      data: { email: "a@example.org", pseudonym: "A", role: "admin", vettingState: "approved" },
    });
    await installTotpSecret(admin.id, SECRET);
    const escaping: string[] = [];
    for (const to of TRICKY_REDIRECTS) {
      const cookie = await sessionCookie(admin.id);
      // Each code is good once per 30 s step; the table is longer than the 10 tries per 15 minutes.
      advanceClock(30_000);
      await prisma.rateLimit.deleteMany();
      const request = post(`/2fa?${new URLSearchParams({ redirectTo: to })}`, { code: totpCodeFor(SECRET) }, cookie);
      const location = await locationOf(twoFactorAction as Handler, request);
      if (!staysOnSite(location)) escaping.push(`${to} → ${location}`);
    }
    expect(escaping).toEqual([]);
  });

  test("POST /language", async () => {
    const escaping: string[] = [];
    for (const to of TRICKY_REDIRECTS) {
      const location = await locationOf(languageAction as Handler, post("/language", { locale: "ru", redirectTo: to }));
      if (!staysOnSite(location)) escaping.push(`${to} → ${location}`);
    }
    expect(escaping).toEqual([]);
    expect(
      await locationOf(languageAction as Handler, post("/language", { locale: "ru", redirectTo: "/letters?page=2" })),
    ).toBe("/letters?page=2");
  });

  test("a wrong authenticator code and a locked-out second factor are audited", async () => {
    const admin = await prisma.user.create({
      data: { email: "t@example.org", pseudonym: "T", role: "admin", vettingState: "approved" },
    });
    await installTotpSecret(admin.id, SECRET);
    const cookie = await sessionCookie(admin.id);
    const wrong = String((Number(totpCodeFor(SECRET)) + 500_000) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 11; i++) {
      const result = await twoFactorAction({ request: post("/2fa", { code: wrong }, cookie), params: {}, context: {} });
      expect(result).toHaveProperty("fieldErrors.code");
    }
    const entries = await prisma.auditLog.findMany({ where: { targetId: admin.id }, orderBy: { createdAt: "asc" } });
    expect(entries.filter((e) => e.action === "auth.totp_failed")).toHaveLength(10);
    expect(entries.filter((e) => e.action === "auth.totp_locked")).toHaveLength(1);
    expect(entries.filter((e) => e.action === "auth.privileged_sign_in")).toHaveLength(0);
  });
});
