import { useEffect, useMemo, useRef } from 'react';
import { Card, NativeSelect, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { localeMarket, setMarket, useMarket } from '../data/market';
import { countryOptions } from '../clients/form-helpers';
import { formatCountry, wordsLocale } from '../i18n/format';

/** How long the choice must stay before it is announced: typing "United K" passes other countries. */
const SAID_AFTER_MS = 800;

/**
 * The person's market (data/market.ts): where numbers typed without a country code are read when
 * the record and the active event name no country. Saved as soon as it is chosen.
 *
 * A native select: a country is chosen from the keyboard as in any other list of the system,
 * typing its first letters ("Ger" is Germany, again within a second to go on) and the arrow
 * keys, open or closed. (The searchable Mantine select it was added the letters typed to the
 * chosen country's name: "United Kingdom (GB)G", nothing found.) Each country passed on the way
 * is saved at once; it is announced once, the one it stays on.
 */
export function MarketSettings() {
  const { t } = useTranslation();
  const market = useMarket();
  const locale = wordsLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const system = localeMarket();
  const announce = useRef<{ timer?: ReturnType<typeof setTimeout>; shown?: string }>({});
  useEffect(() => () => clearTimeout(announce.current.timer), []);
  const choose = async (country: string) => {
    await setMarket(country);
    clearTimeout(announce.current.timer);
    announce.current.timer = setTimeout(() => {
      // One at a time: the newest replaces the one before.
      if (announce.current.shown) notifications.hide(announce.current.shown);
      const id = `market-saved-${Date.now()}`;
      announce.current.shown = id;
      notifications.show({ id, color: 'green', message: country ? t('market.saved', { country: formatCountry(country) }) : t('market.cleared') });
    }, SAID_AFTER_MS);
  };
  return (
    <Card withBorder mt="md" data-testid="market-settings">
      <Title order={5}>{t('market.title')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('market.description')}
      </Text>
      <NativeSelect
        label={t('market.label')}
        data={[{ value: '', label: t('market.none') }, ...countries]}
        value={market?.country ?? ''}
        onChange={(e) => void choose(e.currentTarget.value)}
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
