import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { indexCodeLists, useCodeLabels, useUiLanguage } from '../../lib/localized.ts';
import { namesByCode, useCountryList, useRegionList } from '../../lib/reference.ts';
import { translateDynamic } from '../../lib/translate.ts';
import { Badge } from '../../ui/index.ts';
import { normLabelOf, SECTORS } from './codes.ts';

/** The groups of codes under incidents.codes.* in the catalogs. */
type CodeGroup =
  | 'types'
  | 'statuses'
  | 'editorialStates'
  | 'subSectors'
  | 'norms'
  | 'lawTopics'
  | 'bases'
  | 'confidence'
  | 'attributorKinds'
  | 'actorKinds'
  | 'responseKinds'
  | 'victimKinds'
  | 'impacts'
  | 'harm'
  | 'intensityTerms'
  | 'visibility'
  | 'visibilityHelp'
  | 'tlpMeanings'
  | 'correctionKinds'
  | 'fieldNames';

const SECTOR_INDEX = indexCodeLists({ sectors: SECTORS });

/**
 * Labels of every code the incident record speaks, in the reader's language: our catalogs for the record's
 * own vocabularies, the reference data for sectors, countries and regions. An unknown code shows as written.
 */
export function useIncidentLabels() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const sectorLabels = useCodeLabels(SECTOR_INDEX);
  const countries = useCountryList();
  const regions = useRegionList();
  return useMemo(() => {
    const countryNames = namesByCode(countries, language);
    const regionNames = namesByCode(regions, language);
    const code = (group: CodeGroup) => (value: string) =>
      translateDynamic(t, `incidents.codes.${group}.${value}`, `incidents.codes.${group}.${value}`, {
        defaultValue: value,
      });
    return {
      type: code('types'),
      status: code('statuses'),
      editorialState: code('editorialStates'),
      subSector: code('subSectors'),
      /** Our own short title of a norm; the citation is shown beside it. */
      normTitle: code('norms'),
      /** "13(f) Do not damage critical infrastructure". */
      norm: (value: string) => `${normLabelOf(value)} ${code('norms')(value)}`,
      lawTopic: code('lawTopics'),
      basis: code('bases'),
      confidence: code('confidence'),
      attributorKind: code('attributorKinds'),
      actorKind: code('actorKinds'),
      responseKind: code('responseKinds'),
      victimKind: code('victimKinds'),
      impact: code('impacts'),
      harm: code('harm'),
      intensityTerm: code('intensityTerms'),
      visibility: code('visibility'),
      visibilityHelp: code('visibilityHelp'),
      /** Who may read a record under this label ("TLP:AMBER"); the keys leave out the prefix, as ':' separates namespaces. */
      tlpMeaning: (label: string) => code('tlpMeanings')(label.replace(/^TLP:/, '')),
      correctionKind: code('correctionKinds'),
      /** A field of the record, as the corrections log names it. */
      fieldName: code('fieldNames'),
      sector: (value: string) => sectorLabels.label('sectors', value),
      country: (value: string) => countryNames.get(value) ?? value,
      region: (value: string) => regionNames.get(value) ?? value,
      /** Several labels as one phrase, with the language's own separators ("a, b and c"; "أ، ب و ج"). */
      list: (items: readonly string[]) =>
        new Intl.ListFormat(language, { type: 'conjunction' }).format(items),
      /** Countries sorted by their name in the reader's language, for pickers. */
      countryOptions: [...countryNames]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    };
  }, [t, language, sectorLabels, countries, regions]);
}

export type IncidentLabels = ReturnType<typeof useIncidentLabels>;

const STATE_TONES: Record<string, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'neutral',
  review: 'info',
  published: 'success',
  withdrawn: 'danger',
};

/** Where the record stands in the editorial workflow, in words (the colour only repeats them). */
export function EditorialStateBadge({ state }: { state: string }) {
  const labels = useIncidentLabels();
  return <Badge tone={STATE_TONES[state] ?? 'neutral'}>{labels.editorialState(state)}</Badge>;
}
