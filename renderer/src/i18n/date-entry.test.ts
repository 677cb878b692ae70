import { describe, expect, it } from 'vitest';
import { dateEntryPattern, formatDateEntry, parseDateEntry } from './date-entry';

const words = { day: 'dd', month: 'mm', year: 'yyyy' };

describe('a day typed in the person’s locale', () => {
  it('is shown in the locale’s order and separators', () => {
    expect(formatDateEntry('2026-11-02', 'en-GB')).toBe('02/11/2026');
    expect(formatDateEntry('2026-11-02', 'en-US')).toBe('11/02/2026');
    expect(formatDateEntry('2026-11-02', 'de-DE')).toBe('02.11.2026');
    expect(formatDateEntry('2026-11-02', 'hu-HU')).toBe('2026. 11. 02.');
    expect(formatDateEntry('', 'en-GB')).toBe('');
  });

  it('says what to type', () => {
    expect(dateEntryPattern(words, 'en-GB')).toBe('dd/mm/yyyy');
    expect(dateEntryPattern(words, 'en-US')).toBe('mm/dd/yyyy');
    expect(dateEntryPattern(words, 'hu-HU')).toBe('yyyy. mm. dd.');
  });

  it('reads what is typed in the locale’s order, or as ISO', () => {
    expect(parseDateEntry('02/11/2026', 'en-GB')).toBe('2026-11-02');
    expect(parseDateEntry('2/11/26', 'en-GB')).toBe('2026-11-02');
    expect(parseDateEntry('11/02/2026', 'en-US')).toBe('2026-11-02');
    expect(parseDateEntry('2026. 11. 02.', 'hu-HU')).toBe('2026-11-02');
    expect(parseDateEntry('2.11.2026', 'de-DE')).toBe('2026-11-02');
    expect(parseDateEntry('2026-11-02', 'en-US')).toBe('2026-11-02');
  });

  it('is no day when it is none', () => {
    for (const text of ['', '31/02/2026', '13/13/2026', '02/11', 'tomorrow', '02/11/202', '1/2/3/4']) expect(parseDateEntry(text, 'en-GB'), text).toBeNull();
    // The American reading of a British day is another day, or none.
    expect(parseDateEntry('22/11/2026', 'en-US')).toBeNull();
  });
});
