/**
 * Ids of the catalog records that are keyed by what they are about rather than numbered: one
 * price list entry per product × price type × currency, one group discount per price type ×
 * product group, one stock record per product (with the product's id, see `stockFieldsSchema`).
 * The server's imports and the demo data derive the same ids, so a re-import replaces a record
 * instead of adding a second one, and the laptop's offline demo converges with the server's.
 */
import type { PriceType } from '../client-model';
import { stableUuid } from '../stable-uuid';

export const priceListEntryId = (productId: string, priceType: PriceType, currency: string): string =>
  stableUuid(`prices|${productId.toLowerCase()}|${priceType}|${currency.toUpperCase()}`);

export const priceTypeGroupDiscountId = (priceType: PriceType, groupId: string): string => stableUuid(`groupDiscounts|${priceType}|${groupId.toLowerCase()}`);
