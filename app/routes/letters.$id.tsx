import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { letterPage } from "#app/models/letter-page.server.ts";
import { letterAction } from "./letters.$id.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
import { DraftEditor } from "#app/components/letter/draft-editor.tsx";
import { SendReview } from "#app/components/letter/review.tsx";
import { SentLetter } from "#app/components/letter/sent-letter.tsx";
import { DeliveryNote } from "#app/components/letter/reach-notes.tsx";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "letters.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const data = await letterPage(user, params.id ?? "");
  // Someone else's letter is "not found": not even its existence is revealed.
  if (!data) throw new Response("Not found", { status: 404 });
  return data;
}

export async function action(args: ActionFunctionArgs) {
  return letterAction(args);
}

export default function LetterPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { letter, prisoner } = data;
  const review = letter.state === "draft" ? params.get("review") : null;
  const deliveryNotExpected =
    prisoner.incommunicado || prisoner.relativesOnly || prisoner.facilityRelativesOnly || prisoner.noAddress;
  return (
    <>
      <p>
        <Link to="/letters">← {t("letters.title")}</Link>
      </p>
      <h1>{t(letter.kind === "postcard" ? "letters.postcardTo" : "letters.letterTo", { name: prisoner.name })}</h1>
      {data.campaign ? (
        <p data-testid="letter-campaign">
          {t("campaigns.letter.writtenFor")}{" "}
          <Link to={`/campaigns/${data.campaign.slug}`} lang={data.campaign.language}>
            {data.campaign.title}
          </Link>
        </p>
      ) : null}
      {deliveryNotExpected && letter.state === "draft" ? (
        <DeliveryNote
          noAddress={prisoner.noAddress}
          personRule={prisoner.incommunicado || prisoner.relativesOnly}
          facilityRule={prisoner.facilityRelativesOnly}
        />
      ) : null}
      {letter.state !== "draft" ? (
        <SentLetter data={data} actionData={actionData} />
      ) : review ? (
        <SendReview data={data} routeId={review} actionData={actionData} />
      ) : (
        <DraftEditor data={data} actionData={actionData} />
      )}
    </>
  );
}
