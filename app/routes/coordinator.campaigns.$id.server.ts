import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { FundraiserReportError, recordFundraiserReport } from "#app/models/public.server.ts";
import { fundraiserReportSchema } from "#app/schemas/public.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";

/** Records the amount the campaign's fund reports as raised (kept as history, audited). */
export async function campaignReportAction(
  user: User,
  campaignId: string,
  formData: FormData,
): Promise<{ form: "report"; fieldErrors?: FieldErrors; error?: MessageKey }> {
  const parsed = parseWithSchema(fundraiserReportSchema, formData);
  if (!parsed.ok) return { form: "report", fieldErrors: parsed.fieldErrors };
  try {
    await recordFundraiserReport(user, { campaignId }, parsed.data);
  } catch (error) {
    if (error instanceof FundraiserReportError && error.reason === "no-fundraiser")
      return { form: "report", error: "public.report.noFundraiser" };
    if (error instanceof FundraiserReportError) throw new Response("Not found", { status: 404 });
    throw error;
  }
  throw redirect(`/coordinator/campaigns/${campaignId}#fundraiser-reports`);
}
