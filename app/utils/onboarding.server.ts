import { createCookie } from "@remix-run/node";
import { isProduction, sessionSecrets } from "./config.server";

// Between a verified code and a created account, the verified address waits in a
// short-lived signed cookie; nothing is written for people who never finish.
let cookie: ReturnType<typeof createCookie> | null = null;
function onboardingCookie() {
  cookie ??= createCookie("__onboarding", {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction() && process.env.INSECURE_COOKIES !== "1",
    path: "/",
    maxAge: 30 * 60,
    secrets: sessionSecrets(),
  });
  return cookie;
}

export async function setOnboardingEmail(email: string): Promise<string> {
  return onboardingCookie().serialize({ email });
}

export async function readOnboardingEmail(request: Request): Promise<string | null> {
  const value = await onboardingCookie().parse(request.headers.get("cookie"));
  return value && typeof value.email === "string" ? value.email : null;
}

export async function clearOnboarding(): Promise<string> {
  return onboardingCookie().serialize("", { maxAge: 0 });
}
