import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
import { useRootData } from "#app/root.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "privacy.title");

const SECTIONS: { heading: MessageKey; body: MessageKey }[] = [
  { heading: "privacy.whoHeading", body: "privacy.whoBody" },
  { heading: "privacy.keptHeading", body: "privacy.keptBody" },
  { heading: "privacy.prisonersHeading", body: "privacy.prisonersBody" },
  { heading: "privacy.protectHeading", body: "privacy.protectBody" },
  { heading: "privacy.retentionHeading", body: "privacy.retentionBody" },
  { heading: "privacy.cookiesHeading", body: "privacy.cookiesBody" },
  { heading: "privacy.rightsHeading", body: "privacy.rightsBody" },
];

/** The privacy notice: what the site keeps, why, for how long, and whom to ask. */
export default function Privacy() {
  const t = useT();
  const data = useRootData();
  const name = data?.organisation.name ?? t("app.name");
  const contact = data?.organisation.contact ?? null;
  return (
    <article className="panel prose">
      <h1>{t("privacy.title")}</h1>
      {SECTIONS.map((section) => (
        <section key={section.heading}>
          <h2>{t(section.heading)}</h2>
          <p>{t(section.body, { name })}</p>
        </section>
      ))}
      <section>
        <h2>{t("privacy.contactHeading")}</h2>
        <p>{contact ? t("privacy.contactBody", { contact }) : t("privacy.contactNone")}</p>
        <p>
          <Link to="/settings">{t("privacy.settingsLink")}</Link>
        </p>
      </section>
    </article>
  );
}
