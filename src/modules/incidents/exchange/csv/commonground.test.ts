import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { IncidentOut } from '../../incidents.schemas.ts';
import { attributionInputsOf, inputOf, richIncident, sparseIncident } from '../../stix/fixtures.ts';
import { COMMONGROUND_COLUMNS, incidentsToCsv } from './commonground.ts';
import { parseIncidentCsv } from './parse.ts';

/** A record that uses every field, with values the service accepts (valid codes, named victims). */
function fullIncident(): IncidentOut {
  const rich = richIncident();
  return richIncident({
    title: 'هجوم فدية على مستشفى جامعي — 大学医院勒索软件攻击',
    // Starts like a formula: the export guards it, the import takes the guard off.
    description: '-Encryption of hospital systems, "double extortion"; patient data published.\nSecond line.',
    victims: [
      rich.victims[0] as IncidentOut['victims'][number],
      { name: null, isAnonymised: true, kind: 'company', country: 'BE', sector: 'digital_infrastructure' },
      {
        name: 'Patients of the hospital',
        isAnonymised: false,
        kind: 'individuals',
        country: null,
        sector: null,
      },
    ],
    attributions: rich.attributions.map((attribution, index) => ({
      ...attribution,
      actor: { ...attribution.actor, sponsorCountry: index === 0 ? 'RU' : null },
    })),
    harm: { ...rich.harm, notes: '=SUM(A1:A2) is not a formula here' },
    visibility: 'registered',
  });
}

describe('incidentsToCsv', () => {
  it('writes RFC 4180 with CRLF, a byte order mark, our header, and guards formula-like cells', () => {
    const csv = incidentsToCsv([fullIncident()]);
    expect(csv.startsWith('\uFEFFid,organization,editorial_state,title,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parse(csv.slice(1), { record_delimiter: '\r\n' }) as string[][];
    expect(records[0]).toEqual([...COMMONGROUND_COLUMNS]);
    const row = Object.fromEntries((records[0] ?? []).map((column, index) => [column, records[1]?.[index]]));
    expect(row.description).toBe(
      `'-Encryption of hospital systems, "double extortion"; patient data published.\nSecond line.`,
    );
    expect(row.harm_notes).toBe(`'=SUM(A1:A2) is not a formula here`);
    expect(row.types).toBe('ransomware | data_theft | ddos');
    expect(row.sectors).toBe('health/hospitals | digital_infrastructure');
    expect(row.intensity_score).toBe(String(fullIncident().intensity.score));
    expect(JSON.parse(row.attributions ?? '')[0]).not.toHaveProperty('id');
  });

  it('leaves the byte order mark out on request', () => {
    expect(incidentsToCsv([], { byteOrderMark: false })).toBe(`${COMMONGROUND_COLUMNS.join(',')}\r\n`);
  });
});

describe('our layout: export, then import', () => {
  it('gives back every field of full and sparse records and their attributions, without problems', () => {
    const incidents = [fullIncident(), sparseIncident({ visibility: 'public' })];
    const result = parseIncidentCsv(incidentsToCsv(incidents));
    expect(result.problems).toEqual([]);
    expect(result.layout).toBe('commonground');
    expect(result.incidents.map((incident) => incident.input)).toEqual(incidents.map(inputOf));
    expect(result.incidents.map((incident) => incident.attributions)).toEqual(
      incidents.map(attributionInputsOf),
    );
    expect(result.incidents.map((incident) => incident.sourceId)).toEqual(
      incidents.map((incident) => incident.id),
    );
  });

  it("counts lines of multi-line cells: the second record starts after the first one's line breaks", () => {
    const result = parseIncidentCsv(incidentsToCsv([fullIncident(), sparseIncident()]));
    expect(result.incidents.map((incident) => incident.line)).toEqual([2, 4]);
  });
});

describe('our layout: files edited by hand', () => {
  const header = 'title,types,countries,sectors,victims,attributions,tlp,visibility,status,started_on';

  it('accepts country names and lower-case codes, TLP 1.0 WHITE, and reports what it cannot read', () => {
    const csv = [
      header,
      [
        'Edited',
        'ransomware | phishing',
        '"Germany | fr | Atlantis"',
        'health/hospitals | health/bakeries | aviation',
        '"[{""name"":""Clinic"",""isAnonymised"":false,""kind"":""hospital"",""country"":""XX""},{""name"":""Lab"",""isAnonymised"":false,""kind"":""hospital"",""country"":""DE""}]"',
        'not json',
        'white',
        'everyone',
        'finished',
        '01/03/2024',
      ].join(','),
    ].join('\n');
    const result = parseIncidentCsv(csv);
    const [incident] = result.incidents;
    expect(incident?.input).toMatchObject({
      title: 'Edited',
      types: ['ransomware'],
      countries: ['DE', 'FR'],
      sectors: [
        { sector: 'health', subSector: 'hospitals' },
        { sector: 'health', subSector: null },
      ],
      victims: [{ name: 'Lab', country: 'DE' }],
      tlp: 'TLP:CLEAR',
      startedOn: null,
    });
    expect(incident?.input).not.toHaveProperty('visibility');
    expect(incident?.input).not.toHaveProperty('status');
    expect(incident?.attributions).toEqual([]);
    expect(result.problems.map((problem) => `${problem.severity}:${problem.column}`)).toEqual([
      'error:types',
      'error:started_on',
      'error:status',
      'error:countries',
      'error:sectors',
      'error:sectors',
      'error:victims',
      'warning:tlp',
      'error:visibility',
      'error:attributions',
    ]);
  });

  it('refuses an attribution whose sponsor is not a country code, and keeps the incident', () => {
    const rich = richIncident({ victims: [] });
    const result = parseIncidentCsv(incidentsToCsv([rich]));
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.attributions).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        column: 'attributions',
        severity: 'error',
        message: expect.stringContaining('XX'),
      }),
      expect.objectContaining({
        column: 'attributions',
        severity: 'error',
        message: expect.stringContaining('YY'),
      }),
    ]);
  });

  it('reads JSON pasted from the API, output-only properties included', () => {
    const out = richIncident();
    const csv = [
      'title,types,norms,attributions',
      [
        'Pasted',
        'espionage',
        `"${JSON.stringify(out.norms).replaceAll('"', '""')}"`,
        `"${JSON.stringify([{ ...out.attributions[1], actor: { ...out.attributions[1]?.actor, sponsorCountry: 'CN' } }]).replaceAll('"', '""')}"`,
      ].join(','),
    ].join('\n');
    const result = parseIncidentCsv(csv);
    expect(result.problems).toEqual([]);
    expect(result.incidents[0]?.input.norms).toEqual(
      out.norms.map(({ code, rationale }) => ({ code, rationale })),
    );
    expect(result.incidents[0]?.attributions[0]?.actor).toEqual({
      name: 'Cluster 42',
      kind: 'intrusion_set',
      aliases: [],
      sponsorCountry: 'CN',
    });
  });
});
