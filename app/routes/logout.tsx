import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "#app/utils/session.server.ts";

// Signing out is a POST only: a link or an image on another site cannot sign anyone out.
export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  throw redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}
