/**
 * The demo catalog's product groups (a fixed tree, the same whatever the catalog's size) and the
 * group discounts of the demo's terms: per price type, and some clients' own. Kept apart from
 * the product generator so the client generator can give clients their group discounts without
 * depending on it.
 */
import type { ClientStatus, PriceType } from '../client-model';
import type { ClientGroupDiscount, PriceTypeGroupDiscount, ProductGroup } from '../pricing/catalog-model';
import { priceTypeGroupDiscountId } from '../pricing/catalog-ids';
import { DEMO_AS_OF } from './as-of';
import { CATALOG_TREE, type ProductType, type TopGroup } from './catalog-vocabulary';
import { demoUuid } from './ids';
import { hash32, Rng } from './prng';

/** Record kind mixed into group ids (clients are 1, contacts 2). */
const GROUP_ID_KIND = 11;


/** A group that holds products, with what it sells. */
export interface DemoLeafGroup {
  id: string;
  top: TopGroup;
  types: readonly ProductType[];
}

interface DemoGroups {
  groups: ProductGroup[];
  leaves: DemoLeafGroup[];
}

const cache = new Map<number, DemoGroups>();

/** The group tree for `seed`: top groups first, each followed by its subgroups. */
export function demoGroupTree(seed: number): DemoGroups {
  let tree = cache.get(seed);
  if (!tree) {
    const groups: ProductGroup[] = [];
    const leaves: DemoLeafGroup[] = [];
    const next = () => demoUuid(seed, groups.length, GROUP_ID_KIND);
    for (const top of CATALOG_TREE) {
      const topId = next();
      groups.push({ id: topId, name: top.name, parentId: null, updatedAt: DEMO_AS_OF });
      for (const sub of top.groups) {
        const id = next();
        groups.push({ id, name: sub.name, parentId: topId, updatedAt: DEMO_AS_OF });
        leaves.push({ id, top, types: sub.types });
      }
    }
    tree = { groups, leaves };
    cache.set(seed, tree);
  }
  return tree;
}

/** The demo's product groups, fresh objects on every call. */
export function demoProductGroups(seed: number): ProductGroup[] {
  return demoGroupTree(seed).groups.map((g) => ({ ...g }));
}

/** Group discounts go on groups that hold products: the pricing engine matches a product's own group. */
const DISCOUNTED_TYPES: readonly PriceType[] = ['wholesale', 'dealer', 'key_account'];
/** The share of (price type, group) pairs with a discount, and its range in basis points. */
const TYPE_DISCOUNT = { wholesale: [0.2, 200, 500], dealer: [0.3, 300, 800], key_account: [0.35, 400, 1200] } as const;

/** Discounts every client of a price type gets on some product groups. */
export function demoPriceTypeDiscounts(seed: number): PriceTypeGroupDiscount[] {
  const rng = new Rng(hash32(seed, 0x70746764));
  const out: PriceTypeGroupDiscount[] = [];
  for (const leaf of demoGroupTree(seed).leaves) {
    for (const priceType of DISCOUNTED_TYPES) {
      const [share, min, max] = TYPE_DISCOUNT[priceType as keyof typeof TYPE_DISCOUNT];
      // Whole half-percents, as terms are written ("3.5 %").
      const discountBp = rng.range(min / 50, max / 50) * 50;
      if (!rng.chance(share)) continue;
      out.push({ id: priceTypeGroupDiscountId(priceType, leaf.id), priceType, groupId: leaf.id, discountBp, updatedAt: DEMO_AS_OF });
    }
  }
  return out;
}

/**
 * A client's own negotiated discounts on product groups, or none. Drawn from a stream of its
 * own, so that adding them changed nothing else the client generator makes.
 */
export function demoClientGroupDiscounts(seed: number, index: number, status: ClientStatus, priceType: PriceType): ClientGroupDiscount[] {
  const trading = status === 'active' || status === 'key' || status === 'dormant';
  if (!trading || priceType === 'retail') return [];
  const rng = new Rng(hash32(seed, 0x63676469), index);
  if (!rng.chance(status === 'key' ? 0.6 : 0.25)) return [];
  const { leaves } = demoGroupTree(seed);
  const out: ClientGroupDiscount[] = [];
  const count = rng.range(1, 3);
  for (let tries = 0; out.length < count && tries < 10; tries++) {
    const groupId = rng.pick(leaves).id;
    if (out.some((d) => d.groupId === groupId)) continue;
    out.push({ groupId, discountBp: rng.range(4, 30) * 50 });
  }
  return out;
}
