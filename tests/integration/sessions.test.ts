import { afterAll, expect, test } from "vitest";
import { createCookie } from "@remix-run/node";
import type { Role, VettingState } from "#app/generated/prisma/client.ts";
import { prisma, setDatabase } from "#app/utils/db.server.ts";
import { withRequestMemo } from "#app/utils/request-memo.server.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { sha256 } from "#app/utils/crypto.server.ts";
import {
  createSession,
  endAllSessions,
  endOtherSessions,
  endSession,
  listSessions,
  lookupSession,
  markSecondFactor,
  pruneExpiredSessions,
} from "#app/utils/session.server.ts";
import { getOptionalUser, requireApprovedUser, requirePermission, requireUser } from "#app/utils/auth.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createUser } from "#tests/support/factories.ts";

// Secret rotation: the first secret signs, every listed secret verifies. The
// session cookie object is built once per process from SESSION_SECRET (a rotation
// takes a restart), so the secrets are set here, before anything creates a cookie.
const savedSecret = process.env.SESSION_SECRET;
process.env.SESSION_SECRET = "rotated-new-secret,rotated-old-secret";
afterAll(() => {
  process.env.SESSION_SECRET = savedSecret;
});

const BASE = "http://localhost:3999";
const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

function makeUser(
  role: Role = "volunteer",
  vettingState: VettingState = "approved",
  email = `${role}-${vettingState}@example.org`,
) {
  return createUser({ email, pseudonym: `${role} ${vettingState}`, role, vettingState });
}

/** The cookie pair ("__session=…") a browser would send back after this Set-Cookie. */
function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0];
}

function requestWith(setCookie: string | null, path = "/prisoners?page=2"): Request {
  return new Request(`${BASE}${path}`, {
    headers: setCookie ? { cookie: cookiePair(setCookie), "user-agent": CHROME_ANDROID } : {},
  });
}

async function signIn(userId: string): Promise<{ setCookie: string; request: Request }> {
  const setCookie = await createSession(
    userId,
    new Request(`${BASE}/login/verify`, { headers: { "user-agent": CHROME_ANDROID } }),
  );
  return { setCookie, request: requestWith(setCookie) };
}

/** Runs fn and returns what it threw (a Response for redirects and 403s). */
async function thrown(fn: () => Promise<unknown>): Promise<Response> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

describeEachDatabase("sessions and authorisation", () => {
  test("createSession sets a hardened cookie holding only a random id; the row stores its hash", async () => {
    const user = await makeUser();
    const { setCookie } = await signIn(user.id);
    expect(setCookie).toMatch(/^__session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=2592000/);

    const id = await createCookie("__session", { secrets: ["rotated-new-secret"] }).parse(cookiePair(setCookie));
    expect(typeof id).toBe("string");
    expect(id.length).toBeGreaterThanOrEqual(40);
    const [row] = await prisma.session.findMany({ where: { userId: user.id } });
    expect(row.idHash).toBe(sha256(id));
    expect(JSON.stringify(row)).not.toContain(id);
    expect(setCookie).not.toContain(row.idHash);
    expect(row.deviceLabel).toBe("Chrome · Android");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 86_400_000);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toEqual(row.createdAt);
  });

  test("lookupSession finds the session from the request's cookie", async () => {
    const user = await makeUser();
    const { request } = await signIn(user.id);
    const found = await lookupSession(request);
    expect(found.state).toBe("active");
    if (found.state !== "active") throw new Error("unreachable");
    expect(found.session.user.id).toBe(user.id);
    expect(found.idHash).toBe((await prisma.session.findFirstOrThrow({ where: { userId: user.id } })).idHash);
    // Read with one plain query: every field, with the same types, as Prisma's own read gives.
    await prisma.user.update({ where: { id: user.id }, data: { writesIn: ["ru", "be"], locale: "be" } });
    const again = await lookupSession(request);
    if (again.state !== "active") throw new Error("the session ended");
    expect(again.session).toEqual(
      await prisma.session.findUniqueOrThrow({ where: { idHash: again.idHash }, include: { user: true } }),
    );
    expect(again.session.user.writesIn).toEqual(["ru", "be"]);
    expect(again.session.lastSeenAt).toBeInstanceOf(Date);
  });

  test("no cookie, a forged cookie or an unknown id are not sessions", async () => {
    expect(await lookupSession(requestWith(null))).toEqual({ state: "none" });
    const forged = await createCookie("__session", { secrets: ["guessed-secret"] }).serialize("anything");
    expect(await lookupSession(requestWith(forged))).toEqual({ state: "none" });
    const unknown = await createCookie("__session", { secrets: ["rotated-new-secret"] }).serialize(
      "no-such-session-id",
    );
    expect(await lookupSession(requestWith(unknown))).toEqual({ state: "expired" });
  });

  test("secret rotation: a cookie signed with the old secret still works; new ones use the new secret", async () => {
    const user = await makeUser();
    const id = "session-id-from-before-the-rotation";
    await prisma.session.create({
      data: { idHash: sha256(id), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const oldCookie = await createCookie("__session", { secrets: ["rotated-old-secret"] }).serialize(id);
    const found = await lookupSession(requestWith(oldCookie));
    expect(found.state).toBe("active");

    const { setCookie } = await signIn(user.id);
    expect(await createCookie("__session", { secrets: ["rotated-new-secret"] }).parse(cookiePair(setCookie))).toEqual(
      expect.any(String),
    );
    expect(
      await createCookie("__session", { secrets: ["rotated-old-secret"] }).parse(cookiePair(setCookie)),
    ).toBeNull();
  });

  test("a coordinator idle for more than 30 minutes is signed out; activity keeps the session alive", async () => {
    const coordinator = await makeUser("coordinator");
    const { request } = await signIn(coordinator.id);
    advanceClock(29 * 60_000);
    expect((await lookupSession(request)).state).toBe("active");
    advanceClock(29 * 60_000); // 58 minutes after sign-in, 29 after the last request
    expect((await lookupSession(request)).state).toBe("active");
    advanceClock(31 * 60_000);
    expect((await lookupSession(request)).state).toBe("expired");
    expect(await prisma.session.count({ where: { userId: coordinator.id } })).toBe(0);
    expect((await lookupSession(request)).state).toBe("expired");
  });

  test("a volunteer is not signed out for being idle, only when the session expires after 30 days", async () => {
    const volunteer = await makeUser();
    const { request } = await signIn(volunteer.id);
    advanceClock(31 * 60_000);
    expect((await lookupSession(request)).state).toBe("active");
    advanceClock(20 * 86_400_000);
    expect((await lookupSession(request)).state).toBe("active");
    advanceClock(10 * 86_400_000);
    expect((await lookupSession(request)).state).toBe("expired");
    expect(await prisma.session.count()).toBe(0);
  });

  test("endSession, endOtherSessions and endAllSessions end exactly the sessions they say", async () => {
    const user = await makeUser();
    const other = await makeUser("volunteer", "approved", "other@example.org");
    const a = await signIn(user.id);
    const b = await signIn(user.id);
    const c = await signIn(user.id);
    const theirs = await signIn(other.id);
    expect(await listSessions(user.id)).toHaveLength(3);

    const cleared = await endSession(a.request);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect((await lookupSession(a.request)).state).toBe("expired");

    const keep = await lookupSession(b.request);
    if (keep.state !== "active") throw new Error("expected b active");
    expect(await endOtherSessions(user.id, keep.idHash)).toBe(1);
    expect((await lookupSession(b.request)).state).toBe("active");
    expect((await lookupSession(c.request)).state).toBe("expired");

    await signIn(user.id);
    expect(await endAllSessions(user.id)).toBe(2);
    expect((await lookupSession(b.request)).state).toBe("expired");
    expect((await lookupSession(theirs.request)).state).toBe("active");
  });

  test("pruneExpiredSessions removes only expired rows", async () => {
    const user = await makeUser();
    await signIn(user.id);
    advanceClock(31 * 86_400_000);
    await signIn(user.id);
    expect(await pruneExpiredSessions()).toBe(1);
    expect(await prisma.session.count()).toBe(1);
  });

  test("requireUser: no session → /login with redirectTo; ended session → /login?reason=expired, clearing the cookie", async () => {
    const none = await thrown(() => requireUser(requestWith(null)));
    expect(none.status).toBe(302);
    expect(none.headers.get("location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/prisoners?page=2" })}`);

    const user = await makeUser();
    const { request } = await signIn(user.id);
    await endAllSessions(user.id);
    const expired = await thrown(() => requireUser(request));
    const location = new URL(expired.headers.get("location")!, BASE);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("reason")).toBe("expired");
    expect(location.searchParams.get("redirectTo")).toBe("/prisoners?page=2");
    expect(expired.headers.get("set-cookie")).toMatch(/^__session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
  });

  test("requireApprovedUser sends pending and suspended people to /pending and lets approved ones in", async () => {
    for (const state of ["pending", "suspended"] as const) {
      const user = await makeUser("volunteer", state);
      const { request } = await signIn(user.id);
      const response = await thrown(() => requireApprovedUser(request));
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/pending");
    }
    const approved = await makeUser();
    const { request } = await signIn(approved.id);
    expect((await requireApprovedUser(request)).user.id).toBe(approved.id);
  });

  test("requirePermission: a volunteer asking for approve:volunteers gets 403", async () => {
    const volunteer = await makeUser();
    const { request } = await signIn(volunteer.id);
    const response = await thrown(() => requirePermission(request, "approve:volunteers"));
    expect(response.status).toBe(403);
    expect((await requirePermission(request, "read:prisoners")).user.id).toBe(volunteer.id);
  });

  test("a coordinator or admin without a second factor is sent to /2fa; after it, allowed", async () => {
    for (const role of ["coordinator", "admin"] as const) {
      const user = await makeUser(role);
      const { request } = await signIn(user.id);
      const response = await thrown(() => requirePermission(request, "approve:volunteers"));
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/2fa?${new URLSearchParams({ redirectTo: "/prisoners?page=2" })}`);
      expect(await getOptionalUser(request)).toBeNull();
      // The 2FA page itself may be reached.
      const authed = await requireUser(request, { allowMissingSecondFactor: true });
      await markSecondFactor(authed.idHash);
      expect((await requirePermission(request, "approve:volunteers")).user.id).toBe(user.id);
      expect((await getOptionalUser(request))?.id).toBe(user.id);
    }
  });

  test("a second factor does not carry over to a new session", async () => {
    const coordinator = await makeUser("coordinator");
    const first = await signIn(coordinator.id);
    await markSecondFactor((await requireUser(first.request, { allowMissingSecondFactor: true })).idHash);
    const second = await signIn(coordinator.id);
    expect((await thrown(() => requireApprovedUser(second.request))).headers.get("location")).toMatch(/^\/2fa\?/);
  });

  test("one read-only request looks its session up once, however many loaders ask; a write request looks afresh", async () => {
    const user = await makeUser();
    const { setCookie } = await signIn(user.id);
    // Counts the Session reads the app makes, through the app's own database handle.
    const plain = prisma;
    let sessionReads = 0;
    // The lookup is one plain query (or Prisma's findUnique, as it once was): both are counted.
    const counting = plain.$extends({
      query: {
        session: {
          async findUnique({ args, query }) {
            sessionReads++;
            return query(args);
          },
        },
        async $queryRaw({ args, query }) {
          if (JSON.stringify(args).includes('FROM \\"Session\\"')) sessionReads++;
          return query(args);
        },
      },
    });
    setDatabase(counting as unknown as typeof plain);
    try {
      // Remix hands the root loader and the page's loader each its own copy of the request.
      const rootAndPage = () =>
        Promise.all([getOptionalUser(requestWith(setCookie)), requireApprovedUser(requestWith(setCookie))]);
      const [rootUser, page] = await withRequestMemo(true, rootAndPage);
      expect(rootUser?.id).toBe(user.id);
      expect(page.user.id).toBe(user.id);
      expect(sessionReads).toBe(1);

      // An action may sign out or change the account before the loaders run: no sharing.
      sessionReads = 0;
      await withRequestMemo(false, rootAndPage);
      expect(sessionReads).toBe(2);

      // Two requests never share: the second sees that the session has ended.
      sessionReads = 0;
      await withRequestMemo(true, rootAndPage);
      await endAllSessions(user.id);
      expect(await withRequestMemo(true, () => getOptionalUser(requestWith(setCookie)))).toBeNull();
      expect(sessionReads).toBe(2);
    } finally {
      setDatabase(plain);
    }
  });
});
