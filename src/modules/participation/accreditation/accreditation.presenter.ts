import type { AccreditationApplicationsTable } from '../participation.tables.ts';
import type { AccreditationRoute, ApplicationStatus } from './accreditation.schemas.ts';

export interface OrgColumns {
  org_name: string;
  org_kind: string;
  org_country_code: string | null;
}

export function presentOrgRef(id: string, row: OrgColumns) {
  return { id, name: row.org_name, kind: row.org_kind, countryCode: row.org_country_code };
}

export function presentApplication(row: AccreditationApplicationsTable & OrgColumns) {
  return {
    id: row.id,
    processId: row.process_id,
    organization: presentOrgRef(row.org_id, row),
    route: row.route as AccreditationRoute,
    ecosocNumber: row.ecosoc_number,
    statement: row.statement,
    status: row.status as ApplicationStatus,
    circulationEndsAt: row.circulation_ends_at,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

export function presentObjection(row: {
  id: string;
  application_id: string;
  state_org_id: string;
  reason: string;
  created_at: string;
  org_name: string;
  org_kind: string;
  org_country_code: string | null;
}) {
  return {
    id: row.id,
    applicationId: row.application_id,
    state: presentOrgRef(row.state_org_id, row),
    reason: row.reason,
    createdAt: row.created_at,
  };
}
