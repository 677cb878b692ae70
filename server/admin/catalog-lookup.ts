/**
 * The catalog as the imports find things in it: product groups by their path of names
 * ("Power tools > Drills and drivers", compared ignoring case and extra spaces) and products by
 * SKU (ignoring case), the keys an accounting system's exports use instead of Fieldbook's ids.
 */
import { DELETED_FIELD } from '../../core/sync/tables';
import type { Sql } from '../sync/sql';

const nameKey = (parentId: string | null, name: string) => `${parentId ?? ''}/${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
export const skuKey = (sku: string): string => sku.trim().toUpperCase();

export interface GroupTree {
  /** The group's id for a path, or null when some part of it does not exist. */
  find(path: readonly string[]): string | null;
  /** Adds a group under `parentId` (an import creates the groups its products name). */
  add(id: string, name: string, parentId: string | null): void;
  pathOf(id: string): string;
}

/** Every live product group, by path. */
export async function loadGroupTree(tx: Sql): Promise<GroupTree> {
  const rows = await tx.query<{ id: string; name: string; parent_id: string | null }>(
    `SELECT id::text AS id, data->>'name' AS name, data->>'parentId' AS parent_id FROM records
      WHERE tbl = 'productGroups' AND coalesce((data->>'${DELETED_FIELD}')::boolean, false) = false`,
  );
  const byKey = new Map<string, string>();
  const byId = new Map<string, { name: string; parentId: string | null }>();
  const add = (id: string, name: string, parentId: string | null) => {
    byKey.set(nameKey(parentId, name), id);
    byId.set(id, { name, parentId });
  };
  for (const r of rows) add(r.id, r.name, r.parent_id);
  return {
    find(path) {
      let parent: string | null = null;
      for (const name of path) {
        const id = byKey.get(nameKey(parent, name));
        if (!id) return null;
        parent = id;
      }
      return parent;
    },
    add,
    pathOf(id) {
      const names: string[] = [];
      for (let at: string | null = id; at && names.length < 50; at = byId.get(at)?.parentId ?? null) names.unshift(byId.get(at)?.name ?? '?');
      return names.join(' > ');
    },
  };
}

export interface StoredProduct {
  id: string;
  sku: string;
  name: string;
  /** Its names in other languages (null: none, or not asked for). */
  names: Record<string, string> | null;
  deleted: boolean;
}

/**
 * The products with these SKUs (every product when `skus` is omitted), by `skuKey`; with
 * `withNames`, their names in other languages too (the catalog import merges them; the stock and
 * price imports do not read them).
 */
export async function loadProductsBySku(tx: Sql, skus?: readonly string[], { withNames = false } = {}): Promise<Map<string, StoredProduct>> {
  const keys = skus ? [...new Set(skus.map(skuKey))] : null;
  const rows = await tx.query<StoredProduct>(
    `SELECT id::text AS id, data->>'sku' AS sku, data->>'name' AS name, ${withNames ? `data->'names'` : 'NULL::jsonb'} AS names, coalesce((data->>'${DELETED_FIELD}')::boolean, false) AS deleted
       FROM records WHERE tbl = 'products' ${keys ? `AND upper(trim(data->>'sku')) = ANY($1::text[])` : ''}`,
    keys ? [keys] : [],
  );
  const out = new Map<string, StoredProduct>();
  for (const r of rows) {
    const key = skuKey(r.sku);
    // Two records with one SKU can only come from outside the imports; a live one wins.
    if (!out.has(key) || out.get(key)!.deleted) out.set(key, r);
  }
  return out;
}
