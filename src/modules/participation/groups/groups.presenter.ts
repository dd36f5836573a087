import type { WorkingGroupsTable } from '../participation.tables.ts';

export function presentGroup(
  row: WorkingGroupsTable & { member_count: number | string | null },
  chairs: { user_id: string; display_name: string }[],
) {
  return {
    id: row.id,
    processId: row.process_id,
    name: row.name,
    mandate: row.mandate,
    chairs: chairs.map((chair) => ({ userId: chair.user_id, displayName: chair.display_name })),
    memberCount: Number(row.member_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentGroupMember(row: {
  org_id: string;
  org_name: string;
  org_kind: string;
  org_country_code: string | null;
  joined_at: string;
}) {
  return {
    organization: {
      id: row.org_id,
      name: row.org_name,
      kind: row.org_kind,
      countryCode: row.org_country_code,
    },
    joinedAt: row.joined_at,
  };
}
