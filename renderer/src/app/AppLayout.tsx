import { useEffect, useState, useSyncExternalStore } from 'react';
import { AppShell, Badge, Button, Center, Group, Kbd, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconArrowsExchange, IconCalendarEvent, IconChecklist, IconFileInvoice, IconId, IconPackage, IconPlus, IconSettings, IconTrash, IconUsers } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getPlatform } from '../platform';
import { useClientBaseState, clientSearch } from '../data/clients/client-base';
import { useClientListState } from '../clients/list-state';
import { SyncStatus } from '../sync/SyncStatus';
import { useQuitWarning } from '../sync/quit-warning';
import { notifications } from '@mantine/notifications';
import { syncNow, takeRestartNotice } from '../sync/sync-controller';
import { useSyncAttention, useSyncSummary } from '../data/sync/sync-session';
import { useAwaitingApprovalCount } from '../data/offers/offer-queries';
import { useTrashCount } from '../data/trash';
import { formatCount } from '../i18n/format';

/** Ctrl+K (Cmd+K on macOS) from anywhere: back to the list with the search box focused. */
function useGlobalCommands() {
  const navigate = useNavigate();
  const requestSearchFocus = useClientListState((s) => s.requestSearchFocus);
  const openSearch = () => {
    void navigate('/');
    requestSearchFocus();
  };
  useHotkeys(
    [
      ['mod+K', openSearch],
      ['mod+N', () => void navigate('/clients/new')],
    ],
    [], // also while typing in a field: these are app-wide commands
  );
  useEffect(
    () =>
      getPlatform().onMenuCommand((command) => {
        if (command === 'search') openSearch();
        else if (command === 'new-client') void navigate('/clients/new');
        else if (command === 'clients') void navigate('/');
        else if (command === 'settings') void navigate('/settings');
        else if (command === 'sync-now') void syncNow();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once
    [],
  );
}

/**
 * Number of clients the list shows (archived ones aside); re-renders only itself as the base
 * changes. None during a laptop's first sync: the clients arrive when it ends, and a "0" beside
 * its progress reads as an empty client base (the sync status says what is happening).
 */
function ClientCount() {
  useSyncExternalStore(clientSearch.subscribe, clientSearch.getVersion);
  const summary = useSyncSummary();
  if (summary?.connected && !summary.lastSyncAt && clientSearch.activeSize === 0) return null;
  return (
    <Text span size="xs" c="dimmed" data-testid="client-count">
      {formatCount(clientSearch.activeSize)}
    </Text>
  );
}

/** Conflicts and refused changes waiting for the person. */
function SyncAttentionBadge() {
  const count = useSyncAttention();
  return count ? (
    <Badge size="sm" color="orange" data-testid="sync-attention">
      {count}
    </Badge>
  ) : null;
}

/** Offers waiting for a head of sales' approval (on a head's laptop: the team's). */
function AwaitingApprovalBadge() {
  const count = useAwaitingApprovalCount();
  return count ? (
    <Badge size="sm" color="orange" variant="light" data-testid="awaiting-approval">
      {count}
    </Badge>
  ) : null;
}

/** How many records wait in the trash (dimmed: nothing to act on, just where they are). */
function TrashCount() {
  const count = useTrashCount();
  return count ? (
    <Text span size="xs" c="dimmed" data-testid="trash-nav-count">
      {formatCount(count)}
    </Text>
  ) : null;
}

function SeedingProgress() {
  const { t } = useTranslation();
  useSyncExternalStore(clientSearch.subscribe, clientSearch.getVersion);
  return <Text c="dimmed">{t('app.seeding', { count: clientSearch.size })}</Text>;
}

export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const base = useClientBaseState();
  const [version, setVersion] = useState('');
  useGlobalCommands();
  useQuitWarning();
  useEffect(() => {
    // Told once, after the restart that followed a sign-out or a revocation's wipe.
    const notice = takeRestartNotice();
    if (notice === 'device_revoked') notifications.show({ id: 'restart-notice', color: 'red', autoClose: false, message: t('sync.error.device_revoked') });
    else if (notice === 'signed_out') notifications.show({ id: 'restart-notice', color: 'blue', autoClose: 8000, message: t('sync.signedOut') });
  }, [t]);
  useEffect(() => {
    void getPlatform()
      .appInfo()
      .then((info) => setVersion(info.version));
  }, []);

  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar p="sm" bg="gray.0">
        <Stack gap="xs" h="100%">
          <Group gap={8} px={6} py={4}>
            <IconAddressBook size={22} color="var(--mantine-color-indigo-6)" />
            <Title order={4}>{t('app.name')}</Title>
          </Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => void navigate('/clients/new')} variant="light">
            {t('nav.newClient')}
          </Button>
          <NavLink
            label={t('nav.clients')}
            leftSection={<IconUsers size={16} />}
            active={location.pathname === '/' || location.pathname.startsWith('/clients')}
            onClick={() => void navigate('/')}
            rightSection={<ClientCount />}
          />
          <NavLink
            label={t('nav.catalog')}
            leftSection={<IconPackage size={16} />}
            active={location.pathname.startsWith('/catalog')}
            onClick={() => void navigate('/catalog')}
          />
          <NavLink
            label={t('nav.capture')}
            leftSection={<IconId size={16} />}
            active={location.pathname === '/capture'}
            onClick={() => void navigate('/capture')}
          />
          <NavLink
            label={t('nav.events')}
            leftSection={<IconCalendarEvent size={16} />}
            active={location.pathname.startsWith('/events')}
            onClick={() => void navigate('/events')}
          />
          <NavLink
            label={t('nav.tasks')}
            leftSection={<IconChecklist size={16} />}
            active={location.pathname === '/tasks'}
            onClick={() => void navigate('/tasks')}
          />
          <NavLink
            label={t('nav.offers')}
            leftSection={<IconFileInvoice size={16} />}
            active={location.pathname.startsWith('/offers')}
            onClick={() => void navigate('/offers')}
            rightSection={<AwaitingApprovalBadge />}
          />
          <NavLink
            label={t('nav.sync')}
            leftSection={<IconArrowsExchange size={16} />}
            active={location.pathname === '/sync'}
            onClick={() => void navigate('/sync')}
            rightSection={<SyncAttentionBadge />}
          />
          <NavLink
            label={t('nav.trash')}
            leftSection={<IconTrash size={16} />}
            active={location.pathname === '/trash'}
            onClick={() => void navigate('/trash')}
            rightSection={<TrashCount />}
          />
          <NavLink
            label={t('nav.settings')}
            leftSection={<IconSettings size={16} />}
            active={location.pathname === '/settings'}
            onClick={() => void navigate('/settings')}
          />
          <Group gap={4} px={6}>
            <Text size="xs" c="dimmed">
              {t('nav.searchHint')}
            </Text>
            <Kbd size="xs">Ctrl</Kbd>
            <Kbd size="xs">K</Kbd>
          </Group>
          <Stack gap={2} mt="auto" px={6}>
            <SyncStatus />
            {getPlatform().kind === 'browser' && (
              <Badge variant="outline" color="gray" size="sm">
                {t('nav.browserBuild')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('nav.version', { version })}
            </Text>
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        {base.error ? (
          <Center h="100%">
            <Text c="red">{t('app.loadError', { error: base.error })}</Text>
          </Center>
        ) : base.phase !== 'ready' ? (
          <Center h="100%">
            <Stack align="center">
              <Loader />
              {base.phase === 'seeding' ? <SeedingProgress /> : <Text c="dimmed">{t('app.loading')}</Text>}
            </Stack>
          </Center>
        ) : (
          <Outlet />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
