import * as OTPAuth from "otpauth";
import { prisma } from "#app/utils/db.server.ts";
import { decrypt, encrypt, newRowId } from "#app/utils/crypto.server.ts";
import { totpSecret } from "#app/utils/sealed-fields.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { totpIssuer } from "#app/utils/config.server.ts";

const TOTP = "totp";
const TOTP_PENDING = "totp-pending";
const PERIOD = 30;

/**
 * A new authenticator row with its secret bound to the row (table, column, id): a
 * secret copied into another person's row does not open there.
 */
export function sealedTotpRow(type: string, userId: string, secret: string) {
  const id = newRowId();
  return { id, type, target: userId, secret: encrypt(secret, totpSecret(id)) };
}

/** The secret of an authenticator row (v1 rows from before the binding still open). */
export function openTotpSecret(row: { id: string; secret: string }): string {
  return decrypt(row.secret, totpSecret(row.id));
}

function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: totpIssuer(),
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export async function hasTotp(userId: string): Promise<boolean> {
  return (await prisma.verification.count({ where: { type: TOTP, target: userId } })) > 0;
}

/** Starts (or restarts) enrolment: a new secret that becomes active once a code from it is entered. */
export async function beginTotpEnrolment(
  userId: string,
  label: string,
): Promise<{ secret: string; otpauthUri: string }> {
  let existing = await prisma.verification.findUnique({
    where: { type_target: { type: TOTP_PENDING, target: userId } },
  });
  if (existing?.expiresAt && existing.expiresAt <= now()) {
    await prisma.verification.deleteMany({ where: { type: TOTP_PENDING, target: userId } });
    existing = null;
  }
  const secret = existing ? openTotpSecret(existing) : new OTPAuth.Secret({ size: 20 }).base32;
  if (!existing) {
    await prisma.verification.create({
      data: { ...sealedTotpRow(TOTP_PENDING, userId, secret), expiresAt: new Date(now().getTime() + 3_600_000) },
    });
  }
  return { secret, otpauthUri: totpFor(secret, label).toString() };
}

/** The time step a code belongs to, or null when it does not match (±1 step of drift). */
function matchingStep(secret: string, code: string): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now().getTime();
  const delta = totpFor(secret, "check").validate({ token, timestamp, window: 1 });
  if (delta === null) return null;
  return Math.floor(timestamp / 1000 / PERIOD) + delta;
}

export async function completeTotpEnrolment(userId: string, code: string): Promise<boolean> {
  const pending = await prisma.verification.findUnique({
    where: { type_target: { type: TOTP_PENDING, target: userId } },
  });
  if (!pending || (pending.expiresAt && pending.expiresAt <= now())) return false;
  const secret = openTotpSecret(pending);
  const step = matchingStep(secret, code);
  if (step === null) return false;
  await prisma.$transaction([
    prisma.verification.deleteMany({ where: { type: { in: [TOTP, TOTP_PENDING] }, target: userId } }),
    prisma.verification.create({ data: { ...sealedTotpRow(TOTP, userId, secret), lastUsedStep: step } }),
  ]);
  return true;
}

/** Checks a code at sign-in; a code already used (same time step or earlier) is refused. */
export async function verifyTotp(userId: string, code: string): Promise<boolean> {
  const credential = await prisma.verification.findUnique({ where: { type_target: { type: TOTP, target: userId } } });
  if (!credential) return false;
  const step = matchingStep(openTotpSecret(credential), code);
  if (step === null) return false;
  // Conditional update: two requests with the same code cannot both succeed.
  const { count } = await prisma.verification.updateMany({
    where: {
      type: TOTP,
      target: userId,
      OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
    },
    data: { lastUsedStep: step },
  });
  return count === 1;
}

/** Used by the admin command line when a coordinator loses their authenticator. */
export async function resetTotp(userId: string): Promise<void> {
  await prisma.verification.deleteMany({ where: { type: { in: [TOTP, TOTP_PENDING] }, target: userId } });
}

/** For the demo data and tests: install a known secret directly. */
export async function installTotpSecret(userId: string, secret: string): Promise<void> {
  await resetTotp(userId);
  await prisma.verification.create({ data: sealedTotpRow(TOTP, userId, secret) });
}

export function totpCodeFor(secret: string, at = now()): string {
  return totpFor(secret, "code").generate({ timestamp: at.getTime() });
}
