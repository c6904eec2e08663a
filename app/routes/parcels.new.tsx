import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { createParcelDraft } from "#app/models/parcels.server.ts";
import { PermissionError } from "#app/models/users.server.ts";

export async function loader() {
  throw redirect("/parcels");
}

/** Starts a parcel for a prisoner (a POST from the prisoner page). */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "send:parcels:own");
  const formData = await request.formData();
  try {
    const campaignId = String(formData.get("campaignId") ?? "") || null;
    const parcel = await createParcelDraft(user, String(formData.get("prisonerId") ?? ""), { campaignId });
    throw redirect(`/parcels/${parcel.id}`);
  } catch (error) {
    if (error instanceof PermissionError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
}
