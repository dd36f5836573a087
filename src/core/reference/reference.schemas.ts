import { Type } from 'typebox';
import { SECTOR_CODES } from './sectors.ts';

const M49Code = Type.String({ pattern: '^[0-9]{3}$', description: 'Three-digit UN M49 code.' });

export const LocalizedTextSchema = Type.Object(
  {
    ar: Type.String(),
    zh: Type.String(),
    en: Type.String(),
    es: Type.String(),
    fr: Type.String(),
    ru: Type.String(),
  },
  { description: 'The same text in each of the six UN languages.' },
);

export const CountrySchema = Type.Object({
  code: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' }),
  alpha3: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code.' }),
  numericCode: Type.String({ pattern: '^[0-9]{3}$', description: 'ISO 3166-1 numeric code (the M49 code).' }),
  regionCode: Type.Union([M49Code, Type.Null()], { description: 'M49 region; null for Antarctica.' }),
  subregionCode: Type.Union([M49Code, Type.Null()], { description: 'M49 sub-region.' }),
  intermediateRegionCode: Type.Union([M49Code, Type.Null()], {
    description: 'M49 intermediate region, where M49 defines one.',
  }),
  names: LocalizedTextSchema,
});

export const RegionSchema = Type.Object({
  code: M49Code,
  level: Type.Union([Type.Literal('region'), Type.Literal('subregion'), Type.Literal('intermediate')]),
  parentCode: Type.Union([M49Code, Type.Null()], {
    description: 'The enclosing region; null at the top level.',
  }),
  names: LocalizedTextSchema,
});

export const StakeholderKindSchema = Type.Object({
  code: Type.String({ description: 'The organization kind, as organizations carry it.' }),
  names: LocalizedTextSchema,
  descriptions: LocalizedTextSchema,
});

export const TlpLabelSchema = Type.Object({
  label: Type.Union([
    Type.Literal('TLP:CLEAR'),
    Type.Literal('TLP:GREEN'),
    Type.Literal('TLP:AMBER'),
    Type.Literal('TLP:AMBER+STRICT'),
    Type.Literal('TLP:RED'),
  ]),
  stixId: Type.String({ description: 'STIX 2.1 marking-definition id of the TLP 2.0 marking.' }),
  colour: Type.String({ description: 'Hex colour, to be shown on a black background.' }),
  audience: Type.String({
    description: 'Who may receive the information (English; labels are never translated).',
  }),
  rank: Type.Integer({ minimum: 0, maximum: 4, description: '0 for TLP:CLEAR up to 4 for TLP:RED.' }),
});

export const LanguageSchema = Type.Object({
  code: Type.Union(
    [
      Type.Literal('ar'),
      Type.Literal('zh'),
      Type.Literal('en'),
      Type.Literal('es'),
      Type.Literal('fr'),
      Type.Literal('ru'),
    ],
    { description: 'BCP 47 language tag.' },
  ),
  name: Type.String({ description: 'The language’s name in itself.' }),
  direction: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
});

export const SectorSchema = Type.Object({
  code: Type.Union(
    SECTOR_CODES.map((code) => Type.Literal(code)),
    { description: 'The sector code, as points of contact and incidents carry it.' },
  ),
  labels: LocalizedTextSchema,
});

const listOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item) });

export const CountryList = listOf(CountrySchema);
export const RegionList = listOf(RegionSchema);
export const StakeholderKindList = listOf(StakeholderKindSchema);
export const TlpLabelList = listOf(TlpLabelSchema);
export const LanguageList = listOf(LanguageSchema);
export const SectorList = listOf(SectorSchema);
