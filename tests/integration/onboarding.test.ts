import { expect, test } from "vitest";
import { createCookie, type ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { sessionSecrets } from "#app/utils/config.server.ts";
import { issueSignInCode } from "#app/models/sign-in.server.ts";
import { pruneExpiredSignInCodes } from "#app/models/sign-in.server.ts";
import { action as verifyAction } from "#app/routes/login_.verify.tsx";
import { action as signupAction, loader as signupLoader } from "#app/routes/signup.tsx";
import { describeEachDatabase } from "#tests/support/db.ts";

// Issue 11, item 19: the sign-up cookie used to be a signed e-mail address whose
// 30 minutes only the browser enforced; replayed to POST /signup it signed in the
// existing account, even a suspended one, even after "sign out everywhere".
const BASE = "http://localhost:3999";

async function run(handler: (args: ActionFunctionArgs) => Promise<unknown>, request: Request): Promise<Response> {
  try {
    const result = await handler({ request, params: {}, context: { clientIp: "192.0.2.1", cspNonce: "n" } });
    return new Response(JSON.stringify(result), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

const SIGN_UP = { pseudonym: "Quiet Heron", writesIn: "ru", acceptRules: "on", website: "" };

function cookies(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Verifies a fresh code for an address without an account and returns the onboarding cookie. */
async function onboardingCookieFor(email: string): Promise<string> {
  const { code } = await issueSignInCode(email);
  const response = await run(verifyAction, post("/login/verify", { email, code, website: "" }));
  expect(response.headers.get("location")).toBe("/signup");
  const cookie = cookies(response).find((c) => c.startsWith("__onboarding="));
  expect(cookie).toBeDefined();
  return cookie!;
}

describeEachDatabase("sign-up after a verified code", () => {
  test("the cookie holds no address, creates one account once, and a replay of it is refused", async () => {
    const cookie = await onboardingCookieFor("new@example.org");
    expect(decodeURIComponent(cookie)).not.toContain("new@example.org");
    const first = await run(signupAction, post("/signup", SIGN_UP, cookie));
    expect(first.headers.get("location")).toBe("/pending");
    expect(cookies(first).some((c) => c.startsWith("__session=") && c.length > "__session=".length)).toBe(true);
    expect(await prisma.user.count({ where: { email: "new@example.org" } })).toBe(1);

    const replay = await run(signupAction, post("/signup", SIGN_UP, cookie));
    expect(replay.headers.get("location")).toMatch(/^\/login\?reason=(exists|expired)$/);
    expect(cookies(replay).filter((c) => c.startsWith("__session="))).toEqual([]);
    expect(await prisma.session.count()).toBe(1);
  });

  test("an address that has an account by now is sent to sign in, never signed in by /signup (suspended or not)", async () => {
    const cookie = await onboardingCookieFor("late@example.org");
    // Meanwhile the account was made (another tab), and later suspended.
    await prisma.user.create({ data: { email: "late@example.org", pseudonym: "Late", vettingState: "suspended" } });
    const response = await run(signupAction, post("/signup", SIGN_UP, cookie));
    expect(response.headers.get("location")).toBe("/login?reason=exists");
    expect(cookies(response).filter((c) => c.startsWith("__session="))).toEqual([]);
    expect(
      (await run(signupLoader, new Request(`${BASE}/signup`, { headers: { Cookie: cookie } }))).headers.get("location"),
    ).toBe("/login?reason=exists");
  });

  test("the server, not the browser, ends the 30 minutes; housekeeping removes the record", async () => {
    const cookie = await onboardingCookieFor("slow@example.org");
    advanceClock(31 * 60_000);
    const response = await run(signupAction, post("/signup", SIGN_UP, cookie));
    expect(response.headers.get("location")).toBe("/login?reason=expired");
    expect(await prisma.user.count()).toBe(0);
    expect(await pruneExpiredSignInCodes()).toBe(1);
    expect(await prisma.verification.count({ where: { type: "onboarding" } })).toBe(0);
  });

  test("an old-style signed address cookie is worth nothing", async () => {
    await prisma.user.create({ data: { email: "victim@example.org", pseudonym: "Victim", vettingState: "approved" } });
    const forged = await createCookie("__onboarding", { secrets: sessionSecrets() }).serialize({
      email: "victim@example.org",
    });
    const response = await run(signupAction, post("/signup", SIGN_UP, forged.split(";")[0]));
    expect(response.headers.get("location")).toBe("/login?reason=expired");
    expect(cookies(response).filter((c) => c.startsWith("__session="))).toEqual([]);
  });

  test("two submissions of one sign-up at once make one account", async () => {
    const cookie = await onboardingCookieFor("twice@example.org");
    const responses = await Promise.all([
      run(signupAction, post("/signup", SIGN_UP, cookie)),
      run(signupAction, post("/signup", SIGN_UP, cookie)),
    ]);
    expect(responses.map((r) => r.headers.get("location")).filter((l) => l === "/pending")).toHaveLength(1);
    expect(await prisma.user.count({ where: { email: "twice@example.org" } })).toBe(1);
  });
});
