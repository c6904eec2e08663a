import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { kickOutbox, queueEmail } from "#app/utils/email.server.ts";
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from "#app/i18n/i18n.ts";
import { renderEmail } from "#app/emails/layout.server.ts";
import { reachableSql } from "./situation.server.ts";

/**
 * Reminder e-mails to volunteers: a draft left untouched, a self-posted letter whose
 * posting nobody confirmed, an adopted prisoner not written to for a while. Each
 * kind can be switched off on /settings; only approved accounts get them.
 *
 * A reminder is one row in ReminderLog, unique per (person, kind, subject, period),
 * inserted in the same transaction as the queued e-mail: a rerun, a crash or two
 * instances at once cannot send one twice or lose one. Mails carry no prisoner's
 * name and no letter text, only a link into the app.
 */

export const REMINDER_KINDS = ["draft", "self_post", "adoption"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const DAY_MS = 86_400_000;
/** A draft untouched this long is reminded (again after each new edit). */
export const DRAFT_IDLE_DAYS = 7;
/** A self-posted letter still in its first status this long after sending: "did you post it?". */
export const SELF_POST_DAYS = 3;
/** After "not yet", asked again at most once a week. */
export const SELF_POST_REPEAT_DAYS = 7;
/** An adopted prisoner with no letter from the volunteer for this long. */
export const ADOPTION_QUIET_DAYS = 30;

interface Recipient {
  userId: string;
  email: string;
  pseudonym: string;
  locale: string | null;
}

interface DueReminder extends Recipient {
  kind: ReminderKind;
  subjectId: string;
  periodKey: string;
  /** Days since the draft was touched, the letter sent, or the last letter / adoption. */
  days: number;
  path: string;
  itemKind?: string;
}

/** ISO 8601 week of a date (UTC), e.g. "2026-W48". */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

function before(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY_MS);
}

// Candidates are found in SQL; each excludes subjects already reminded for the
// current period (a log row newer than the start of the period), so a run touches
// only what is due. The unique index stays the guard against doubles.

async function dueDrafts(at: Date): Promise<DueReminder[]> {
  const rows = await prisma.$queryRaw<(Recipient & { id: string; kind: string; updatedAt: Date })[]>`
    SELECT l."id", l."kind"::text AS "kind", l."updatedAt", u."id" AS "userId", u."email", u."pseudonym", u."locale"
    FROM "Letter" l JOIN "User" u ON u."id" = l."authorId"
    WHERE l."state" = 'draft' AND l."scheduledFor" IS NULL AND l."updatedAt" < ${before(at, DRAFT_IDLE_DAYS)}
      AND u."vettingState" = 'approved' AND u."remindDrafts"
      AND NOT EXISTS (
        SELECT 1 FROM "ReminderLog" r
        WHERE r."userId" = u."id" AND r."kind" = 'draft' AND r."subjectId" = l."id" AND r."sentAt" >= l."updatedAt")
    ORDER BY l."updatedAt"`;
  return rows.map((row) => ({
    ...row,
    kind: "draft",
    itemKind: row.kind,
    subjectId: row.id,
    // Editing a draft starts a new period: abandoned again, it is reminded again.
    periodKey: new Date(row.updatedAt).toISOString(),
    days: daysBetween(new Date(row.updatedAt), at),
    path: `/letters/${row.id}`,
  }));
}

async function dueSelfPosts(at: Date): Promise<DueReminder[]> {
  const rows = await prisma.$queryRaw<
    (Recipient & { id: string; kind: string; sentAt: Date; postedAnswer: string | null })[]
  >`
    SELECT l."id", l."kind"::text AS "kind", l."sentAt", l."postedAnswer", u."id" AS "userId", u."email", u."pseudonym", u."locale"
    FROM "Letter" l
      JOIN "User" u ON u."id" = l."authorId"
      JOIN "Route" ro ON ro."id" = l."routeId"
    WHERE l."state" = 'sent' AND ro."handover" = 'print_pdf'
      AND l."status" = COALESCE(
        (SELECT rs."key" FROM "RouteStatus" rs WHERE rs."routeId" = ro."id" ORDER BY rs."position" LIMIT 1), 'queued')
      AND l."sentAt" < ${before(at, SELF_POST_DAYS)}
      AND u."vettingState" = 'approved' AND u."remindSelfPost"
      AND (
        (l."postedAnswer" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "ReminderLog" r
            WHERE r."userId" = u."id" AND r."kind" = 'self_post' AND r."subjectId" = l."id" AND r."periodKey" = 'first'))
        OR (l."postedAnswer" = 'not_yet'
          AND (l."postedAnsweredAt" IS NULL OR l."postedAnsweredAt" < ${before(at, SELF_POST_REPEAT_DAYS)})
          AND NOT EXISTS (SELECT 1 FROM "ReminderLog" r
            WHERE r."userId" = u."id" AND r."kind" = 'self_post' AND r."subjectId" = l."id" AND r."sentAt" > ${before(at, SELF_POST_REPEAT_DAYS)}))
      )
    ORDER BY l."sentAt"`;
  return rows.map((row) => ({
    ...row,
    kind: "self_post",
    itemKind: row.kind,
    subjectId: row.id,
    // Never answered: asked once. "Not yet": asked again once a week.
    periodKey: row.postedAnswer === "not_yet" ? isoWeek(at) : "first",
    days: daysBetween(new Date(row.sentAt), at),
    path: `/letters/${row.id}`,
  }));
}

async function dueAdoptions(at: Date): Promise<DueReminder[]> {
  const quietSince = before(at, ADOPTION_QUIET_DAYS);
  const rows = await prisma.$queryRaw<(Recipient & { id: string; prisonerId: string; since: Date })[]>`
    SELECT a."id", a."prisonerId", u."id" AS "userId", u."email", u."pseudonym", u."locale",
      COALESCE(
        (SELECT max(l."sentAt") FROM "Letter" l WHERE l."authorId" = a."volunteerId" AND l."prisonerId" = a."prisonerId" AND l."sentAt" IS NOT NULL),
        a."createdAt") AS "since"
    FROM "Adoption" a
      JOIN "User" u ON u."id" = a."volunteerId"
      JOIN "Prisoner" p ON p."id" = a."prisonerId"
    WHERE a."endedAt" IS NULL AND a."createdAt" < ${quietSince}
      AND u."vettingState" = 'approved' AND u."remindAdoptions"
      -- Never urge anyone to write to a person who asked not to be written to, or who is free.
      AND NOT p."doNotWrite" AND ${reachableSql("p")}
      AND NOT EXISTS (
        SELECT 1 FROM "Letter" l WHERE l."authorId" = a."volunteerId" AND l."prisonerId" = a."prisonerId" AND l."sentAt" >= ${quietSince})`;
  const due = rows.map((row) => ({
    ...row,
    kind: "adoption" as const,
    subjectId: row.id,
    // One reminder per silence: the period is the day of the last letter (or of the adoption).
    periodKey: new Date(row.since).toISOString().slice(0, 10),
    days: daysBetween(new Date(row.since), at),
    path: `/prisoners/${row.prisonerId}`,
  }));
  if (due.length === 0) return due;
  const logged = await prisma.reminderLog.findMany({
    where: { kind: "adoption", subjectId: { in: due.map((d) => d.subjectId) } },
    select: { subjectId: true, periodKey: true },
  });
  const done = new Set(logged.map((l) => `${l.subjectId} ${l.periodKey}`));
  return due.filter((d) => !done.has(`${d.subjectId} ${d.periodKey}`));
}

function reminderEmail(reminder: DueReminder, t: Translate, locale: Locale) {
  const url = `${appUrl()}${reminder.path}`;
  const footer = t("email.reminder.footer", { url: `${appUrl()}/settings` });
  const greeting = t("email.reminder.greeting", { pseudonym: reminder.pseudonym });
  const postcard = reminder.itemKind === "postcard";
  switch (reminder.kind) {
    case "draft":
      return {
        subject: t("email.reminder.draft.subject"),
        ...renderEmail(locale, {
          paragraphs: [
            greeting,
            t(postcard ? "email.reminder.draft.bodyPostcard" : "email.reminder.draft.body", { days: reminder.days }),
          ],
          action: { label: t("email.reminder.draft.button"), url },
          footer,
        }),
      };
    case "self_post":
      return {
        subject: t("email.reminder.selfPost.subject"),
        ...renderEmail(locale, {
          paragraphs: [
            greeting,
            t(postcard ? "email.reminder.selfPost.bodyPostcard" : "email.reminder.selfPost.body", {
              days: reminder.days,
            }),
          ],
          action: { label: t("email.reminder.selfPost.button"), url },
          footer,
        }),
      };
    case "adoption":
      return {
        subject: t("email.reminder.adoption.subject"),
        ...renderEmail(locale, {
          paragraphs: [greeting, t("email.reminder.adoption.body", { days: reminder.days })],
          action: { label: t("email.reminder.adoption.button"), url },
          footer,
        }),
      };
  }
}

/** Logs and queues one reminder in one transaction; false when it was already sent. */
async function sendReminder(reminder: DueReminder, at: Date): Promise<boolean> {
  const locale = isLocale(reminder.locale) ? reminder.locale : DEFAULT_LOCALE;
  const t = translator(locale);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.reminderLog.createMany({
      data: [
        {
          userId: reminder.userId,
          kind: reminder.kind,
          subjectId: reminder.subjectId,
          periodKey: reminder.periodKey,
          sentAt: at,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await queueEmail({ to: reminder.email, purpose: "reminder", ...reminderEmail(reminder, t, locale) }, tx);
    return true;
  });
}

export type ReminderCounts = Record<ReminderKind, number>;

/** Finds every reminder that is due and sends each once. The "reminders" background task. */
export async function sendDueReminders(): Promise<ReminderCounts> {
  const at = now();
  const counts: ReminderCounts = { draft: 0, self_post: 0, adoption: 0 };
  const due = [...(await dueDrafts(at)), ...(await dueSelfPosts(at)), ...(await dueAdoptions(at))];
  for (const reminder of due) {
    if (await sendReminder(reminder, at)) counts[reminder.kind]++;
  }
  if (due.length > 0) kickOutbox();
  return counts;
}

/** The switches on /settings: each kind of reminder can be turned off. */
export async function updateReminderPreferences(
  userId: string,
  input: { remindDrafts: boolean; remindSelfPost: boolean; remindAdoptions: boolean; remindPledges: boolean },
) {
  await prisma.user.update({
    where: { id: userId },
    data: {
      remindDrafts: input.remindDrafts,
      remindSelfPost: input.remindSelfPost,
      remindAdoptions: input.remindAdoptions,
      remindPledges: input.remindPledges,
    },
  });
}
