import { Link, useLocation } from "@remix-run/react";
import { useT } from "#app/i18n/react.tsx";

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("common.pageOf", { page, pages })}>
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t("common.previous")}</Link> : <span />}
      <span>{t("common.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t("common.next")}</Link> : <span />}
    </nav>
  );
}

export function pageFromUrl(url: URL): number {
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  return Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1;
}
