import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { confirmPledge, NeedStateError, pledgeToNeed, withdrawPledge } from "#app/models/support.server.ts";
import { pledgeSchema } from "#app/schemas/support.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";

const REFUSALS: Partial<Record<NeedStateError["reason"], MessageKey>> = {
  "not-open": "support.error.notOpen",
  "over-pledged": "support.error.overPledged",
  expired: "support.error.expired",
  "not-held": "support.error.notPending",
  "not-pending": "support.error.notPending",
};

/** The volunteer's actions on a need: pledge, confirm a pledge, withdraw it. */
export async function needAction(
  user: User,
  needId: string,
  formData: FormData,
): Promise<{ fieldErrors?: FieldErrors; error?: MessageKey; amount?: string }> {
  const intent = formData.get("intent");
  // What was typed comes back with the error, for a page rendered without JavaScript.
  const amount = String(formData.get("amount") ?? "");
  try {
    if (intent === "pledge") {
      const parsed = parseWithSchema(pledgeSchema, formData);
      if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, amount };
      await pledgeToNeed(user, needId, parsed.data.amount);
      throw redirect(`/needs/${needId}?pledged=1`);
    }
    const pledgeId = String(formData.get("pledgeId") ?? "");
    if (intent === "confirm") await confirmPledge(user, pledgeId);
    else if (intent === "withdraw") await withdrawPledge(user, pledgeId);
    else throw new Response("Bad request", { status: 400 });
  } catch (error) {
    if (error instanceof NeedStateError) {
      const message = REFUSALS[error.reason];
      if (message) return { error: message, amount: intent === "pledge" ? amount : undefined };
      throw new Response("Not found", { status: 404 });
    }
    throw error;
  }
  throw redirect(`/needs/${needId}`);
}
