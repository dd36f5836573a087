import type { Static } from 'typebox';
import { Type } from 'typebox';
import { type Actor, authorize } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { AppError } from '../../../core/http/errors.ts';
import { getReadableProgram } from '../programs/programs.service.ts';

/**
 * Public transparency figures per program, aggregate only: reports received, how fast they were
 * acknowledged, how long until a fix or an advisory, and how the SSVC triage decided. A State program may add
 * its vulnerabilities-equities counts per period. Nothing here identifies a report or a vulnerability.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RecordEquities = Type.Object(
  {
    period: Type.String({
      pattern: '^\\d{4}(-(H[12]|Q[1-4]))?$',
      description: 'A year (2026), half (2026-H1) or quarter (2026-Q1).',
    }),
    disclosedCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    retainedCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    note: Type.Optional(Type.String({ maxLength: 2_000 })),
  },
  { additionalProperties: false },
);

export const ProgramStatistics = Type.Object({
  programId: Type.String(),
  reportsReceived: Type.Integer(),
  reportsByYear: Type.Record(Type.String(), Type.Integer()),
  acknowledged: Type.Integer(),
  medianHoursToAcknowledge: Type.Union([Type.Number(), Type.Null()]),
  acknowledgedWithinTarget: Type.Integer(),
  resolved: Type.Integer(),
  medianDaysToFixOrAdvisory: Type.Union([Type.Number(), Type.Null()]),
  advisoriesPublished: Type.Integer(),
  ssvcTriageOutcomes: Type.Record(Type.String(), Type.Integer()),
  closeReasons: Type.Record(Type.String(), Type.Integer()),
  equities: Type.Array(
    Type.Object({
      period: Type.String(),
      disclosed: Type.Integer(),
      retained: Type.Integer(),
      note: Type.String(),
    }),
  ),
});

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export async function getProgramStatistics(ctx: AppContext, actor: Actor, programId: string) {
  const program = await getReadableProgram(ctx, actor, programId);
  const reports = await ctx.db
    .selectFrom('vulnerability_reports as r')
    .leftJoin('disclosure_cases as c', 'c.report_id', 'r.id')
    .leftJoin('disclosure_advisories as a', 'a.case_id', 'c.id')
    .select((eb) => [
      'r.id',
      'r.created_at',
      'r.acknowledged_at',
      'r.close_reason',
      'a.published_at',
      eb
        .selectFrom('disclosure_case_products as p')
        .select((inner) => inner.fn.min('p.updated_at').as('first_fix'))
        .whereRef('p.case_id', '=', 'c.id')
        .where('p.status', '=', 'fixed')
        .as('first_fix_at'),
      eb
        .selectFrom('disclosure_ssvc_decisions as d')
        .select('d.outcome')
        .whereRef('d.report_id', '=', 'r.id')
        .where('d.kind', '=', 'triage')
        .orderBy('d.id', 'desc')
        .limit(1)
        .as('triage_outcome'),
    ])
    .where('r.program_id', '=', programId)
    .execute();
  const byYear: Record<string, number> = {};
  const closeReasons: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const toAcknowledge: number[] = [];
  const toResolution: number[] = [];
  let withinTarget = 0;
  let advisories = 0;
  for (const report of reports) {
    const created = Date.parse(report.created_at);
    const year = report.created_at.slice(0, 4);
    byYear[year] = (byYear[year] ?? 0) + 1;
    if (report.close_reason) closeReasons[report.close_reason] = (closeReasons[report.close_reason] ?? 0) + 1;
    if (report.triage_outcome) outcomes[report.triage_outcome] = (outcomes[report.triage_outcome] ?? 0) + 1;
    if (report.acknowledged_at) {
      const hours = (Date.parse(report.acknowledged_at) - created) / HOUR;
      toAcknowledge.push(hours);
      if (hours <= program.acknowledge_days * 24) withinTarget += 1;
    }
    if (report.published_at) advisories += 1;
    const resolvedAt = [report.published_at, report.first_fix_at]
      .filter((value): value is string => typeof value === 'string')
      .map(Date.parse)
      .sort((a, b) => a - b)[0];
    if (resolvedAt !== undefined) toResolution.push((resolvedAt - created) / DAY);
  }
  const equities = await ctx.db
    .selectFrom('disclosure_equities')
    .select(['period', 'disclosed_count', 'retained_count', 'note'])
    .where('program_id', '=', programId)
    .orderBy('period', 'desc')
    .execute();
  return {
    programId,
    reportsReceived: reports.length,
    reportsByYear: byYear,
    acknowledged: toAcknowledge.length,
    medianHoursToAcknowledge: round1(median(toAcknowledge)),
    acknowledgedWithinTarget: withinTarget,
    resolved: toResolution.length,
    medianDaysToFixOrAdvisory: round1(median(toResolution)),
    advisoriesPublished: advisories,
    ssvcTriageOutcomes: outcomes,
    closeReasons,
    equities: equities.map((row) => ({
      period: row.period,
      disclosed: row.disclosed_count,
      retained: row.retained_count,
      note: row.note,
    })),
  };
}

/** Records (or corrects) a State program's equities figures for a period. */
export async function recordEquities(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  input: Static<typeof RecordEquities>,
) {
  const program = await getReadableProgram(ctx, actor, programId);
  authorize(actor, 'disclosure.program.manage', {
    type: 'organization',
    id: program.org_id,
    verificationStatus: program.org_verification_status as 'verified',
  });
  if (program.org_kind !== 'state') {
    throw new AppError(
      422,
      'not_a_state_program',
      'Vulnerabilities-equities figures belong to State programs.',
    );
  }
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('disclosure_equities')
      .values({
        id: newId('veq'),
        program_id: programId,
        period: input.period,
        disclosed_count: input.disclosedCount,
        retained_count: input.retainedCount,
        note: input.note ?? '',
        recorded_by: actor.type === 'user' ? actor.userId : '',
        recorded_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['program_id', 'period']).doUpdateSet({
          disclosed_count: input.disclosedCount,
          retained_count: input.retainedCount,
          note: input.note ?? '',
          recorded_by: actor.type === 'user' ? actor.userId : '',
          recorded_at: now,
        }),
      )
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: program.org_id,
      action: 'disclosure_program.equities_recorded',
      subjectType: 'disclosure_program',
      subjectId: programId,
      summary: `Equities ${input.period}: ${input.disclosedCount} disclosed, ${input.retainedCount} retained`,
    });
  });
  return getProgramStatistics(ctx, actor, programId);
}
