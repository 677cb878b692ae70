/**
 * What a calendar needs of the person's locale: the day its weeks start on and its weekend (the
 * format locale's region: Monday in Russia, Hungary, Malaysia and the UK, Sunday in India,
 * Indonesia and the US, CLDR), and the names of months and weekdays (in the UI's language,
 * `wordsLocale`). A month's name over a calendar stands alone ("декабрь 2026 г."), unlike the
 * one in a date ("7 декабря"): Intl says each as its language needs, where a name spliced into a
 * sentence would be in the wrong case.
 */

/** Mantine's numbering: 0 is Sunday, 1 Monday … 6 Saturday. */
export type WeekDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

interface WeekInfo {
  /** ISO numbering: 1 is Monday … 7 Sunday. */
  firstDay: number;
  weekend: number[];
}

/**
 * CLDR's week data for the regions of our users' locales, where the engine has no
 * `Intl.Locale.prototype.getWeekInfo` (Chromium has it; older engines had `weekInfo`, Firefox
 * neither). A region not here starts on Monday, as CLDR's world default does.
 */
const WEEKS: Record<string, WeekInfo> = {
  GB: { firstDay: 1, weekend: [6, 7] },
  RU: { firstDay: 1, weekend: [6, 7] },
  HU: { firstDay: 1, weekend: [6, 7] },
  MY: { firstDay: 1, weekend: [6, 7] },
  ID: { firstDay: 7, weekend: [6, 7] },
  IN: { firstDay: 7, weekend: [7] },
  US: { firstDay: 7, weekend: [6, 7] },
};
const WORLD: WeekInfo = { firstDay: 1, weekend: [6, 7] };

type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The locale's week from the engine, else from the table above by its (likely) region. */
export function weekInfo(locale: string, fromEngine = true): WeekInfo {
  let tag: LocaleWithWeek;
  try {
    tag = new Intl.Locale(locale) as LocaleWithWeek;
  } catch {
    return WORLD;
  }
  if (fromEngine) {
    const info = tag.getWeekInfo?.() ?? tag.weekInfo;
    if (info?.firstDay) return { firstDay: info.firstDay, weekend: [...info.weekend] };
  }
  const region = tag.region ?? tag.maximize().region ?? '';
  return WEEKS[region] ?? WORLD;
}

const mantineDay = (isoDay: number) => (isoDay % 7) as WeekDay;

/** The weekday a calendar of `locale` starts its weeks on. */
export const firstDayOfWeek = (locale: string, fromEngine = true): WeekDay => mantineDay(weekInfo(locale, fromEngine).firstDay);

/** The weekend days a calendar of `locale` marks. */
export const weekendDays = (locale: string, fromEngine = true): WeekDay[] => weekInfo(locale, fromEngine).weekend.map(mantineDay);

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return f;
}

/** A calendar day ("2026-12-07", also with a time after it) at noon UTC, formatted in UTC: the same day wherever the laptop is. */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);

/**
 * A month over its calendar, standing alone, as a heading starts: "December 2026", "Декабрь
 * 2026 г.", "2026. december" (its first letter only: "г." stays small, as CSS capitalize would not).
 */
export const monthHeading = (iso: string, locale: string) => {
  const text = format(locale, { month: 'long', year: 'numeric' }).format(day(iso));
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
};

/** A weekday over its column: "Mon", "пн", "सोम". */
export const weekdayHeading = (iso: string, locale: string) => format(locale, { weekday: 'short' }).format(day(iso));

/** A month in a year's list of months: "Dec", "дек.". */
export const monthInList = (iso: string, locale: string) => format(locale, { month: 'short' }).format(day(iso));

/** A day as a screen reader says it, whole: "Monday, 7 December 2026", "понедельник, 7 декабря 2026 г.". */
export const dayInFull = (iso: string, locale: string) => format(locale, { dateStyle: 'full' }).format(day(iso));
