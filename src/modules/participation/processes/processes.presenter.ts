import type { ProcessesTable } from '../participation.tables.ts';
import type { PROCESS_STATUSES } from './processes.schemas.ts';

export function presentProcess(
  row: ProcessesTable & { accredited_count: number | string | null; group_count: number | string | null },
) {
  return {
    id: row.id,
    title: row.title,
    modalities: row.modalities,
    objectionPeriodDays: row.objection_period_days,
    status: row.status as (typeof PROCESS_STATUSES)[number],
    accreditedCount: Number(row.accredited_count ?? 0),
    groupCount: Number(row.group_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
