import type { AppContext } from '../../../core/context.ts';
import { toCsv } from '../../../core/http/csv.ts';
import { notFound } from '../../../core/http/errors.ts';
import { REGIONS } from '../../../core/reference/countries.ts';
import { getProcessRow } from '../processes/processes.service.ts';
import { type BucketCounts, countByDimension } from './transparency.repository.ts';

const regionNames = new Map(REGIONS.map((region) => [region.code, region.names.en]));

function bucket(key: string, label: string, counts: Omit<BucketCounts, 'key'> | undefined) {
  const c = counts ?? { contributions: 0, statements: 0, participants: 0, dispositioned: 0, incorporated: 0 };
  return {
    key,
    label,
    contributions: c.contributions,
    statements: c.statements,
    participants: c.participants,
    dispositioned: c.dispositioned,
    incorporated: c.incorporated,
    incorporatedShare:
      c.dispositioned > 0 ? Math.round((c.incorporated / c.dispositioned) * 1000) / 1000 : null,
  };
}

async function groupNames(ctx: AppContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .selectFrom('working_groups')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Who took part, and was it heard: contributions and participants by stakeholder kind, region,
 * group and month, with the share of dispositioned contributions that were incorporated.
 */
export async function getStatistics(ctx: AppContext, filters: { processId?: string; orgId?: string }) {
  if (filters.processId) await getProcessRow(ctx, filters.processId);
  const [total, kinds, regions, groups, months] = await Promise.all([
    countByDimension(ctx.db, 'total', filters),
    countByDimension(ctx.db, 'kind', filters),
    countByDimension(ctx.db, 'region', filters),
    countByDimension(ctx.db, 'group', filters),
    countByDimension(ctx.db, 'month', filters),
  ]);
  const names = await groupNames(
    ctx,
    groups.map((g) => g.key).filter((key): key is string => key !== null),
  );
  const byContributions = (a: { contributions: number; statements: number }, b: typeof a) =>
    b.contributions + b.statements - (a.contributions + a.statements);
  return {
    processId: filters.processId ?? null,
    generatedAt: new Date().toISOString(),
    totals: bucket('all', 'All', total[0]),
    byStakeholderKind: kinds
      .map((row) => bucket(row.key ?? 'unknown', row.key ?? 'unknown', row))
      .sort(byContributions),
    byRegion: regions
      .map((row) =>
        bucket(row.key ?? 'none', row.key ? (regionNames.get(row.key) ?? row.key) : 'No country', row),
      )
      .sort(byContributions),
    byGroup: groups
      .map((row) =>
        bucket(row.key ?? 'none', row.key ? (names.get(row.key) ?? row.key) : 'Not in a group', row),
      )
      .sort(byContributions),
    byMonth: months
      .filter((row) => row.key !== null)
      .map((row) => bucket(row.key!, row.key!, row))
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}

export function statisticsToCsv(stats: Awaited<ReturnType<typeof getStatistics>>): string {
  const dimensions: [string, ReturnType<typeof bucket>[]][] = [
    ['total', [stats.totals]],
    ['stakeholder_kind', stats.byStakeholderKind],
    ['region', stats.byRegion],
    ['group', stats.byGroup],
    ['month', stats.byMonth],
  ];
  return toCsv(
    [
      'dimension',
      'key',
      'label',
      'contributions',
      'statements',
      'participants',
      'dispositioned',
      'incorporated',
      'incorporated_share',
    ],
    dimensions.flatMap(([dimension, rows]) =>
      rows.map((row) => [
        dimension,
        row.key,
        row.label,
        row.contributions,
        row.statements,
        row.participants,
        row.dispositioned,
        row.incorporated,
        row.incorporatedShare,
      ]),
    ),
  );
}

/** A contributor's public record: its accreditations and what it contributed, and what became of it. */
export async function getContributor(ctx: AppContext, orgId: string) {
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'country_code', 'website', 'verification_status'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (org?.verification_status !== 'verified') throw notFound('Contributor');
  const [accreditations, totals] = await Promise.all([
    ctx.db
      .selectFrom('accreditation_applications')
      .innerJoin('processes', 'processes.id', 'accreditation_applications.process_id')
      .select([
        'processes.id as process_id',
        'processes.title',
        'accreditation_applications.route',
        'accreditation_applications.decided_at',
      ])
      .where('accreditation_applications.org_id', '=', orgId)
      .where('accreditation_applications.status', '=', 'accredited')
      .orderBy('accreditation_applications.decided_at', 'desc')
      .execute(),
    countByDimension(ctx.db, 'total', { orgId }),
  ]);
  return {
    organization: {
      id: org.id,
      name: org.name,
      kind: org.kind,
      countryCode: org.country_code,
      website: org.website,
    },
    accreditations: accreditations.map((row) => ({
      processId: row.process_id,
      processTitle: row.title,
      route: row.route,
      decidedAt: row.decided_at,
    })),
    totals: bucket('all', org.name, totals[0]),
  };
}
