import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { clearSessionCookie, isPrivileged, lookupSession, type SessionWithUser } from "./session.server";
import { can, type Permission } from "./permissions";

export interface AuthedRequest {
  user: User;
  session: SessionWithUser;
  idHash: string;
}

function loginRedirect(request: Request, reason?: "expired"): never {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (reason) params.set("reason", reason);
  throw redirect(`/login?${params}`);
}

/**
 * A signed-in person who has passed every step of sign-in (TOTP for coordinators
 * and admins). Pending and suspended users pass too: use requireApprovedUser or
 * requirePermission for anything beyond their own account.
 */
export async function requireUser(
  request: Request,
  options: { allowMissingSecondFactor?: boolean; allowSuspended?: boolean } = {},
): Promise<AuthedRequest> {
  const found = await lookupSession(request);
  if (found.state === "none") loginRedirect(request);
  if (found.state === "expired") {
    const url = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ reason: "expired", redirectTo: url.pathname + url.search })}`, {
      headers: { "Set-Cookie": await clearSessionCookie() },
    });
  }
  const { session, idHash } = found;
  if (isPrivileged(session.user.role) && !session.secondFactorAt && !options.allowMissingSecondFactor) {
    const url = new URL(request.url);
    throw redirect(`/2fa?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  if (session.user.vettingState === "suspended" && !options.allowSuspended) {
    throw redirect("/pending");
  }
  return { user: session.user, session, idHash };
}

export async function getOptionalUser(request: Request): Promise<User | null> {
  const found = await lookupSession(request);
  if (found.state !== "active") return null;
  const { session } = found;
  if (isPrivileged(session.user.role) && !session.secondFactorAt) return null;
  return session.user;
}

export async function requireApprovedUser(request: Request): Promise<AuthedRequest> {
  const authed = await requireUser(request);
  if (authed.user.vettingState !== "approved") throw redirect("/pending");
  return authed;
}

export async function requirePermission(request: Request, permission: Permission): Promise<AuthedRequest> {
  const authed = await requireApprovedUser(request);
  if (!can(authed.user, permission)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return authed;
}
