import type { ConsultationsTable, ContributionsTable } from '../participation.tables.ts';
import type { ContributionKind, Disposition } from './consultations.schemas.ts';

export function consultationStatus(
  row: { opens_at: string; closes_at: string },
  now = new Date().toISOString(),
) {
  if (now < row.opens_at) return 'scheduled' as const;
  if (now < row.closes_at) return 'open' as const;
  return 'closed' as const;
}

export function presentConsultation(
  row: ConsultationsTable & {
    draft_title: string;
    process_id: string;
    group_id: string | null;
    contribution_count: number | string | null;
    disposition_count: number | string | null;
  },
) {
  return {
    id: row.id,
    draftId: row.draft_id,
    draftTitle: row.draft_title,
    processId: row.process_id,
    groupId: row.group_id,
    revisionNumber: row.revision_number,
    title: row.title,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    status: consultationStatus(row),
    contributionCount: Number(row.contribution_count ?? 0),
    dispositionCount: Number(row.disposition_count ?? 0),
    createdAt: row.created_at,
  };
}

export type ContributionRow = ContributionsTable & {
  org_name: string;
  org_kind: string;
  org_country_code: string | null;
  author_name: string;
};

export function presentContribution(row: ContributionRow) {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    draftId: row.draft_id,
    kind: row.kind as ContributionKind,
    paragraphKey: row.block_key,
    paragraphNumber: row.paragraph_number,
    revisionNumber: row.revision_number,
    body: row.body,
    proposedText: row.proposed_text,
    organization: {
      id: row.org_id,
      name: row.org_name,
      kind: row.org_kind,
      countryCode: row.org_country_code,
    },
    author: { displayName: row.author_name },
    createdAt: row.created_at,
    disposition:
      row.disposition && row.disposed_at
        ? {
            outcome: row.disposition as Disposition,
            reason: row.disposition_reason ?? '',
            decidedAt: row.disposed_at,
          }
        : null,
  };
}
