import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { readDomainErrorBody } from "#app/utils/domain-error.ts";

/** What the page says for each status a route answers with; any other status gets the generic page. */
const CONTENT: Partial<Record<number, { heading: MessageKey; text: MessageKey; reload?: true }>> = {
  403: { heading: "error.heading.forbidden", text: "error.forbidden" },
  404: { heading: "error.heading.notFound", text: "error.notFound" },
  409: { heading: "error.heading.conflict", text: "error.conflict", reload: true },
  422: { heading: "error.heading.invalid", text: "error.invalid" },
  429: { heading: "error.heading.tooMany", text: "error.tooManyRequests" },
};

const GENERIC = { heading: "error.title", text: "error.generic" } as const;

/**
 * The error page of the root and of every route with a loader or action: a heading and
 * a sentence for the status (404, 403, 409, 422, 429, or anything else), and, when the
 * error is a domain error's (app/utils/domain-error.ts), its own message, translated.
 * A route exports it as `export { ErrorBoundary } from "#app/components/error-boundary.tsx"`,
 * so a failing page keeps the layouts around it.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const content = CONTENT[status] ?? GENERIC;
  const domain = isRouteErrorResponse(error) ? readDomainErrorBody(error.data) : null;
  const reason = domain && domain.messageKey !== content.text ? t(domain.messageKey, domain.params) : null;
  return (
    <section className="panel narrow" data-testid="error-page" data-status={status}>
      <h1>{t(content.heading)}</h1>
      <p>{t(content.text)}</p>
      {reason ? (
        <p className="notice" data-testid="error-reason" data-code={domain?.code}>
          {reason}
        </p>
      ) : null}
      <p>
        {"reload" in content && content.reload ? (
          <>
            <a href="">{t("error.reload")}</a>
            {" · "}
          </>
        ) : null}
        <Link to="/">{t("error.goHome")}</Link>
      </p>
    </section>
  );
}
