import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { createNeed, NeedStateError } from "#app/models/support.server.ts";
import { needSchema } from "#app/schemas/support.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";

/** Records a need from the coordinator's form; a refused fundraiser domain or family is a field error. */
export async function createNeedAction(user: User, formData: FormData): Promise<{ fieldErrors: FieldErrors }> {
  const parsed = parseWithSchema(needSchema, formData);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  try {
    const id = await createNeed(user, parsed.data);
    throw redirect(`/coordinator/needs/${id}`);
  } catch (error) {
    if (error instanceof NeedStateError && error.reason === "fundraiser-domain") return { fieldErrors: { fundraiserUrl: "support.validation.fundraiserDomain" } };
    if (error instanceof NeedStateError && error.reason === "family") return { fieldErrors: { familyId: "support.validation.family" } };
    if (error instanceof NeedStateError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}
