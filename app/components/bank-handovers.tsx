import { Form, Link } from "@remix-run/react";
import { useDateFormatter, useT } from "#app/i18n/react.tsx";

interface Handover {
  prisonerId: string;
  name: string;
  letters: number;
  releasedOn: string | null;
}

/** The coordinators' task "hand over N letters" for released people the letter bank holds letters for. */
export function BankHandovers({ handovers }: { handovers: Handover[] }) {
  const t = useT();
  const date = useDateFormatter("date");
  if (handovers.length === 0) return null;
  return (
    <section className="notice" data-testid="bank-handovers">
      <h2>{t("bankTask.title")}</h2>
      <p>{t("bankTask.hint")}</p>
      <ul className="plain-list">
        {handovers.map((h) => (
          <li key={h.prisonerId}>
            <Link to={`/prisoners/${h.prisonerId}`}>{t("bankTask.item", { count: h.letters, name: h.name })}</Link>
            {h.releasedOn ? (
              <span className="muted">
                {" "}
                · {t("bankTask.releasedOn", { date: date.format(new Date(`${h.releasedOn}T00:00:00Z`)) })}
              </span>
            ) : null}{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="prisonerId" value={h.prisonerId} />
              <button type="submit" name="intent" value="bank-handover" className="button-small">
                {t("bankTask.mark")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
