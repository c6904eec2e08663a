import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { getParcel } from "#app/models/parcels.server.ts";
import { envelopeAddressLines } from "#app/models/envelope.ts";
import { customsItems, renderCustomsPdf } from "#app/parcels/customs-pdf.server.ts";
import { customsFormFor, parcelTotals } from "#app/parcels/rules.ts";

/**
 * The customs declaration (CN 22 or CN 23) of a parcel from abroad marked ready
 * to post, as a print-ready PDF (a domestic parcel has none). Only the person who prepared the parcel may download it; a draft
 * has none yet, because its contents have not passed the checks.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "send:parcels:own");
  // Only the person who prepared it: the form carries the sender's details.
  const parcel = await getParcel(user, params.id ?? "", { ownOnly: true });
  if (!parcel) throw new Response("Not found", { status: 404 });
  if (parcel.state === "draft") throw new Response("The parcel has not passed the checks yet", { status: 409 });
  // The facility it was sent to (the person may have been moved since).
  const facility = parcel.facility ?? parcel.prisoner.currentFacility;
  if (!facility) throw new Response("The place of detention is not known", { status: 409 });
  // A domestic parcel carries no customs declaration: the post office takes an inventory (Russia: form 107).
  if (parcel.customsForm === "inventory")
    throw new Response("A domestic parcel needs no customs declaration", { status: 409 });
  const form = parcel.customsForm ?? customsFormFor(parcel.packageKind, parcelTotals(parcel.items));
  const pdf = await renderCustomsPdf({
    form,
    sender: (parcel.senderDetails ?? "").split("\n"),
    addressee: envelopeAddressLines({
      country: parcel.prisoner.country,
      names: parcel.prisoner.names,
      birthDate: parcel.prisoner.birthDate,
      facility,
    }),
    items: customsItems(parcel.items),
    currency: parcel.currency,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // A neutral file name: nothing about the recipient in a download folder.
      "Content-Disposition": `attachment; filename="customs-${form.toLowerCase()}-${parcel.id.slice(-6)}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
