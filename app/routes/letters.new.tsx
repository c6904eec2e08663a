import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { createDraft } from "#app/models/letters.server.ts";
import { markReplyRead } from "#app/models/letter-page.server.ts";

export async function loader() {
  throw redirect("/letters");
}

/** Starts a draft to a prisoner (a POST from the prisoner page). */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const formData = await request.formData();
  const kind = formData.get("kind") === "postcard" ? "postcard" : "letter";
  // A prisoner the volunteer may not write to is a PermissionError: a 403 (app/utils/domain-error.ts).
  // From a campaign's page the draft carries the campaign's tag (checked by createDraft).
  const campaignId = String(formData.get("campaignId") ?? "") || null;
  const letter = await createDraft(user, String(formData.get("prisonerId") ?? ""), kind, { campaignId });
  // "Write back" from a reply: the replies it answers are read now.
  for (const replyId of formData.getAll("replyId")) await markReplyRead(user.id, String(replyId));
  throw redirect(`/letters/${letter.id}`);
}

// A page module (not a resource route), so that a refusal posted without JavaScript
// renders the error page rather than a bare JSON body; the loader always redirects.
export { ErrorBoundary } from "#app/components/error-boundary.tsx";
export default function StartDraft() {
  return null;
}
