import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import {
  answerPosted,
  cancelSchedule,
  deleteDraft,
  LetterStateError,
  reportOutcome,
  saveDraft,
  scheduleLetter,
  sendLetter,
} from "#app/models/letters.server.ts";
import { markReplyRead } from "#app/models/letter-page.server.ts";
import { postedAnswerSchema, scheduleSchema, writerReportSchema } from "#app/schemas/tracking.ts";
import { letterDraftSchema, sendLetterSchema } from "#app/schemas/letters.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";

/** The letter page's action: save, delete (confirmed), review and send or schedule, and the writer's answers. */

export type LetterActionData = { intent: string; fieldErrors: FieldErrors | null; savedAt: string | null };

const SEND_ERRORS: Record<string, { field: string; key: MessageKey }> = {
  empty: { field: "form", key: "letters.send.empty" },
  blanks: { field: "form", key: "letters.send.blanks" },
  acknowledge: { field: "acknowledge", key: "letters.send.acknowledgeFirst" },
  route: { field: "form", key: "letters.send.routeNotAllowed" },
  "not-a-draft": { field: "form", key: "letters.send.notDraft" },
  changed: { field: "form", key: "letters.send.changed" },
  "postcard-too-long": { field: "form", key: "letters.send.postcardTooLong" },
  "schedule-past": { field: "sendOn", key: "letters.schedule.past" },
  "schedule-far": { field: "sendOn", key: "letters.schedule.far" },
  permission: { field: "form", key: "letters.schedule.notOffered" },
};

function sendError(intent: string, error: LetterStateError): LetterActionData {
  const known = SEND_ERRORS[error.message] ?? { field: "form", key: "error.generic" as MessageKey };
  return { intent, fieldErrors: { [known.field]: known.key }, savedAt: null };
}

async function conflictOnStateError(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof LetterStateError) throw new Response("Conflict", { status: 409 });
    throw error;
  }
}

export async function letterAction({ request, params }: ActionFunctionArgs): Promise<LetterActionData> {
  const { user } = await requirePermission(request, "write:letters:own");
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "save");
  switch (intent) {
    case "delete": {
      // Deleting cannot be undone: it takes a ticked confirmation, with or without JavaScript.
      if (formData.get("confirmDelete") !== "on")
        return { intent, fieldErrors: { confirmDelete: "letters.delete.confirmFirst" }, savedAt: null };
      if (!(await deleteDraft(user.id, id))) throw new Response("Not found", { status: 404 });
      throw redirect("/letters?deleted=1");
    }
    case "schedule": {
      const parsed = parseWithSchema(scheduleSchema, formData);
      if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
      try {
        await scheduleLetter(user, id, {
          routeId: parsed.data.routeId,
          warningsAcknowledged: parsed.data.acknowledge,
          sendAt: new Date(`${parsed.data.sendOn}T08:00:00.000Z`),
        });
      } catch (error) {
        if (error instanceof LetterStateError) return sendError(intent, error);
        throw error;
      }
      throw redirect(`/letters/${id}?scheduled=1`);
    }
    case "unschedule":
      await cancelSchedule(user.id, id);
      throw redirect(`/letters/${id}`);
    case "posted-answer": {
      const parsed = parseWithSchema(postedAnswerSchema, formData);
      if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
      await conflictOnStateError(() => answerPosted(user, id, parsed.data.answer));
      throw redirect(`/letters/${id}?answered=1`);
    }
    case "report": {
      const parsed = parseWithSchema(writerReportSchema, formData);
      if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
      // "I never heard back" ends the letter as unknown: asked once more before it does.
      if (parsed.data.report === "never_heard" && formData.get("confirm") !== "on") {
        return { intent, fieldErrors: { confirm: "letters.report.confirmFirst" }, savedAt: null };
      }
      await conflictOnStateError(() => reportOutcome(user, id, parsed.data.report));
      throw redirect(`/letters/${id}?answered=1`);
    }
    case "read-reply":
      await markReplyRead(user.id, String(formData.get("replyId") ?? ""));
      throw redirect(`/letters/${id}`);
    case "send": {
      const parsed = parseWithSchema(sendLetterSchema, formData);
      if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
      try {
        await sendLetter(user, id, { routeId: parsed.data.routeId, warningsAcknowledged: parsed.data.acknowledge });
      } catch (error) {
        if (error instanceof LetterStateError) return sendError(intent, error);
        throw error;
      }
      throw redirect(`/letters/${id}?sent=1`);
    }
    case "review": {
      // Saves the text as it stands, then shows the review of exactly what will leave.
      const parsed = parseWithSchema(letterDraftSchema, formData);
      if (!parsed.ok) return { intent: "save", fieldErrors: parsed.fieldErrors, savedAt: null };
      await conflictOnStateError(() => saveDraft(user.id, id, parsed.data));
      const routeId = formData.get("routeId");
      if (typeof routeId !== "string" || !routeId)
        return { intent: "save", fieldErrors: { routeId: "letters.send.chooseRoute" }, savedAt: null };
      throw redirect(`/letters/${id}?${new URLSearchParams({ review: routeId })}`);
    }
    default: {
      const parsed = parseWithSchema(letterDraftSchema, formData);
      if (!parsed.ok) return { intent: "save", fieldErrors: parsed.fieldErrors, savedAt: null };
      await conflictOnStateError(() => saveDraft(user.id, id, parsed.data));
      return { intent: "save", fieldErrors: null, savedAt: new Date().toISOString() };
    }
  }
}
