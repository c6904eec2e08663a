import { createContext, useContext, useMemo, type ReactNode } from "react";
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from "./i18n";
import { DEFAULT_TIME_ZONE, formatDate, type DateInput, type DateStyle } from "./dates";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);
const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

export function I18nProvider({
  locale,
  timeZone = DEFAULT_TIME_ZONE,
  children,
}: {
  locale: Locale;
  timeZone?: string;
  children: ReactNode;
}) {
  return (
    <LocaleContext.Provider value={locale}>
      <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>
    </LocaleContext.Provider>
  );
}

export type FormatDate = (
  value: DateInput | null | undefined,
  style?: DateStyle,
  options?: { calendarDay?: boolean },
) => string;

/** Formats dates the same on the server and in the browser (see ./dates.ts). */
export function useFormatDate(): FormatDate {
  const locale = useLocale();
  const timeZone = useContext(TimeZoneContext);
  return useMemo(
    () =>
      (value, style = "date", options = {}) =>
        formatDate(locale, value, style, { timeZone, ...options }),
    [locale, timeZone],
  );
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/**
 * A drop-in for `new Intl.DateTimeFormat(locale, …)`: `.format(value)` with the
 * bundled formatter, so server and browser agree (see ./dates.ts).
 */
export function useDateFormatter(
  style: DateStyle,
  options: { calendarDay?: boolean } = {},
): { format: (value: DateInput) => string } {
  const format = useFormatDate();
  const calendarDay = options.calendarDay ?? false;
  return useMemo(
    () => ({ format: (value: DateInput) => format(value, style, { calendarDay }) }),
    [format, style, calendarDay],
  );
}
