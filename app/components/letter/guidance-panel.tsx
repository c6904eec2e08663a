import type { Guidance } from "#app/letters/guidance.ts";
import { useT } from "#app/i18n/react.tsx";

/** The text with risky words, Latin words, unprintable characters and unfilled blanks marked. */
export function Highlighted({
  text,
  guidance,
  blanks,
}: {
  text: string;
  guidance: Guidance;
  blanks: { start: number; end: number }[];
}) {
  const marks = [
    ...guidance.risks.map((r) => ({ start: r.start, end: r.end, kind: "risk" as const })),
    ...guidance.latinWords.map((w) => ({ start: w.start, end: w.end, kind: "latin" as const })),
    ...guidance.unprintable.map((w) => ({ start: w.start, end: w.end, kind: "unprintable" as const })),
    ...blanks.map((b) => ({ start: b.start, end: b.end, kind: "blank" as const })),
  ].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach((m, i) => {
    if (m.start < at) return;
    parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={i} className={`mark-${m.kind}`}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  parts.push(text.slice(at));
  return (
    <div className="highlighted" data-testid="highlighted-text">
      {parts}
    </div>
  );
}

export function GuidancePanel({
  guidance,
  country,
  translatedBy,
}: {
  guidance: Guidance;
  country: "BY" | "RU";
  translatedBy: { name: string } | null;
}) {
  const t = useT();
  // A text in another language is fine for a route that translates it: said as good news, not as a warning.
  const translated = translatedBy !== null && guidance.language === "other";
  const messages: string[] = guidance.warnings.flatMap((w) => {
    switch (w.code) {
      case "language":
        return translated ? [] : [t(country === "RU" ? "guidance.languageRu" : "guidance.languageBy")];
      case "latinWords":
        return [t("guidance.latinWords", { count: w.count })];
      case "latinSignature":
        return [t("guidance.latinSignature", { signature: w.signature })];
      case "unprintable":
        return [t("guidance.unprintable", { count: w.count })];
      case "risk":
        return [t("guidance.risk", { count: w.count })];
      case "postcardTooLong":
        return [t("guidance.postcardTooLong", { limit: w.limit, characters: w.characters })];
      case "letterLong":
        return [t("guidance.letterLong", { characters: w.characters })];
      case "empty":
        return [t("guidance.empty")];
    }
  });
  const riskyWords = [...new Set(guidance.risks.map((r) => r.text))];
  return (
    <section className="guidance" aria-live="polite" data-testid="guidance">
      <h2>{t("guidance.title")}</h2>
      <p className="muted">
        {t("guidance.detected", { language: t(`guidance.language.${guidance.language}`) })} ·{" "}
        {t("guidance.length", { characters: guidance.length.characters, words: guidance.length.words })}
      </p>
      {translated ? (
        <p className="notice notice-ok">{t("guidance.translatedBy", { route: translatedBy.name })}</p>
      ) : null}
      {messages.length === 0 ? <p className="notice notice-ok">{t("guidance.allGood")}</p> : null}
      <ul className="warnings">
        {messages.map((m, i) => (
          <li key={i} className="notice">
            {m}
          </li>
        ))}
      </ul>
      {riskyWords.length > 0 ? (
        <>
          <p>{t("guidance.riskyWords")}</p>
          <ul className="risky-words" data-testid="risky-words">
            {riskyWords.map((word) => (
              <li key={word}>
                <mark className="mark-risk">{word}</mark>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
