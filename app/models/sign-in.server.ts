import { prisma } from "#app/utils/db.server.ts";
import { appUrl, limits } from "#app/utils/config.server.ts";
import { keyedHash, matchesKeyedHash, randomDigits } from "#app/utils/crypto.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { queueEmail } from "#app/utils/email.server.ts";
import { hitGrowingLimit, hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { isPrivileged } from "#app/utils/session.server.ts";
import { hasTotp, verifyTotp } from "#app/models/totp.server.ts";
import { translator, type Locale } from "#app/i18n/i18n.ts";
import { renderEmail } from "#app/emails/layout.server.ts";

const LOGIN_CODE = "login-code";
/** Tries one client may make at one code (the right code included). */
export const MAX_CODE_ATTEMPTS_PER_CLIENT = 5;
/**
 * Tries all clients together may make at one code before only the client that asked
 * for it may go on. A wrong guess never deletes the code: a stranger who knows the
 * address cannot burn the code in the person's mailbox. Brute force stays bounded:
 * at most this many strangers' guesses (plus five from the asking client) at one of
 * a million codes, and new codes are themselves rate limited per address.
 */
export const MAX_CODE_ATTEMPTS_SHARED = 30;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type RequestCodeResult = { ok: true } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Codes per address: RATE_LIMIT_SIGNIN_PER_ADDRESS go out at once, then each further
 * one waits 1, 2, 4, 8 and at most 15 minutes after the previous mail. Someone who
 * knows an address can slow its mail down but never lock it out for long, and the
 * code in the last mail keeps working: a refused request replaces nothing.
 */
export function addressLimitPolicy() {
  return { free: limits.signInPerAddressPerHour(), firstWaitSeconds: 60, maxWaitSeconds: 15 * 60, resetSeconds: 3600 };
}

/**
 * A coordinator or admin held up by the address limit may prove themselves with
 * their authenticator instead; a wrong code is audited. Unknown addresses and
 * volunteers get the same refusal as before, so nothing is revealed.
 */
async function totpOverridesAddressLimit(email: string, totp: string | undefined): Promise<boolean> {
  if (!totp) return false;
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || !isPrivileged(user.role) || user.vettingState === "suspended" || !(await hasTotp(user.id))) return false;
  const limit = await hitRateLimit(`totp:${user.id}`, 10, 15 * 60);
  if (!limit.allowed) {
    await audit({
      actorId: user.id,
      action: "auth.totp_locked",
      targetType: "user",
      targetId: user.id,
      details: { at: "sign-in-code" },
    });
    return false;
  }
  if (await verifyTotp(user.id, totp)) return true;
  await audit({
    actorId: user.id,
    action: "auth.totp_failed",
    targetType: "user",
    targetId: user.id,
    details: { at: "sign-in-code" },
  });
  return false;
}

/**
 * Sends a one-time code and link to an address. The answer is the same whether or
 * not the address has an account, so the form does not reveal who uses the platform.
 */
export async function requestSignInCode(input: {
  email: string;
  ip: string;
  locale: Locale;
  redirectTo?: string;
  /** A coordinator's or admin's authenticator code: a second way past the address limit. */
  totp?: string;
}): Promise<RequestCodeResult> {
  const email = normalizeEmail(input.email);
  // The client's limit first: a client over it must not use up someone's address quota.
  const ipLimit = await hitRateLimit(`signin:ip:${input.ip}`, limits.signInPerIpPerHour(), 3600);
  if (!ipLimit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: ipLimit.retryAfterSeconds };
  const addressLimit = await hitGrowingLimit(`signin:address:${email}`, addressLimitPolicy());
  if (!addressLimit.allowed && !(await totpOverridesAddressLimit(email, input.totp))) {
    return { ok: false, reason: "rate-limited", retryAfterSeconds: addressLimit.retryAfterSeconds };
  }
  const { code, link } = await issueSignInCode(email, input.redirectTo, input.ip);
  const t = translator(input.locale);
  await queueEmail({
    to: email,
    purpose: "login-code",
    // Subjects are seen on lock screens and by mail providers: nothing revealing.
    subject: t("email.signInCode.subject"),
    ...renderEmail(input.locale, {
      paragraphs: [t("email.signInCode.intro"), t("email.signInCode.code", { code })],
      action: { label: t("email.signInCode.button"), url: link },
      footer: t("email.signInCode.ignore", { minutes: limits.loginCodeMinutes() }),
    }),
  });
  return { ok: true };
}

/** A new one-time code for the address (replacing any earlier one) and its sign-in link. */
export async function issueSignInCode(
  emailInput: string,
  redirectTo?: string,
  requesterIp?: string,
): Promise<{ code: string; link: string }> {
  const email = normalizeEmail(emailInput);
  const code = randomDigits(6);
  const expiresAt = new Date(now().getTime() + limits.loginCodeMinutes() * 60_000);
  const secret = keyedHash(`${email}:${code}`);
  const requesterKey = requesterIp ? clientKey(email, requesterIp) : null;
  await prisma.verification.upsert({
    where: { type_target: { type: LOGIN_CODE, target: email } },
    create: { type: LOGIN_CODE, target: email, secret, expiresAt, requesterKey, createdAt: now() },
    update: { secret, expiresAt, attempts: 0, requesterKey, createdAt: now() },
  });
  const link = new URL("/login/verify", appUrl());
  link.searchParams.set("email", email);
  link.searchParams.set("code", code);
  if (redirectTo) link.searchParams.set("redirectTo", redirectTo);
  return { code, link: link.toString() };
}

export type VerifyCodeResult =
  | { ok: true; email: string; userId: string | null }
  | { ok: false; reason: "invalid" | "expired" | "too-many-attempts" };

function clientKey(email: string, ip: string): string {
  return keyedHash(`signin:client:${email}:${ip}`);
}

/**
 * Checks a code typed by (or linked to) the client at `ip`. Wrong guesses are
 * throttled, never destructive: each client has MAX_CODE_ATTEMPTS_PER_CLIENT tries
 * at one code, all strangers together MAX_CODE_ATTEMPTS_SHARED, and the client that
 * asked for the code keeps its own tries whatever strangers did. The code itself
 * lives until it is used, replaced or expired.
 */
export async function verifySignInCode(emailInput: string, code: string, ip = "unknown"): Promise<VerifyCodeResult> {
  const email = normalizeEmail(emailInput);
  const at = now();
  const current = await prisma.verification.findUnique({ where: { type_target: { type: LOGIN_CODE, target: email } } });
  if (!current || !current.expiresAt || current.expiresAt <= at) {
    await prisma.verification.deleteMany({ where: { type: LOGIN_CODE, target: email, expiresAt: { lte: at } } });
    return { ok: false, reason: "expired" };
  }
  // This client's tries at this code (a new code starts a new count). Counted before
  // comparing, atomically, so parallel guesses cannot exceed it.
  const windowSeconds = Math.max(60, Math.ceil((current.expiresAt.getTime() - at.getTime()) / 1000) + 60);
  const perClient = await hitRateLimit(
    `signin:guess:${email}:${ip}:${current.createdAt.getTime()}`,
    MAX_CODE_ATTEMPTS_PER_CLIENT,
    windowSeconds,
  );
  if (!perClient.allowed) return { ok: false, reason: "too-many-attempts" };
  // The shared tries: reserved atomically on the row. The asking client is not held
  // by them, so strangers cannot take the person's code away.
  const isRequester = current.requesterKey !== null && current.requesterKey === clientKey(email, ip);
  const reserved = await prisma.verification.updateMany({
    where: {
      type: LOGIN_CODE,
      target: email,
      secret: current.secret,
      expiresAt: { gt: at },
      ...(isRequester ? {} : { attempts: { lt: MAX_CODE_ATTEMPTS_SHARED } }),
    },
    data: { attempts: { increment: 1 } },
  });
  if (reserved.count === 0) {
    const still = await prisma.verification.findUnique({ where: { type_target: { type: LOGIN_CODE, target: email } } });
    if (still && still.secret === current.secret && still.expiresAt && still.expiresAt > at)
      return { ok: false, reason: "too-many-attempts" };
    // Used by a parallel request, or replaced by a newer code meanwhile.
    return still ? { ok: false, reason: "invalid" } : { ok: false, reason: "expired" };
  }
  if (!matchesKeyedHash(current.secret, `${email}:${code.trim()}`)) return { ok: false, reason: "invalid" };
  // One use only: deleteMany's count tells us if a parallel request used it first.
  const { count } = await prisma.verification.deleteMany({
    where: { type: LOGIN_CODE, target: email, secret: current.secret },
  });
  if (count === 0) return { ok: false, reason: "expired" };
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return { ok: true, email, userId: user?.id ?? null };
}

/**
 * Housekeeping: expired sign-in codes still name an address (often one that never
 * made an account); they are deleted, with abandoned sign-ups and authenticator enrolments.
 */
export async function pruneExpiredSignInCodes(): Promise<number> {
  const { count } = await prisma.verification.deleteMany({
    where: { type: { in: [LOGIN_CODE, "totp-pending", "onboarding"] }, expiresAt: { lt: now() } },
  });
  return count;
}
