import { expect, it } from 'vitest';
import { initI18n } from './index';

it('an offer’s payment terms say a client who pays at once pays on receipt, not "0 days net"', () => {
  const t = initI18n('en').getFixedT('en');
  expect(t('offers.terms.paymentDays', { count: 0 })).toBe('Due on receipt');
  expect(t('offers.terms.paymentDays', { count: 1 })).toBe('1 day net');
  expect(t('offers.terms.paymentDays', { count: 30 })).toBe('30 days net');
});
