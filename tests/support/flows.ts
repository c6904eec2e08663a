import { expect } from "vitest";
import * as OTPAuth from "otpauth";
import type { Page } from "playwright-core";
import type { TestMailServer } from "./smtp.ts";
import { toAddress } from "./smtp.ts";

/** Asks for a sign-in code on /login and returns the code read from the real SMTP server. */
export async function requestSignInCode(
  page: Page,
  appUrl: string,
  mail: TestMailServer,
  email: string,
): Promise<string> {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel("E-mail address").fill(email);
  const sentAt = Date.now();
  await page.getByRole("button", { name: "Send me a code" }).click();
  await page.waitForURL(/\/login\/verify/);
  const message = await mail.waitForMail(
    (m) => toAddress(m) === email && (m.date?.getTime() ?? 0) >= sentAt - 1000 && /\b\d{6}\b/.test(m.text ?? ""),
  );
  // Nothing about the platform's purpose or any prisoner in the subject line.
  expect(message.subject).toBe("Your sign-in code");
  return /\b(\d{6})\b/.exec(message.text ?? "")![1];
}

export async function enterSignInCode(page: Page, code: string) {
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in a coordinator or admin created by the admin command line: e-mail code,
 * then TOTP enrolment with the secret shown on the page. Returns the TOTP secret.
 */
export async function signInNewPrivilegedUser(
  page: Page,
  appUrl: string,
  mail: TestMailServer,
  email: string,
): Promise<string> {
  await enterSignInCode(page, await requestSignInCode(page, appUrl, mail, email));
  await page.waitForURL(/\/2fa/);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await enterAuthenticatorCode(page, totpCode(secret));
  return secret;
}

/** On /2fa: types the authenticator code and waits until the app lets the user in. */
export async function enterAuthenticatorCode(page: Page, code: string) {
  await page.getByLabel("Authenticator code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/2fa"));
}

/** The authenticator code now, or at the app's time when a test has moved its clock. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp });
}
