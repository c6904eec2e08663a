import { ErrorText } from "#app/components/forms.tsx";
import { useT } from "#app/i18n/react.tsx";
import { routeName } from "#app/tracking/route-text.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { routeCostText } from "#app/letters/route-cost.ts";
import type { RefusalCode } from "#app/letters/route-eligibility.ts";
import type { LetterPageData } from "#app/models/letter-page.server.ts";

type RouteView = LetterPageData["routes"][number];

export const REFUSAL_KEYS: Record<RefusalCode, MessageKey> = {
  inactive: "letters.refusal.inactive",
  notConfigured: "letters.refusal.notConfigured",
  doNotWrite: "letters.refusal.doNotWrite",
  released: "letters.refusal.released",
  country: "letters.refusal.country",
  kind: "letters.refusal.kind",
  language: "letters.refusal.language",
  facilityLanguage: "letters.refusal.facilityLanguage",
  deliveryNotExpected: "letters.refusal.deliveryNotExpected",
  address: "letters.refusal.address",
};

/** A route's facts as the volunteer weighs them: cost, usual time, translation, replies, what the service sees. */
export function RouteFacts({ route }: { route: RouteView }) {
  const t = useT();
  const cost = routeCostText(t, route);
  const sees: MessageKey =
    route.handover === "print_pdf"
      ? "letters.facts.seesNobody"
      : route.handover === "bank"
        ? "letters.facts.seesBank"
        : "letters.facts.seesService";
  return (
    <ul className="route-facts small" data-testid={`facts-${route.slug}`}>
      <li>{cost}</li>
      <li>
        {route.usualDays !== null
          ? t("letters.facts.usualDays", { count: route.usualDays })
          : t("letters.facts.usualDaysUnknown")}
      </li>
      {route.translates ? <li>{t("letters.facts.translates")}</li> : null}
      <li>{t(route.repliesReturn ? "letters.facts.repliesReturn" : "letters.facts.noReplies")}</li>
      <li>{t(sees)}</li>
    </ul>
  );
}

function RouteOption({ route, checked }: { route: RouteView; checked: boolean }) {
  const t = useT();
  return (
    <div className="route-option">
      <label className="checkbox">
        <input type="radio" name="routeId" value={route.id} defaultChecked={checked} /> {routeName(t, route.name)}
        {checked ? <span className="badge badge-approved">{t("letters.send.recommended")}</span> : null}
      </label>
      <RouteFacts route={route} />
    </div>
  );
}

/**
 * The first half of sending, inside the draft form: the recommended route chosen
 * with its facts, other fitting routes behind "other ways", and the refused ones
 * grouped by reason (each reason said once). "Review and send" saves the text and
 * opens the review of exactly what will leave.
 */
export function RouteChooser({
  routes,
  recommendedId,
  error,
}: {
  routes: RouteView[];
  recommendedId: string | null;
  error?: string;
}) {
  const t = useT();
  const recommended = routes.find((r) => r.id === recommendedId);
  const others = routes.filter((r) => r.eligible && r.id !== recommendedId);
  const refused = routes.filter((r) => !r.eligible);
  const byReason = new Map<RefusalCode, string[]>();
  for (const r of refused) {
    const reason = r.refusals[0] ?? "inactive";
    byReason.set(reason, [...(byReason.get(reason) ?? []), routeName(t, r.name)]);
  }
  return (
    <section className="send-panel" aria-labelledby="send-title">
      <h2 id="send-title">{t("letters.send.title")}</h2>
      <fieldset className="field" aria-describedby={error ? "route-error" : undefined}>
        <legend>{t("letters.send.route")}</legend>
        {recommended ? (
          <RouteOption route={recommended} checked />
        ) : (
          <p className="notice notice-error">{t("letters.send.noRoute")}</p>
        )}
        {others.length > 0 ? (
          <details>
            <summary>{t("letters.send.otherWays", { count: others.length })}</summary>
            {others.map((r) => (
              <RouteOption key={r.id} route={r} checked={false} />
            ))}
          </details>
        ) : null}
        <ErrorText id="route-error" message={error} />
      </fieldset>
      {refused.length > 0 ? (
        <details className="refused-routes" data-testid="refused-routes">
          <summary>{t("letters.send.refused", { count: refused.length })}</summary>
          <ul className="plain-list small">
            {[...byReason].map(([reason, names]) => (
              <li key={reason}>
                <strong>{t(REFUSAL_KEYS[reason])}</strong> {names.join(", ")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="submit" name="intent" value="review" className="button-primary" disabled={!recommended}>
        {t("letters.send.review")}
      </button>
    </section>
  );
}
