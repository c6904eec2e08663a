import {
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
} from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { resolveLocale } from "#app/utils/locale.server.ts";
import { createPreview } from "#app/imports/runs.server.ts";
import { ImportFileError, MAX_IMPORT_BYTES } from "#app/imports/parse.server.ts";
import { UnknownSourceError } from "#app/imports/engine.server.ts";
import { uploadErrorUrl } from "#app/imports/upload-errors.ts";
import { translate, type MessageKey } from "#app/i18n/i18n.ts";

export async function loader() {
  throw redirect("/imports");
}

/**
 * Receives an uploaded list and creates its preview. The page's script asks for
 * JSON (to show upload progress); a plain form post gets redirects.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const locale = await resolveLocale(request, user.locale);
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const fail = (key: MessageKey, params: Record<string, string | number> = {}) =>
    wantsJson
      ? Response.json({ error: translate(locale, key, params) }, { status: 400 })
      : redirect(uploadErrorUrl(key, params));
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return fail("import.file.tooLarge", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
    throw error;
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("imports.upload.noFile");
  try {
    const runId = await createPreview({
      sourceSlug: String(formData.get("source") ?? ""),
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name || "upload",
      contentType: file.type || null,
      userId: user.id,
      locale,
      partial: formData.get("scope") === "partial",
    });
    return wantsJson ? Response.json({ redirectTo: `/imports/${runId}` }) : redirect(`/imports/${runId}`);
  } catch (error) {
    if (error instanceof ImportFileError) return fail(error.messageKey, error.params);
    if (error instanceof UnknownSourceError) return fail("imports.upload.noSource");
    throw error;
  }
}
