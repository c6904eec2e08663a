import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { closeNeed, NeedStateError, recordFulfilment } from "#app/models/support.server.ts";
import { fulfilmentSchema } from "#app/schemas/support.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";

/** The coordinator's actions on a need: record what arrived for a pledge (all or part), close the need. */
export async function coordinatorNeedAction(
  user: User,
  needId: string,
  formData: FormData,
): Promise<{ pledgeId?: string; fieldErrors?: FieldErrors; error?: MessageKey }> {
  const intent = formData.get("intent");
  try {
    if (intent === "fulfil") {
      const parsed = parseWithSchema(fulfilmentSchema, formData);
      if (!parsed.ok) return { pledgeId: String(formData.get("pledgeId") ?? ""), fieldErrors: parsed.fieldErrors };
      await recordFulfilment(user, needId, parsed.data);
    } else if (intent === "close") await closeNeed(user, needId);
    else throw new Response("Bad request", { status: 400 });
  } catch (error) {
    if (error instanceof NeedStateError) {
      if (error.code === "over-pledged")
        return {
          pledgeId: String(formData.get("pledgeId") ?? ""),
          fieldErrors: { fulfilledAmount: "support.error.overFulfilled" },
        };
      if (error.code === "not-pending" || error.code === "not-open") return { error: "support.error.notPending" };
    }
    throw error;
  }
  throw redirect(`/coordinator/needs/${needId}`);
}
