import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIncidentCsv } from './parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../test/fixtures/incidents/${name}`, import.meta.url), 'utf8');

describe('EuRepoC Global Dataset layout (fixture)', () => {
  const result = parseIncidentCsv(fixture('eurepoc-global.csv'));
  const byId = (id: string) => result.incidents.find((incident) => incident.sourceId === id);
  const problemsAt = (line: number) => result.problems.filter((problem) => problem.line === line);

  it('recognises the layout from the 1.3 header and imports every incident with a name', () => {
    expect(result.layout).toBe('eurepoc');
    expect(result.incidents.map((incident) => incident.sourceId)).toEqual([
      '9001',
      '9002',
      '9003',
      '9004',
      '9005',
      '9006',
    ]);
  });

  it('groups the rows of one incident id: receivers, countries, sectors, sources and attributions of both', () => {
    const incident = byId('9001');
    expect(incident?.line).toBe(2);
    expect(incident?.input).toMatchObject({
      title: 'Operation Paper Lantern (fictional)',
      startedOn: '2022-04-12',
      endedOn: '2022-06-30',
      status: 'ended',
      types: ['data_theft'],
      countries: ['DE', 'NL'],
      sectors: [
        { sector: 'public_administration', subSector: 'central_government' },
        { sector: 'transport', subSector: null },
      ],
      victims: [
        {
          name: 'Ministry of Coastal Affairs (fictional)',
          kind: 'government',
          country: 'DE',
          isAnonymised: false,
        },
        { name: 'Northsea Port Authority (fictional)', kind: 'company', country: 'NL', sector: 'transport' },
      ],
      lawQuestions: [{ topic: 'sovereignty', note: 'EuRepoC: Violation of sovereignty' }],
    });
    // The multi-line, quoted description survives whole.
    expect(incident?.input.description).toBe(
      'Fictional test incident: intruders read the mail of a coastal ministry, copied "several thousand" documents, and left.\nA second paragraph, with commas, semicolons; and a line break.',
    );
    expect(incident?.input.sources?.map((source) => source.url)).toEqual([
      'https://news.example/paper-lantern',
      'https://blog.example/2022/paper-lantern-analysis',
    ]);
    expect(incident?.input.responses).toEqual([
      {
        kind: 'statement',
        by: 'Foreign Office (fictional)',
        byCountry: 'DE',
        respondedOn: '2022-07-21',
        description: 'Political response (EuRepoC): Executive reactions — Summoning of the ambassador',
        sources: [],
      },
    ]);
  });

  it('maps each attribution: who attributed, on what basis, the actor and its sponsor State', () => {
    const [byGovernment, byCompany] = byId('9001')?.attributions ?? [];
    expect(byGovernment).toMatchObject({
      attributedBy: { kind: 'state', name: 'Federal Cyber Office (fictional)', country: 'DE' },
      attributedOn: '2022-07-20',
      basis: 'political',
      actor: { name: 'Paper Lantern Group', kind: 'threat_actor', sponsorCountry: 'CN' },
      confidence: 'medium',
      sources: [
        expect.objectContaining({
          url: 'https://gov.example/statements/paper-lantern',
          title: 'gov.example',
        }),
      ],
    });
    expect(byGovernment?.notes).toContain('EuRepoC attribution 70011.');
    expect(byCompany).toMatchObject({
      attributedBy: { kind: 'company', name: 'Example Threat Labs (fictional)', country: null },
      // Only the year was given: the first day of it, with a warning.
      attributedOn: '2022-01-01',
      basis: 'technical',
      confidence: 'low',
    });
    expect(problemsAt(4)).toContainEqual(
      expect.objectContaining({
        column: 'attribution_date',
        severity: 'warning',
        message: expect.stringContaining('Only the year'),
      }),
    );
  });

  it('keeps Arabic and Chinese text, reads ransomware and disruption, and keeps a non-USD loss in the notes', () => {
    const incident = byId('9002');
    expect(incident?.input.title).toBe('هجوم فدية على مرفق المياه (خيالي)');
    expect(incident?.input.description).toContain('勒索软件攻击导致供水系统中断');
    expect(incident?.input.types).toEqual(['ransomware', 'disruption']);
    expect(incident?.input.sectors).toEqual([{ sector: 'drinking_water', subSector: null }]);
    expect(incident?.input.impacts).toMatchObject({
      availability: { affected: true },
      economic: { affected: true, lossUsd: null },
    });
    expect(incident?.input.harm?.notes).toBe('Economic loss (EuRepoC): 250000 EUR');
    // An unknown initiator and nothing else: no attribution, and nothing to report.
    expect(incident?.attributions).toEqual([]);
    expect(problemsAt(5).map((problem) => problem.column)).toEqual(['economic_impact_currency']);
  });

  it('reports unknown values, impossible dates and regions by line and column, and still imports the row', () => {
    const incident = byId('9003');
    expect(incident?.input).toMatchObject({ startedOn: null, types: ['other'], countries: [] });
    expect(incident?.input.sources?.map((source) => source.url)).toEqual(['https://news.example/atlantis']);
    expect(incident?.attributions).toEqual([]);
    expect(problemsAt(7).map(({ column, severity }) => `${severity}:${column}`)).toEqual([
      'error:start_date',
      'error:incident_type',
      'warning:incident_type',
      'error:receiver_country',
      'warning:receiver_country',
      'error:receiver_category',
      'error:source_url',
      'error:attribution_date',
    ]);
  });

  it('imports a row of "Not available" cells as a bare record of type other', () => {
    expect(byId('9004')?.input).toMatchObject({
      title: 'Sparse incident (fictional)',
      types: ['other'],
      countries: [],
      victims: [],
      sources: [],
    });
    expect(problemsAt(8)).toEqual([
      expect.objectContaining({ severity: 'warning', column: 'incident_type' }),
    ]);
  });

  it('merges responses of repeated rows, reads country names with commas, and law topics with sub-codes', () => {
    const incident = byId('9005');
    expect(incident?.input.startedOn).toBe('2021-03-05');
    expect(incident?.input.types).toEqual(['other', 'data_theft', 'hack_and_leak']);
    expect(incident?.input.countries).toEqual(['KR']);
    expect(incident?.input.impacts).toMatchObject({
      confidentiality: { affected: true },
      integrity: { affected: true },
    });
    expect(
      incident?.input.responses?.map(({ kind, by, byCountry, respondedOn }) => ({
        kind,
        by,
        byCountry,
        respondedOn,
      })),
    ).toEqual([
      {
        kind: 'indictment',
        by: 'Department of Justice (fictional)',
        byCountry: 'US',
        respondedOn: '2021-09-14',
      },
      { kind: 'sanction', by: 'United Kingdom', byCountry: 'GB', respondedOn: '2021-10-02' },
    ]);
    expect(incident?.input.lawQuestions).toEqual([
      { topic: 'sovereignty', note: 'EuRepoC: Violation of sovereignty' },
      { topic: 'human_rights_law', note: 'EuRepoC: International human rights law — Right to privacy' },
    ]);
    expect(incident?.attributions).toEqual([
      expect.objectContaining({
        attributedBy: { kind: 'media', name: 'Example Daily (fictional)', country: null },
        attributedOn: '2021-05-03',
        actor: { name: 'Sandcastle Team', kind: 'threat_actor', sponsorCountry: 'IR' },
      }),
    ]);
  });

  it("does not turn an initiator's own claim into an attribution, and says so", () => {
    expect(byId('9006')?.attributions).toEqual([]);
    expect(problemsAt(11)).toEqual([
      expect.objectContaining({
        column: 'attribution_basis',
        severity: 'warning',
        message: expect.stringContaining('own claim'),
      }),
    ]);
    expect(byId('9006')?.input.sources?.map((source) => source.url)).toEqual([
      'https://news.example/grey-owl',
      'https://chan.example/claim',
    ]);
  });

  it('skips a row without a name and names the columns it does not import', () => {
    expect(problemsAt(12)).toEqual([
      expect.objectContaining({
        column: 'name',
        severity: 'error',
        message: expect.stringContaining('no name'),
      }),
    ]);
    const columns = result.problems.find((problem) => problem.line === 1);
    expect(columns?.message).toContain('mitre_initial_access');
    expect(columns?.message).toContain('weighted_intensity');
  });
});

describe('EuRepoC layout: other releases and the long format', () => {
  it("reads earlier column names, the wrapper's ID, and a repeated column under pandas' .1 suffix", () => {
    const csv = [
      'ID,name,start_date,incident_type,receiver_country,receiver_category,receiver_category_subcode,initiator_name,initiator_country,initiator_country.1,initiator_category,attribution_date,attribution_basis,attribution_it_company,sources_url',
      '17,Test incident,01.02.2020,Data theft,France,Critical infrastructure,Health,Cobalt Heron,,China,State,15.03.2020,IT-security community attributes attacker,Example Labs,https://news.example/17',
    ].join('\n');
    const result = parseIncidentCsv(csv);
    expect(result.layout).toBe('eurepoc');
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      sourceId: '17',
      input: { countries: ['FR'], sectors: [{ sector: 'health', subSector: null }], startedOn: '2020-02-01' },
      attributions: [
        {
          attributedBy: { kind: 'company', name: 'Example Labs', country: null },
          attributedOn: '2020-03-15',
          actor: { name: 'Cobalt Heron', sponsorCountry: 'CN' },
          sources: [expect.objectContaining({ url: 'https://news.example/17' })],
        },
      ],
    });
  });

  it('pairs attributions listed in one cell by position', () => {
    const csv = [
      'incident_id,name,incident_type,attribution_id,attribution_date,attribution_basis,attributing_country,initiator_name,initiator_country,initiator_category,attribution_source_url',
      '5,Two attributions,Disruption,1; 2,01.06.2021; 02.07.2021,Attribution by receiver government / state entity; Attribution by third-party government / state entity,Estonia; Lithuania,Blue Moth,Russia,State,https://gov.example/a',
    ].join('\n');
    const [incident] = parseIncidentCsv(csv).incidents;
    expect(incident?.attributions.map((a) => [a.attributedBy.country, a.attributedOn, a.actor.name])).toEqual(
      [
        ['EE', '2021-06-01', 'Blue Moth'],
        ['LT', '2021-07-02', 'Blue Moth'],
      ],
    );
  });

  it('reports an attribution made to nobody by name, but not an empty one', () => {
    const csv = [
      'incident_id,name,incident_type,attribution_date,attribution_basis,initiator_name,initiator_country,initiator_category,source_url',
      '8,Claimed to nobody,Disruption,01.06.2021,Media-based attribution,Not available,Unknown,Unknown,https://news.example/8',
      '9,Unattributed one,Disruption,Not available,Not available,Not attributed,Not attributed,Not attributed,https://news.example/9',
    ].join('\n');
    const result = parseIncidentCsv(csv);
    expect(result.incidents.map((incident) => incident.attributions)).toEqual([[], []]);
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 2, column: 'initiator_name', severity: 'warning' }),
    ]);
  });

  it('names an unnamed State initiator after its State, and refuses an attribution without a source', () => {
    const csv = [
      'incident_id,name,incident_type,attribution_date,attribution_basis,attributing_country,initiator_name,initiator_country,initiator_category,source_url',
      '6,With source,Disruption,01.06.2021,Attribution by receiver government / state entity,Poland,Not available,Belarus,State,https://news.example/6',
      '7,Without source,Disruption,01.06.2021,Attribution by receiver government / state entity,Poland,Not available,Belarus,State,',
    ].join('\n');
    const result = parseIncidentCsv(csv);
    expect(result.incidents[0]?.attributions[0]?.actor).toEqual({
      name: 'Unidentified actor sponsored by Belarus',
      kind: 'threat_actor',
      sponsorCountry: 'BY',
    });
    expect(result.incidents[1]?.attributions).toEqual([]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ line: 3, column: 'attribution_source_url', severity: 'error' }),
    );
  });
});
