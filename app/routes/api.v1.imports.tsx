import type { ActionFunctionArgs } from "@remix-run/node";
import { requireApiToken } from "#app/models/api-tokens.server.ts";
import { importFile } from "#app/imports/runs.server.ts";
import { ImportFileError, MAX_IMPORT_BYTES } from "#app/imports/parse.server.ts";
import { UnknownSourceError } from "#app/imports/engine.server.ts";
import { translate } from "#app/i18n/i18n.ts";

/**
 * POST /api/v1/imports?source=SOURCE[&dryRun=1][&partial=1] with `Authorization: Bearer TOKEN`
 * (scope "import") and the file as the body; Content-Type tells the format
 * (text/csv, application/json, or the XLSX type). Answers the import summary.
 */
export async function loader() {
  return Response.json({ error: "Use POST with the file as the body." }, { status: 405, headers: { Allow: "POST" } });
}

async function readBody(request: Request): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) return null;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "Use POST." }, { status: 405 });
  const token = await requireApiToken(request, "import");
  const url = new URL(request.url);
  const source = url.searchParams.get("source");
  if (!source) return Response.json({ error: "The source query parameter is required." }, { status: 400 });
  const bytes = await readBody(request);
  if (!bytes)
    return Response.json(
      { error: translate("en", "import.file.tooLarge", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 }) },
      { status: 413 },
    );
  try {
    const result = await importFile({
      sourceSlug: source,
      bytes,
      fileName: url.searchParams.get("fileName") ?? `api-upload-${new Date().toISOString().slice(0, 10)}`,
      contentType: request.headers.get("content-type"),
      dryRun: url.searchParams.get("dryRun") === "1" || url.searchParams.get("dryRun") === "true",
      partial: url.searchParams.get("partial") === "1" || url.searchParams.get("partial") === "true",
      actor: { tokenId: token.id, channel: "api" },
    });
    return Response.json({
      ...result.summary,
      unknownValues: result.plan.unknownValues.map((v) => ({
        field: v.field,
        value: v.text,
        rows: v.rows,
        firstLine: v.firstLine,
      })),
    });
  } catch (error) {
    if (error instanceof ImportFileError)
      return Response.json({ error: translate("en", error.messageKey, error.params) }, { status: 422 });
    if (error instanceof UnknownSourceError)
      return Response.json({ error: `Unknown source "${error.slug}".` }, { status: 404 });
    throw error;
  }
}
