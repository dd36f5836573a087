import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.ts';

export type Dimension = 'kind' | 'region' | 'group' | 'month' | 'total';

export interface BucketCounts {
  key: string | null;
  contributions: number;
  statements: number;
  participants: number;
  dispositioned: number;
  incorporated: number;
}

/**
 * Counts per bucket of one dimension, in two grouped queries (consultation contributions and
 * published statements) plus one for distinct participants across both.
 */
export async function countByDimension(
  db: Db,
  dimension: Dimension,
  filters: { processId?: string; orgId?: string },
): Promise<BucketCounts[]> {
  // Each row of either kind reduced to: bucket key, organization, and its disposition.
  const contributionRows = db
    .selectFrom('contributions')
    .innerJoin('drafts', 'drafts.id', 'contributions.draft_id')
    .innerJoin('organizations', 'organizations.id', 'contributions.org_id')
    .leftJoin('countries', 'countries.code', 'organizations.country_code')
    .select([
      bucketExpression(dimension, 'contributions.created_at', 'drafts.group_id').as('bucket'),
      'contributions.org_id as org_id',
      sql<number>`1`.as('is_contribution'),
      sql<number>`case when contributions.disposition is not null then 1 else 0 end`.as('is_dispositioned'),
      sql<number>`case when contributions.disposition in ('incorporated', 'partly_incorporated') then 1 else 0 end`.as(
        'is_incorporated',
      ),
    ])
    .$if(filters.processId !== undefined, (q) => q.where('drafts.process_id', '=', filters.processId!))
    .$if(filters.orgId !== undefined, (q) => q.where('contributions.org_id', '=', filters.orgId!));
  const statementRows = db
    .selectFrom('statements')
    .innerJoin('organizations', 'organizations.id', 'statements.org_id')
    .leftJoin('countries', 'countries.code', 'organizations.country_code')
    .select([
      bucketExpression(dimension, 'statements.published_at', sql.lit(null)).as('bucket'),
      'statements.org_id as org_id',
      sql<number>`0`.as('is_contribution'),
      sql<number>`0`.as('is_dispositioned'),
      sql<number>`0`.as('is_incorporated'),
    ])
    .where('statements.status', '=', 'published')
    .$if(filters.processId !== undefined, (q) => q.where('statements.process_id', '=', filters.processId!))
    .$if(filters.orgId !== undefined, (q) => q.where('statements.org_id', '=', filters.orgId!));
  const rows = await db
    .selectFrom(contributionRows.unionAll(statementRows).as('entries'))
    .select([
      'entries.bucket as key',
      (eb) => eb.fn.sum<number>('entries.is_contribution').as('contributions'),
      (eb) => sql<number>`count(*) - ${eb.fn.sum<number>('entries.is_contribution')}`.as('statements'),
      (eb) => eb.fn.count<number>('entries.org_id').distinct().as('participants'),
      (eb) => eb.fn.sum<number>('entries.is_dispositioned').as('dispositioned'),
      (eb) => eb.fn.sum<number>('entries.is_incorporated').as('incorporated'),
    ])
    .groupBy('entries.bucket')
    .execute();
  return rows.map((row) => ({
    key: row.key === null ? null : String(row.key),
    contributions: Number(row.contributions ?? 0),
    statements: Number(row.statements ?? 0),
    participants: Number(row.participants ?? 0),
    dispositioned: Number(row.dispositioned ?? 0),
    incorporated: Number(row.incorporated ?? 0),
  }));
}

// biome-ignore lint/suspicious/noExplicitAny: a column reference or literal of either query above
function bucketExpression(dimension: Dimension, timestamp: string, groupColumn: any) {
  switch (dimension) {
    case 'kind':
      return sql<string>`organizations.kind`;
    case 'region':
      return sql<string | null>`countries.region_code`;
    case 'group':
      return sql<string | null>`${typeof groupColumn === 'string' ? sql.ref(groupColumn) : groupColumn}`;
    case 'month':
      return sql<string>`substr(${sql.ref(timestamp)}, 1, 7)`;
    case 'total':
      return sql<string>`'all'`;
  }
}
