import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { getParcelPage } from "#app/models/parcel-page.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { DraftEditor } from "#app/components/parcel/draft-editor.tsx";
import { OthersDraft } from "#app/components/parcel/others-draft.tsx";
import { SentParcel } from "#app/components/parcel/sent-parcel.tsx";
import { parcelAction } from "./parcels.$id.server.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "parcels.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "send:parcels:own");
  // Someone else's parcel is "not found" for a volunteer: not even its existence is revealed.
  const page = await getParcelPage(user, params.id ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "send:parcels:own");
  return parcelAction(user, params.id ?? "", await request.formData());
}

export default function ParcelPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { parcel, prisoner } = data;
  return (
    <>
      <p>
        <Link to="/parcels">← {t("parcels.title")}</Link>
      </p>
      <h1>{t("parcels.parcelTo", { name: prisoner.name })}</h1>
      <p>
        {prisoner.facility ? (
          <>
            <span lang="ru">
              {prisoner.facility.name}, {prisoner.facility.city}
            </span>{" "}
            · {t(`facilityType.${prisoner.facility.type}`)} ·{" "}
            <Link to={`/facilities/${prisoner.facility.id}`}>{t("parcels.facilityRules")}</Link> ·{" "}
          </>
        ) : null}
        <Link to={`/prisoners/${prisoner.id}`}>{t("parcels.prisonerPage")}</Link>
      </p>
      {parcel.returnedReason ? (
        <p className="notice notice-error" role="status" data-testid="returned-notice">
          {t("situation.returnedNotice", { reason: t(parcel.returnedReason) })}
        </p>
      ) : null}
      {parcel.state !== "draft" ? (
        <SentParcel data={data} actionData={actionData} />
      ) : parcel.own ? (
        <DraftEditor data={data} actionData={actionData} />
      ) : (
        <OthersDraft data={data} />
      )}
    </>
  );
}
