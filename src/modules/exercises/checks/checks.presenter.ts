import type { Static } from 'typebox';
import type { CommunicationChecksTable } from '../exercises.tables.ts';
import type { CheckDetail, CheckFilter, CheckSummary } from './checks.schemas.ts';

interface Stats {
  targetCount: number;
  acknowledgedCount: number;
  responseRate: number;
  medianSecondsToAcknowledge: number | null;
}

interface TargetRow {
  poc_id: string;
  poc_name: string;
  org_id: string;
  org_name: string;
  country_code: string | null;
  region_code: string | null;
  role: string;
  sent_at: string;
  acknowledged_at: string | null;
}

/** Whole seconds from the mail being queued to the click; a clock step backwards never shows as negative. */
export function secondsToAcknowledge(sentAt: string, acknowledgedAt: string): number {
  return Math.max(0, Math.round((Date.parse(acknowledgedAt) - Date.parse(sentAt)) / 1000));
}

/** The middle value, or the mean of the two middle ones; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `seconds` holds one entry per acknowledged target. */
export function statsOf(targetCount: number, seconds: readonly number[]): Stats {
  return {
    targetCount,
    acknowledgedCount: seconds.length,
    responseRate: targetCount === 0 ? 0 : seconds.length / targetCount,
    medianSecondsToAcknowledge: median(seconds),
  };
}

export function presentCheckSummary(
  row: CommunicationChecksTable,
  seconds: readonly number[],
  now = new Date(),
): Static<typeof CheckSummary> {
  return {
    id: row.id,
    createdAt: row.created_at,
    closesAt: row.closes_at,
    isOpen: row.closes_at > now.toISOString(),
    note: row.note,
    filter: JSON.parse(row.filter) as CheckFilter,
    ...statsOf(row.target_count, seconds),
  };
}

/** Ascending, with null (unknown) last; the same on both dialects, whose SQL sorts nulls differently. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** By region, country, organization, role and POC: how a results table reads. */
function compareTargets(a: TargetRow, b: TargetRow): number {
  return (
    compareNullable(a.region_code, b.region_code) ||
    compareNullable(a.country_code, b.country_code) ||
    compareNullable(a.org_name, b.org_name) ||
    compareNullable(a.role, b.role) ||
    compareNullable(a.poc_id, b.poc_id)
  );
}

/** Groups targets by a key and states each group, ordered by key with the unknown (null) last. */
function statsBy<K extends string | null>(targets: readonly TargetRow[], keyOf: (target: TargetRow) => K) {
  const groups = new Map<K, { count: number; seconds: number[] }>();
  for (const target of targets) {
    const key = keyOf(target);
    const group = groups.get(key) ?? { count: 0, seconds: [] };
    group.count++;
    if (target.acknowledged_at)
      group.seconds.push(secondsToAcknowledge(target.sent_at, target.acknowledged_at));
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a], [b]) => compareNullable(a, b))
    .map(([key, group]) => ({ key, ...statsOf(group.count, group.seconds) }));
}

export function presentCheckDetail(
  row: CommunicationChecksTable,
  targets: readonly TargetRow[],
  now = new Date(),
): Static<typeof CheckDetail> {
  const presented = [...targets].sort(compareTargets).map((target) => ({
    pocId: target.poc_id,
    pocName: target.poc_name,
    orgId: target.org_id,
    orgName: target.org_name,
    countryCode: target.country_code,
    regionCode: target.region_code,
    role: target.role,
    sentAt: target.sent_at,
    acknowledgedAt: target.acknowledged_at,
    secondsToAcknowledge: target.acknowledged_at
      ? secondsToAcknowledge(target.sent_at, target.acknowledged_at)
      : null,
  }));
  const seconds = presented.flatMap((target) =>
    target.secondsToAcknowledge === null ? [] : [target.secondsToAcknowledge],
  );
  return {
    ...presentCheckSummary(row, seconds, now),
    byRegion: statsBy(targets, (target) => target.region_code).map(({ key, ...stats }) => ({
      regionCode: key,
      ...stats,
    })),
    byRole: statsBy(targets, (target) => target.role).map(({ key, ...stats }) => ({ role: key, ...stats })),
    targets: presented,
    nonResponders: presented
      .filter((target) => target.acknowledgedAt === null)
      .map(({ acknowledgedAt: _a, secondsToAcknowledge: _s, ...target }) => target),
  };
}

/** One line per target, for a spreadsheet. */
export const RESULTS_CSV_HEADER = [
  'poc_id',
  'poc_name',
  'org_id',
  'org_name',
  'country_code',
  'region_code',
  'role',
  'sent_at',
  'acknowledged_at',
  'seconds_to_acknowledge',
] as const;

export function presentResultsCsvRows(detail: Static<typeof CheckDetail>) {
  return detail.targets.map((target) => [
    target.pocId,
    target.pocName,
    target.orgId,
    target.orgName,
    target.countryCode,
    target.regionCode,
    target.role,
    target.sentAt,
    target.acknowledgedAt,
    target.secondsToAcknowledge,
  ]);
}
