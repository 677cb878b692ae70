/**
 * The history of what offer prices depend on (server/sync/pricing-history.ts): when the
 * company's imports change a price list, a price type's group discount, a client's own group
 * discounts, a product's VAT rate, group or name, or a product group's parent, the value it
 * replaced is kept here with the period it was in force (server time) and the change number of
 * the write that replaced it. A row with no data says the record did not exist before `valid_to`.
 * The push of an offer that goes to the client unapproved is checked against the rules in
 * force when its lines were priced (server/sync/offer-pricing.ts).
 *
 * Also an index for finding a product's price lists by content: the test and legacy catalogs do
 * not all have the derived ids (core/pricing/catalog-ids.ts).
 */
export const sql = /* sql */ `
CREATE TABLE pricing_history (
  tbl        text        NOT NULL,
  id         uuid        NOT NULL,
  -- The record's pricing fields as they were; NULL: the record did not exist yet.
  data       jsonb,
  -- In force from (NULL: since before the history was kept) until the write that replaced it.
  valid_from timestamptz,
  valid_to   timestamptz NOT NULL,
  -- The change number (records.seq) of that write: what a laptop whose pull cursor is below it still had.
  seq        bigint      NOT NULL
);
CREATE INDEX pricing_history_record ON pricing_history (tbl, id, valid_to);
CREATE INDEX records_prices_by_product ON records ((data->>'productId')) WHERE tbl = 'prices';
`;
