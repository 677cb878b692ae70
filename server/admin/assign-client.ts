/**
 * `assign-client`: hands a client, and everything hanging off it, to another manager. The
 * same write a head of sales' push makes when changing a client's owner (server/sync/push.ts):
 * the client's `ownerId` with a new stamp, the record saved with the next server sequence, and
 * the move logged for the old and the new owner's laptops (server/sync/client-move.ts).
 */
import { stampOf } from '../../core/sync/merge';
import { DELETED_FIELD } from '../../core/sync/tables';
import type { SqlDb } from '../db/sql-db';
import { recordClientMove } from '../sync/client-move';
import { writeChangeLog } from '../sync/change-log';
import { loadPeople, ownerProblem } from '../sync/people';
import { SEQUENCE_LOCK, loadForUpdate, saveRow, serverStampAfter } from '../sync/records';
import { AdminInputError } from './input-error';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ClientAssignment {
  clientId: string;
  clientName: string;
  /** Login of the previous owner (its id when no such user exists any more). */
  from: string;
  to: string;
  /** The client's new server sequence number; null when it already belonged to `to`. */
  seq: number | null;
  /** Records per table that followed the client (contacts, conflicts …). */
  followed: Record<string, number>;
}

export async function assignClient(db: SqlDb, clientId: string, toLogin: string, now = Date.now()): Promise<ClientAssignment> {
  if (!UUID_PATTERN.test(clientId)) throw new AdminInputError([`--client must be a client id (uuid), not "${clientId}".`]);
  return db.transaction(async (tx) => {
    // The same rules as a head of sales' push that reassigns (server/sync/people.ts).
    const user = [...(await loadPeople(tx)).values()].find((p) => p.login === toLogin);
    const problem = ownerProblem(user);
    if (!user || problem === 'no_such_user') throw new AdminInputError([`No user with login "${toLogin}".`]);
    if (problem === 'not_an_owner') throw new AdminInputError([`"${user.login}" is an admin: clients are assigned to a manager or a head of sales.`]);
    if (problem === 'disabled') throw new AdminInputError([`"${user.login}" is disabled: assign the client to someone who works with it.`]);

    const client = (await loadForUpdate(tx, [{ table: 'clients', id: clientId }])).get(`clients/${clientId.toLowerCase()}`);
    if (!client) throw new AdminInputError([`No client with id ${clientId}.`]);
    const clientName = typeof client.data.name === 'string' ? client.data.name : '';
    if (client.data[DELETED_FIELD] === true) throw new AdminInputError([`Client "${clientName}" (${client.id}) is deleted.`]);
    const [previous] = client.owner_id ? await tx.query<{ login: string }>(`SELECT login FROM users WHERE id = $1::uuid`, [client.owner_id]) : [];
    const result = { clientId: client.id, clientName, from: previous?.login ?? client.owner_id ?? '-', to: user.login };
    if (client.owner_id === user.id) return { ...result, seq: null, followed: {} };

    // A write of the owner field stamped after the current value, as a head of sales' edit
    // would be. It has no author: nobody's laptop wrote it (a later conflict shows it as such).
    const authors = { ...client.authors };
    delete authors.ownerId;
    const stamps = { ...client.stamps, ownerId: serverStampAfter(stampOf(client.stamps, 'ownerId'), now) };
    // Sequence numbers are assigned under the lock, which the commit releases (as in push).
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK]);
    const seq = await saveRow(tx, { tbl: 'clients', id: client.id, owner_id: user.id, client_id: client.id, data: { ...client.data, ownerId: user.id }, stamps, authors });
    const followed = await recordClientMove(tx, { seq, clientId: client.id, from: client.owner_id, to: user.id });
    await writeChangeLog(tx, [{ clientId: client.id, table: 'clients', recordId: client.id, action: 'assigned', changes: [{ field: 'ownerId', from: client.owner_id, to: user.id }], userId: null, deviceId: null }], now);
    return { ...result, seq, followed };
  });
}

/** The clients a user owns (not deleted), by name: what `assign-client --from` hands over. */
export async function clientsOwnedBy(db: SqlDb, login: string): Promise<string[]> {
  const [user] = await db.query<{ id: string }>(`SELECT id::text AS id FROM users WHERE login = $1`, [login]);
  if (!user) throw new AdminInputError([`No user with login "${login}".`]);
  const rows = await db.query<{ id: string }>(
    `SELECT id::text AS id FROM records WHERE tbl = 'clients' AND owner_id = $1::uuid AND coalesce((data->>'${DELETED_FIELD}')::boolean, false) = false ORDER BY data->>'name', id`,
    [user.id],
  );
  return rows.map((r) => r.id);
}
