import type { BackgroundTask } from "#app/utils/background.server.ts";
import { pruneRateLimits } from "#app/utils/rate-limit.server.ts";
import { pruneExpiredSessions } from "#app/utils/session.server.ts";
import { eraseSentMailBodies } from "#app/utils/email.server.ts";
import { sendDueScheduledLetters } from "#app/models/letters.server.ts";
import { sendDueReminders } from "#app/models/reminders.server.ts";
import { purgeExpiredContent } from "#app/models/retention.server.ts";
import { importUpkeep } from "#app/imports/run-upkeep.server.ts";
import { pruneExpiredSignInCodes } from "#app/models/sign-in.server.ts";
import { supportUpkeep } from "#app/models/support.server.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every periodic job of the app, run by whichever instance claims it (see background.server.ts). */
export const BACKGROUND_TASKS: BackgroundTask[] = [
  { name: "scheduled-letters", everyMs: MINUTE, run: sendDueScheduledLetters },
  { name: "reminders", everyMs: HOUR, run: sendDueReminders },
  { name: "retention", everyMs: 24 * HOUR, run: purgeExpiredContent },
  { name: "import-runs", everyMs: HOUR, run: importUpkeep },
  { name: "support", everyMs: HOUR, run: supportUpkeep },
  {
    name: "housekeeping",
    everyMs: HOUR,
    run: async () => {
      await pruneRateLimits();
      await pruneExpiredSessions();
      await eraseSentMailBodies();
      await pruneExpiredSignInCodes();
    },
  },
];
