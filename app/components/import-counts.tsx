import { useT } from "#app/i18n/react.tsx";
import type { ImportSummary } from "#app/imports/engine.server.ts";

export function ImportCounts({ summary, compact = false }: { summary: ImportSummary; compact?: boolean }) {
  const t = useT();
  const items = [
    ["imports.count.created", summary.created],
    ["imports.count.updated", summary.updated],
    ["imports.count.transferred", summary.transferred],
    ["imports.count.unchanged", summary.unchanged],
    ["imports.count.missing", summary.missing],
    ["imports.count.needsReview", summary.needsReview],
    ["imports.count.skipped", summary.skipped ?? 0],
    ["imports.count.errors", summary.errors.length],
  ] as const;
  if (compact) {
    return (
      <span className="muted">
        {items
          .filter(([, n]) => n > 0)
          .map(([key, n]) => `${t(key)}: ${n}`)
          .join(" · ") || "—"}
      </span>
    );
  }
  return (
    <dl className="stats" data-testid="import-counts">
      {items.map(([key, n]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}
