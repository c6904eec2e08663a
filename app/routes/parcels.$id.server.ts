import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import {
  changeParcelStatus,
  deleteParcelDraft,
  ParcelRefusedError,
  ParcelStateError,
  recordTrackingNumber,
  saveParcelDraft,
  sendParcel,
  TrackingNumberError,
} from "#app/models/parcels.server.ts";
import { TransitionError } from "#app/models/tracking.server.ts";
import { parcelStatusSchema, parseParcelForm, trackingNumberSchema } from "#app/schemas/parcels.ts";
import type { ParcelProblem } from "#app/parcels/rules.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";

export type ParcelActionResult =
  | { intent: "save"; fieldErrors: Record<string, MessageKey> | null; saved: boolean }
  | {
      intent: "send";
      fieldErrors: Record<string, MessageKey> | null;
      problems: ParcelProblem[];
      error: MessageKey | null;
    }
  | { intent: "tracking"; fieldErrors: Record<string, MessageKey> | null }
  | { intent: "status"; error: MessageKey | null };

/**
 * The parcel page's action: save or send the draft (the same schema as in the
 * browser), delete it, record the tracking number, move the status on. Refusals
 * come back as data the page shows; a parcel the person may not see is a 404.
 */
export async function parcelAction(user: User, id: string, formData: FormData): Promise<ParcelActionResult> {
  const intent = String(formData.get("intent") ?? "save");
  try {
    if (intent === "delete") {
      if (!(await deleteParcelDraft(user, id))) throw new Response("Not found", { status: 404 });
      throw redirect("/parcels");
    }
    if (intent === "tracking") {
      const parsed = parseWithSchema(trackingNumberSchema, formData);
      if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors };
      await recordTrackingNumber(user, id, parsed.data.trackingNumber);
      throw redirect(`/parcels/${id}?tracked=1`);
    }
    if (intent === "status") {
      const parsed = parseWithSchema(parcelStatusSchema, formData);
      if (!parsed.ok) return { intent, error: parsed.fieldErrors.status ?? "parcels.validation.status" };
      await changeParcelStatus(user, id, parsed.data.status);
      throw redirect(`/parcels/${id}`);
    }
    // Save (and send): the same form, the same schema as in the browser.
    const parsed = parseParcelForm(formData);
    if (!parsed.ok)
      return intent === "send"
        ? { intent, fieldErrors: parsed.fieldErrors, problems: [], error: null }
        : { intent: "save", fieldErrors: parsed.fieldErrors, saved: false };
    await saveParcelDraft(user, id, parsed.data);
    if (intent !== "send") return { intent: "save", fieldErrors: null, saved: true };
    await sendParcel(user, id, { routeId: parsed.data.routeId });
    throw redirect(`/parcels/${id}?ready=1`);
  } catch (error) {
    if (error instanceof ParcelRefusedError)
      return { intent: "send", fieldErrors: null, problems: error.verdict.problems, error: null };
    if (error instanceof TrackingNumberError)
      return { intent: "tracking", fieldErrors: { trackingNumber: error.messageKey } };
    if (error instanceof TransitionError) return { intent: "status", error: "parcels.error.transition" };
    if (error instanceof ParcelStateError) {
      if (error.kind === "not_found") throw error;
      const message = error.messageKey;
      if (intent === "tracking") return { intent, fieldErrors: { trackingNumber: message } };
      if (intent === "status") return { intent, error: message };
      return { intent: "send", fieldErrors: null, problems: [], error: message };
    }
    throw error;
  }
}
