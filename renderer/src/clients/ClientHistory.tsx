import { Button, Card, Group, Text, Timeline, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry, LoggedFieldChange } from '../../../core/sync/protocol';
import type { FieldChange, HistoryEntry } from '../data/clients/history';
import { useEvents } from '../data/leads/lead-queries';
import { useClientHistory } from '../data/clients/queries';
import { cachedServerHistory, fetchOlderHistory, fetchServerHistory, unsyncedSince, useLastOkSyncStart, type ServerHistory } from '../data/clients/server-history';
import { formatDateTime, formatTime } from '../i18n/format';
import { deviceLabel } from '../sync/device-label';
import { connectedTransport } from '../sync/sync-controller';
import { SyncFailure } from '../sync/transport';
import { changeText, entryTimes } from './history-text';
import { useTeamNames } from './team';

/** Entries a page shows; the server gives older ones on request. */
const LOCAL_SHOWN = 50;

function ChangeLine({ change, names }: { change: FieldChange | LoggedFieldChange; names: Names }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" lineClamp={3}>
      {changeText(change, t, names.people, names.events)}
    </Text>
  );
}

/** Who and what the history names by id: colleagues, and the events clients were met at. */
interface Names {
  people: ReadonlyMap<string, string>;
  events: ReadonlyMap<string, string>;
}

/** Where the company server's history stands on this laptop. */
type Status = 'loading' | 'current' | 'offline' | 'signed_out' | 'unavailable';

function useServerHistory(clientId: string) {
  const lastSync = useLastOkSyncStart();
  // Kept with the client it is of: another card's history never shows while this one's loads.
  const [held, setHeld] = useState<{ clientId: string; history: ServerHistory | null; status: Status } | null>(null);
  const history = held?.clientId === clientId ? held.history : null;
  const status = held?.clientId === clientId ? held.status : 'loading';
  // Older pages loaded on request, for the newest page they continue (a new fetch starts over).
  const [olderPages, setOlder] = useState<{ after: ServerHistory; entries: ChangeLogEntry[]; more: boolean } | null>(null);
  const older = olderPages && olderPages.after === history ? olderPages : null;

  // Asked again after every sync that went through: it may have brought or sent changes.
  useEffect(() => {
    let live = true;
    const put = (patch: { history?: ServerHistory; status?: Status }) => {
      if (live) setHeld((p) => ({ ...(p?.clientId === clientId ? p : { history: null, status: 'loading' as const }), ...patch, clientId }));
    };
    void (async () => {
      const cached = await cachedServerHistory(clientId);
      if (cached) put({ history: cached });
      const transport = await connectedTransport();
      if (!transport) return put({ status: 'signed_out' });
      try {
        put({ history: await fetchServerHistory(clientId, transport), status: 'current' });
      } catch (e) {
        // 404: not (or no longer, or not yet) among the clients this person may see on the server.
        put({ status: e instanceof SyncFailure && e.code === 'bad_request' ? 'unavailable' : 'offline' });
      }
    })();
    return () => {
      live = false;
    };
  }, [clientId, lastSync]);

  const loadOlder = async () => {
    const transport = await connectedTransport();
    const shown = older?.entries ?? history?.entries ?? [];
    const last = shown[shown.length - 1];
    if (!transport || !last || !history) return;
    try {
      const page = await fetchOlderHistory(clientId, last.id, transport);
      setOlder({ after: history, entries: [...(older?.entries ?? []), ...page.entries], more: page.more });
    } catch {
      setHeld((p) => (p && p.clientId === clientId ? { ...p, status: 'offline' } : p));
    }
  };

  const entries = [...(history?.entries ?? []), ...(older?.entries ?? [])];
  return { history, entries, more: older ? older.more : (history?.more ?? false), status, lastSync: lastSync ?? null, loadOlder };
}

/**
 * An entry's title as one sentence of the language ("Contact Anna created", «Контакт Анна
 * создан»), never a subject and an action put side by side: the action's form depends on the
 * subject in many languages.
 */
function entryTitle(subject: 'client' | 'contact', name: string | null, action: string, t: (key: string, o?: Record<string, unknown>) => string): string {
  return subject === 'client' ? t(`history.ofClient.${action}`) : t(`history.ofContact.${action}`, { name: name || t('history.noName') });
}

function LocalItem({ entry, names, unsynced }: { entry: HistoryEntry; names: Names; unsynced: boolean }) {
  const { t } = useTranslation();
  return (
    <Timeline.Item
      data-testid={unsynced ? 'history-unsynced' : 'history-local'}
      title={
        <Text size="sm">
          {entryTitle(entry.subject, entry.subjectName, entry.action, t)}
        </Text>
      }
    >
      <Text size="xs" c="dimmed">
        {unsynced ? t('history.unsyncedWhen', { when: formatDateTime(entry.at) }) : formatDateTime(entry.at)}
      </Text>
      {entry.changes.map((c) => (
        <ChangeLine key={c.field} change={c} names={names} />
      ))}
    </Timeline.Item>
  );
}

/** Whether two instants fall on the same day here. */
const sameDay = (a: string, b: string) => new Date(a).toDateString() === new Date(b).toDateString();

function ServerItem({ entry, names }: { entry: ChangeLogEntry; names: Names }) {
  const { t } = useTranslation();
  const who = entry.userId ? (names.people.get(entry.userId) ?? entry.userName ?? t('history.someone')) : t('history.company');
  // When it was made first; when it reached the server only when that was notably later (its time alone on the same day).
  const times = entryTimes(entry);
  const when = formatDateTime(times.made);
  const synced = times.synced && (sameDay(times.made, times.synced) ? formatTime(times.synced) : formatDateTime(times.synced));
  const device = entry.deviceName && deviceLabel(entry.deviceName, entry.deviceNumber, t);
  const text = device
    ? synced
      ? t('history.byOnSynced', { who, when, device, synced })
      : t('history.byOn', { who, when, device })
    : synced
      ? t('history.bySynced', { who, when, synced })
      : t('history.by', { who, when });
  return (
    <Timeline.Item
      data-testid="history-entry"
      title={
        <Text size="sm">
          {entryTitle(entry.table === 'clients' ? 'client' : 'contact', entry.recordName, entry.action, t)}
        </Text>
      }
    >
      <Text size="xs" c="dimmed" data-testid="history-who" data-made-at={times.made} data-synced-at={times.synced ?? undefined}>
        {text}
      </Text>
      {entry.changes.map((c, i) => (
        <ChangeLine key={`${c.field}-${i}`} change={c} names={names} />
      ))}
    </Timeline.Item>
  );
}

/**
 * The client's history on its card: everyone's synced changes as the company server logged them
 * (data/clients/server-history.ts), under this laptop's changes not synced yet. A laptop not signed in
 * (the offline demo) has only its own history; one that never reached the server shows its own
 * history until it does.
 */
export function ClientHistory({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const local = useClientHistory(clientId) ?? [];
  const people = useTeamNames();
  const events = useEvents();
  const names = useMemo<Names>(() => ({ people, events: new Map((events ?? []).map((e) => [e.id, e.name])) }), [people, events]);
  const server = useServerHistory(clientId);
  const onlyLocal = server.status === 'signed_out' || (server.history === null && server.status !== 'loading');
  const unsynced = onlyLocal ? [] : unsyncedSince(local, server.lastSync);
  const empty = onlyLocal ? local.length === 0 : unsynced.length === 0 && server.entries.length === 0;

  return (
    <Card withBorder padding="md" data-testid="client-history" data-status={server.status}>
      <Title order={5} mb="sm">
        {t('card.history')}
      </Title>
      {server.status === 'offline' && server.history && (
        <Text size="xs" c="dimmed" mb="xs" data-testid="history-note">
          {t('history.asOf', { when: formatDateTime(server.history.fetchedAt) })}
        </Text>
      )}
      {onlyLocal && server.status !== 'signed_out' && (
        <Text size="xs" c="dimmed" mb="xs" data-testid="history-note">
          {server.status === 'unavailable' ? t('history.notOnServer') : t('history.onlyHere')}
        </Text>
      )}
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('card.noHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={10} lineWidth={2}>
          {(onlyLocal ? local.slice(0, LOCAL_SHOWN) : unsynced).map((e) => (
            <LocalItem key={e.id} entry={e} names={names} unsynced={!onlyLocal} />
          ))}
          {!onlyLocal && server.entries.map((e) => <ServerItem key={e.id} entry={e} names={names} />)}
        </Timeline>
      )}
      {!onlyLocal && server.more && (
        <Group mt="sm">
          <Button variant="subtle" size="xs" onClick={() => void server.loadOlder()} data-testid="history-older">
            {t('history.older')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
