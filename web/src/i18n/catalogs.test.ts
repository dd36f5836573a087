import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';

type Catalog = { [key: string]: string | Catalog };

function loadCatalog(code: string): Catalog {
  return JSON.parse(readFileSync(join(import.meta.dirname, `${code}.json`), 'utf8')) as Catalog;
}

/** Flattens nested keys to dotted paths, as i18next addresses them. */
function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [childPath, childValue] of flatten(value, path)) entries.set(childPath, childValue);
  }
  return entries;
}

const placeholdersOf = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const tlpLabelsOf = (text: string) => [...text.matchAll(/TLP:[A-Z+]+/g)].map((m) => m[0]).sort();

const english = flatten(loadCatalog('en'));
const others = LANGUAGES.map((language) => language.code).filter((code) => code !== 'en');

describe('message catalogs', () => {
  it('has one catalog per supported language and no other', () => {
    const files = readdirSync(import.meta.dirname)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual(LANGUAGES.map((language) => language.code).sort());
  });

  it('has no empty English message', () => {
    const empty = [...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  describe.each(others)('%s', (code) => {
    const catalog = flatten(loadCatalog(code));

    it('has exactly the keys of en.json', () => {
      const missing = [...english.keys()].filter((key) => !catalog.has(key));
      const extra = [...catalog.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('uses the same placeholders as English in every message', () => {
      const mismatched = [...english]
        .filter(([key, text]) => {
          const translated = catalog.get(key);
          return (
            translated !== undefined && placeholdersOf(translated).join() !== placeholdersOf(text).join()
          );
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });

    it('has no empty message and keeps TLP labels untranslated', () => {
      const problems = [...english]
        .filter(([key, text]) => {
          const translated = catalog.get(key) ?? '';
          return translated.trim() === '' || tlpLabelsOf(translated).join() !== tlpLabelsOf(text).join();
        })
        .map(([key]) => key);
      expect(problems).toEqual([]);
    });
  });
});
