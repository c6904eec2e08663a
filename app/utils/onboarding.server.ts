import { createCookie } from "@remix-run/node";
import { secureTransport, sessionSecrets } from "./config.server";
import { prisma } from "./db.server";
import { now } from "./clock.server";
import { randomToken, sha256 } from "./crypto.server";

// Between a verified code and a created account, the verified address waits in a
// one-time server-side record (a Verification row of type "onboarding", 30 minutes);
// the cookie holds only a random token for it. The record, not the browser, decides
// the expiry, and creating the account uses it up: a copied cookie is worth nothing.
const ONBOARDING = "onboarding";
const ONBOARDING_MINUTES = 30;

let cookie: ReturnType<typeof createCookie> | null = null;
function onboardingCookie() {
  cookie ??= createCookie("__onboarding", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureTransport(),
    path: "/",
    maxAge: ONBOARDING_MINUTES * 60,
    secrets: sessionSecrets(),
  });
  return cookie;
}

/** After a verified code for an address without an account: the record and its cookie. */
export async function setOnboardingEmail(email: string): Promise<string> {
  const token = randomToken(32);
  const expiresAt = new Date(now().getTime() + ONBOARDING_MINUTES * 60_000);
  await prisma.verification.upsert({
    where: { type_target: { type: ONBOARDING, target: email } },
    create: { type: ONBOARDING, target: email, secret: sha256(token), expiresAt, createdAt: now() },
    update: { secret: sha256(token), expiresAt, attempts: 0, createdAt: now() },
  });
  return onboardingCookie().serialize({ token });
}

async function readToken(request: Request): Promise<string | null> {
  const value = await onboardingCookie().parse(request.headers.get("cookie"));
  return value && typeof value.token === "string" && value.token ? value.token : null;
}

/** The verified address waiting for sign-up, or null when there is none or it expired. */
export async function readOnboardingEmail(request: Request): Promise<string | null> {
  const token = await readToken(request);
  if (!token) return null;
  const row = await prisma.verification.findFirst({
    where: { type: ONBOARDING, secret: sha256(token), expiresAt: { gt: now() } },
  });
  return row?.target ?? null;
}

/** Uses the record up: true for exactly one caller, and only before it expires. */
export async function consumeOnboarding(request: Request, email: string): Promise<boolean> {
  const token = await readToken(request);
  if (!token) return false;
  const { count } = await prisma.verification.deleteMany({
    where: { type: ONBOARDING, target: email, secret: sha256(token), expiresAt: { gt: now() } },
  });
  return count === 1;
}

export async function clearOnboarding(): Promise<string> {
  return onboardingCookie().serialize("", { maxAge: 0 });
}
