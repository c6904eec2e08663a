import { prisma } from "#app/utils/db.server.ts";
import { appUrl, limits } from "#app/utils/config.server.ts";
import { keyedHash, matchesKeyedHash, randomDigits } from "#app/utils/crypto.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { queueEmail } from "#app/utils/email.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { translator, type Locale } from "#app/i18n/i18n.ts";
import { renderEmail } from "#app/emails/layout.server.ts";

const LOGIN_CODE = "login-code";
const MAX_CODE_ATTEMPTS = 5;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type RequestCodeResult = { ok: true } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Sends a one-time code and link to an address. The answer is the same whether or
 * not the address has an account, so the form does not reveal who uses the platform.
 */
export async function requestSignInCode(input: {
  email: string;
  ip: string;
  locale: Locale;
  redirectTo?: string;
}): Promise<RequestCodeResult> {
  const email = normalizeEmail(input.email);
  // The client's limit first: a client over it must not use up someone's address quota.
  for (const [key, limit] of [
    [`signin:ip:${input.ip}`, limits.signInPerIpPerHour()],
    [`signin:address:${email}`, limits.signInPerAddressPerHour()],
  ] as const) {
    const result = await hitRateLimit(key, limit, 3600);
    if (!result.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: result.retryAfterSeconds };
  }
  const { code, link } = await issueSignInCode(email, input.redirectTo);
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
export async function issueSignInCode(emailInput: string, redirectTo?: string): Promise<{ code: string; link: string }> {
  const email = normalizeEmail(emailInput);
  const code = randomDigits(6);
  const expiresAt = new Date(now().getTime() + limits.loginCodeMinutes() * 60_000);
  const secret = keyedHash(`${email}:${code}`);
  await prisma.verification.upsert({
    where: { type_target: { type: LOGIN_CODE, target: email } },
    create: { type: LOGIN_CODE, target: email, secret, expiresAt, createdAt: now() },
    update: { secret, expiresAt, attempts: 0, createdAt: now() },
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

export async function verifySignInCode(emailInput: string, code: string): Promise<VerifyCodeResult> {
  const email = normalizeEmail(emailInput);
  const at = now();
  // Reserve one attempt atomically before comparing: parallel guesses cannot get
  // more than MAX_CODE_ATTEMPTS checks of one code.
  const reserved = await prisma.verification.updateMany({
    where: { type: LOGIN_CODE, target: email, attempts: { lt: MAX_CODE_ATTEMPTS }, expiresAt: { gt: at } },
    data: { attempts: { increment: 1 } },
  });
  if (reserved.count === 0) {
    const leftover = await prisma.verification.findUnique({ where: { type_target: { type: LOGIN_CODE, target: email } } });
    await prisma.verification.deleteMany({ where: { type: LOGIN_CODE, target: email } });
    if (leftover && leftover.attempts >= MAX_CODE_ATTEMPTS && leftover.expiresAt && leftover.expiresAt > at) {
      return { ok: false, reason: "too-many-attempts" };
    }
    return { ok: false, reason: "expired" };
  }
  const verification = await prisma.verification.findUnique({ where: { type_target: { type: LOGIN_CODE, target: email } } });
  if (!verification) return { ok: false, reason: "expired" };
  if (!matchesKeyedHash(verification.secret, `${email}:${code.trim()}`)) {
    if (verification.attempts >= MAX_CODE_ATTEMPTS) {
      await prisma.verification.deleteMany({ where: { type: LOGIN_CODE, target: email } });
      return { ok: false, reason: "too-many-attempts" };
    }
    return { ok: false, reason: "invalid" };
  }
  // One use only: deleteMany's count tells us if a parallel request used it first.
  const { count } = await prisma.verification.deleteMany({ where: { type: LOGIN_CODE, target: email, secret: verification.secret } });
  if (count === 0) return { ok: false, reason: "expired" };
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return { ok: true, email, userId: user?.id ?? null };
}
