import { createCookie, redirect } from "@remix-run/node";
import { Prisma, type Role, type Session, type User } from "#app/generated/prisma/client.ts";
import { prisma } from "./db.server";
import { limits, secureTransport, sessionSecrets } from "./config.server";
import { randomToken, sha256 } from "./crypto.server";
import { now } from "./clock.server";
import { deviceLabel } from "./request.server";
import { memoForRequest } from "./request-memo.server";

// The cookie holds only a random session id, signed; everything else is in the
// Session row, so signing out really ends a session on every instance.
let sessionCookieCache: ReturnType<typeof createCookie> | null = null;
function sessionCookie() {
  sessionCookieCache ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureTransport(),
    path: "/",
    secrets: sessionSecrets(),
  });
  return sessionCookieCache;
}

export const PRIVILEGED_ROLES: Role[] = ["coordinator", "admin"];

export function isPrivileged(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

export type SessionWithUser = Session & { user: User };

export async function createSession(userId: string, request: Request): Promise<string> {
  const id = randomToken(32);
  const at = now();
  await prisma.session.create({
    data: {
      idHash: sha256(id),
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + limits.sessionDays() * 86_400_000),
      deviceLabel: deviceLabel(request.headers.get("user-agent")),
    },
  });
  await prisma.user.update({ where: { id: userId }, data: { lastSignInAt: at } });
  return sessionCookie().serialize(id, { maxAge: limits.sessionDays() * 86_400 });
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The account of a live session in a Cookie header, without touching the session (for the write limit). */
export async function sessionUserId(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = await sessionCookie().parse(cookieHeader);
  if (typeof value !== "string" || !value) return null;
  const session = await prisma.session.findUnique({
    where: { idHash: sha256(value) },
    select: { userId: true, expiresAt: true },
  });
  return session && session.expiresAt > now() ? session.userId : null;
}

export type SessionLookup =
  { state: "none" } | { state: "expired" } | { state: "active"; session: SessionWithUser; idHash: string };

/**
 * Finds the request's session, ending it if it has expired or (for coordinators
 * and admins) has been idle too long.
 */
export async function lookupSession(request: Request): Promise<SessionLookup> {
  const id = await readSessionId(request);
  if (!id) return { state: "none" };
  const idHash = sha256(id);
  // The root loader and the page's loader of one (read-only) request share one lookup.
  return memoForRequest(`session:${idHash}`, () => findSession(idHash));
}

// Every column of Session and User, from the generated client (so a new column is read too).
const SESSION_COLUMNS = Object.values(Prisma.SessionScalarFieldEnum);
const USER_COLUMNS = Object.values(Prisma.UserScalarFieldEnum);
const SESSION_WITH_USER_SQL = Prisma.raw(
  [...SESSION_COLUMNS.map((c) => `s."${c}" AS "s.${c}"`), ...USER_COLUMNS.map((c) => `u."${c}" AS "u.${c}"`)].join(
    ", ",
  ),
);

/**
 * The session and its user in one plain query. It runs on every page: Prisma's
 * `findUnique` with an `include` costs about 2 ms of CPU per call (its query compiler
 * plans every call afresh), this about 0.5 ms.
 */
async function sessionWithUser(idHash: string): Promise<SessionWithUser | null> {
  const [row] = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT ${SESSION_WITH_USER_SQL} FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."idHash" = ${idHash}`;
  if (!row) return null;
  const session: Record<string, unknown> = {};
  const user: Record<string, unknown> = {};
  for (const c of SESSION_COLUMNS) session[c] = row[`s.${c}`];
  for (const c of USER_COLUMNS) user[c] = row[`u.${c}`];
  return { ...(session as Session), user: user as User };
}

async function findSession(idHash: string): Promise<SessionLookup> {
  const session = await sessionWithUser(idHash);
  if (!session) return { state: "expired" };
  const at = now();
  const idleLimitMs = limits.privilegedIdleMinutes() * 60_000;
  const idleTooLong = isPrivileged(session.user.role) && at.getTime() - session.lastSeenAt.getTime() > idleLimitMs;
  if (session.expiresAt <= at || idleTooLong) {
    await prisma.session.deleteMany({ where: { idHash } });
    return { state: "expired" };
  }
  // Writing on every request would be wasteful; a minute's precision is enough.
  if (at.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await prisma.session.update({ where: { idHash }, data: { lastSeenAt: at } });
  }
  return { state: "active", session, idHash };
}

export async function markSecondFactor(idHash: string): Promise<void> {
  await prisma.session.update({ where: { idHash }, data: { secondFactorAt: now() } });
}

export async function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await prisma.session.deleteMany({ where: { idHash: sha256(id) } });
  return clearSessionCookie();
}

export async function endAllSessions(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}

export async function endOtherSessions(userId: string, keepIdHash: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId, NOT: { idHash: keepIdHash } } });
  return count;
}

export async function listSessions(userId: string) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: now() } },
    orderBy: { lastSeenAt: "desc" },
    select: { idHash: true, createdAt: true, lastSeenAt: true, deviceLabel: true },
  });
}

export async function redirectWithNewSession(userId: string, request: Request, to: string) {
  return redirect(to, { headers: { "Set-Cookie": await createSession(userId, request) } });
}

export async function pruneExpiredSessions(): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: now() } } });
  return count;
}
