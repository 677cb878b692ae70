import { useEffect, useState } from 'react';
import { Select, Text } from '@mantine/core';
import { useController, useWatch, type Control, type UseFormResetField } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clientCountry, type clientInputSchema } from '../../../core/client-model';
import { defaultClientCurrency } from '../../../core/country-currency';
import { usePricedCurrencies } from '../data/clients/client-currency';
import { useMarket } from '../data/market';
import { formatCountry } from '../i18n/format';
import { CURRENCIES } from './form-helpers';

type Values = z.input<typeof clientInputSchema>;
type Output = z.output<typeof clientInputSchema>;

/**
 * The client's currency: offers to the client are priced in it, from the company's price lists
 * in that currency (never converted), so only the currencies the company has price lists in are
 * offered (all of them before the first sync, when none is known), and a client's currency the
 * company does not price in is kept and marked. A new client's follows its country (else the
 * person's market), until the person picks one (core/country-currency.ts).
 */
export function CurrencyField({ control, resetField, isNew }: { control: Control<Values, unknown, Output>; resetField: UseFormResetField<Values>; isNew: boolean }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: 'currency' });
  const addresses = useWatch({ control, name: 'addresses' });
  const priced = usePricedCurrencies();
  const [picked, setPicked] = useState(false);
  const country = clientCountry(addresses);
  const market = useMarket();
  const suggested = priced === undefined || market === undefined ? null : defaultClientCurrency({ country, market: market.country, priced });

  useEffect(() => {
    // The default, not a change: leaving a new client's empty form asks nothing.
    if (isNew && !picked && suggested && suggested.currency !== field.value) resetField('currency', { defaultValue: suggested.currency });
  }, [isNew, picked, suggested, field.value, resetField]);

  const offered = priced?.length ? priced : CURRENCIES;
  const data = offered.includes(field.value) ? offered : [field.value, ...offered];
  const unpriced = priced !== undefined && priced.length > 0 && !priced.includes(field.value);
  const why =
    isNew && !picked && suggested?.currency === field.value
      ? suggested.source === 'country'
        ? t('form.currencyFrom.country', { country: formatCountry(country) })
        : suggested.source === 'market'
          ? t('form.currencyFrom.market', { country: formatCountry(market?.country ?? '') })
          : suggested.source === 'company'
            ? t('form.currencyFrom.company')
            : undefined
      : undefined;
  return (
    <Select
      label={t('form.currency')}
      data={data}
      value={field.value}
      onChange={(v) => {
        setPicked(true);
        field.onChange(v ?? field.value);
      }}
      onBlur={field.onBlur}
      allowDeselect={false}
      searchable
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={
        unpriced ? (
          <Text span size="xs" c="orange.8" data-testid="currency-unpriced">
            {t('form.currencyUnpriced', { currency: field.value })}
          </Text>
        ) : (
          why
        )
      }
      data-testid="client-currency"
    />
  );
}
