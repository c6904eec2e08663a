import { expect, test } from "vitest";
import * as OTPAuth from "otpauth";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import {
  beginTotpEnrolment,
  completeTotpEnrolment,
  hasTotp,
  installTotpSecret,
  openTotpSecret,
  resetTotp,
  totpCodeFor,
  verifyTotp,
} from "#app/models/totp.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const KNOWN_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async function makeCoordinator(email = "coordinator@example.org") {
  return prisma.user.create({
    data: { email, pseudonym: "Coordinator", role: "coordinator", vettingState: "approved" },
  });
}

/** A code that is not valid now nor in the neighbouring steps. */
function wrongCodeFor(secret: string): string {
  const valid = new Set([-30_000, 0, 30_000].map((offset) => totpCodeFor(secret, new Date(now().getTime() + offset))));
  let code = 0;
  while (valid.has(String(code).padStart(6, "0"))) code++;
  return String(code).padStart(6, "0");
}

/** Moves the clock to the start of a fresh 30-second step, so a test cannot straddle a boundary. */
function alignToStep() {
  const ms = now().getTime() % 30_000;
  advanceClock(30_000 - ms + 1_000);
}

describeEachDatabase("TOTP", () => {
  test("enrolment: a pending secret becomes active with a code from it", async () => {
    const user = await makeCoordinator();
    const { secret, otpauthUri } = await beginTotpEnrolment(user.id, "coordinator@example.org");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = OTPAuth.URI.parse(otpauthUri) as OTPAuth.TOTP;
    expect(uri.secret.base32).toBe(secret);
    expect(uri.issuer).toBe("Solidarity Mail");
    expect(uri.digits).toBe(6);
    expect(uri.period).toBe(30);

    // Reloading the setup page shows the same secret instead of invalidating the scanned one.
    expect((await beginTotpEnrolment(user.id, "coordinator@example.org")).secret).toBe(secret);
    expect(await hasTotp(user.id)).toBe(false);

    expect(await completeTotpEnrolment(user.id, wrongCodeFor(secret))).toBe(false);
    expect(await hasTotp(user.id)).toBe(false);
    expect(await completeTotpEnrolment(user.id, totpCodeFor(secret))).toBe(true);
    expect(await hasTotp(user.id)).toBe(true);
    const rows = await prisma.verification.findMany({ where: { target: user.id } });
    expect(rows.map((r) => r.type)).toEqual(["totp"]);
    expect(openTotpSecret(rows[0])).toBe(secret);
  });

  test("completing enrolment without beginning it fails", async () => {
    const user = await makeCoordinator();
    expect(await completeTotpEnrolment(user.id, "123456")).toBe(false);
    expect(await hasTotp(user.id)).toBe(false);
  });

  test("the secret is stored encrypted, never as base32", async () => {
    const user = await makeCoordinator();
    const { secret } = await beginTotpEnrolment(user.id, "label");
    const pending = await prisma.verification.findFirstOrThrow({ where: { target: user.id } });
    expect(pending.secret).not.toContain(secret);
    expect(pending.secret).toMatch(/^v2\./);
    await completeTotpEnrolment(user.id, totpCodeFor(secret));
    const active = await prisma.verification.findFirstOrThrow({ where: { target: user.id, type: "totp" } });
    expect(active.secret).not.toContain(secret);
    expect(active.secret).toMatch(/^v2\./);
    const [{ found }] = await prisma.$queryRaw<{ found: number }[]>`
      SELECT count(*)::int AS found FROM "Verification" WHERE "secret" LIKE ${"%" + secret + "%"}`;
    expect(found).toBe(0);
  });

  test("verifyTotp accepts a fresh code once, refuses its replay, older codes and wrong codes", async () => {
    alignToStep();
    const user = await makeCoordinator();
    await installTotpSecret(user.id, KNOWN_SECRET);
    const code = totpCodeFor(KNOWN_SECRET);
    expect(await verifyTotp(user.id, code)).toBe(true);
    expect(await verifyTotp(user.id, code)).toBe(false);
    expect(await verifyTotp(user.id, wrongCodeFor(KNOWN_SECRET))).toBe(false);
    expect(await verifyTotp(user.id, "12345")).toBe(false);

    advanceClock(60_000);
    const newer = totpCodeFor(KNOWN_SECRET);
    const previousStep = totpCodeFor(KNOWN_SECRET, new Date(now().getTime() - 30_000));
    expect(await verifyTotp(user.id, newer)).toBe(true);
    // Still inside the drift window, but older than a code already used.
    expect(await verifyTotp(user.id, previousStep)).toBe(false);
  });

  test("the code used for enrolment cannot be used again to sign in", async () => {
    alignToStep();
    const user = await makeCoordinator();
    const { secret } = await beginTotpEnrolment(user.id, "label");
    const code = totpCodeFor(secret);
    expect(await completeTotpEnrolment(user.id, code)).toBe(true);
    expect(await verifyTotp(user.id, code)).toBe(false);
    advanceClock(30_000);
    expect(await verifyTotp(user.id, totpCodeFor(secret))).toBe(true);
  });

  test("a code from the previous step is accepted (clock drift), one from two steps back is not", async () => {
    alignToStep();
    const user = await makeCoordinator();
    await installTotpSecret(user.id, KNOWN_SECRET);
    const twoBack = totpCodeFor(KNOWN_SECRET, new Date(now().getTime() - 60_000));
    const oneBack = totpCodeFor(KNOWN_SECRET, new Date(now().getTime() - 30_000));
    const current = totpCodeFor(KNOWN_SECRET);
    if (twoBack !== oneBack && twoBack !== current) expect(await verifyTotp(user.id, twoBack)).toBe(false);
    expect(await verifyTotp(user.id, oneBack)).toBe(true);
  });

  test("two requests with the same code at once: only one succeeds", async () => {
    alignToStep();
    const user = await makeCoordinator();
    await installTotpSecret(user.id, KNOWN_SECRET);
    const code = totpCodeFor(KNOWN_SECRET);
    const results = await Promise.all([
      verifyTotp(user.id, code),
      verifyTotp(user.id, code),
      verifyTotp(user.id, code),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test("one user's code does not open another's account; resetTotp removes the credential", async () => {
    alignToStep();
    const a = await makeCoordinator("a@example.org");
    const b = await makeCoordinator("b@example.org");
    await installTotpSecret(a.id, KNOWN_SECRET);
    const { secret: otherSecret } = await beginTotpEnrolment(b.id, "b");
    await completeTotpEnrolment(b.id, totpCodeFor(otherSecret));
    advanceClock(30_000);
    const codeA = totpCodeFor(KNOWN_SECRET);
    if (codeA !== totpCodeFor(otherSecret)) expect(await verifyTotp(b.id, codeA)).toBe(false);
    await resetTotp(a.id);
    expect(await hasTotp(a.id)).toBe(false);
    expect(await verifyTotp(a.id, codeA)).toBe(false);
    expect(await hasTotp(b.id)).toBe(true);
  });
});
