import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { BulkError } from "#app/models/dispatch/bulk.server.ts";
import { exportCsv, exportLetters, exportPdfInputs } from "#app/models/dispatch/export.server.ts";
import { streamLettersPdf } from "#app/letters/pdf.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { bulkItemsSchema } from "#app/schemas/tracking.ts";
import { now } from "#app/utils/clock.server.ts";

/**
 * A batch of letters for a service that prints or submits them (FSIN-Pismo, RosUznik,
 * event batches): CSV (safe against spreadsheet formulas) or one print-ready PDF.
 * A POST, because it records the batch and audits that letter texts were read.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "track:items");
  const parsed = parseWithSchema(bulkItemsSchema, await request.formData(), ["items"]);
  const back = new URL("/coordinator/items", request.url);
  if (!parsed.ok || (parsed.data.intent !== "export-csv" && parsed.data.intent !== "export-pdf")) {
    back.searchParams.set("exportError", "noItems");
    throw redirect(`${back.pathname}${back.search}`);
  }
  const letterIds = parsed.data.items.filter((item) => item.type === "letter").map((item) => item.id);
  let exported;
  try {
    exported = await exportLetters(user, letterIds);
  } catch (error) {
    if (!(error instanceof BulkError)) throw error;
    back.searchParams.set("exportError", error.failures.some((f) => f.reason === "purged") ? "purged" : "noLetters");
    throw redirect(`${back.pathname}${back.search}`);
  }
  const stamp = now().toISOString().slice(0, 10);
  const headers = { "Cache-Control": "no-store" };
  if (parsed.data.intent === "export-csv") {
    return new Response(exportCsv(exported.letters), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="batch-${stamp}-${exported.batchId.slice(-6)}.csv"`,
      },
    });
  }
  const inputs = exportPdfInputs(exported.letters, await resolveLocale(request, user.locale));
  if (inputs.length === 0) {
    back.searchParams.set("exportError", "noAddress");
    throw redirect(`${back.pathname}${back.search}`);
  }
  // Streamed: each letter's pages leave as soon as they are drawn (a batch of a thousand
  // letters never sits whole in memory, and other requests get turns meanwhile).
  return new Response(streamLettersPdf(inputs), {
    headers: {
      ...headers,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="batch-${stamp}-${exported.batchId.slice(-6)}.pdf"`,
    },
  });
}
