import { isMessageKey, type Translate } from "#app/i18n/i18n.ts";
import { DEFAULT_ROUTE_TEXTS } from "./default-routes.ts";

/**
 * Route names, descriptions and notes are data (coordinators may reword them), but the
 * default ones are the app's own words: shown in the reader's language as long as they
 * are unchanged. A text a coordinator wrote is shown as written.
 */
type Part = "name" | "description" | "notes";

const BY_TEXT: Record<Part, Map<string, string>> = {
  name: new Map(DEFAULT_ROUTE_TEXTS.map((r) => [r.name, r.slug])),
  description: new Map(DEFAULT_ROUTE_TEXTS.map((r) => [r.description, r.slug])),
  notes: new Map(DEFAULT_ROUTE_TEXTS.filter((r) => r.notes).map((r) => [r.notes!, r.slug])),
};

function translated(t: Translate, part: Part, text: string | null | undefined): string {
  if (!text) return "";
  const slug = BY_TEXT[part].get(text);
  const key = slug ? `routeText.${slug}.${part}` : null;
  return key && isMessageKey(key) ? t(key) : text;
}

export const routeName = (t: Translate, name: string | null | undefined) => translated(t, "name", name);
export const routeDescription = (t: Translate, description: string | null | undefined) =>
  translated(t, "description", description);
export const routeNotes = (t: Translate, notes: string | null | undefined) => translated(t, "notes", notes);
