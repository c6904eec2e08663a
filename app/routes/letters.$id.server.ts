import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import {
  answerPosted,
  cancelSchedule,
  deleteDraft,
  LetterStateError,
  type LetterStateCode,
  reportOutcome,
  saveDraft,
  scheduleLetter,
  sendLetter,
} from "#app/models/letters.server.ts";
import { markReplyRead } from "#app/models/letter-page.server.ts";
import { postedAnswerSchema, scheduleSchema, writerReportSchema } from "#app/schemas/tracking.ts";
import { letterDraftSchema, sendLetterSchema } from "#app/schemas/letters.ts";

/** The letter page's action: save, delete (confirmed), review and send or schedule, and the writer's answers. */

export type LetterActionData = { intent: string; fieldErrors: FieldErrors | null; savedAt: string | null };

/** Which field of the send or schedule form a refusal belongs to (its message is the error's own). */
const SEND_ERROR_FIELDS: Record<LetterStateCode, "form" | "acknowledge" | "sendOn"> = {
  "too-long": "form",
  "not-a-draft": "form",
  empty: "form",
  blanks: "form",
  acknowledge: "acknowledge",
  route: "form",
  changed: "form",
  "postcard-too-long": "form",
  "schedule-past": "sendOn",
  "schedule-far": "sendOn",
  "not-self-post": "form",
  "not-sent": "form",
};

function sendError(intent: string, error: LetterStateError): LetterActionData {
  return { intent, fieldErrors: { [SEND_ERROR_FIELDS[error.code]]: error.messageKey }, savedAt: null };
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
      await answerPosted(user, id, parsed.data.answer);
      throw redirect(`/letters/${id}?answered=1`);
    }
    case "report": {
      const parsed = parseWithSchema(writerReportSchema, formData);
      if (!parsed.ok) return { intent, fieldErrors: parsed.fieldErrors, savedAt: null };
      // "I never heard back" ends the letter as unknown: asked once more before it does.
      if (parsed.data.report === "never_heard" && formData.get("confirm") !== "on") {
        return { intent, fieldErrors: { confirm: "letters.report.confirmFirst" }, savedAt: null };
      }
      await reportOutcome(user, id, parsed.data.report);
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
      await saveDraft(user.id, id, parsed.data);
      const routeId = formData.get("routeId");
      if (typeof routeId !== "string" || !routeId)
        return { intent: "save", fieldErrors: { routeId: "letters.send.chooseRoute" }, savedAt: null };
      throw redirect(`/letters/${id}?${new URLSearchParams({ review: routeId })}`);
    }
    default: {
      const parsed = parseWithSchema(letterDraftSchema, formData);
      if (!parsed.ok) return { intent: "save", fieldErrors: parsed.fieldErrors, savedAt: null };
      await saveDraft(user.id, id, parsed.data);
      return { intent: "save", fieldErrors: null, savedAt: new Date().toISOString() };
    }
  }
}
