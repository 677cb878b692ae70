import { describe, expect, it } from 'vitest';
import { dayInFull, firstDayOfWeek, monthHeading, monthInList, weekdayHeading, weekendDays } from './calendar';

const SUNDAY = 0;
const MONDAY = 1;
const SATURDAY = 6;

describe('a calendar’s week in the person’s locale (CLDR)', () => {
  // The engine's week data (Chromium's and Node's Intl.Locale getWeekInfo), and the table used where
  // an engine has none: both must say the same for our users' locales.
  for (const fromEngine of [true, false]) {
    it(`starts on Monday in Russia, Hungary, Malaysia and the UK, on Sunday in India, Indonesia and the US (${fromEngine ? 'the engine' : 'the table'})`, () => {
      for (const locale of ['ru-RU', 'hu-HU', 'ms-MY', 'en-GB', 'ru', 'hu']) expect(firstDayOfWeek(locale, fromEngine), locale).toBe(MONDAY);
      for (const locale of ['hi-IN', 'en-IN', 'id-ID', 'en-US', 'hi', 'id']) expect(firstDayOfWeek(locale, fromEngine), locale).toBe(SUNDAY);
    });

    it(`marks the locale’s weekend: Sunday alone in India (${fromEngine ? 'the engine' : 'the table'})`, () => {
      expect(weekendDays('hi-IN', fromEngine)).toEqual([SUNDAY]);
      expect(weekendDays('ru-RU', fromEngine)).toEqual([SATURDAY, SUNDAY]);
      expect(weekendDays('id-ID', fromEngine)).toEqual([SATURDAY, SUNDAY]);
    });
  }

  it('starts on Monday, the world’s default, where the locale is none it knows', () => {
    expect(firstDayOfWeek('not a locale', false)).toBe(MONDAY);
  });
});

describe('a calendar’s words in the person’s language', () => {
  it('names the month over the calendar standing alone, not as in a date ("Декабрь", not "декабря")', () => {
    expect(monthHeading('2026-12-07', 'ru-RU')).toBe('Декабрь 2026 г.');
    expect(monthHeading('2026-12-07', 'hu-HU')).toBe('2026. december');
    expect(monthHeading('2026-12-07', 'hi-IN')).toBe('दिसंबर 2026');
    expect(monthHeading('2026-12-07', 'en-GB')).toBe('December 2026');
    expect(monthInList('2026-05-01', 'ru-RU')).toBe('май');
  });

  it('names weekdays and says a day whole, with the month in the case a date needs', () => {
    expect(weekdayHeading('2026-12-07', 'ru-RU')).toBe('пн');
    expect(weekdayHeading('2026-12-07', 'id-ID')).toBe('Sen');
    expect(dayInFull('2026-12-07', 'ru-RU')).toBe('понедельник, 7 декабря 2026 г.');
    expect(dayInFull('2026-12-07', 'en-GB')).toBe('Monday, 7 December 2026');
  });
});
