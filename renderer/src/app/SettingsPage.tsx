import { useEffect, useState, useSyncExternalStore } from 'react';
import { Box, Card, ScrollArea, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getPlatform } from '../platform';
import { clientSearch } from '../data/clients/client-base';
import { formatCount, userLocale } from '../i18n/format';
import { ConnectionSettings } from '../sync/ConnectionSettings';
import { DeviceList } from '../sync/DeviceList';
import { DocumentSettings } from '../offers/DocumentSettings';
import { MarketSettings } from './MarketSettings';
import { LanguageSettings } from './LanguageSettings';

interface Facts {
  version: string;
  dataFolder: string | null;
  usage: number | null;
  persisted: boolean | null;
  serverUrl: string | null;
}

/** Settings: the company server connection, and the facts about this installation. */
export function SettingsPage() {
  const { t } = useTranslation();
  const [facts, setFacts] = useState<Facts | null>(null);
  // Live: a first sync fills the base while this page is open.
  useSyncExternalStore(clientSearch.subscribe, clientSearch.getVersion);
  const platform = getPlatform();
  useEffect(() => {
    void (async () => {
      const info = await platform.appInfo();
      const estimate = await navigator.storage?.estimate?.();
      const persisted = (await navigator.storage?.persisted?.()) ?? null;
      setFacts({ version: info.version, dataFolder: info.dataFolder, usage: estimate?.usage ?? null, persisted, serverUrl: info.serverUrl });
    })();
  }, [platform]);
  const mb = (bytes: number | null) =>
    bytes === null ? '—' : new Intl.NumberFormat(userLocale(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1e6);
  const rows: [string, string][] = facts
    ? [
        [t('settings.version'), facts.version],
        [t('settings.platform'), platform.kind === 'desktop' ? t('settings.desktop') : t('settings.browser')],
        [t('settings.dataFolder'), facts.dataFolder ?? t('settings.browserStorage')],
        [t('settings.clients'), formatCount(clientSearch.size)],
        [t('settings.storage'), mb(facts.usage)],
        [t('settings.persisted'), facts.persisted === null ? '—' : facts.persisted ? t('settings.yes') : t('settings.no')],
      ]
    : [];
  return (
    <ScrollArea h="100%">
    <Box px="lg" py="md" maw={1000}>
      <Title order={2} mb="md">
        {t('settings.title')}
      </Title>
      <LanguageSettings />
      {facts && <ConnectionSettings defaultServerUrl={facts.serverUrl ?? ''} />}
      <DeviceList />
      <MarketSettings />
      <DocumentSettings />
      <Card withBorder mt="md">
        <Title order={5} mb="sm">
          {t('settings.about')}
        </Title>
        <Table data-testid="about-table">
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Td c="dimmed" w={280}>
                  {k}
                </Table.Td>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Box>
    </ScrollArea>
  );
}
