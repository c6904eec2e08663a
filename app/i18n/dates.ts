import type { Locale } from "./i18n";

/**
 * The one date formatter of the interface. Month names for en, ru and be are
 * bundled here rather than taken from the runtime's Intl data: browsers carry no
 * Belarusian date data, so `Intl.DateTimeFormat("be")` gives English text in the
 * browser and Belarusian on the server, and hydration fails. The calendar fields
 * come from Intl's numeric output in the app's time zone (every runtime has that),
 * so server and browser render exactly the same text.
 */

export type DateInput = Date | string | number;

export type DateStyle =
  /** 4 Dec 2026 / 4 дек. 2026 г. */
  | "date"
  /** 4 December 2026 / 4 декабря 2026 г. */
  | "long"
  /** 4 Dec 2026, 14:05 */
  | "dateTime"
  /** 04.12.2026, 14:05 (tables) */
  | "shortDateTime"
  /** 04.12.2026, 14:05:09 (logs) */
  | "logTime"
  /** 04.12.2026 */
  | "short"
  /** 14:05 */
  | "time"
  /** 4 Dec */
  | "dayMonth"
  /** December 2026 */
  | "monthYear";

const MONTHS_SHORT: Record<Locale, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  ru: ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."],
  be: ["сту", "лют", "сак", "кра", "мая", "чэр", "ліп", "жні", "вер", "кас", "ліс", "сне"],
};

/** Genitive month names ("4 декабря"), as used after a day number. */
const MONTHS_LONG: Record<Locale, string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  ru: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
  be: [
    "студзеня",
    "лютага",
    "сакавіка",
    "красавіка",
    "мая",
    "чэрвеня",
    "ліпеня",
    "жніўня",
    "верасня",
    "кастрычніка",
    "лістапада",
    "снежня",
  ],
};

/** Nominative month names ("декабрь 2026"), standing alone. */
const MONTHS_STANDALONE: Record<Locale, string[]> = {
  en: MONTHS_LONG.en,
  ru: [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
  ],
  be: [
    "студзень",
    "люты",
    "сакавік",
    "красавік",
    "май",
    "чэрвень",
    "ліпень",
    "жнівень",
    "верасень",
    "кастрычнік",
    "лістапад",
    "снежань",
  ],
};

/** The time zone dates are shown in unless the app is configured otherwise (APP_TIME_ZONE). */
export const DEFAULT_TIME_ZONE = "UTC";

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(date: Date, timeZone: string): Parts {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

/**
 * A date-only value ("2026-12-04", or a Date at UTC midnight that stands for a day)
 * is a calendar day, shown as is in every time zone.
 */
function isCalendarDay(value: DateInput): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

export function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return new Date(value);
}

const pad = (n: number) => String(n).padStart(2, "0");

function time(locale: Locale, p: Parts, seconds = false): string {
  const s = seconds ? `:${pad(p.second)}` : "";
  if (locale === "en") {
    const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    return `${hour12}:${pad(p.minute)}${s} ${p.hour < 12 ? "AM" : "PM"}`;
  }
  return `${pad(p.hour)}:${pad(p.minute)}${s}`;
}

function date(locale: Locale, p: Parts, long: boolean): string {
  const months = long ? MONTHS_LONG[locale] : MONTHS_SHORT[locale];
  const month = months[p.month - 1];
  if (locale === "en") return `${p.day} ${month} ${p.year}`;
  return `${p.day} ${month} ${p.year} г.`;
}

/**
 * Formats a date for the interface. `timeZone` applies to moments; calendar days
 * ("yyyy-mm-dd" strings, or `calendarDay: true` for Dates stored as UTC midnight) are shown as stored.
 */
export function formatDate(
  locale: Locale,
  value: DateInput | null | undefined,
  style: DateStyle = "date",
  options: { timeZone?: string; calendarDay?: boolean } = {},
): string {
  if (value === null || value === undefined || value === "") return "";
  const instant = toDate(value);
  if (Number.isNaN(instant.getTime())) return "";
  const zone = options.calendarDay || isCalendarDay(value) ? "UTC" : (options.timeZone ?? DEFAULT_TIME_ZONE);
  const p = partsOf(instant, zone);
  switch (style) {
    case "date":
      return date(locale, p, false);
    case "long":
      return date(locale, p, true);
    case "dateTime":
      return `${date(locale, p, false)}, ${time(locale, p)}`;
    case "short":
      return locale === "en" ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : `${pad(p.day)}.${pad(p.month)}.${p.year}`;
    case "shortDateTime":
      return `${formatDate(locale, instant, "short", { timeZone: zone })}, ${time(locale, p)}`;
    case "logTime":
      return `${formatDate(locale, instant, "short", { timeZone: zone })}, ${time(locale, p, true)}`;
    case "time":
      return time(locale, p);
    case "dayMonth":
      return `${p.day} ${MONTHS_SHORT[locale][p.month - 1]}`;
    case "monthYear": {
      const name = MONTHS_STANDALONE[locale][p.month - 1];
      return `${locale === "en" ? name : name[0].toUpperCase() + name.slice(1)} ${p.year}`;
    }
  }
}
