import { useMemo } from 'react';
import { Card, Select, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { localeMarket, setMarket, useMarket } from '../data/market';
import { countryOptions } from '../clients/form-helpers';
import { formatCountry, userLocale } from '../i18n/format';

/**
 * The person's market (data/market.ts): where numbers typed without a country code are read when
 * the record and the active event name no country. Saved as soon as it is chosen.
 */
export function MarketSettings() {
  const { t } = useTranslation();
  const market = useMarket();
  const locale = userLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const system = localeMarket();
  const choose = async (country: string) => {
    await setMarket(country);
    notifications.show({ color: 'green', message: country ? t('market.saved', { country: formatCountry(country) }) : t('market.cleared') });
  };
  return (
    <Card withBorder mt="md" data-testid="market-settings">
      <Title order={5}>{t('market.title')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('market.description')}
      </Text>
      <Select
        label={t('market.label')}
        placeholder={t('market.placeholder')}
        data={countries}
        value={market?.country || null}
        onChange={(v) => void choose(v ?? '')}
        searchable
        clearable
        // Named and not hidden: Mantine hides its clear button from assistive technology.
        clearButtonProps={{ 'aria-label': t('market.clear'), 'aria-hidden': false }}
        maw={420}
        disabled={market === undefined}
      />
      {market && !market.chosen && (
        <Text size="xs" c="dimmed" mt={4} data-testid="market-source">
          {market.source === 'clients'
            ? t('market.fromClients', { country: formatCountry(market.country) })
            : system
              ? t('market.fromLanguage', { country: formatCountry(system) })
              : t('market.noneFromLanguage')}
        </Text>
      )}
    </Card>
  );
}
