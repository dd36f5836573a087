import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG_KINDS } from '../orgs/kinds.ts';
import { UN_LANGUAGE_CODES } from './languages.ts';
import { matchesIfNoneMatch, referenceRoutes } from './reference.routes.ts';
import { SECTOR_CODES, SECTORS, sectorLabel } from './sectors.ts';

interface Country {
  code: string;
  alpha3: string;
  numericCode: string;
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
  names: Record<string, string>;
}

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  await app.register(referenceRoutes, { prefix: '/api/v1' });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

function expectNamesInSixLanguages(names: Record<string, string>): void {
  expect(Object.keys(names).sort()).toEqual([...UN_LANGUAGE_CODES].sort());
  for (const language of UN_LANGUAGE_CODES) expect(names[language]?.trim()).not.toBe('');
}

describe('GET /api/v1/reference/countries', () => {
  it('lists every ISO 3166-1 country and territory, named in the six UN languages', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/reference/countries' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const { items } = response.json<{ items: Country[] }>();
    expect(items.length).toBeGreaterThanOrEqual(245);
    expect(items.length).toBeLessThanOrEqual(255);
    expect(new Set(items.map((country) => country.code)).size).toBe(items.length);
    for (const country of items) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(country.numericCode).toMatch(/^[0-9]{3}$/);
      expectNamesInSixLanguages(country.names);
    }
  });

  it('gives Kenya its M49 region, sub-region and intermediate region', async () => {
    const { items } = (await app.inject({ url: '/api/v1/reference/countries' })).json<{ items: Country[] }>();
    const kenya = items.find((country) => country.code === 'KE');
    expect(kenya).toMatchObject({
      alpha3: 'KEN',
      numericCode: '404',
      regionCode: '002',
      subregionCode: '202',
      intermediateRegionCode: '014',
    });
    expect(kenya?.names.fr).toBe('Kenya');
    expect(kenya?.names.ru).toBe('Кения');
  });

  it('leaves only Antarctica without a region', async () => {
    const { items } = (await app.inject({ url: '/api/v1/reference/countries' })).json<{ items: Country[] }>();
    expect(items.filter((country) => country.regionCode === null).map((country) => country.code)).toEqual([
      'AQ',
    ]);
    expect(items.filter((country) => country.subregionCode === null).map((country) => country.code)).toEqual([
      'AQ',
    ]);
  });

  it('lets caches keep the list for an hour behind a strong ETag', async () => {
    const response = await app.inject({ url: '/api/v1/reference/countries' });
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  });

  it('answers a current If-None-Match with 304 and no body', async () => {
    const first = await app.inject({ url: '/api/v1/reference/countries' });
    const etag = String(first.headers.etag);
    const revalidated = await app.inject({
      url: '/api/v1/reference/countries',
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers.etag).toBe(etag);

    const weak = await app.inject({
      url: '/api/v1/reference/countries',
      headers: { 'if-none-match': `W/${etag}` },
    });
    expect(weak.statusCode).toBe(304);
  });

  it('sends the full body for a stale If-None-Match', async () => {
    const response = await app.inject({
      url: '/api/v1/reference/countries',
      headers: { 'if-none-match': '"an-older-version"' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ items: Country[] }>().items.length).toBeGreaterThan(200);
  });

  it('sends the same bytes every time', async () => {
    const first = await app.inject({ url: '/api/v1/reference/countries' });
    const second = await app.inject({ url: '/api/v1/reference/countries' });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers['content-length']).toBe(String(first.rawPayload.length));
  });
});

describe('GET /api/v1/reference/regions', () => {
  it('lists the M49 regions, sub-regions and intermediate regions with their parents', async () => {
    const response = await app.inject({ url: '/api/v1/reference/regions' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{
      items: { code: string; level: string; parentCode: string | null; names: Record<string, string> }[];
    }>();
    const byCode = new Map(items.map((region) => [region.code, region]));
    expect(items.filter((region) => region.level === 'region').map((region) => region.code)).toEqual([
      '002',
      '009',
      '019',
      '142',
      '150',
    ]);
    expect(byCode.get('202')).toMatchObject({ level: 'subregion', parentCode: '002' });
    expect(byCode.get('014')).toMatchObject({ level: 'intermediate', parentCode: '202' });
    expect(byCode.get('014')?.names.en).toBe('Eastern Africa');
    for (const region of items) {
      expectNamesInSixLanguages(region.names);
      if (region.level !== 'region') expect(byCode.has(region.parentCode ?? '')).toBe(true);
    }
  });
});

describe('GET /api/v1/reference/stakeholder-kinds', () => {
  it('describes every organization kind in the six UN languages', async () => {
    const response = await app.inject({ url: '/api/v1/reference/stakeholder-kinds' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{
      items: { code: string; names: Record<string, string>; descriptions: Record<string, string> }[];
    }>();
    expect(items.map((kind) => kind.code)).toEqual([...ORG_KINDS]);
    for (const kind of items) {
      expectNamesInSixLanguages(kind.names);
      expectNamesInSixLanguages(kind.descriptions);
    }
  });
});

describe('GET /api/v1/reference/tlp-labels', () => {
  it('lists the five TLP 2.0 labels from CLEAR to RED', async () => {
    const response = await app.inject({ url: '/api/v1/reference/tlp-labels' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{
      items: { label: string; stixId: string; colour: string; audience: string; rank: number }[];
    }>();
    expect(items.map((item) => item.label)).toEqual([
      'TLP:CLEAR',
      'TLP:GREEN',
      'TLP:AMBER',
      'TLP:AMBER+STRICT',
      'TLP:RED',
    ]);
    expect(items.map((item) => item.rank)).toEqual([0, 1, 2, 3, 4]);
    for (const item of items) {
      expect(item.stixId).toMatch(/^marking-definition--[0-9a-f-]{36}$/);
      expect(item.colour).toMatch(/^#[0-9A-Fa-f]{6}$/);
    }
  });
});

describe('GET /api/v1/reference/languages', () => {
  it('lists the six UN languages with their own names, Arabic right to left', async () => {
    const response = await app.inject({ url: '/api/v1/reference/languages' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: { code: string; name: string; direction: string }[] }>();
    expect(items.map((language) => language.code)).toEqual(['ar', 'zh', 'en', 'es', 'fr', 'ru']);
    expect(items.find((language) => language.code === 'ar')).toEqual({
      code: 'ar',
      name: 'العربية',
      direction: 'rtl',
    });
    expect(items.filter((language) => language.direction === 'rtl')).toHaveLength(1);
  });
});

describe('GET /api/v1/reference/sectors', () => {
  it('lists every critical-infrastructure sector, labelled in the six UN languages', async () => {
    const response = await app.inject({ url: '/api/v1/reference/sectors' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const { items } = response.json<{ items: { code: string; labels: Record<string, string> }[] }>();
    expect(items.map((sector) => sector.code)).toEqual([...SECTOR_CODES]);
    for (const sector of items) expectNamesInSixLanguages(sector.labels);
    expect(items.find((sector) => sector.code === 'drinking_water')?.labels).toMatchObject({
      en: 'Drinking water',
      fr: 'Eau potable',
    });
  });

  it('answers a current If-None-Match with 304 and a stale one with the list', async () => {
    const first = await app.inject({ url: '/api/v1/reference/sectors' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=3600');

    const revalidated = await app.inject({
      url: '/api/v1/reference/sectors',
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');

    const stale = await app.inject({
      url: '/api/v1/reference/sectors',
      headers: { 'if-none-match': '"an-older-version"' },
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(first.rawPayload)).toBe(true);
  });
});

describe('sectorLabel', () => {
  it('gives the label in the language asked for', () => {
    expect(sectorLabel('telecommunications', 'ru')).toBe('Электросвязь');
    expect(sectorLabel('health', 'ar')).toBe('الصحة');
  });

  it('falls back to English where a label is missing', () => {
    const labels: Partial<Record<string, string>> | undefined = SECTORS.find(
      (sector) => sector.code === 'space',
    )?.labels;
    if (!labels) throw new Error('space is missing');
    const chinese = labels.zh;
    try {
      delete labels.zh;
      expect(sectorLabel('space', 'zh')).toBe('Space');
    } finally {
      labels.zh = chinese;
    }
    expect(sectorLabel('space', 'zh')).toBe(chinese);
  });
});

describe('matchesIfNoneMatch', () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
  ])('%s → %s', (header, expected) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(expected);
  });

  it('is false without the header', () => {
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });
});
