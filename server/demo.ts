/**
 * The demo team, client base and catalog on the embedded server that `npm start` runs when no
 * company server is configured, so the app works out of the box. Everyone's password is `demo`:
 * well known on purpose, logged as such, and only ever created when asked (`--demo`), never by
 * default. The team, clients and catalog come from core/demo-data, the same generator the
 * laptop's offline demo uses, so owners, clients and products match everywhere.
 */
import type { SqlDb } from './db/sql-db';
import { createUser, type NewUser } from './auth/users';
import type { ScryptParams } from './auth/password';
import {
  DEMO_AS_OF,
  DEMO_SEED,
  demoCompanyProfile,
  demoPriceTypeDiscounts,
  demoProductGroups,
  demoTeam,
  generateClientBatch,
  generateProductBatch,
} from '../core/demo-data';
import { formatHlc } from '../core/sync/hlc';
import { bulkInsertRows, SERVER_NODE } from './sync/records';
import { clientRow, contactRow } from './sync/client-records';
import { companyRow } from './sync/company-records';

export const DEMO_PASSWORD = 'demo';

/** Logins of the demo team, by first name (Hungarian names are written family name first). */
function loginOf(name: string, role: string): string {
  if (role === 'head_of_sales') return 'head';
  const words = name.split(' ');
  const given = /^Kovács/.test(name) ? words[1]! : words[0]!;
  const ascii: Record<string, string> = { Дмитрий: 'dmitry', Réka: 'reka' };
  return (ascii[given] ?? given).toLowerCase();
}

/** Fixed ids: the demo clients' owners must be the same on every machine. */
export const DEMO_USERS: readonly Omit<NewUser, 'password'>[] = [
  { id: '00000000-0000-4000-8000-000000000001', login: 'admin', displayName: 'Demo Admin', role: 'admin' },
  ...demoTeam().map((m) => ({
    id: m.id,
    login: loginOf(m.name, m.role),
    displayName: m.name,
    role: m.role,
    discountLimitPct: (m.discountLimitBp ?? 0) / 100,
    ...(m.role === 'manager' ? { head: 'head' } : {}),
  })),
];

export interface DemoSeedResult {
  users: string[];
  created: string[];
  password: string;
  /** Demo clients created now (0 when the server already had clients). */
  clients: number;
  /** Demo products created now (0 when the server already had a catalog). */
  products: number;
}

/**
 * Creates the demo users that do not exist yet (idempotent; existing users are left as they
 * are), and the demo clients and catalog on a server that has none.
 */
export async function seedDemo(db: SqlDb, hashParams?: ScryptParams, clientCount = 0, productCount = 0): Promise<DemoSeedResult> {
  const result = await db.transaction(async (tx) => {
    const created: string[] = [];
    // In order: heads before their team.
    for (const user of DEMO_USERS) {
      const [exists] = await tx.query(`SELECT 1 FROM users WHERE login = $1 OR id = $2::uuid`, [user.login, user.id]);
      if (exists) continue;
      await createUser(tx, { ...user, password: DEMO_PASSWORD }, hashParams);
      created.push(user.login);
    }
    return { users: DEMO_USERS.map((u) => u.login), created, password: DEMO_PASSWORD };
  });
  return { ...result, clients: await seedDemoClients(db, clientCount), products: await seedDemoCatalog(db, productCount) };
}

/** Demo records carry the demo's date as their stamp, like the laptop's offline demo. */
const demoStamp = () => formatHlc({ wall: Date.parse(DEMO_AS_OF), counter: 0, node: SERVER_NODE });

/** The demo client base, once: a server that has any client keeps what it has. */
export async function seedDemoClients(db: SqlDb, count: number): Promise<number> {
  if (count <= 0) return 0;
  const stamp = demoStamp();
  return db.transaction(async (tx) => {
    const [any] = await tx.query(`SELECT 1 FROM records WHERE tbl = 'clients' LIMIT 1`);
    if (any) return 0;
    for (let start = 0; start < count; start += 2000) {
      const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start, count: Math.min(2000, count - start) });
      const owners = new Map(clients.map((c) => [c.id, c.ownerId]));
      await bulkInsertRows(tx, [...clients.map((c) => clientRow(c, stamp)), ...contacts.map((c) => contactRow(c, owners.get(c.clientId)!, stamp))]);
    }
    return count;
  });
}

/**
 * The demo catalog (product groups, `count` products with their stock and price lists, the
 * price types' group discounts) and the company profile, once: a server that has any product
 * keeps what it has, and a company profile an admin set stays.
 */
export async function seedDemoCatalog(db: SqlDb, count: number): Promise<number> {
  if (count <= 0) return 0;
  const stamp = demoStamp();
  return db.transaction(async (tx) => {
    const [any] = await tx.query(`SELECT 1 FROM records WHERE tbl = 'products' LIMIT 1`);
    if (any) return 0;
    await bulkInsertRows(tx, [
      ...demoProductGroups(DEMO_SEED).map((g) => companyRow('productGroups', g, stamp)),
      ...demoPriceTypeDiscounts(DEMO_SEED).map((d) => companyRow('groupDiscounts', d, stamp)),
      companyRow('company', demoCompanyProfile(), stamp),
    ]);
    // 500 products are ~15 000 records with their price lists: a few statements each.
    for (let start = 0; start < count; start += 500) {
      const { products, stock, prices } = generateProductBatch({ seed: DEMO_SEED, start, count: Math.min(500, count - start), total: count });
      await bulkInsertRows(tx, [
        ...products.map((p) => companyRow('products', p, stamp)),
        ...stock.map((s) => companyRow('stock', s, stamp)),
        ...prices.map((p) => companyRow('prices', p, stamp)),
      ]);
    }
    return count;
  });
}
