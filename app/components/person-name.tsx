import { Link } from "@remix-run/react";
import { useLocale, useT } from "#app/i18n/react.tsx";
import { displayName, type DisplayableName } from "#app/names/display.ts";

/**
 * A person as a list shows them: the name in the reader's script (with the primary
 * spelling, which goes on the envelope, when it differs), then a line that tells
 * namesakes apart (age, the facility's city), their interests and the coordinators'
 * few lines about them.
 */
export function PersonName({
  id,
  names,
  age,
  birthYearOnly,
  city,
  interests = [],
  about,
  children,
}: {
  id: string;
  names: readonly DisplayableName[];
  age: number | null;
  birthYearOnly?: boolean;
  city?: string | null;
  interests?: readonly string[];
  about?: string | null;
  children?: React.ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const shown = displayName(names, locale);
  const facts = [
    age === null ? null : birthYearOnly ? t("prisoner.ageAbout", { age }) : t("prisoner.ageYears", { age }),
    city ?? null,
  ].filter(Boolean);
  const aboutLine = about ? (about.length > 160 ? `${about.slice(0, 157).trimEnd()}…` : about) : null;
  return (
    <>
      <Link to={`/prisoners/${id}`}>
        <span lang={shown.lang}>{shown.name}</span>
        {shown.original ? (
          <>
            {" "}
            <span lang={shown.originalLang} className="name-original">
              ({shown.original})
            </span>
          </>
        ) : null}
      </Link>
      {children}
      {facts.length > 0 ? <span className="person-line">{facts.join(" · ")}</span> : null}
      {interests.length > 0 ? (
        <span className="person-line">{t("person.interests", { interests: interests.join(", ") })}</span>
      ) : null}
      {aboutLine ? <span className="person-line about">{aboutLine}</span> : null}
    </>
  );
}
