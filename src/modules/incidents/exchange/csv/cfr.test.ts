import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CFR_ATTRIBUTOR_NAME, UNNAMED_RESPONDER } from './cfr.ts';
import { parseIncidentCsv } from './parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../test/fixtures/incidents/${name}`, import.meta.url), 'utf8');

describe('CFR Cyber Operations Tracker layout (fixture)', () => {
  const result = parseIncidentCsv(fixture('cfr-cyber-operations.csv'));
  const byTitle = (title: string) => result.incidents.find((incident) => incident.input.title === title);
  const problemsAt = (line: number) => result.problems.filter((problem) => problem.line === line);

  it('recognises the layout and imports every row with a title', () => {
    expect(result.layout).toBe('cfr');
    expect(result.incidents.map((incident) => incident.line)).toEqual([2, 4, 5, 6, 7, 8, 10]);
  });

  it('reads the sponsor as an attribution by the tracker, the affiliations as the actor and its aliases', () => {
    const incident = byTitle('Glass Harbor (fictional)');
    expect(incident?.input).toMatchObject({
      startedOn: '2019-03-14',
      types: ['espionage'],
      countries: ['JP'],
      // "Example Shipping Corp, Inc." stays one name although the cell splits at commas.
      victims: [
        {
          name: 'Example Shipping Corp, Inc.',
          kind: 'company',
          country: 'JP',
          isAnonymised: false,
          sector: null,
        },
      ],
      description:
        'A fictional espionage campaign against shipping firms, "targeting logistics data", run over months.\nSecond line of the description.',
    });
    expect(incident?.input.sources?.map((source) => source.url)).toEqual([
      'https://vendor.example/glass-harbor',
      'https://news.example/glass-harbor',
    ]);
    expect(incident?.attributions).toEqual([
      {
        attributedBy: { kind: 'civil_society', name: CFR_ATTRIBUTOR_NAME, country: null },
        attributedOn: '2019-03-14',
        basis: 'technical',
        actor: {
          name: 'Glass Harbor Team',
          kind: 'threat_actor',
          aliases: ['GH-12', 'Harbor Panda'],
          sponsorCountry: 'CN',
        },
        confidence: 'low',
        sources: incident?.input.sources,
        notes: expect.stringContaining('does not say who made the attribution'),
      },
    ]);
    expect(incident?.input.responses).toEqual([
      {
        kind: 'indictment',
        by: UNNAMED_RESPONDER,
        byCountry: null,
        respondedOn: null,
        description: 'Indictment',
        sources: [expect.objectContaining({ url: 'https://justice.example/glass-harbor-indictment' })],
      },
    ]);
    expect(problemsAt(2).map((problem) => `${problem.severity}:${problem.column}`)).toEqual([
      'warning:Response',
      'warning:Date',
    ]);
  });

  it('reads "Month D, YYYY" dates, UN-style sponsor names and names an actor after its sponsor', () => {
    const incident = byTitle('عملية الصحراء الرقمية (خيالية)');
    expect(incident?.input).toMatchObject({
      startedOn: '2020-06-02',
      types: ['wiper'],
      countries: ['SA'],
      sectors: [{ sector: 'public_administration', subSector: null }],
      description: '一次虚构的数据销毁行动，目标是政府网络。',
    });
    expect(incident?.attributions[0]?.actor).toEqual({
      name: 'Unidentified actor sponsored by Iran',
      kind: 'threat_actor',
      sponsorCountry: 'IR',
    });
  });

  it('keeps country names with commas whole in Victims and Sponsor', () => {
    const incident = byTitle('Lantern Vault heist (fictional)');
    expect(incident?.input.countries).toEqual(['KR']);
    expect(incident?.input.types).toEqual(['financial_theft']);
    expect(incident?.input.victims?.map((victim) => victim.name)).toEqual(['Bank of Example (fictional)']);
    expect(incident?.attributions.map((attribution) => attribution.actor.sponsorCountry)).toEqual(['KP']);
    expect(incident?.input.responses?.map((response) => response.kind)).toEqual(['sanction']);
  });

  it('makes one attribution per sponsor and reads a slashed date month first', () => {
    const incident = byTitle('Twin sponsors (fictional)');
    expect(incident?.input.startedOn).toBe('2016-10-06');
    expect(incident?.input.types).toEqual(['hack_and_leak', 'ddos']);
    expect(incident?.attributions.map((attribution) => attribution.actor.sponsorCountry)).toEqual([
      'US',
      'IL',
    ]);
    expect(incident?.input.sources).toHaveLength(3);
  });

  it('reports unknown types, categories, sponsors and impossible dates, and imports the rest', () => {
    const incident = byTitle('Unknown values (fictional)');
    expect(incident?.input).toMatchObject({ types: ['other'], startedOn: null });
    expect(incident?.attributions).toEqual([]);
    expect(problemsAt(6).map((problem) => `${problem.severity}:${problem.column}`)).toEqual([
      'error:Type',
      'warning:Type',
      'error:Date',
      'error:Category',
      'error:Sponsor',
    ]);
  });

  it('does not import an attribution it cannot date, nor a row without a title', () => {
    expect(byTitle('Sparse row (fictional)')?.attributions).toEqual([]);
    expect(problemsAt(7)).toContainEqual(expect.objectContaining({ column: 'Date', severity: 'error' }));
    expect(problemsAt(9)).toEqual([expect.objectContaining({ column: 'Title', severity: 'error' })]);
    expect(byTitle('Defaced rights site (fictional)')?.input).toMatchObject({
      startedOn: null,
      types: ['defacement'],
      victims: [{ name: 'Example Rights Watch (fictional)', kind: 'ngo' }],
    });
  });
});
