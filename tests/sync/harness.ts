/**
 * Laptops and a company server in one process, for sync tests: each laptop is the app's real
 * data layer and sync engine on its own IndexedDB (fake-indexeddb, in memory), talking to the
 * real server application (Fastify `inject`, no sockets) on a real database. Faults are injected
 * at the transport: a request that never arrives, or an answer that never comes back.
 */
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { ClientInput } from '../../core/client-model';
import { saveConnection, type SyncConnection, type SyncRun } from '../../renderer/src/data/sync/sync-session';
import { FieldbookDb } from '../../renderer/src/data/db';
import { runSync } from '../../renderer/src/sync/engine';
import { SyncFailure, interpretAnswer, type Transport } from '../../renderer/src/sync/transport';
import { createUser } from '../../server/auth/users';
import type { ScryptParams } from '../../server/auth/password';
import { buildApp } from '../../server/app';
import type { SqlBackend, SqlDb } from '../../server/db/sql-db';
import { useTestDatabase } from '../../server/test/backends';

/** Cheap password hashes: tests sign in many times. */
export const FAST_HASH: ScryptParams = { logN: 10, r: 8, p: 1 };
export const PASSWORD = 'sync test password';

export interface TeamIds {
  head: string;
  anna: string;
  ben: string;
}

/** A head of sales with two managers, anna and ben, in her team. */
export async function createTeam(db: SqlDb): Promise<TeamIds> {
  const head = await createUser(db, { login: 'head', displayName: 'Helena Head', role: 'head_of_sales', password: PASSWORD }, FAST_HASH);
  const anna = await createUser(db, { login: 'anna', displayName: 'Anna Berger', role: 'manager', head: 'head', password: PASSWORD }, FAST_HASH);
  const ben = await createUser(db, { login: 'ben', displayName: 'Ben Okafor', role: 'manager', head: 'head', password: PASSWORD }, FAST_HASH);
  return { head: head.id, anna: anna.id, ben: ben.id };
}

/**
 * A company server for a describe block: a fresh database of the backend with createTeam's team,
 * the real server application on it, and `laptop(login)` to sign laptops in (all closed after
 * the block). Getters, because everything is made in the block's beforeAll.
 */
export function useSyncServer(backend: SqlBackend) {
  const database = useTestDatabase(backend);
  let app: FastifyInstance | undefined;
  let team: TeamIds | undefined;
  const laptops: Laptop[] = [];
  beforeAll(async () => {
    team = await createTeam(database.db);
    app = await buildApp({ db: database.db });
  });
  afterAll(async () => {
    await Promise.all(laptops.map((l) => l.close()));
    await app?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The sync server is not set up (did beforeAll fail?)');
    return value;
  };
  return {
    get db() {
      return database.db;
    },
    get app() {
      return ready(app);
    },
    get team() {
      return ready(team);
    },
    /** A new laptop (its own device and IndexedDB) signed in as `login`. */
    laptop: async (login: string, name = login): Promise<Laptop> => {
      const l = await Laptop.signIn(ready(app), login, name);
      laptops.push(l);
      return l;
    },
  };
}

/** What happens to the next request: it arrives and is answered, never arrives, or its answer is lost. */
export type Fault = 'none' | 'drop-request' | 'drop-response';

export class Laptop {
  readonly db: FieldbookDb;
  /** Faults for the coming requests, consumed one per request (then 'none'). */
  faults: Fault[] = [];
  requests = 0;

  constructor(
    readonly app: FastifyInstance,
    public token: string,
    readonly userId: string,
    name: string,
  ) {
    this.db = new FieldbookDb(`laptop-${name}-${crypto.randomUUID()}`);
  }

  static async signIn(app: FastifyInstance, login: string, name = login): Promise<Laptop> {
    const res = await app.inject({ method: 'POST', url: '/api/login', payload: { login, password: PASSWORD, deviceName: name } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.body}`);
    const body = res.json() as Omit<SyncConnection, 'serverUrl'> & { token: string };
    const laptop = new Laptop(app, body.token, body.user.id, name);
    // Kept as the app keeps it after signing in: commands that record who acted (lead capture) read it.
    await saveConnection({ serverUrl: 'http://sync-test.invalid', token: body.token, deviceId: body.deviceId, user: body.user }, laptop.db);
    return laptop;
  }

  /** Signs this laptop in again: a new device of the same user, with a new token (see continueOutboxOnNewDevice). */
  async signInAgain(login: string): Promise<void> {
    const res = await this.app.inject({ method: 'POST', url: '/api/login', payload: { login, password: PASSWORD, deviceName: 'signed in again' } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.body}`);
    this.token = (res.json() as { token: string }).token;
  }

  /** `METHOD path` of every request that reached the server, in order. */
  readonly log: string[] = [];

  /** Sends one request to the server through `inject`, with the next fault applied. */
  private async send(method: 'GET' | 'POST' | 'PUT', path: string, body?: string | Uint8Array) {
    this.requests++;
    const fault = this.faults.shift() ?? 'none';
    if (fault === 'drop-request') throw new SyncFailure('offline', 'simulated: request lost');
    this.log.push(`${method} ${path}`);
    const res = await this.app.inject({
      method,
      url: path,
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : Buffer.from(body) }),
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'application/json' : 'application/octet-stream' }),
      },
    });
    if (fault === 'drop-response') throw new SyncFailure('offline', 'simulated: answer lost');
    return res;
  }

  readonly transport: Transport = {
    post: async <T>(path: string, body: unknown) => {
      const payload = JSON.stringify(body);
      const res = await this.send('POST', path, payload);
      return { value: interpretAnswer<T>(res.statusCode, res.body), bytes: payload.length + res.body.length };
    },
    get: async <T>(path: string) => {
      const res = await this.send('GET', path);
      return { value: interpretAnswer<T>(res.statusCode, res.body), bytes: res.body.length };
    },
    putBytes: async <T>(path: string, body: Uint8Array) => {
      const res = await this.send('PUT', path, body);
      return { value: interpretAnswer<T>(res.statusCode, res.body), bytes: body.byteLength + res.body.length };
    },
    getBytes: async (path: string) => {
      const res = await this.send('GET', path);
      if (res.statusCode !== 200) interpretAnswer(res.statusCode, res.body);
      return { value: new Uint8Array(res.rawPayload), bytes: res.rawPayload.length };
    },
  };

  sync(pageSize?: number): Promise<SyncRun> {
    return runSync({ transport: this.transport, db: this.db, ...(pageSize ? { pageSize } : {}) });
  }

  /** Syncs, and returns the failure code instead of throwing. */
  async trySync(pageSize?: number): Promise<SyncRun | string> {
    try {
      return await this.sync(pageSize);
    } catch (e) {
      if (e instanceof SyncFailure) return e.code;
      throw e;
    }
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

export const clientInput = (ownerId: string, patch: Partial<ClientInput> = {}): ClientInput => ({
  name: 'Ügyfél Kft',
  legalName: 'Ügyfél Kereskedelmi Kft.',
  taxId: '12345678-2-42',
  status: 'active',
  ownerId,
  segment: 'small_business',
  industry: 'Wholesale',
  website: 'ugyfel.hu',
  addresses: [{ kind: 'office', street: 'Váci út 1', city: 'Budapest', postcode: '1051', region: '', country: 'HU' }],
  priceType: 'wholesale',
  discountPct: 5,
  paymentTermsDays: 30,
  currency: 'HUF',
  contractNumber: '',
  contractDate: '',
  contractTerms: '',
  notes: '',
  tags: [],
  language: 'hu',
  ...patch,
});

/** The editable fields of a local client, as a ClientInput (for updateClient). */
export function inputOf(client: ClientInput): ClientInput {
  const { name, legalName, taxId, status, ownerId, segment, industry, website, addresses, priceType, discountPct, paymentTermsDays, currency, contractNumber, contractDate, contractTerms, notes, tags, language } = client;
  return { name, legalName, taxId, status, ownerId, segment, industry, website, addresses, priceType, discountPct, paymentTermsDays, currency, contractNumber, contractDate, contractTerms, notes, tags, language };
}

/** A server record's data (without the tombstone flag), for comparing with a laptop's copy. */
export async function serverRecords(db: SqlDb, table: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db.query<{ id: string; data: Record<string, unknown> }>(`SELECT id::text AS id, data FROM records WHERE tbl = $1`, [table]);
  return new Map(rows.map((r) => [r.id, r.data]));
}
