import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { CampaignError, saveCampaign } from "#app/models/campaigns.server.ts";
import { campaignInputFrom, campaignSchema } from "#app/schemas/campaigns.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";

/**
 * Saves the coordinator's campaign form (new, or an edit of `id`): the same schema as
 * the browser; a taken slug, a refused fundraiser domain or an unknown facility come
 * back as field errors with what was typed (a page rendered without JavaScript).
 */
export async function saveCampaignAction(
  user: User,
  formData: FormData,
  id: string | null,
): Promise<{ fieldErrors: FieldErrors; values: Record<string, string> }> {
  const values = Object.fromEntries(
    [...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const parsed = parseWithSchema(campaignSchema, formData);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values };
  const input = campaignInputFrom(parsed.data);
  try {
    const campaign = await saveCampaign(user, id, input);
    throw redirect(`/coordinator/campaigns?saved=${encodeURIComponent(campaign.slug)}`);
  } catch (error) {
    if (error instanceof CampaignError) {
      if (error.reason === "slug-taken") return { fieldErrors: { slug: "campaigns.validation.slugTaken" }, values };
      if (error.reason === "fundraiser-domain")
        return { fieldErrors: { fundraiserUrl: "support.validation.fundraiserDomain" }, values };
      if (error.reason === "facility")
        return { fieldErrors: { ruleFacilityId: "campaigns.validation.facility" }, values };
      throw new Response("Not found", { status: 404 });
    }
    throw error;
  }
}
