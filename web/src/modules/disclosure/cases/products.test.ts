import { describe, expect, it } from 'vitest';
import { parseProductLines } from './products.ts';

describe('product lines', () => {
  it('reads "product | version" a line, with or without a version, skipping blanks and repeats', () => {
    const result = parseProductLines(
      'RT-1000 | 2.4.1\n\n  RT-2000|3.0  \nGateway Manager\nrt-1000 | 2.4.1\n',
    );
    expect(result).toEqual({
      products: [
        { product: 'RT-1000', version: '2.4.1' },
        { product: 'RT-2000', version: '3.0' },
        { product: 'Gateway Manager', version: '' },
      ],
      problem: null,
    });
  });

  it('keeps a bar inside the version', () => {
    expect(parseProductLines('Suite | 1.0 | LTS').products).toEqual([
      { product: 'Suite', version: '1.0 | LTS' },
    ]);
  });

  it('says which line lacks a product or is too long', () => {
    expect(parseProductLines('A | 1\n | 2.0').problem).toEqual({ kind: 'missing_product', line: 2 });
    expect(parseProductLines(`${'x'.repeat(201)} | 1`).problem).toEqual({ kind: 'too_long', line: 1 });
  });

  it('refuses more products than one request takes', () => {
    const text = Array.from({ length: 201 }, (_, i) => `P${i} | 1`).join('\n');
    expect(parseProductLines(text).problem).toEqual({ kind: 'too_many' });
  });

  it('gives nothing for an empty text', () => {
    expect(parseProductLines('  \n ')).toEqual({ products: [], problem: null });
  });
});
