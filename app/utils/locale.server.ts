import { createCookie } from "@remix-run/node";
import { isLocale, negotiateLocale, type Locale } from "#app/i18n/i18n.ts";

// Remembered for people who are not signed in; signed-in users keep it on their account.
export const localeCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86_400 });

export async function resolveLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const fromCookie = await localeCookie.parse(request.headers.get("cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale(request.headers.get("accept-language"));
}
