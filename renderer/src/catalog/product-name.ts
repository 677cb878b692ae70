/**
 * Products named in the manager's UI language where the catalog has the name (core
 * `productName`), on every screen: the catalog, the product page, the offer builder's picker,
 * lines and analogues. A line is named by its product's names and, where the catalog has none
 * in the language (or no longer has the product), by the name it was added with.
 */
import { useCallback } from 'react';
import { productName, type ProductFields } from '../../../core/pricing/catalog-model';
import { useUiLanguage } from '../i18n/language';

export type Named = Pick<ProductFields, 'name' | 'names'>;

export function useProductName(): (product: Named) => string {
  const language = useUiLanguage();
  return useCallback((product: Named) => productName(product, language), [language]);
}

/** An offer line's name: its product's in `language` where the catalog has it, else the line's own. */
export const lineName = (line: { name: string }, product: Pick<ProductFields, 'names'> | undefined): Named => ({ name: line.name, names: product?.names });
