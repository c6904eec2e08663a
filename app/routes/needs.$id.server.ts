import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { confirmPledge, NeedStateError, pledgeToNeed, withdrawPledge } from "#app/models/support.server.ts";
import { pledgeSchema } from "#app/schemas/support.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";

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
    // A refusal is shown on the page; a need or pledge that is not there is a 404 (the domain error's own).
    if (error instanceof NeedStateError && error.kind !== "not_found")
      return { error: error.messageKey, amount: intent === "pledge" ? amount : undefined };
    throw error;
  }
  throw redirect(`/needs/${needId}`);
}
