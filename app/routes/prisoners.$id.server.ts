import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { adopt, AdoptionLimitError, endAdoption, PrisonerAdoptionsFullError } from "#app/models/picking.server.ts";

/** Adopting a prisoner (to write to regularly) or ending it, from the prisoner page. */
export async function adoptionAction(user: User, id: string, formData: FormData) {
  const intent = formData.get("intent");
  if (intent === "unadopt") {
    await endAdoption(user.id, id);
    throw redirect(`/prisoners/${id}`);
  }
  if (intent !== "adopt") throw new Response("Bad request", { status: 400 });
  try {
    await adopt(user, id);
  } catch (error) {
    if (error instanceof AdoptionLimitError) return { adoptionLimit: error.limit };
    if (error instanceof PrisonerAdoptionsFullError) return { adoptersFull: error.limit };
    throw error;
  }
  throw redirect(`/prisoners/${id}`);
}
