import type { StatementsTable } from '../participation.tables.ts';
import type { StatementStatus } from './statements.schemas.ts';

type StatementRow = StatementsTable & { org_name: string; org_kind: string; org_country_code: string | null };

function presentBase(row: StatementRow) {
  return {
    id: row.id,
    processId: row.process_id,
    organization: {
      id: row.org_id,
      name: row.org_name,
      kind: row.org_kind,
      countryCode: row.org_country_code,
    },
    kind: row.kind as 'statement' | 'position_paper' | 'written_input',
    title: row.title,
    language: row.language,
    meetingLabel: row.meeting_label,
    agendaItem: row.agenda_item,
    meetingId: row.meeting_id ?? null,
    agendaItemId: row.agenda_item_id ?? null,
    format: row.format as 'pdf' | 'markdown',
    fileName: row.file_name,
    fileSize: row.file_size,
    fileSha256: row.file_sha256,
    status: row.status as StatementStatus,
    moderationNote: row.moderation_note,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

export function presentStatement(row: StatementRow) {
  return { ...presentBase(row), text: row.body_text };
}

export function presentStatementSummary(row: StatementRow) {
  const text = row.body_text.replace(/\s+/g, ' ').trim();
  return { ...presentBase(row), excerpt: text.length > 280 ? `${text.slice(0, 279)}…` : text };
}
