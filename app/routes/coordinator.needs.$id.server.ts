import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { closeNeed, NeedStateError, recordFulfilment } from "#app/models/support.server.ts";
import { fulfilmentSchema } from "#app/schemas/support.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { FundraiserReportError, recordFundraiserReport, setNeedShareable } from "#app/models/public.server.ts";
import { fundraiserReportSchema, switchSchema } from "#app/schemas/public.ts";

/**
 * The coordinator's actions on a need: record what arrived for a pledge (all or part),
 * close the need, let /needs/public show it, record the amount the fund reports.
 */
export async function coordinatorNeedAction(
  user: User,
  needId: string,
  formData: FormData,
): Promise<{ pledgeId?: string; fieldErrors?: FieldErrors; error?: MessageKey; form?: "report" }> {
  const intent = formData.get("intent");
  try {
    if (intent === "fulfil") {
      const parsed = parseWithSchema(fulfilmentSchema, formData);
      if (!parsed.ok) return { pledgeId: String(formData.get("pledgeId") ?? ""), fieldErrors: parsed.fieldErrors };
      await recordFulfilment(user, needId, parsed.data);
    } else if (intent === "close") await closeNeed(user, needId);
    else if (intent === "shareable") {
      const parsed = parseWithSchema(switchSchema, formData);
      if (!parsed.ok) throw new Response("Bad request", { status: 400 });
      await setNeedShareable(user, needId, parsed.data.value);
    } else if (intent === "report") {
      const parsed = parseWithSchema(fundraiserReportSchema, formData);
      if (!parsed.ok) return { form: "report", fieldErrors: parsed.fieldErrors };
      await recordFundraiserReport(user, { needId }, parsed.data);
    } else throw new Response("Bad request", { status: 400 });
  } catch (error) {
    if (error instanceof FundraiserReportError) {
      if (error.reason === "no-fundraiser") return { form: "report", error: "public.report.noFundraiser" };
      throw new Response("Not found", { status: 404 });
    }
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
