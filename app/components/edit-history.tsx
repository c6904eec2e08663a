import { useT, useDateFormatter } from "#app/i18n/react.tsx";

interface Edit {
  id: string;
  at: string | Date;
  editor: string | null;
  changes: unknown;
}

interface ChangeList {
  via?: string;
  fields?: { field: string; from: string | null; to: string | null }[];
}

/** Who changed what and when, for a prisoner or a facility. */
export function EditHistory({ edits }: { edits: Edit[] }) {
  const t = useT();
  const format = useDateFormatter("dateTime");
  if (edits.length === 0) return <p>{t("history.empty")}</p>;
  return (
    <ol className="timeline">
      {edits.map((edit) => {
        const changes = (edit.changes ?? {}) as ChangeList;
        return (
          <li key={edit.id}>
            <strong>{format.format(new Date(edit.at))}</strong> · {edit.editor ?? t("audit.system")}
            {changes.via?.startsWith("import:") ? <span className="muted"> · {t("history.viaImport")}</span> : null}
            <ul>
              {(changes.fields ?? []).map((c, i) => (
                <li key={i}>
                  <code>{c.field}</code>: {c.from ?? "—"} → {c.to ?? "—"}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
