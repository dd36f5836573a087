import type { Kysely } from 'kysely';
import type { ReadScope } from '../../../core/access/index.ts';
import type { Database } from '../../../core/db/tables.ts';
import { COUNTRIES } from '../../../core/reference/countries.ts';
import { SECTOR_CODES } from '../../../core/reference/sectors.ts';
import { EDITORIAL_STATES, INCIDENT_TYPES, NORM_CODES } from '../catalog.ts';

/*
 * Statistics over many published incidents, each reader seeing only what they may read, must answer in well
 * under a second: aggregating a million rows in SQL for every dashboard request does not. So each process
 * keeps a columnar copy of the few fields statistics need, one slot per incident in typed arrays (statistics
 * count the published ones; the incident list's facets count the states it shows),
 * and scans it per request (tens of milliseconds for a million). The copy follows the database through the
 * shared change sequence: each request first reads the sequence and loads only the rows changed since, so
 * several processes on one PostgreSQL stay exact. Rows are loaded in commit order because the sequence row
 * is locked until each writing transaction commits.
 *
 * A slot's audience is reduced to one class, the narrower of its visibility and its TLP label (audiences are
 * nested, see core/access/audience.ts):
 *   0 everyone · 1 signed-in users · 2 the verified community · 3 involved organizations and named people
 *   · 4 named people only (TLP:RED)
 * plus, where it matters, the owner and participant organizations and the named people. The
 * property test in stats-index.test.ts checks the scan against `can(actor, 'incident.read', …)`.
 */

const STATE_CODES = new Map<string, number>(EDITORIAL_STATES.map((state, index) => [state, index]));
const PUBLISHED = STATE_CODES.get('published')!;
const WITHDRAWN = STATE_CODES.get('withdrawn')!;
const TYPE_BIT = new Map<string, number>(INCIDENT_TYPES.map((code, index) => [code, index]));
const NORM_BIT = new Map<string, number>(NORM_CODES.map((code, index) => [code, index]));
const SECTOR_BIT = new Map<string, number>(SECTOR_CODES.map((code, index) => [code, index]));
const REGION_OF_COUNTRY = new Map(COUNTRIES.map((country) => [country.code, country.regionCode]));
const VISIBILITY_CLASS: Record<string, number> = { public: 0, registered: 1, community: 2, participants: 3 };
const TLP_CLASS: Record<string, number> = {
  'TLP:CLEAR': 0,
  'TLP:GREEN': 2,
  'TLP:AMBER': 3,
  'TLP:AMBER+STRICT': 3,
  'TLP:RED': 4,
};
/** Days to attribution are counted exactly up to ten years; longer waits share the last cell. */
const MAX_DAYS = 3650;
const LOAD_BATCH = 20_000;

export const SERIES_DIMENSIONS = ['none', 'type', 'sector', 'country', 'region', 'norm', 'actor'] as const;
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];

export interface StatisticsFilter {
  type?: string;
  sector?: string;
  country?: string;
  region?: string;
  norm?: string;
  actorId?: string;
  orgId?: string;
  /** YYYY-MM-DD, inclusive, on the start date; incidents with no start date are left out of a dated range. */
  from?: string;
  to?: string;
  /** Editorial states to count; statistics count published incidents only (the default). */
  states?: readonly string[];
  /** Only these incidents (a full-text match), when set. */
  ids?: readonly string[];
  interval: 'month' | 'year';
  series: SeriesDimension;
}

export interface Statistics {
  total: number;
  byType: Record<string, number>;
  bySector: Record<string, number>;
  byCountry: Record<string, number>;
  byRegion: Record<string, number>;
  byNorm: Record<string, number>;
  /** Actor id → incidents attributed to it (any attribution). */
  byActor: Record<string, number>;
  byIntensity: number[];
  undated: number;
  series: Array<{ period: string; total: number; values: Record<string, number> }>;
  timeToAttribution: {
    attributed: number;
    medianDays: number | null;
    p25Days: number | null;
    p75Days: number | null;
    buckets: Record<string, number>;
  };
  harm: {
    hospitalServicesDisrupted: number;
    patientsRedirected: number;
    peopleDataLeaked: number;
    essentialServicesLost: number;
    recordsExposed: number;
    economicLossUsd: number;
    incidentsWithHarmToPeople: number;
  };
}

interface Involvement {
  orgs: number[];
  users: string[];
}

const HARM_FIELDS = [
  'hospitalServicesDisrupted',
  'patientsRedirected',
  'peopleDataLeaked',
  'essentialServicesLost',
] as const;

function growTyped<T extends Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array>(
  array: T,
  size: number,
): T {
  const next = new (array.constructor as new (length: number) => T)(size);
  next.set(array);
  return next;
}

function monthIndex(date: string | null): number {
  if (!date) return -1;
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export class IncidentStatsIndex {
  private capacity = 0;
  private size = 0;
  private loadedSeq = 0;
  private refreshing: Promise<void> | null = null;
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly countryIds = new Map<string, number>();
  private readonly countryCodes: string[] = [];
  private readonly actorIds = new Map<string, number>();
  private readonly actorCodes: string[] = [];
  private readonly orgIds = new Map<string, number>();
  private readonly involvement = new Map<number, Involvement>();
  private readonly extraCountries = new Map<number, number[]>();
  private readonly extraActors = new Map<number, number[]>();

  private alive = new Uint8Array(0);
  /** An index into EDITORIAL_STATES. */
  private state = new Uint8Array(0);
  private audience = new Uint8Array(0);
  private month = new Int32Array(0);
  private typeBits = new Uint16Array(0);
  private normBits = new Uint16Array(0);
  private sectorBits = new Uint32Array(0);
  private country1 = new Int32Array(0);
  private country2 = new Int32Array(0);
  private actor1 = new Int32Array(0);
  private owner = new Int32Array(0);
  private attributionDays = new Int32Array(0);
  private intensity = new Uint8Array(0);
  private harm = new Float64Array(0);

  /** Incidents currently held, in every editorial state. */
  get count(): number {
    return this.slotOf.size;
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.capacity) return;
    const size = Math.max(1024, this.capacity * 2, slots);
    this.alive = growTyped(this.alive, size);
    this.state = growTyped(this.state, size);
    this.audience = growTyped(this.audience, size);
    this.month = growTyped(this.month, size);
    this.typeBits = growTyped(this.typeBits, size);
    this.normBits = growTyped(this.normBits, size);
    this.sectorBits = growTyped(this.sectorBits, size);
    this.country1 = growTyped(this.country1, size);
    this.country2 = growTyped(this.country2, size);
    this.actor1 = growTyped(this.actor1, size);
    this.owner = growTyped(this.owner, size);
    this.attributionDays = growTyped(this.attributionDays, size);
    this.intensity = growTyped(this.intensity, size);
    this.harm = growTyped(this.harm, size * 6);
    this.capacity = size;
  }

  private intern(map: Map<string, number>, list: string[] | null, key: string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
      list?.push(key);
    }
    return id;
  }

  /** Loads what changed since the last call; concurrent callers share one load. */
  async refresh(db: Kysely<Database>): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.refreshing = this.load(db).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async load(db: Kysely<Database>): Promise<void> {
    const head = await db
      .selectFrom('incident_sequence')
      .select('last_seq')
      .where('id', '=', 1)
      .executeTakeFirst();
    const target = Number(head?.last_seq ?? 0);
    while (this.loadedSeq < target) {
      const rows = await db
        .selectFrom('incidents')
        .select([
          'id',
          'org_id',
          'editorial_state',
          'tlp',
          'visibility',
          'started_on',
          'types',
          'countries',
          'sectors',
          'norms',
          'participant_org_ids',
          'participant_user_ids',
          'harm',
          'impacts',
          'intensity',
          'first_attributed_on',
          'actor_ids',
          'change_seq',
        ])
        .where('change_seq', '>', this.loadedSeq)
        .where('change_seq', '<=', target)
        .orderBy('change_seq')
        .limit(LOAD_BATCH)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) this.apply(row);
      this.loadedSeq = Number(rows[rows.length - 1]!.change_seq);
    }
    this.loadedSeq = Math.max(this.loadedSeq, target);
  }

  private apply(row: {
    id: string;
    org_id: string;
    editorial_state: string;
    tlp: string;
    visibility: string;
    started_on: string | null;
    types: string;
    countries: string;
    sectors: string;
    norms: string;
    participant_org_ids: string;
    participant_user_ids: string;
    harm: string;
    impacts: string;
    intensity: number;
    first_attributed_on: string | null;
    actor_ids: string;
  }): void {
    let slot = this.slotOf.get(row.id);
    const state = STATE_CODES.get(row.editorial_state);
    if (state === undefined) {
      if (slot !== undefined) this.release(row.id, slot);
      return;
    }
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.size++;
      this.ensureCapacity(slot + 1);
      this.slotOf.set(row.id, slot);
    }
    this.extraCountries.delete(slot);
    this.extraActors.delete(slot);
    this.involvement.delete(slot);
    this.alive[slot] = 1;
    this.state[slot] = state;
    this.audience[slot] = Math.max(VISIBILITY_CLASS[row.visibility] ?? 3, TLP_CLASS[row.tlp] ?? 4);
    this.month[slot] = monthIndex(row.started_on);
    let bits = 0;
    for (const type of JSON.parse(row.types) as string[]) bits |= 1 << (TYPE_BIT.get(type) ?? 0);
    this.typeBits[slot] = bits;
    bits = 0;
    for (const norm of JSON.parse(row.norms) as Array<{ code: string }>)
      bits |= 1 << (NORM_BIT.get(norm.code) ?? 0);
    this.normBits[slot] = bits;
    bits = 0;
    for (const target of JSON.parse(row.sectors) as Array<{ sector: string }>)
      bits |= 1 << (SECTOR_BIT.get(target.sector) ?? 0);
    this.sectorBits[slot] = bits >>> 0;
    const countries = (JSON.parse(row.countries) as string[]).map((code) =>
      this.intern(this.countryIds, this.countryCodes, code),
    );
    this.country1[slot] = countries[0] ?? -1;
    this.country2[slot] = countries[1] ?? -1;
    if (countries.length > 2) this.extraCountries.set(slot, countries.slice(2));
    const actors = (JSON.parse(row.actor_ids) as string[]).map((id) =>
      this.intern(this.actorIds, this.actorCodes, id),
    );
    this.actor1[slot] = actors[0] ?? -1;
    if (actors.length > 1) this.extraActors.set(slot, actors.slice(1));
    this.owner[slot] = this.intern(this.orgIds, null, row.org_id);
    const participantOrgs = JSON.parse(row.participant_org_ids) as string[];
    const participantUsers = JSON.parse(row.participant_user_ids) as string[];
    if (participantOrgs.length > 0 || participantUsers.length > 0) {
      this.involvement.set(slot, {
        orgs: participantOrgs.map((id) => this.intern(this.orgIds, null, id)),
        users: participantUsers,
      });
    }
    this.attributionDays[slot] =
      row.started_on && row.first_attributed_on
        ? Math.min(MAX_DAYS, Math.max(0, daysBetween(row.started_on, row.first_attributed_on)))
        : -1;
    this.intensity[slot] = row.intensity;
    const harm = JSON.parse(row.harm) as Record<string, number | null>;
    const impacts = JSON.parse(row.impacts) as {
      confidentiality: { recordsExposed: number | null };
      economic: { lossUsd: number | null };
    };
    const base = slot * 6;
    HARM_FIELDS.forEach((field, index) => {
      this.harm[base + index] = harm[field] ?? 0;
    });
    this.harm[base + 4] = impacts.confidentiality.recordsExposed ?? 0;
    this.harm[base + 5] = impacts.economic.lossUsd ?? 0;
  }

  private release(id: string, slot: number): void {
    this.alive[slot] = 0;
    this.slotOf.delete(id);
    this.extraCountries.delete(slot);
    this.extraActors.delete(slot);
    this.involvement.delete(slot);
    this.freeSlots.push(slot);
  }

  /** The statistics over the published incidents the reader may read and the filter selects. */
  compute(scope: ReadScope, filter: StatisticsFilter): Statistics {
    const level = scope.isSystem ? 3 : scope.isCommunity ? 2 : scope.isSignedIn ? 1 : 0;
    const readerOrgs = new Set<number>();
    for (const orgId of scope.orgIds) {
      const id = this.orgIds.get(orgId);
      if (id !== undefined) readerOrgs.add(id);
    }
    const isInvolvedOrg = (slot: number): boolean => {
      if (readerOrgs.has(this.owner[slot]!)) return true;
      const involvement = this.involvement.get(slot);
      return involvement?.orgs.some((org) => readerOrgs.has(org)) === true;
    };
    const isNamed = (slot: number): boolean => {
      if (scope.userId === undefined) return false;
      const involvement = this.involvement.get(slot);
      if (!involvement?.users.includes(scope.userId)) return false;
      return scope.orgScoped !== true || isInvolvedOrg(slot);
    };
    const isReadable = (slot: number): boolean => {
      const state = this.state[slot]!;
      // Drafts and texts under review: the owner organization's members only (core/access, incident.read).
      if (state !== PUBLISHED && state !== WITHDRAWN && !readerOrgs.has(this.owner[slot]!)) return false;
      const audience = this.audience[slot]!;
      if (scope.isSystem) return audience < 4;
      if (audience <= level) return true;
      if (audience === 4) return isNamed(slot);
      return isInvolvedOrg(slot) || isNamed(slot);
    };

    const unknownFilter = (map: Map<string, number>, key: string | undefined) =>
      key !== undefined && !map.has(key);
    const typeMask = filter.type ? 1 << (TYPE_BIT.get(filter.type) ?? 31) : 0;
    const normMask = filter.norm ? 1 << (NORM_BIT.get(filter.norm) ?? 31) : 0;
    const sectorMask = filter.sector ? (1 << (SECTOR_BIT.get(filter.sector) ?? 31)) >>> 0 : 0;
    const countryFilter = filter.country ? (this.countryIds.get(filter.country) ?? -2) : -1;
    const actorFilter = filter.actorId ? (this.actorIds.get(filter.actorId) ?? -2) : -1;
    const orgFilter = filter.orgId ? (this.orgIds.get(filter.orgId) ?? -2) : -1;
    const fromMonth = filter.from ? monthIndex(filter.from) : Number.NEGATIVE_INFINITY;
    const toMonth = filter.to ? monthIndex(filter.to) : Number.POSITIVE_INFINITY;
    const isDated = filter.from !== undefined || filter.to !== undefined;
    const nothing =
      unknownFilter(this.countryIds, filter.country) || unknownFilter(this.actorIds, filter.actorId);

    // Regions as small integers, so counting them allocates nothing per incident.
    const regionCodes: string[] = [];
    const regionOf = new Int32Array(this.countryCodes.length).fill(-1);
    this.countryCodes.forEach((code, country) => {
      const region = REGION_OF_COUNTRY.get(code);
      if (!region) return;
      let id = regionCodes.indexOf(region);
      if (id < 0) id = regionCodes.push(region) - 1;
      regionOf[country] = id;
    });
    const regionFilter = filter.region === undefined ? -1 : regionCodes.indexOf(filter.region);
    const isNothing = nothing || (filter.region !== undefined && regionFilter < 0);

    const typeCounts = new Float64Array(INCIDENT_TYPES.length);
    const normCounts = new Float64Array(NORM_CODES.length);
    const sectorCounts = new Float64Array(SECTOR_CODES.length);
    const countryCounts = new Float64Array(this.countryCodes.length);
    const actorCounts = new Float64Array(this.actorCodes.length);
    const regionCounts = new Float64Array(regionCodes.length);
    const regionSeenAt = new Int32Array(regionCodes.length).fill(-1);
    const byIntensity = new Array<number>(11).fill(0);
    const dayHistogram = new Uint32Array(MAX_DAYS + 1);
    const harmTotals = new Float64Array(6);
    const seriesByPeriod = new Map<number, { total: number; values: Map<string, number> }>();
    let total = 0;
    let undated = 0;
    let attributed = 0;
    let withHarmToPeople = 0;

    // Hot loop: locals instead of property reads, bit tricks instead of per-incident arrays.
    const { alive, typeBits, normBits, sectorBits, country1, country2, actor1, owner, intensity, harm } =
      this;
    const monthOf = this.month;
    const stateOf = this.state;
    const attributionDays = this.attributionDays;
    const extraCountries = this.extraCountries;
    const extraActors = this.extraActors;
    const hasCountry = (slot: number, country: number) =>
      country1[slot] === country ||
      country2[slot] === country ||
      extraCountries.get(slot)?.includes(country) === true;
    const hasRegion = (slot: number, region: number) =>
      (country1[slot]! >= 0 && regionOf[country1[slot]!] === region) ||
      (country2[slot]! >= 0 && regionOf[country2[slot]!] === region) ||
      extraCountries.get(slot)?.some((country) => regionOf[country] === region) === true;
    const countCountry = (slot: number, country: number) => {
      countryCounts[country]!++;
      const region = regionOf[country]!;
      if (region >= 0 && regionSeenAt[region] !== slot) {
        regionSeenAt[region] = slot;
        regionCounts[region]!++;
      }
    };

    // A text match names its incidents: visit only their slots instead of every one.
    const slots = filter.ids?.flatMap((id) => this.slotOf.get(id) ?? []);
    let stateMask = 0;
    for (const name of filter.states ?? ['published']) stateMask |= 1 << (STATE_CODES.get(name) ?? 31);
    const end = isNothing ? 0 : slots ? slots.length : this.size;
    for (let position = 0; position < end; position++) {
      const slot = slots ? slots[position]! : position;
      if (alive[slot] === 0 || (stateMask & (1 << stateOf[slot]!)) === 0) continue;
      const types = typeBits[slot]!;
      if (typeMask !== 0 && (types & typeMask) === 0) continue;
      const norms = normBits[slot]!;
      if (normMask !== 0 && (norms & normMask) === 0) continue;
      const sectors = sectorBits[slot]!;
      if (sectorMask !== 0 && (sectors & sectorMask) >>> 0 === 0) continue;
      const month = monthOf[slot]!;
      if (isDated && (month < 0 || month < fromMonth || month > toMonth)) continue;
      if (orgFilter !== -1 && owner[slot] !== orgFilter) continue;
      if (countryFilter !== -1 && !hasCountry(slot, countryFilter)) continue;
      if (actorFilter !== -1 && actor1[slot] !== actorFilter && !extraActors.get(slot)?.includes(actorFilter))
        continue;
      if (regionFilter !== -1 && !hasRegion(slot, regionFilter)) continue;
      if (!isReadable(slot)) continue;

      total++;
      for (let bits = types; bits !== 0; bits &= bits - 1) typeCounts[31 - Math.clz32(bits & -bits)]!++;
      for (let bits = norms; bits !== 0; bits &= bits - 1) normCounts[31 - Math.clz32(bits & -bits)]!++;
      for (let bits = sectors; bits !== 0; bits &= bits - 1) sectorCounts[31 - Math.clz32(bits & -bits)]!++;
      if (country1[slot]! >= 0) countCountry(slot, country1[slot]!);
      if (country2[slot]! >= 0) countCountry(slot, country2[slot]!);
      const moreCountries = extraCountries.get(slot);
      if (moreCountries) for (const country of moreCountries) countCountry(slot, country);
      if (actor1[slot]! >= 0) actorCounts[actor1[slot]!]!++;
      const moreActors = extraActors.get(slot);
      if (moreActors) for (const actor of moreActors) actorCounts[actor]!++;
      byIntensity[intensity[slot]! > 10 ? 10 : intensity[slot]!]!++;
      const days = attributionDays[slot]!;
      if (days >= 0) {
        attributed++;
        dayHistogram[days]!++;
      }
      const base = slot * 6;
      harmTotals[0]! += harm[base]!;
      harmTotals[1]! += harm[base + 1]!;
      harmTotals[2]! += harm[base + 2]!;
      harmTotals[3]! += harm[base + 3]!;
      harmTotals[4]! += harm[base + 4]!;
      harmTotals[5]! += harm[base + 5]!;
      if (harm[base]! > 0 || harm[base + 1]! > 0 || harm[base + 3]! > 0) withHarmToPeople++;

      if (month < 0) {
        undated++;
        continue;
      }
      const period = filter.interval === 'year' ? Math.floor(month / 12) : month;
      let entry = seriesByPeriod.get(period);
      if (!entry) {
        entry = { total: 0, values: new Map() };
        seriesByPeriod.set(period, entry);
      }
      entry.total++;
      if (filter.series !== 'none') {
        for (const key of this.seriesKeys(filter.series, slot, regionCodes, regionOf)) {
          entry.values.set(key, (entry.values.get(key) ?? 0) + 1);
        }
      }
    }

    const percentile = (fraction: number): number | null => {
      if (attributed === 0) return null;
      const rank = Math.max(1, Math.ceil(fraction * attributed));
      let seen = 0;
      for (let day = 0; day <= MAX_DAYS; day++) {
        seen += dayHistogram[day]!;
        if (seen >= rank) return day;
      }
      return MAX_DAYS;
    };
    const bucket = (from: number, to: number) => {
      let sum = 0;
      for (let day = from; day <= Math.min(to, MAX_DAYS); day++) sum += dayHistogram[day]!;
      return sum;
    };
    const nonZero = (codes: readonly string[], counts: Float64Array) => {
      const result: Record<string, number> = {};
      codes.forEach((code, index) => {
        if (counts[index]! > 0) result[code] = counts[index]!;
      });
      return result;
    };

    return {
      total,
      byType: nonZero(INCIDENT_TYPES, typeCounts),
      bySector: nonZero(SECTOR_CODES, sectorCounts),
      byCountry: nonZero(this.countryCodes, countryCounts),
      byRegion: Object.fromEntries(
        regionCodes
          .map((code, id) => [code, regionCounts[id]!] as const)
          .filter(([, count]) => count > 0)
          .sort(),
      ),
      byNorm: nonZero(NORM_CODES, normCounts),
      byActor: nonZero(this.actorCodes, actorCounts),
      byIntensity,
      undated,
      series: [...seriesByPeriod.entries()]
        .sort(([a], [b]) => a - b)
        .map(([period, entry]) => ({
          period:
            filter.interval === 'year'
              ? String(period)
              : `${Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, '0')}`,
          total: entry.total,
          values: Object.fromEntries(entry.values),
        })),
      timeToAttribution: {
        attributed,
        medianDays: percentile(0.5),
        p25Days: percentile(0.25),
        p75Days: percentile(0.75),
        buckets: {
          '0-7': bucket(0, 7),
          '8-30': bucket(8, 30),
          '31-90': bucket(31, 90),
          '91-365': bucket(91, 365),
          '366+': bucket(366, MAX_DAYS),
        },
      },
      harm: {
        hospitalServicesDisrupted: harmTotals[0]!,
        patientsRedirected: harmTotals[1]!,
        peopleDataLeaked: harmTotals[2]!,
        essentialServicesLost: harmTotals[3]!,
        recordsExposed: harmTotals[4]!,
        economicLossUsd: harmTotals[5]!,
        incidentsWithHarmToPeople: withHarmToPeople,
      },
    };
  }

  private countriesOf(slot: number): number[] {
    const list: number[] = [];
    if (this.country1[slot]! >= 0) list.push(this.country1[slot]!);
    if (this.country2[slot]! >= 0) list.push(this.country2[slot]!);
    const extra = this.extraCountries.get(slot);
    if (extra) list.push(...extra);
    return list;
  }

  private seriesKeys(
    dimension: SeriesDimension,
    slot: number,
    regionCodes: string[],
    regionOf: Int32Array,
  ): string[] {
    switch (dimension) {
      case 'none':
        return [];
      case 'type':
        return INCIDENT_TYPES.filter((_, bit) => this.typeBits[slot]! & (1 << bit));
      case 'norm':
        return NORM_CODES.filter((_, bit) => this.normBits[slot]! & (1 << bit));
      case 'sector':
        return SECTOR_CODES.filter((_, bit) => (this.sectorBits[slot]! >>> bit) & 1);
      case 'country':
        return this.countriesOf(slot).map((country) => this.countryCodes[country]!);
      case 'region':
        return [
          ...new Set(
            this.countriesOf(slot).flatMap((country) =>
              regionOf[country]! >= 0 ? [regionCodes[regionOf[country]!]!] : [],
            ),
          ),
        ];
      case 'actor': {
        const actors =
          this.actor1[slot]! >= 0 ? [this.actor1[slot]!, ...(this.extraActors.get(slot) ?? [])] : [];
        return actors.map((actor) => this.actorCodes[actor]!);
      }
    }
  }
}

const INDEXES = new WeakMap<object, IncidentStatsIndex>();

/** The index of one database handle (each test app and each process has its own). */
export function statsIndexFor(db: Kysely<Database>): IncidentStatsIndex {
  let index = INDEXES.get(db);
  if (!index) {
    index = new IncidentStatsIndex();
    INDEXES.set(db, index);
  }
  return index;
}
