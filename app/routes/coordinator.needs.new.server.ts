import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { createNeed, NeedStateError } from "#app/models/support.server.ts";
import { needSchema } from "#app/schemas/support.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";

/** Records a need from the coordinator's form; a refused fundraiser domain or family is a field error. */
export async function createNeedAction(
  user: User,
  formData: FormData,
): Promise<{ fieldErrors: FieldErrors; values: Record<string, string> }> {
  // What was typed comes back with the errors, for a page rendered without JavaScript.
  const values = Object.fromEntries(
    [...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const parsed = parseWithSchema(needSchema, formData);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values };
  try {
    const id = await createNeed(user, parsed.data);
    throw redirect(`/coordinator/needs/${id}`);
  } catch (error) {
    if (error instanceof NeedStateError && error.code === "fundraiser-domain")
      return { fieldErrors: { fundraiserUrl: error.messageKey }, values };
    if (error instanceof NeedStateError && error.code === "family")
      return { fieldErrors: { familyId: error.messageKey }, values };
    throw error;
  }
}
