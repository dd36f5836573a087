import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachDialect,
  openTestDatabase,
  type TestDatabase,
} from '../../../../test/harness/databases.ts';
import { A, ACTORS, B, U } from '../../../core/access/fixtures.ts';
import { can, readScope } from '../../../core/access/index.ts';
import { nowIso } from '../../../core/db/ids.ts';
import { findIncidentRows } from '../incidents.repository.ts';
import { incidentResource } from '../incidents.service.ts';
import { IncidentStatsIndex } from './stats-index.ts';

// A small deterministic generator, so a failure can be replayed.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)]!;

describeEachDialect('incident statistics index', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const now = nowIso();
    for (const [id, status] of [
      [A, 'verified'],
      [B, 'verified'],
      [U, 'unverified'],
    ] as const) {
      await database.db
        .insertInto('organizations')
        .values({
          id,
          name: id,
          kind: 'cert',
          country_code: null,
          website: null,
          description: null,
          verification_status: status,
          verification_note: null,
          verified_at: null,
          verified_by: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
  afterAll(() => database.destroy());

  let seq = 0;
  async function insertRandom(next: () => number, count: number) {
    const rows = [];
    for (let n = 0; n < count; n++) {
      seq++;
      const id = `inc_${String(seq).padStart(6, '0')}`;
      const startedOn =
        next() < 0.1
          ? null
          : `202${Math.floor(next() * 6)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
      rows.push({
        id,
        org_id: pick(next, [A, B, U]),
        title: id,
        description: '',
        started_on: startedOn,
        ended_on: null,
        status: 'ended',
        types: JSON.stringify([pick(next, ['ransomware', 'wiper', 'espionage'])]),
        countries: JSON.stringify(next() < 0.5 ? ['KE'] : ['FR', 'UA', 'KE']),
        sectors: JSON.stringify([{ sector: pick(next, ['health', 'energy']), subSector: null }]),
        victims: '[]',
        impacts: JSON.stringify({
          availability: { affected: false, durationHours: null },
          confidentiality: { affected: true, recordsExposed: 10 },
          integrity: { affected: false },
          physical: { affected: false, description: null },
          economic: { affected: false, lossUsd: null },
        }),
        harm: JSON.stringify({
          hospitalServicesDisrupted: 1,
          patientsRedirected: null,
          peopleDataLeaked: 5,
          essentialServicesLost: null,
          notes: null,
        }),
        responses: '[]',
        norms: JSON.stringify(next() < 0.5 ? [{ code: '13f', rationale: 'x' }] : []),
        law_questions: '[]',
        sources: '[]',
        intensity: Math.floor(next() * 11),
        tlp: pick(next, ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']),
        visibility: pick(next, ['public', 'registered', 'community', 'participants']),
        participant_org_ids: JSON.stringify(next() < 0.3 ? [B] : []),
        participant_user_ids: JSON.stringify(next() < 0.3 ? ['usr_p', 'usr_mem_a'] : []),
        editorial_state: pick(next, ['draft', 'review', 'published', 'published', 'published', 'withdrawn']),
        version: 1,
        submitted_by: null,
        submitted_at: null,
        published_at: null,
        first_attributed_on: startedOn && next() < 0.5 ? '2026-12-01' : null,
        actor_ids: JSON.stringify(next() < 0.5 ? ['act_1'] : []),
        created_by: null,
        created_at: nowIso(),
        updated_at: nowIso(),
        change_seq: seq,
        sort_key: `${startedOn ?? '0000-00-00'}|${id}`,
      });
    }
    await database.db.insertInto('incidents').values(rows).execute();
    // The side table the SQL filter reads named people and participant organizations from, as the service writes it.
    const participants = rows.flatMap((row) => [
      ...(JSON.parse(row.participant_org_ids) as string[]).map((id) => ({
        incident_id: row.id,
        kind: 'org',
        participant_id: id,
      })),
      ...(JSON.parse(row.participant_user_ids) as string[]).map((id) => ({
        incident_id: row.id,
        kind: 'user',
        participant_id: id,
      })),
    ]);
    for (let start = 0; start < participants.length; start += 200) {
      await database.db
        .insertInto('incident_participants')
        .values(participants.slice(start, start + 200))
        .execute();
    }
    await database.db.updateTable('incident_sequence').set({ last_seq: seq }).execute();
  }

  async function expectedFor(actorName: string) {
    const actor = ACTORS[actorName]!;
    const rows = await database.db
      .selectFrom('incidents')
      .selectAll()
      .where('editorial_state', '=', 'published')
      .execute();
    return rows.filter((row) => can(actor, 'incident.read', incidentResource(row)));
  }

  it('counts for each reader exactly the published incidents the policy lets them read, and follows changes', async () => {
    const next = random(42);
    await insertRandom(next, 400);
    const index = new IncidentStatsIndex();
    const check = async () => {
      await index.refresh(database.db);
      for (const actorName of Object.keys(ACTORS)) {
        const expected = await expectedFor(actorName);
        const statistics = index.compute(readScope(ACTORS[actorName]!), {
          interval: 'month',
          series: 'none',
        });
        expect(statistics.total, actorName).toBe(expected.length);
        const health = expected.filter((row) => row.sectors.includes('"health"')).length;
        expect(statistics.bySector.health ?? 0, actorName).toBe(health);
        const withNorm = expected.filter((row) => row.norms.includes('13f')).length;
        expect(statistics.byNorm['13f'] ?? 0, actorName).toBe(withNorm);
        expect(statistics.harm.hospitalServicesDisrupted, actorName).toBe(expected.length);
        // The list's facets count drafts and texts under review too, for their organization's members only.
        const everyState = index.compute(readScope(ACTORS[actorName]!), {
          interval: 'month',
          series: 'none',
          states: ['draft', 'review', 'published', 'withdrawn'],
        });
        const allRows = await database.db.selectFrom('incidents').selectAll().execute();
        expect(everyState.total, actorName).toBe(
          allRows.filter((row) => can(ACTORS[actorName]!, 'incident.read', incidentResource(row))).length,
        );
        const inFrance = index.compute(readScope(ACTORS[actorName]!), {
          interval: 'year',
          series: 'none',
          country: 'FR',
        });
        expect(inFrance.total, actorName).toBe(expected.filter((row) => row.countries.includes('FR')).length);
      }
    };
    await check();
    // Unpublish some, change the audience of others, add more: the index loads only what changed.
    const ids = (await database.db.selectFrom('incidents').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );
    for (const id of ids.slice(0, 60)) {
      seq++;
      await database.db
        .updateTable('incidents')
        .set({
          editorial_state: pick(next, ['withdrawn', 'published']),
          tlp: pick(next, ['TLP:CLEAR', 'TLP:RED']),
          change_seq: seq,
        })
        .where('id', '=', id)
        .execute();
    }
    await database.db.updateTable('incident_sequence').set({ last_seq: seq }).execute();
    await insertRandom(next, 100);
    await check();
  });

  it('selects in SQL exactly the incidents the policy lets each reader read', async () => {
    const rows = await database.db.selectFrom('incidents').selectAll().execute();
    expect(rows.length).toBeGreaterThan(400);
    for (const actorName of Object.keys(ACTORS)) {
      const actor = ACTORS[actorName]!;
      const selected = await findIncidentRows(database.db, { scope: readScope(actor), limit: 10_000 });
      const allowed = rows
        .filter((row) => can(actor, 'incident.read', incidentResource(row)))
        .map((row) => row.id);
      expect(selected.map((row) => row.id).sort(), actorName).toEqual(allowed.sort());
    }
  });

  it('builds time series, regions, actors and time to attribution', async () => {
    const index = new IncidentStatsIndex();
    await index.refresh(database.db);
    const statistics = index.compute(readScope(ACTORS.sys!), { interval: 'year', series: 'region' });
    const expected = (
      await database.db
        .selectFrom('incidents')
        .selectAll()
        .where('editorial_state', '=', 'published')
        .execute()
    ).filter((row) => row.tlp !== 'TLP:RED');
    expect(statistics.total).toBe(expected.length);
    // Every incident targets Kenya: Africa (002) counts them all; Europe (150) those that also target France or Ukraine.
    expect(statistics.byRegion['002']).toBe(expected.length);
    expect(statistics.byRegion['150']).toBe(expected.filter((row) => row.countries.includes('FR')).length);
    const dated = expected.filter((row) => row.started_on !== null);
    expect(statistics.undated).toBe(expected.length - dated.length);
    expect(statistics.series.reduce((sum, period) => sum + period.total, 0)).toBe(dated.length);
    for (const period of statistics.series) expect(period.values['002']).toBe(period.total);
    const attributed = dated.filter((row) => row.first_attributed_on !== null);
    expect(statistics.timeToAttribution.attributed).toBe(attributed.length);
    expect(Object.values(statistics.timeToAttribution.buckets).reduce((a, b) => a + b, 0)).toBe(
      attributed.length,
    );
    expect(statistics.byActor.act_1).toBe(expected.filter((row) => row.actor_ids.includes('act_1')).length);
    expect(statistics.byIntensity.reduce((a, b) => a + b, 0)).toBe(expected.length);
    const none = index.compute(readScope(ACTORS.sys!), {
      interval: 'month',
      series: 'none',
      actorId: 'act_unknown',
    });
    expect(none.total).toBe(0);
  });
});
