import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { campaignFacilityChoices, campaignForEdit } from "#app/models/campaigns.server.ts";
import { CampaignForm } from "#app/components/campaign-form.tsx";
import { formValuesBack } from "#app/schemas/campaigns.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { saveCampaignAction } from "./coordinator.campaigns.new.server.ts";
import { fundraiserReports } from "#app/models/public.server.ts";
import { FundraiserReports } from "#app/components/fundraiser-reports.tsx";
import { campaignReportAction } from "./coordinator.campaigns.$id.server.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "campaigns.edit.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const campaign = await campaignForEdit(user, params.id ?? "");
  if (!campaign) throw new Response("Not found", { status: 404 });
  const reports = campaign.values.fundraiserUrl ? await fundraiserReports(user, { campaignId: campaign.id }) : [];
  return { campaign, facilities: await campaignFacilityChoices(user), reports };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const campaign = await campaignForEdit(user, params.id ?? "");
  if (!campaign) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  // The fund's reported amount (a form of its own below the campaign's form).
  if (formData.get("intent") === "report") return campaignReportAction(user, campaign.id, formData);
  return saveCampaignAction(user, formData, campaign.id);
}

export default function EditCampaign() {
  const t = useT();
  const { campaign, facilities, reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const report = actionData && "form" in actionData ? actionData : null;
  const saved = actionData && !("form" in actionData) ? actionData : null;
  return (
    <>
      <section className="panel">
        <p>
          <Link to="/coordinator/campaigns">{t("campaigns.coordinator.title")}</Link> ·{" "}
          <Link to={`/campaigns/${campaign.slug}`}>{t("campaigns.coordinator.view")}</Link>
          {campaign.values.shareable ? (
            <>
              {" "}
              · <Link to={`/c/${campaign.slug}`}>{t("public.campaign.publicPage")}</Link>
            </>
          ) : null}
        </p>
        <h1>{t("campaigns.edit.title")}</h1>
        <CampaignForm
          // A new key after saving: the form starts again from the stored values.
          key={JSON.stringify(campaign.values)}
          defaultValues={{ ...campaign.values, ...formValuesBack(saved?.values) }}
          serverErrors={saved?.fieldErrors ?? null}
          facilities={facilities}
          submitLabel={t("campaigns.edit.submit")}
        />
      </section>
      {campaign.values.fundraiserUrl ? (
        <FundraiserReports reports={reports} defaultCurrency="EUR" errors={report?.fieldErrors} error={report?.error} />
      ) : null}
    </>
  );
}
