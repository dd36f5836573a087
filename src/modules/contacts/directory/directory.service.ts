import { type Actor, authorize } from '../../../core/access/index.ts';
import type { AppContext } from '../../../core/context.ts';
import { REGIONS } from '../../../core/reference/countries.ts';
import { POC_ROLES, type PocRole } from '../codes.ts';
import { daysBetween, type Freshness, freshnessOf } from '../freshness/validity.ts';
import { findEntryAges, findStateRoles, findVerifiedStates } from './directory.repository.ts';

const TOP_REGIONS = REGIONS.filter((region) => region.level === 'region').map((region) => region.code);

/**
 * Who has nominated, for everyone: verified States by name, which of the three roles each has filled,
 * and counts per UN M49 region. Never a contact's name, address or entry.
 */
export async function getCoverage(ctx: AppContext) {
  const [states, roles] = await Promise.all([findVerifiedStates(ctx.db), findStateRoles(ctx.db)]);
  const rolesByOrg = new Map<string, Set<string>>();
  for (const { org_id, role } of roles) {
    const held = rolesByOrg.get(org_id) ?? new Set<string>();
    held.add(role);
    rolesByOrg.set(org_id, held);
  }
  const regions = new Map(
    TOP_REGIONS.map((regionCode) => [regionCode, { regionCode, stateCount: 0, nominatedCount: 0 }]),
  );
  let nominated = 0;
  const items = states.map((state) => {
    const held = rolesByOrg.get(state.id) ?? new Set<string>();
    const hasNominated = held.size > 0;
    if (hasNominated) nominated++;
    const region = state.region_code ? regions.get(state.region_code) : undefined;
    if (region) {
      region.stateCount++;
      if (hasNominated) region.nominatedCount++;
    }
    return {
      countryCode: state.country_code,
      orgId: state.id,
      orgName: state.name,
      regionCode: state.region_code,
      hasNominated,
      roles: Object.fromEntries(POC_ROLES.map((role) => [role, held.has(role)])) as Record<PocRole, boolean>,
    };
  });
  return { states: items, regions: [...regions.values()], totals: { states: states.length, nominated } };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

interface Tally {
  fresh: number;
  expiring: number;
  stale: number;
  ages: number[];
}

const emptyTally = (): Tally => ({ fresh: 0, expiring: 0, stale: 0, ages: [] });

function presentTally(tally: Tally) {
  return {
    total: tally.fresh + tally.expiring + tally.stale,
    fresh: tally.fresh,
    expiring: tally.expiring,
    stale: tally.stale,
    medianDaysSinceConfirmation: median(tally.ages),
  };
}

/** How current the directory is, overall and per UN M49 region: for the verified community. */
export async function getFreshnessStats(ctx: AppContext, actor: Actor, now = new Date()) {
  authorize(actor, 'contact.search', { type: 'platform' });
  const rows = await findEntryAges(ctx.db);
  const overall = emptyTally();
  const byRegion = new Map<string | null, Tally>(TOP_REGIONS.map((code) => [code, emptyTally()]));
  for (const row of rows) {
    const state: Freshness = freshnessOf(row.valid_until, now);
    const age = Math.max(0, daysBetween(row.confirmed_at, now));
    const region = byRegion.get(row.region_code) ?? emptyTally();
    byRegion.set(row.region_code, region);
    for (const tally of [overall, region]) {
      tally[state]++;
      tally.ages.push(age);
    }
  }
  const summary = presentTally(overall);
  return {
    overall: summary,
    regions: [...byRegion.entries()].map(([regionCode, tally]) => ({ regionCode, ...presentTally(tally) })),
    medianDaysSinceConfirmation: summary.medianDaysSinceConfirmation,
  };
}
