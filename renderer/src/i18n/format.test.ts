import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from './index';
import { useLanguage } from './language';
import { wordsLocale } from './languages';
import { daysFrom, formatCount, formatDateRange, formatDuration, formatFileSize, formatMoney, formatQuantity, formatRelativeDay, relativeDayText } from './format';

/** Intl separates with narrow or plain no-break spaces depending on the ICU version. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('reads minor units by the currency’s exponent, not always hundredths', () => {
    expect(formatMoney(123450, 'GBP', 'en-GB')).toBe('£1,234.50');
    expect(formatMoney(15800, 'JPY', 'en-GB')).toBe('JP¥15,800');
    expect(plain(formatMoney(1234567, 'KWD', 'en-GB'))).toBe('KWD 1,234.567');
    expect(plain(formatMoney(4599000, 'HUF', 'hu-HU'))).toBe('45 990 Ft');
    expect(plain(formatMoney(18_500_000, 'IDR', 'id-ID'))).toBe('Rp 185.000');
  });
});

describe('formatQuantity', () => {
  it('writes up to three decimals in the locale’s way', () => {
    expect(formatQuantity(1250.5, 'en-GB')).toBe('1,250.5');
    expect(plain(formatQuantity(0.125, 'ru-RU'))).toBe('0,125');
  });
});

describe('formatCount', () => {
  it('groups whole numbers in the locale’s way', () => {
    expect(formatCount(61462, 'en-GB')).toBe('61,462');
    expect(formatCount(61462, 'de-DE')).toBe('61.462');
    expect(plain(formatCount(250000, 'fr-FR'))).toBe('250 000');
  });
});

describe('formatDuration', () => {
  it('says a length of time in its largest whole unit', () => {
    expect(formatDuration(86_400_100, 'en-GB')).toBe('1 day');
    expect(formatDuration(3 * 3_600_000 + 60_000, 'en-GB')).toBe('3 hours');
    expect(formatDuration(5 * 60_000, 'en-GB')).toBe('5 minutes');
    expect(formatDuration(40_000, 'en-GB')).toBe('40 seconds');
  });
});

describe('formatFileSize', () => {
  it('writes bytes in full, larger sizes short', () => {
    expect(formatFileSize(29, 'en-GB')).toBe('29 bytes');
    expect(formatFileSize(1, 'en-GB')).toBe('1 byte');
    expect(formatFileSize(2500, 'en-GB')).toBe('2.5 kB');
  });
});

describe('a day said from today', () => {
  const t = initI18n('en').getFixedT('en');
  afterEach(() => useLanguage.setState({ language: 'en', locale: 'en-GB' }));

  it('counts whole calendar days, also over a change of summer time', () => {
    expect(daysFrom('2026-12-07', '2026-12-06')).toBe(-1);
    expect(daysFrom('2026-03-30', '2026-03-28')).toBe(-2);
    expect(daysFrom('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysFrom('2026-12-07', '2026-12-07T23:30:00')).toBe(0);
  });

  it('is said by Intl in the language, with the locale’s words for yesterday and tomorrow', () => {
    expect(formatRelativeDay('2026-12-06', '2026-12-07', 'en-GB')).toBe('yesterday');
    expect(formatRelativeDay('2026-12-10', '2026-12-07', 'en-GB')).toBe('in 3 days');
    expect(formatRelativeDay('2026-12-04', '2026-12-07', 'ru-RU')).toBe('3 дня назад');
    expect(formatRelativeDay('2026-12-05', '2026-12-07', 'ru-RU')).toBe('позавчера');
    expect(formatRelativeDay('2026-12-06', '2026-12-07', 'hu-HU')).toBe('tegnap');
    // Hindi says "कल" for both yesterday and tomorrow.
    expect(formatRelativeDay('2026-12-06', '2026-12-07', 'hi-IN')).toBe('कल');
    expect(formatRelativeDay('2026-12-08', '2026-12-07', 'hi-IN')).toBe('कल');
  });

  it('always has its date beside it: Hindi "कल" yesterday and "कल" tomorrow are told apart', () => {
    useLanguage.setState({ language: 'hi', locale: 'hi-IN' });
    const yesterday = relativeDayText('2026-12-06', '2026-12-07', t);
    const tomorrow = relativeDayText('2026-12-08', '2026-12-07', t);
    expect(yesterday).toBe('कल (6 दिस॰ 2026)');
    expect(tomorrow).toBe('कल (8 दिस॰ 2026)');
    useLanguage.setState({ language: 'ru', locale: 'ru-RU' });
    expect(relativeDayText('2026-12-04', '2026-12-07', t)).toBe('3 дня назад (4 дек. 2026 г.)');
  });

  it('is said in the UI’s language when the person picked another region’s format: an English screen with Hungarian figures', () => {
    useLanguage.setState({ language: 'en', locale: 'hu-HU' });
    expect(relativeDayText('2026-12-06', '2026-12-07', t)).toBe('yesterday (2026. dec. 6.)');
    expect(wordsLocale('en', 'hu-HU')).toBe('en-GB');
    expect(wordsLocale('en', 'en-IN')).toBe('en-IN');
    expect(wordsLocale('hu', 'hu-HU')).toBe('hu-HU');
    expect(wordsLocale('pseudo', 'en-US')).toBe('en-US');
  });
});

describe('formatDateRange', () => {
  const plain = (s: string) => s.replace(/[\u2009\u00a0\u202f]/g, ' ');
  it('says the month and year once, as the locale writes a span of days, never two dates joined by a dash of ours', () => {
    expect(plain(formatDateRange('2026-12-07', '2026-12-09', 'en-GB'))).toBe('7 – 9 Dec 2026');
    expect(plain(formatDateRange('2026-12-07', '2026-12-09', 'ru-RU'))).toBe('7–9 дек. 2026 г.');
    expect(plain(formatDateRange('2026-12-07', '2026-12-09', 'hu-HU'))).toBe('2026. dec. 7–9.');
    expect(plain(formatDateRange('2026-11-30', '2026-12-02', 'en-GB'))).toBe('30 Nov – 2 Dec 2026');
    expect(formatDateRange('2026-12-07', '2026-12-07', 'en-GB')).toBe('7 Dec 2026');
  });
});
