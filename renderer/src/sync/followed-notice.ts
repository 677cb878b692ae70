/**
 * Tells the person, after a sync, of what they made offline for a client that was reassigned
 * meanwhile and went to the client's new owner (OpResult.followedClientTo): "Offer AB-261207-A3
 * went to Ben Okafor with the client, reassigned meanwhile". It is not refused, and not theirs on
 * this laptop any more: the pull took it away with the client. The sync report keeps it too.
 */
import i18next from 'i18next';
import { notifications } from '@mantine/notifications';
import { getDb, type FieldbookDb } from '../data/db';
import type { FollowedRecord, SyncRun } from '../data/sync/sync-session';

/** The sentence for one record, with the new owner's name as the team list has it. */
export function followedText(record: FollowedRecord, ownerName: string): string {
  return i18next.t(`sync.followed.${record.table}`, { label: record.label, owner: ownerName, defaultValue: i18next.t('sync.followed.other', { label: record.label, owner: ownerName }) });
}

/** One notification per record (they stay until closed: the person should read them). */
export async function tellFollowed(run: SyncRun, db: FieldbookDb = getDb()): Promise<void> {
  for (const record of run.followed ?? []) {
    const owner = (await db.team.get(record.to))?.name ?? i18next.t('sync.followed.colleague');
    notifications.show({ color: 'blue', autoClose: false, title: i18next.t('sync.followed.title'), message: followedText(record, owner), 'data-testid': 'followed-notice' });
  }
}
