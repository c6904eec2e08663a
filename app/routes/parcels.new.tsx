import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { createParcelDraft } from "#app/models/parcels.server.ts";

export async function loader() {
  throw redirect("/parcels");
}

/** Starts a parcel for a prisoner (a POST from the prisoner page). */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "send:parcels:own");
  const formData = await request.formData();
  // A prisoner the person may not send to is a PermissionError: a 403 (app/utils/domain-error.ts).
  const campaignId = String(formData.get("campaignId") ?? "") || null;
  const parcel = await createParcelDraft(user, String(formData.get("prisonerId") ?? ""), { campaignId });
  throw redirect(`/parcels/${parcel.id}`);
}

// A page module (not a resource route), so that a refusal posted without JavaScript
// renders the error page rather than a bare JSON body; the loader always redirects.
export { ErrorBoundary } from "#app/components/error-boundary.tsx";
export default function StartDraft() {
  return null;
}
