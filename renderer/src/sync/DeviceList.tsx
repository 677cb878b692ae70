import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceView, DevicesResponse } from '../../../core/devices';
import { useConnection } from '../data/sync/sync-session';
import { formatDateTime } from '../i18n/format';
import { deviceLabel } from './device-label';
import { SyncFailure } from './transport';
import { connectedTransport, hasToken, useSyncState } from './sync-controller';

/** Signed-in laptops first, each group most recently seen first. */
function byRecentUse(a: DeviceView, b: DeviceView): number {
  if ((a.revokedAt === null) !== (b.revokedAt === null)) return a.revokedAt === null ? -1 : 1;
  return (b.lastSeenAt ?? b.createdAt).localeCompare(a.lastSeenAt ?? a.createdAt);
}

/** This person's laptops from the company server (null when signed out), or why not. */
async function fetchDevices(): Promise<{ devices: DeviceView[] } | { failure: unknown } | null> {
  const transport = await connectedTransport();
  if (!transport) return null;
  try {
    const { value } = await transport.get<DevicesResponse>('/api/devices');
    return { devices: [...value.devices].sort(byRecentUse) };
  } catch (failure) {
    return { failure };
  }
}

/**
 * Settings › Laptops: where this person is signed in (an admin: everyone), as the company server
 * knows it, and signing one out from here — a lost or stolen laptop removes its client base at
 * its next sync. Each sign-in is a laptop of its own, so signed-out ones are hidden unless asked for.
 */
export function DeviceList() {
  const { t } = useTranslation();
  const connection = useConnection();
  const online = useSyncState((s) => s.online);
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [showSignedOut, setShowSignedOut] = useState(false);
  const [revoking, setRevoking] = useState<DeviceView | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = !!connection && hasToken(connection);

  const problem = useCallback((e: unknown) => (e instanceof SyncFailure && e.code === 'offline' ? t('devices.unreachable') : e instanceof Error ? e.message : String(e)), [t]);
  const show = useCallback(
    (answer: Awaited<ReturnType<typeof fetchDevices>>) => {
      if (answer === null) return;
      if ('devices' in answer) setDevices(answer.devices);
      setFailure('failure' in answer ? problem(answer.failure) : null);
    },
    [problem],
  );
  const load = async () => show(await fetchDevices());

  useEffect(() => {
    if (!signedIn || !online) return;
    let current = true;
    void (async () => {
      const answer = await fetchDevices();
      if (current) show(answer);
    })();
    return () => {
      current = false;
    };
  }, [signedIn, online, connection?.deviceId, show]);

  if (!signedIn) return null;

  const revoke = async (device: DeviceView) => {
    setBusy(true);
    try {
      const transport = await connectedTransport();
      if (transport) await transport.post(`/api/devices/${device.id}/revoke`, {});
      await load();
    } catch (e) {
      setFailure(problem(e));
    } finally {
      setRevoking(null);
      setBusy(false);
    }
  };

  const shown = (devices ?? []).filter((d) => showSignedOut || d.revokedAt === null);
  const signedOutCount = (devices ?? []).filter((d) => d.revokedAt !== null).length;
  const everyone = new Set((devices ?? []).map((d) => d.userId)).size > 1;
  return (
    <Card withBorder mt="md" data-testid="device-list">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('devices.title')}</Title>
        <Button size="xs" variant="subtle" onClick={() => void load()} disabled={!online}>
          {t('devices.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('devices.hint')}
      </Text>
      {!online && devices === null && <Text size="sm">{t('devices.offline')}</Text>}
      {failure && (
        <Alert color="red" mb="sm" data-testid="device-list-error">
          {failure}
        </Alert>
      )}
      {devices && (
        <Table data-testid="device-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('devices.name')}</Table.Th>
              {everyone && <Table.Th>{t('devices.person')}</Table.Th>}
              <Table.Th>{t('devices.signedIn')}</Table.Th>
              <Table.Th>{t('devices.lastSeen')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.id} data-testid="device-row" data-device-id={d.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" title={d.nameNumber === undefined ? undefined : t('devices.numberedTitle', { name: d.name })}>
                      {deviceLabel(d.name, d.nameNumber, t)}
                    </Text>
                    {d.current && (
                      <Badge size="sm" variant="light" color="teal">
                        {t('devices.thisLaptop')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {everyone && <Table.Td>{d.userName}</Table.Td>}
                <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                <Table.Td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt) : '—'}</Table.Td>
                <Table.Td ta="right">
                  {d.revokedAt ? (
                    <Text size="sm" c="dimmed">
                      {t('devices.signedOutAt', { when: formatDateTime(d.revokedAt) })}
                    </Text>
                  ) : (
                    // This laptop signs out above, where it is told what that removes.
                    !d.current && (
                      <Button size="xs" variant="light" color="red" onClick={() => setRevoking(d)} disabled={!online}>
                        {t('devices.signOut')}
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {signedOutCount > 0 && (
        <Switch
          mt="sm"
          size="xs"
          checked={showSignedOut}
          onChange={(e) => setShowSignedOut(e.currentTarget.checked)}
          label={t('devices.showSignedOut', { count: signedOutCount })}
        />
      )}
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('devices.confirmTitle', { name: revoking ? deviceLabel(revoking.name, revoking.nameNumber, t) : '' })}>
        <Stack gap="sm" data-testid="revoke-dialog">
          <Text size="sm">{t('devices.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('card.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => revoking && void revoke(revoking)}>
              {t('devices.signOut')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
