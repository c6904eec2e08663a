import { useT, useLocale } from "#app/i18n/react.tsx";
import type { LetterPageData } from "#app/models/letter-page.server.ts";

/**
 * Ready sentences in Russian and Belarusian. It sits after the form (and after the
 * send step) in the page order, so its many buttons never stand between the text
 * and "Review and send" for a keyboard user; a phrase goes in on its own line.
 */
export function Phrasebook({
  entries,
  onInsert,
}: {
  entries: LetterPageData["phrasebook"];
  onInsert: (text: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const categories = [...new Set(entries.map((p) => p.category))];
  return (
    <details className="phrasebook" data-testid="phrasebook">
      <summary>{t("phrasebook.title")}</summary>
      <p className="muted">{t("phrasebook.intro")}</p>
      {categories.map((category) => (
        <section key={category}>
          <h3>{t(`phrasebook.category.${category}`)}</h3>
          <ul className="plain-list">
            {entries
              .filter((p) => p.category === category)
              .map((p) => (
                <li key={p.id} className="phrase">
                  <span className="muted">{p.meaning[locale]}</span>
                  <br />
                  <button
                    type="button"
                    className="button-small"
                    lang="ru"
                    onClick={() => onInsert(p.ru)}
                    aria-label={`${t("phrasebook.insertRu")}: ${p.ru}`}
                  >
                    RU
                  </button>{" "}
                  <span lang="ru">{p.ru}</span>
                  <br />
                  <button
                    type="button"
                    className="button-small"
                    lang="be"
                    onClick={() => onInsert(p.be)}
                    aria-label={`${t("phrasebook.insertBe")}: ${p.be}`}
                  >
                    BE
                  </button>{" "}
                  <span lang="be">{p.be}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
