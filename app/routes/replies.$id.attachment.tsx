import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApprovedUser } from "#app/utils/auth.server.ts";
import { replyAttachment } from "#app/models/dispatch/attachments.server.ts";

/** A reply's scan, for the writer of the item it answers and for coordinators; not found for anyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireApprovedUser(request);
  const file = await replyAttachment(user, params.id ?? "");
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.type,
      "Content-Disposition": `attachment; filename="${file.name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
