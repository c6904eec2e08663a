import { Form } from "@remix-run/react";
import { useT } from "#app/i18n/react.tsx";

/**
 * Each source's "names are public" switch: prisoner names appear on public pages only
 * when one of the person's sources has it (an NGO list that is already published).
 */
export function SourceNamesPublic({ sources }: { sources: { id: string; name: string; namesPublic: boolean }[] }) {
  const t = useT();
  return (
    <div id="sources">
      <h2>{t("public.source.title")}</h2>
      <p className="field-hint">{t("public.source.namesPublicHint")}</p>
      <ul data-testid="source-names-public">
        {sources.map((s) => (
          <li key={s.id}>
            <Form method="post" action="/imports?index" className="inline-actions">
              <input type="hidden" name="intent" value="namesPublic" />
              <input type="hidden" name="sourceId" value={s.id} />
              <label className="checkbox">
                <input type="checkbox" name="namesPublic" value="on" defaultChecked={s.namesPublic} /> {s.name}:{" "}
                {t("public.source.namesPublic")}
              </label>
              <button type="submit" className="button-small">
                {t("public.shareable.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
