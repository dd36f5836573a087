import type { CsvRow } from './table.ts';

/**
 * The EuRepoC Global Dataset's columns: release 1.3 names, with the names earlier releases and the EuRepoC
 * API wrapper give the same columns.
 */

/** Columns that carry the same thing under a name of an earlier release or of the API wrapper. */
export const EUREPOC_ALIASES: Readonly<Record<string, readonly string[]>> = {
  incident_id: ['id'],
  receiver_subcategory: ['receiver_category_subcode'],
  initiator_subcategory: ['initiator_category_subcode'],
  attributing_company: ['attribution_it_company'],
  settled_initiator: ['settled_attribution', 'settled'],
  attribution_source_url: ['sources_attribution'],
  attribution_subtype: ['attribution_type_subcode'],
  political_response_subtype: ['political_response_type_subcode'],
  political_response_responding_country: ['political_response_country'],
  political_response_responding_actor: ['political_response_actor'],
  legal_response_subtype: ['legal_response_type_subcode'],
  legal_response_responding_country: ['legal_response_country', 'legal_action_country'],
  legal_response_responding_actor: ['legal_response_actor', 'legal_action_actor'],
  economic_impact_value: ['economic_impact_exact_value'],
  source_url: ['sources_url'],
};

/** Columns this layout maps to fields of the record. */
export const EUREPOC_READ_COLUMNS = [
  'incident_id',
  'name',
  'description',
  'start_date',
  'end_date',
  'incident_type',
  'operation_type',
  'receiver_name',
  'receiver_country',
  'receiver_country_alpha_2_code',
  'receiver_category',
  'receiver_subcategory',
  'initiator_name',
  'initiator_country',
  'initiator_alpha_2',
  'initiator_category',
  'initiator_subcategory',
  'attribution_id',
  'attribution_date',
  'attribution_type',
  'attribution_subtype',
  'attribution_basis',
  'attributing_actor',
  'attributing_company',
  'attributing_country',
  'settled_initiator',
  'attribution_source_url',
  'political_response_date',
  'political_response_type',
  'political_response_subtype',
  'political_response_responding_country',
  'political_response_responding_actor',
  'legal_response_date',
  'legal_response_type',
  'legal_response_subtype',
  'legal_response_responding_country',
  'legal_response_responding_actor',
  'has_disruption',
  'data_theft',
  'disruption',
  'hijacking',
  'physical_effects_spatial',
  'physical_effects_temporal',
  'economic_impact',
  'economic_impact_value',
  'economic_impact_currency',
  'il_breach_indicator',
  'il_breach_indicator_subcode',
  'casualties',
  'source_url',
] as const;

/** Columns of the dataset that the record has no field for: reported once per file when they hold values. */
export const EUREPOC_UNMAPPED_COLUMNS = [
  'added_to_db',
  'updated_at',
  'status',
  'inclusion_criterion',
  'inclusion_criterion_subcode',
  'inclusion_criteria',
  'inclusion_criteria_subcode',
  'source_disclosure',
  'source_incident_detection_disclosure',
  'receiver_regions',
  'receiver_region',
  'receiver_country_alpha_3_code',
  'number_attributions',
  'number_of_attributions',
  'number_political_responses',
  'number_of_political_responses',
  'number_legal_responses',
  'number_of_legal_responses',
  'cyber_conflict_issue',
  'offline_conflict_issue',
  'offline_conflict_issue_subcode',
  'offline_conflict_name',
  'offline_conflict_intensity',
  'offline_conflict_intensity_subcode',
  'zero_days',
  'zero_days_subcode',
  'mitre_initial_access',
  'mitre_impact',
  'user_interaction',
  'unweighted_intensity',
  'unweighted_cyber_intensity',
  'target_multiplier',
  'weighted_intensity',
  'weighted_cyber_intensity',
  'impact_indicator',
  'impact_indicator_value',
  'impact_indicator_score',
  'impact_indicator_label',
  'functional_impact',
  'intelligence_impact',
  'political_impact_affected_entities',
  'political_impact_affected_entities_exact_value',
  'political_impact_third_countries',
  'political_impact_third_countries_exact_value',
  'affected_entities',
  'affected_entities_value',
  'affected_eu_countries',
  'affected_eu_countries_value',
  'affected_third_countries',
  'affected_third_countries_value',
  'state_responsibility_indicator',
  'state_responsibility_actor',
  'evidence_for_sanctions_indicator',
  'legal_response_indicator',
  'response_indicator',
  'attribution_legal_reference',
  'attribution_legal_reference_subcode',
  'legal_attribution_reference',
  'legal_attribution_reference_subcode',
  'attribution_basis_clean',
  'attributed_initiator',
  'attributed_initiator_country',
  'attributed_initiator_category',
  'attribution_updated_at',
  'attribution_created_at',
  'link_incident_eurepoc',
  'sources_politicalization',
  'politicalization_source_url',
] as const;

export function isEurepocHeader(columns: readonly string[]): boolean {
  const has = (name: string) =>
    columns.includes(name) || (EUREPOC_ALIASES[name] ?? []).some((alias) => columns.includes(alias));
  return (
    has('incident_id') &&
    columns.includes('name') &&
    (has('receiver_country') || has('incident_type') || has('initiator_country'))
  );
}

/** Every column name this layout knows, its aliases included. */
export function eurepocKnownColumns(): Set<string> {
  const known = new Set<string>([...EUREPOC_READ_COLUMNS, ...EUREPOC_UNMAPPED_COLUMNS]);
  for (const aliases of Object.values(EUREPOC_ALIASES)) for (const alias of aliases) known.add(alias);
  return known;
}

/** A cell by its 1.3 name or an alias. */
export function cellOf(row: CsvRow, column: string): string | undefined {
  if (row.has(column)) return row.get(column);
  for (const alias of EUREPOC_ALIASES[column] ?? []) if (row.has(alias)) return row.get(alias);
  return undefined;
}
