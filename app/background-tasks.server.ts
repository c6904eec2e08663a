import type { BackgroundTask } from "#app/utils/background.server.ts";
import { pruneRateLimits } from "#app/utils/rate-limit.server.ts";
import { pruneExpiredSessions } from "#app/utils/session.server.ts";

const HOUR = 3_600_000;

/** Every periodic job of the app, run by whichever instance claims it (see background.server.ts). */
export const BACKGROUND_TASKS: BackgroundTask[] = [
  {
    name: "housekeeping",
    everyMs: HOUR,
    run: async () => {
      await pruneRateLimits();
      await pruneExpiredSessions();
    },
  },
];
