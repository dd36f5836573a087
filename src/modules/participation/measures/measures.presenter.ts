import type { MeasureProposalsTable, MeasuresTable } from '../participation.tables.ts';
import type {
  IMPLEMENTATION_STATUSES,
  MEASURE_SOURCES,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
} from './measures.schemas.ts';

interface OrgColumns {
  org_name: string;
  org_kind: string;
  org_country_code: string | null;
}

export function presentMeasureSummary(
  row: MeasuresTable,
  norms: string[],
  counts: { planned: number; in_progress: number; implemented: number } | undefined,
) {
  return {
    id: row.id,
    key: row.key,
    source: row.source as (typeof MEASURE_SOURCES)[number],
    number: row.number,
    title: JSON.parse(row.title) as Record<string, string>,
    summary: JSON.parse(row.summary) as Record<string, string>,
    citation: row.citation,
    adopted: row.adopted,
    norms,
    implementationCounts: counts ?? { planned: 0, in_progress: 0, implemented: 0 },
  };
}

export function presentImplementation(
  row: { org_id: string; status: string; note: string; updated_at: string } & OrgColumns,
) {
  return {
    state: { id: row.org_id, name: row.org_name, kind: row.org_kind, countryCode: row.org_country_code },
    status: row.status as (typeof IMPLEMENTATION_STATUSES)[number],
    note: row.note,
    updatedAt: row.updated_at,
  };
}

export function presentProposal(row: MeasureProposalsTable & OrgColumns) {
  return {
    id: row.id,
    kind: row.kind as (typeof PROPOSAL_KINDS)[number],
    measureId: row.measure_id,
    organization: {
      id: row.org_id,
      name: row.org_name,
      kind: row.org_kind,
      countryCode: row.org_country_code,
    },
    title: row.title,
    body: row.body,
    url: row.url,
    norms: JSON.parse(row.norms) as string[],
    language: row.language,
    status: row.status as (typeof PROPOSAL_STATUSES)[number],
    moderationNote: row.moderation_note,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}
