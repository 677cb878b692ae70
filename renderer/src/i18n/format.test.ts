import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatFileSize, formatMoney, formatQuantity } from './format';

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
