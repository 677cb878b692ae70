// The query mix of the catalog search benchmark: what account managers type into the catalog,
// derived from products sampled out of the seeded catalog (so it follows whatever the demo
// generator makes) and deterministic for a given catalog. Each query is typed one key at a time.
import { CYRILLIC, DEVANAGARI, HUNGARIAN_ACCENTS, categories, interleave, partial, stripAccents, translit, words } from './client-queries.mjs';

/** Words of a name worth typing: not the brand's model code ("BX-418") or a number. */
const nameWords = (name) => words(name).filter((w) => w.length >= 3 && !/\d/.test(w));

/**
 * Builds the mix from sampled products (each with `groupPath`, its group's names from the top).
 * Returns [{ kind, text }] of about `size` queries, categories interleaved.
 */
export function buildCatalogQueryMix(products, size = 48) {
  const { cats, add } = categories();
  products.forEach((p, i) => {
    const [first, second] = nameWords(p.name);
    if (first) {
      if (DEVANAGARI.test(first)) add('name (Devanagari)', partial(first, i + 1));
      else if (CYRILLIC.test(first)) {
        add('name (Cyrillic)', partial(first, i));
        add('name (Cyrillic typed in Latin)', partial(translit(first), i + 2));
      } else if (HUNGARIAN_ACCENTS.test(p.name)) {
        const accented = nameWords(p.name).find((w) => HUNGARIAN_ACCENTS.test(w)) ?? first;
        add('name (Hungarian, no accents)', partial(stripAccents(accented), i + 1));
      } else add('name (Latin)', partial(first, i));
      if (second && i % 3 === 0) add('name (two words)', `${partial(first, 4)} ${partial(second, i)}`);
    }
    const brand = p.characteristics[0]?.value;
    if (brand) add('brand', partial(brand, i + 2));
    add('SKU prefix', p.sku.slice(0, 3 + (i % 5)));
    add('SKU whole', i % 2 === 0 ? p.sku : p.sku.replace(/-/g, '').toLowerCase());
    const spec = p.characteristics[1 + (i % Math.max(1, p.characteristics.length - 1))];
    if (spec) add('characteristic', spec.value.toLowerCase());
    const group = p.groupPath.at(-1);
    if (group) add('group', partial(words(group)[0], i + 3));
  });
  // Typos and things nobody sells: a search that finds nothing.
  add('no match', 'qxzv');
  add('no match', 'zzyzx drill');
  return interleave(cats, size);
}
