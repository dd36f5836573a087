import { MAX_PRODUCTS_PER_REQUEST, type ProductInput } from './types.ts';

export type ProductLinesResult =
  | { products: ProductInput[]; problem: null }
  | {
      products: ProductInput[];
      problem: { kind: 'missing_product' | 'too_long'; line: number } | { kind: 'too_many' };
    };

const MAX_LENGTH = 200;

/**
 * Products typed one a line as "product | version" (the version may be left out: "Router X"). Blank lines
 * are skipped and repeated lines kept once. The first problem found is reported with its line number
 * (from 1), so the form can say which line to fix.
 */
export function parseProductLines(text: string): ProductLinesResult {
  const products: ProductInput[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const bar = raw.indexOf('|');
    const product = (bar === -1 ? raw : raw.slice(0, bar)).trim();
    const version = bar === -1 ? '' : raw.slice(bar + 1).trim();
    if (!product) return { products, problem: { kind: 'missing_product', line: index + 1 } };
    if (product.length > MAX_LENGTH || version.length > MAX_LENGTH) {
      return { products, problem: { kind: 'too_long', line: index + 1 } };
    }
    const key = `${product.toLowerCase()}\u0000${version.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    products.push({ product, version });
  }
  if (products.length > MAX_PRODUCTS_PER_REQUEST) return { products, problem: { kind: 'too_many' } };
  return { products, problem: null };
}
