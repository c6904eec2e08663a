import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { campaignFacilityChoices } from "#app/models/campaigns.server.ts";
import { CampaignForm } from "#app/components/campaign-form.tsx";
import { DEFAULT_NO_LETTER_DAYS } from "#app/support/campaign-rules.ts";
import { formValuesBack, type CampaignFormInput } from "#app/schemas/campaigns.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { saveCampaignAction } from "./coordinator.campaigns.new.server.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "campaigns.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  const today = now();
  const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
  return {
    facilities: await campaignFacilityChoices(user),
    today: today.toISOString().slice(0, 10),
    monthEnd: monthEnd.toISOString().slice(0, 10),
    month: String(today.getUTCMonth() + 1),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:needs");
  return saveCampaignAction(user, await request.formData(), null);
}

export default function NewCampaign() {
  const t = useT();
  const { facilities, today, monthEnd, month } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const defaults: CampaignFormInput = {
    slug: "",
    titleEn: "",
    titleRu: "",
    titleBe: "",
    whyEn: "",
    whyRu: "",
    whyBe: "",
    rule: "birthdays_in_month",
    ruleMonth: month,
    ruleHoliday: "",
    ruleFrom: "",
    ruleTo: "",
    ruleFacilityId: "",
    ruleDays: String(DEFAULT_NO_LETTER_DAYS),
    country: "",
    startsOn: today,
    endsOn: monthEnd,
    goalKind: "per_person",
    goalCount: "3",
    shareable: false,
    fundraiserUrl: "",
  };
  return (
    <section className="panel">
      <p>
        <Link to="/coordinator/campaigns">{t("campaigns.coordinator.title")}</Link>
      </p>
      <h1>{t("campaigns.new.title")}</h1>
      <CampaignForm
        defaultValues={{ ...defaults, ...formValuesBack(actionData?.values) }}
        serverErrors={actionData?.fieldErrors ?? null}
        facilities={facilities}
        submitLabel={t("campaigns.new.submit")}
      />
    </section>
  );
}
