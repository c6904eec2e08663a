import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import stylesheet from "./styles/app.css?url";
import { Logo } from "./components/logo";
import { I18nProvider, useT } from "./i18n/react";
import { DEFAULT_LOCALE, LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from "./i18n/i18n";
import { lookupSession, isPrivileged } from "./utils/session.server";
import { resolveLocale } from "./utils/locale.server";
import { devMailboxEnabled, organisation } from "./utils/config.server";
import { unreadReplyCount } from "#app/models/home.server.ts";
import { can } from "./utils/permissions";
import { useNonce } from "./utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const found = await lookupSession(request);
  const sessionUser = found.state === "active" ? found.session.user : null;
  const signedIn =
    sessionUser && (!isPrivileged(sessionUser.role) || (found.state === "active" && found.session.secondFactorAt));
  const locale = await resolveLocale(request, sessionUser?.locale);
  return {
    locale,
    organisation: organisation(),
    devMailbox: devMailboxEnabled(),
    user: signedIn
      ? {
          pseudonym: sessionUser.pseudonym,
          role: sessionUser.role,
          vettingState: sessionUser.vettingState,
          canReadPrisoners: can(sessionUser, "read:prisoners"),
          canApprove: can(sessionUser, "approve:volunteers"),
          canEditRegistry: can(sessionUser, "edit:prisoners"),
          canWrite: can(sessionUser, "write:letters:own"),
          canSendParcels: can(sessionUser, "send:parcels:own"),
          canManageParcels: can(sessionUser, "manage:parcels"),
          canManageRoutes: can(sessionUser, "manage:routes"),
          canTrackItems: can(sessionUser, "track:items"),
          canReadAudit: can(sessionUser, "read:audit"),
          canManageTokens: can(sessionUser, "manage:tokens"),
          unreadReplies: can(sessionUser, "write:letters:own") ? await unreadReplyCount(sessionUser.id) : 0,
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

function LanguageSwitcher({ locale }: { locale: Locale }) {
  const t = useT();
  const location = useLocation();
  // With JavaScript the choice applies on change; without it, through the button.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  return (
    <Form method="post" action="/language" className="language-switcher">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select">{t("nav.language")}</label>
      <select
        id="language-select"
        name="locale"
        defaultValue={locale}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {SUPPORTED_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className={scripted ? "button-small visually-hidden" : "button-small"}
        tabIndex={scripted ? -1 : undefined}
      >
        {t("nav.changeLanguage")}
      </button>
    </Form>
  );
}

function Header() {
  const t = useT();
  const data = useRootData();
  const user = data?.user;
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to={user ? "/home" : "/"} className="brand">
          <Logo className="brand-mark" /> {t("app.name")}
        </Link>
        {/* On a phone the menu folds behind this toggle; a checkbox, so it works without JavaScript. */}
        <input
          type="checkbox"
          id="nav-toggle"
          className="nav-toggle"
          aria-controls="site-nav"
          aria-label={t("nav.menu")}
        />
        <label htmlFor="nav-toggle" className="nav-toggle-label">
          <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" focusable="false">
            <path d="M2 5h16M2 10h16M2 15h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {t("nav.menu")}
        </label>
        <div className="site-nav-wrap">
          <nav aria-label={t("nav.primary")} className="site-nav" id="site-nav">
            {user ? (
              <>
                <NavLink to="/home">
                  {t("nav.home")}
                  {user.unreadReplies > 0 ? (
                    <span
                      className="badge badge-unread"
                      data-testid="unread-marker"
                      aria-label={t("nav.unread", { count: user.unreadReplies })}
                    >
                      {user.unreadReplies}
                    </span>
                  ) : null}
                </NavLink>
                {user.canWrite ? <NavLink to="/write">{t("nav.write")}</NavLink> : null}
                {user.canWrite ? <NavLink to="/letters">{t("nav.letters")}</NavLink> : null}
                {user.canSendParcels && !user.canManageParcels ? (
                  <NavLink to="/parcels">{t("nav.parcels")}</NavLink>
                ) : null}
                {user.canManageParcels ? <NavLink to="/coordinator/parcels">{t("nav.allParcels")}</NavLink> : null}
                {user.canSendParcels ? (
                  <NavLink to={user.canManageParcels ? "/coordinator/needs" : "/needs"}>{t("nav.needs")}</NavLink>
                ) : null}
                {user.canReadPrisoners ? <NavLink to="/prisoners">{t("nav.prisoners")}</NavLink> : null}
                {user.canApprove ? <NavLink to="/coordinator/volunteers">{t("nav.volunteers")}</NavLink> : null}
                {user.canEditRegistry ? <NavLink to="/imports">{t("nav.imports")}</NavLink> : null}
                {user.canManageRoutes ? (
                  <NavLink to="/coordinator/settings">{t("nav.coordinatorSettings")}</NavLink>
                ) : null}
                {user.canManageRoutes ? <NavLink to="/coordinator/writing-help">{t("nav.writingHelp")}</NavLink> : null}
                {user.canManageRoutes ? <NavLink to="/coordinator/routes">{t("nav.routes")}</NavLink> : null}
                {user.canTrackItems ? <NavLink to="/coordinator/dashboard">{t("nav.dashboard")}</NavLink> : null}
                {user.canTrackItems ? <NavLink to="/coordinator/items">{t("nav.items")}</NavLink> : null}
                {user.canReadAudit ? <NavLink to="/admin/audit">{t("nav.audit")}</NavLink> : null}
                {user.canManageTokens ? <NavLink to="/admin/tokens">{t("nav.tokens")}</NavLink> : null}
                <NavLink to="/settings">{t("nav.settings")}</NavLink>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <NavLink to="/login">{t("nav.signIn")}</NavLink>
            )}
            {data?.devMailbox ? <NavLink to="/dev/mailbox">{t("nav.mailbox")}</NavLink> : null}
          </nav>
          <LanguageSwitcher locale={data?.locale ?? DEFAULT_LOCALE} />
        </div>
      </div>
    </header>
  );
}

function Footer() {
  const t = useT();
  const data = useRootData();
  const org = data?.organisation;
  const contact = org?.contact ?? null;
  const contactHref = contact
    ? contact.includes("@") && !/^https?:/.test(contact)
      ? `mailto:${contact}`
      : contact
    : null;
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p className="footer-org">
          <Logo className="footer-mark" /> {t("footer.runBy", { name: org?.name ?? t("app.name") })}
        </p>
        <ul className="footer-links">
          <li>
            <Link to="/privacy">{t("footer.privacy")}</Link>
          </li>
          {contact && contactHref ? (
            <li>
              {t("footer.contact")}: <a href={contactHref}>{contact}</a>
            </li>
          ) : null}
        </ul>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale} timeZone={data?.organisation.timeZone}>
          <SkipLink />
          <Header />
          <main id="main" className="site-main" tabIndex={-1}>
            {children}
          </main>
          <Footer />
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SkipLink() {
  const t = useT();
  return (
    <a href="#main" className="skip-link">
      {t("app.skipToContent")}
    </a>
  );
}

export default function App() {
  return <Outlet />;
}

export { ErrorBoundary } from "./components/error-boundary";
