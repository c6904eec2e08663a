import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "#app/i18n/i18n.ts";
import { localeCookie } from "#app/utils/locale.server.ts";
import { lookupSession } from "#app/utils/session.server.ts";
import { safeRedirect } from "#app/utils/request.server.ts";
import { setUserLocale } from "#app/models/users.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const locale = formData.get("locale");
  const back = safeRedirect(formData.get("redirectTo"), "/");
  if (!isLocale(locale)) throw redirect(back);
  const found = await lookupSession(request);
  if (found.state === "active") {
    await setUserLocale(found.session.userId, locale);
  }
  throw redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
