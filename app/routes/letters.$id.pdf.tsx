import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { getOwnLetter } from "#app/models/letters.server.ts";
import { envelopeAddressLines } from "#app/models/envelope.ts";
import { renderLetterPdf } from "#app/letters/pdf.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";

/** The print-ready PDF of the author's own letter: text, then the envelope (or the postcard's address side). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const letter = await getOwnLetter(user.id, params.id ?? "");
  if (!letter) throw new Response("Not found", { status: 404 });
  const facility = letter.prisoner.currentFacility;
  if (!facility) throw new Response("The place of detention is not known", { status: 409 });
  const url = new URL(request.url);
  const pdf = await renderLetterPdf({
    kind: letter.kind === "postcard" ? "postcard" : "letter",
    body: letter.body ?? "",
    senderName: letter.senderName ?? user.pseudonym,
    returnAddress: letter.returnAddress,
    recipient: { lines: envelopeAddressLines({ country: letter.prisoner.country, names: letter.prisoner.names, birthDate: letter.prisoner.birthDate, facility }) },
    envelope: url.searchParams.get("envelope") === "DL" ? "DL" : "C5",
    locale: await resolveLocale(request, user.locale),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // A neutral file name: nothing about the recipient in a download folder.
      "Content-Disposition": `attachment; filename="letter-${letter.id.slice(-6)}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
