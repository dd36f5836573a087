import { describe, expect, it } from 'vitest';
import { countryCodeOf, splitCountryList } from './countries.ts';

describe('countryCodeOf', () => {
  it.each([
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ["Korea (Democratic People's Republic of)", 'KP'],
    ['North Korea', 'KP'],
    ['DPRK', 'KP'],
    ['Korea, Republic of', 'KR'],
    ['South Korea', 'KR'],
    ['Iran', 'IR'],
    ['Iran, Islamic Republic of', 'IR'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['Great Britain', 'GB'],
    ['Viet Nam', 'VN'],
    ['Syrian Arab Republic', 'SY'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['  the Netherlands ', 'NL'],
    ['Moldova, Republic of', 'MD'],
    ['Taiwan, Province of China', 'TW'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Republic of the Congo', 'CG'],
    // ISO 3166's short name for the Republic of the Congo, as our reference data has it.
    ['Congo', 'CG'],
    ['Palestine', 'PS'],
    // Other UN languages, from the reference data.
    ['Allemagne', 'DE'],
    ['Россия', 'RU'],
    ['中国', 'CN'],
    ['الأردن', 'JO'],
    // Codes, in capitals only.
    ['DE', 'DE'],
    ['DEU', 'DE'],
  ])('%s → %s', (name, code) => {
    expect(countryCodeOf(name)).toBe(code);
  });

  it.each([
    'Korea',
    'Atlantis',
    'EU (region)',
    'European Union',
    'no',
    'in',
    'Not available',
    '',
    'United States, Israel',
  ])('does not match %j', (name) => {
    expect(countryCodeOf(name)).toBeNull();
  });
});

describe('splitCountryList', () => {
  it('keeps commas that belong to a name and splits the others', () => {
    expect(splitCountryList("Korea, Democratic People's Republic of, United States; Iran")).toEqual({
      codes: ['KP', 'US', 'IR'],
      others: [],
    });
    expect(splitCountryList('United States, Israel')).toEqual({ codes: ['US', 'IL'], others: [] });
  });

  it('returns what is not a country, in order, and each country once', () => {
    expect(splitCountryList('Japan; Example Shipping Corp; Japan | Atlantis')).toEqual({
      codes: ['JP'],
      others: ['Example Shipping Corp', 'Atlantis'],
    });
  });
});
