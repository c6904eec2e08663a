import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { getOwnLetter } from "#app/models/letters.server.ts";
import { addressProblems, addressRefusal, envelopeAddressLines } from "#app/models/envelope.ts";
import { renderLetterPdf } from "#app/letters/pdf.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";

/** The print-ready PDF of the author's own letter: text, then the envelope (or the postcard's address side). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "write:letters:own");
  const letter = await getOwnLetter(user.id, params.id ?? "");
  if (!letter) throw new Response("Not found", { status: 404 });
  const facility = letter.prisoner.currentFacility;
  const locale = await resolveLocale(request, user.locale);
  // No envelope for an address the post cannot deliver to (home confinement, no street or postcode).
  const problems = facility ? addressProblems(facility) : (["postcode", "locality", "street"] as const);
  if (!facility || problems.length > 0)
    throw new Response(addressRefusal(locale, [...problems]), {
      status: 409,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const url = new URL(request.url);
  const pdf = await renderLetterPdf({
    kind: letter.kind === "postcard" ? "postcard" : "letter",
    body: letter.body ?? "",
    senderName: letter.senderName ?? user.pseudonym,
    returnAddress: letter.returnAddress,
    recipient: {
      lines: envelopeAddressLines({
        country: letter.prisoner.country,
        names: letter.prisoner.names,
        birthDate: letter.prisoner.birthDate,
        facility,
        gender: letter.prisoner.gender,
        dativeOverride: letter.prisoner.envelopeNameDative,
      }),
    },
    envelope: url.searchParams.get("envelope") === "DL" ? "DL" : "C5",
    locale,
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
