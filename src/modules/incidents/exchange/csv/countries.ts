import { COUNTRIES } from '../../../../core/reference/countries.ts';

/**
 * Country names as datasets spell them, to ISO 3166-1 alpha-2 codes.
 *
 * EuRepoC and the CFR tracker name countries in English, in more than one style: the short name
 * ("Russia"), the ISO or UN long name ("Russian Federation", "Korea, Democratic People's Republic of",
 * "Iran (Islamic Republic of)"), or a common abbreviation ("USA", "UK"). The matcher knows the names of
 * our reference data in the six UN languages, the alpha-2 and alpha-3 codes, and the variants below; it
 * never guesses by similarity, so a name it does not know is reported, not matched to a neighbour.
 */

/** English variants the reference data does not hold, by code. Written as datasets write them. */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  BN: ['Brunei Darussalam'],
  BO: [
    'Bolivia (Plurinational State of)',
    'Bolivia, Plurinational State of',
    'Plurinational State of Bolivia',
  ],
  BS: ['The Bahamas', 'Bahamas, The'],
  CD: [
    'Congo, Democratic Republic of the',
    'Congo, The Democratic Republic of the',
    'Democratic Republic of Congo',
    'DR Congo',
    'DRC',
    'Congo (Democratic Republic of the)',
    'Congo-Kinshasa',
  ],
  CG: ['Republic of the Congo', 'Republic of Congo', 'Congo, Republic of the', 'Congo-Brazzaville'],
  CI: ["Cote d'Ivoire", 'Ivory Coast'],
  CV: ['Cabo Verde'],
  CZ: ['Czech Republic'],
  FK: ['Falkland Islands'],
  FM: [
    'Micronesia, Federated States of',
    'Micronesia (Federated States of)',
    'Federated States of Micronesia',
  ],
  GB: [
    'United Kingdom of Great Britain and Northern Ireland',
    'UK',
    'U.K.',
    'Great Britain',
    'Britain',
    'United Kingdom (UK)',
  ],
  GM: ['The Gambia', 'Gambia, The'],
  HK: ['Hong Kong', 'Hong Kong SAR', 'Hong Kong, China'],
  IR: ['Iran, Islamic Republic of', 'Iran (Islamic Republic of)', 'Islamic Republic of Iran'],
  KG: ['Kyrgyz Republic'],
  KP: [
    "Korea, Democratic People's Republic of",
    "Korea (Democratic People's Republic of)",
    "Democratic People's Republic of Korea",
    'DPRK',
    'D.P.R.K.',
    'Korea, North',
    'North Korea (DPRK)',
  ],
  KR: ['Korea, Republic of', 'Korea (Republic of)', 'Republic of Korea', 'ROK', 'Korea, South'],
  LA: ["Lao People's Democratic Republic", 'Lao PDR', 'Lao'],
  MD: ['Moldova, Republic of', 'Republic of Moldova', 'Moldova (Republic of)'],
  MK: ['Macedonia', 'Former Yugoslav Republic of Macedonia', 'The former Yugoslav Republic of Macedonia'],
  MM: ['Burma'],
  MO: ['Macao', 'Macau', 'Macao SAR'],
  NL: ['The Netherlands', 'Netherlands (Kingdom of the)', 'Kingdom of the Netherlands', 'Holland'],
  PS: ['Palestine', 'Palestine, State of', 'Palestinian Territories', 'Occupied Palestinian Territory'],
  RU: ['Russian Federation', 'Russia (Russian Federation)'],
  SK: ['Slovak Republic'],
  ST: ['Sao Tome and Principe'],
  SY: ['Syrian Arab Republic'],
  SZ: ['Swaziland', 'Kingdom of Eswatini'],
  TL: ['East Timor'],
  TR: ['Turkey', 'Republic of Türkiye', 'Turkiye'],
  TW: ['Taiwan, Province of China', 'Taiwan (Province of China)', 'Chinese Taipei'],
  TZ: ['Tanzania, United Republic of', 'United Republic of Tanzania'],
  US: ['United States of America', 'USA', 'U.S.A.', 'US', 'U.S.', 'United States (USA)'],
  VA: ['Holy See (Vatican City State)', 'Vatican', 'Vatican City', 'Vatican City State'],
  VE: [
    'Venezuela (Bolivarian Republic of)',
    'Venezuela, Bolivarian Republic of',
    'Bolivarian Republic of Venezuela',
  ],
  VN: ['Viet Nam'],
};

/** Names that are more than one country's: matched only in full, never from a shorter part of a name. */
const AMBIGUOUS = new Set(['korea', 'congo', 'guinea', 'virgin islands', 'sudan', 'samoa', 'macedonia']);

/** Lower case, no diacritics or punctuation, single spaces, without a leading "the" or a trailing "(the)". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ the$/, '');
}

function buildIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normalizeName(name);
    if (key !== '' && !index.has(key)) index.set(key, code);
  };
  // Variants first: "US" must be the United States, not a word found in some name.
  for (const [code, names] of Object.entries(VARIANTS)) for (const name of names) add(name, code);
  for (const country of COUNTRIES) {
    for (const name of Object.values(country.names)) if (name) add(name, country.code);
  }
  return index;
}

const INDEX = buildIndex();
const CODES = new Set(COUNTRIES.map((country) => country.code));
const ALPHA3 = new Map(COUNTRIES.map((country) => [country.alpha3, country.code]));

/** The alpha-2 code of a country named in any of the ways above, or null. */
export function countryCodeOf(name: string): string | null {
  const trimmed = name.trim();
  // Codes only in capitals: "NO", "IN" or "BE" in lower case are words ("no" is EuRepoC's value for none).
  if (/^[A-Z]{2}$/.test(trimmed) && CODES.has(trimmed)) return trimmed;
  if (/^[A-Z]{3}$/.test(trimmed) && ALPHA3.has(trimmed)) return ALPHA3.get(trimmed) ?? null;
  const key = normalizeName(trimmed);
  if (key === '') return null;
  const direct = INDEX.get(key);
  if (direct) return direct;
  // "Iran (Islamic Republic of)" and "Moldova, Republic of" when the variant table lacks the form. The
  // part after the comma must describe the country, not name another one ("United States, Israel").
  const withoutParenthesis = normalizeName(trimmed.replace(/\([^)]*\)/g, ' '));
  const [head = '', ...tail] = trimmed.split(',');
  const rest = tail.join(',');
  const isDescriptor =
    rest !== '' &&
    /\b(of|the|republic|kingdom|federation|state|province)\b/i.test(rest) &&
    !countryCodeOf(rest);
  const candidates = [withoutParenthesis, isDescriptor ? normalizeName(head) : ''];
  for (const candidate of candidates) {
    if (candidate === '' || candidate === key || AMBIGUOUS.has(candidate)) continue;
    const code = INDEX.get(candidate);
    if (code) return code;
  }
  return null;
}

export interface CountryListResult {
  codes: string[];
  /** Parts of the cell that are not countries, in order: names of organizations, regions, typing errors. */
  others: string[];
}

/**
 * Splits a cell that lists countries. Items are separated by ";", "|" or line breaks, and by commas unless
 * the comma belongs to a name ("Korea, Republic of"): neighbouring comma-separated parts are joined when
 * together they name a country.
 */
export function splitCountryList(cell: string): CountryListResult {
  const codes: string[] = [];
  const others: string[] = [];
  for (const item of cell.split(/[;|\n]+/)) {
    const parts = item
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    let index = 0;
    while (index < parts.length) {
      let matched = false;
      // Longest run of parts first, so "Congo, Democratic Republic of the" wins over "Congo".
      for (let end = parts.length; end > index; end -= 1) {
        const code = countryCodeOf(parts.slice(index, end).join(', '));
        if (code) {
          if (!codes.includes(code)) codes.push(code);
          index = end;
          matched = true;
          break;
        }
      }
      if (!matched) {
        others.push(parts[index] as string);
        index += 1;
      }
    }
  }
  return { codes, others };
}

/** The English short name of a code, for text such as an unnamed actor's label. */
export function countryNameOf(code: string): string {
  return COUNTRIES.find((country) => country.code === code)?.names.en ?? code;
}
