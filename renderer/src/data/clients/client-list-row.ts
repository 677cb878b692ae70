/**
 * The list projection of a client: what the client list shows and searches, kept in its own
 * table so that opening the app reads one compact row per client instead of every client and
 * contact. It is rewritten in the same transaction as any change to the client or its contacts.
 */
import type { Client, ClientStatus, Contact } from '../../../../core/client-model';
import { phoneDigitForms } from '../../../../core/phone';
import { buildHaystack, sortKey } from '../../../../core/search-text';

export interface ClientListRow {
  id: string;
  name: string;
  legalName: string;
  city: string;
  country: string;
  status: ClientStatus;
  segment: string;
  ownerId: string;
  tags: string[];
  primaryContact: string;
  primaryPhone: string;
  currency: string;
  balance: number;
  overdue: number;
  overdueDays: number;
  updatedAt: string;
  archived: boolean;
  /** Folded searchable text (see core/search-text.ts). */
  hay: string;
  /** Name folded for sorting. */
  key: string;
  /** Local revision at which this row last changed; lets other windows catch up cheaply. */
  rev: number;
  /**
   * The client left this laptop (deleted, or reassigned out of its scope). The row stays as a
   * marker so that every window's in-memory list drops it when it catches up by revision.
   */
  gone?: true;
}

/** The marker row of a client that left this laptop (see `ClientListRow.gone`). */
export function goneClientRow(id: string, rev: number): ClientListRow {
  return {
    id, name: '', legalName: '', city: '', country: '', status: 'lost', segment: '', ownerId: '', tags: [],
    primaryContact: '', primaryPhone: '', currency: '', balance: 0, overdue: 0, overdueDays: 0, updatedAt: '',
    archived: true, hay: '', key: '', rev, gone: true,
  };
}

/**
 * The list row of a client with these contacts. `phoneForms` gives the digit strings a phone is
 * found by (the demo seeding passes a faster one that gives the same strings for its numbers).
 */
export function buildClientListRow(
  client: Client,
  contacts: readonly Contact[],
  rev: number,
  phoneForms: (e164: string) => string[] = phoneDigitForms,
): ClientListRow {
  const live = contacts.filter((c) => !c.archivedAt);
  const main = client.addresses[0];
  const primary = live.find((c) => c.decisionRole === 'decision_maker') ?? live[0];
  const words = [
    client.name,
    client.legalName,
    client.taxId,
    ...client.addresses.map((a) => a.city),
    ...client.tags,
    ...live.flatMap((c) => [c.name, c.position, ...c.emails.map((e) => e.address)]),
  ];
  return {
    id: client.id,
    name: client.name,
    legalName: client.legalName,
    city: main?.city ?? '',
    country: main?.country ?? '',
    status: client.status,
    segment: client.segment,
    ownerId: client.ownerId,
    tags: client.tags,
    primaryContact: primary?.name ?? '',
    primaryPhone: primary?.phones[0]?.number ?? '',
    currency: client.receivables?.currency ?? client.currency,
    balance: client.receivables?.balance ?? 0,
    overdue: client.receivables?.overdue ?? 0,
    overdueDays: client.receivables?.overdueDays ?? 0,
    updatedAt: client.updatedAt,
    archived: client.archivedAt !== null,
    hay: buildHaystack(
      words,
      live.flatMap((c) => c.phones.map((p) => p.number)),
      [client.taxId],
      phoneForms,
    ),
    key: sortKey(client.name),
    rev,
  };
}
