import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { amountText } from "./need-view.tsx";

interface PledgeRow {
  id: string;
  amount: number;
  state: string;
  heldUntil: string;
  fulfilledAmount: number;
  need: { id: string; kind: string; text: string; currency: string | null };
}

/** The volunteer's pledges on their home page, each a link to its need (where it is confirmed). */
export function MyPledges({ pledges }: { pledges: PledgeRow[] }) {
  const t = useT();
  return (
    <section className="panel">
      <h2>{t("support.mine.title")}</h2>
      {pledges.length === 0 ? (
        <p>
          {t("support.mine.none")} <Link to="/needs">{t("support.board.title")}</Link>
        </p>
      ) : (
        <ul data-testid="home-pledges">
          {pledges.map((p) => (
            <li key={p.id}>
              <Link to={`/needs/${p.need.id}`}>{t(`support.kind.${p.need.kind}` as MessageKey)}</Link>:{" "}
              {amountText(p.amount, p.need.currency)} — {t(`support.pledgeState.${p.state}` as MessageKey)}
              {p.state === "held" ? ` (${t("support.heldUntil", { time: p.heldUntil })})` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
