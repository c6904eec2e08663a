import { afterAll, beforeAll } from "vitest";
import type { Page } from "playwright-core";
import { startApp, type RunningApp } from "./app-server.ts";
import { launchBrowser, type Browser } from "./browser.ts";
import { enterAuthenticatorCode, enterSignInCode, requestSignInCode, totpCode } from "./flows.ts";
import { startMailServer, type TestMailServer } from "./smtp.ts";

/** Accounts `node server.js --demo` creates (DEMO_ACCOUNTS in app/models/demo.server.ts, listed in docs/development.md). */
export const DEMO_COORDINATOR = "coordinator@demo.solidarity.test";
export const DEMO_VOLUNTEER = "volunteer@demo.solidarity.test";
export const DEMO_ADMIN = "admin@demo.solidarity.test";

/**
 * The second factor of the demo coordinator and admin, published in docs/development.md.
 * The same value as DEMO_TOTP_SECRET in app/models/demo.server.ts, copied rather than
 * imported: that module brings the Prisma client, the database code and the demo data
 * into the test process, which only drives a browser against the app's own process.
 */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

const DAY_MS = 86_400_000;

/**
 * Signs in the demo coordinator (or, with `account`, the demo admin): code by e-mail, then the authenticator code.
 * `clockOffsetDays`: how far a test has moved the app's clock ahead (CLOCK_OFFSET_SECONDS),
 * since the app checks the code against its own time.
 */
export async function signInDemoCoordinator(
  page: Page,
  appUrl: string,
  mail: TestMailServer,
  { clockOffsetDays = 0, account = DEMO_COORDINATOR }: { clockOffsetDays?: number; account?: string } = {},
) {
  await enterSignInCode(page, await requestSignInCode(page, appUrl, mail, account));
  await page.waitForURL(/\/2fa/);
  // The app refuses a replayed authenticator code: a second sign-in within the same
  // 30-second step waits for the next code, as a person would.
  let at = Date.now() + clockOffsetDays * DAY_MS;
  if (Math.floor(at / TOTP_STEP_MS) === lastTotpStep) {
    await new Promise((resolve) => setTimeout(resolve, TOTP_STEP_MS - (at % TOTP_STEP_MS) + 250));
    at = Date.now() + clockOffsetDays * DAY_MS;
  }
  lastTotpStep = Math.floor(at / TOTP_STEP_MS);
  await enterAuthenticatorCode(page, totpCode(DEMO_TOTP_SECRET, at));
}

const TOTP_STEP_MS = 30_000;
let lastTotpStep = -1;

export interface DemoAppSuite {
  /** The SMTP server the app sends through. */
  readonly mail: TestMailServer;
  /** The running app; a new one after `restart`. */
  readonly app: RunningApp;
  readonly browser: Browser;
  /** Stops the app and starts it again on the same data folder with these environment variables (besides SMTP_URL). */
  restart(env?: Record<string, string>): Promise<RunningApp>;
}

/**
 * For a test file: before its tests, a test SMTP server, the built app in demo mode with
 * demo data (`--demo`, APP_MODE=demo) sending through it, and a browser; after them, all three closed.
 * The properties can be read once the hooks have run, that is inside tests and hooks.
 */
export function demoAppSuite(options: { env?: Record<string, string> } = {}): DemoAppSuite {
  let mail: TestMailServer | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;

  const start = (env: Record<string, string> | undefined, dataDir?: string) =>
    startApp({ dataDir, args: ["--demo"], env: { SMTP_URL: ready(mail, "mail").url, ...env } });

  beforeAll(async () => {
    mail = await startMailServer();
    app = await start(options.env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await mail?.close();
  });

  return {
    get mail() {
      return ready(mail, "mail");
    },
    get app() {
      return ready(app, "app");
    },
    get browser() {
      return ready(browser, "browser");
    },
    async restart(env) {
      const { dataDir } = ready(app, "app");
      await app!.stop();
      app = await start(env, dataDir);
      return app;
    },
  };
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined)
    throw new Error(`demoAppSuite().${name} is read before its beforeAll hook has run (or after it failed).`);
  return value;
}
