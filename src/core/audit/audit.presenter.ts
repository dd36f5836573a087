import type { AuditEventsTable } from '../db/tables.ts';

export function presentAuditEvent(row: AuditEventsTable) {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    organizationId: row.org_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: row.summary,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
