import { readFileSync } from 'node:fs';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { isCountryCode } from '../../../../core/reference/countries.ts';
import { isSubSectorOf } from '../../catalog.ts';
import { Attribution, CreateIncident } from '../../incidents.schemas.ts';
import { richIncident, sparseIncident } from '../../stix/fixtures.ts';
import { incidentsToCsv } from './commonground.ts';
import { type IncidentCsvResult, parseIncidentCsv } from './parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../test/fixtures/incidents/${name}`, import.meta.url), 'utf8');

const ImportedFields = Type.Omit(CreateIncident, ['orgId']);

describe('parseIncidentCsv: layouts', () => {
  it('detects each layout from its header, whatever the case, spacing or byte order mark', () => {
    expect(parseIncidentCsv('\uFEFF Incident_ID , NAME ,Receiver Country\n1,A,France\n').layout).toBe(
      'eurepoc',
    );
    expect(parseIncidentCsv('Title,Date,Sponsor,Victims\nA,1/2/2020,China,Japan\n').layout).toBe('cfr');
    expect(parseIncidentCsv('title,types\nA,espionage\n').layout).toBe('commonground');
  });

  it('imports nothing from a header it does not know, and says so', () => {
    const result = parseIncidentCsv('when,what,where\n2020,hack,Paris\n');
    expect(result).toEqual({
      layout: 'unknown',
      incidents: [],
      problems: [
        expect.objectContaining({
          line: 1,
          severity: 'error',
          message: expect.stringContaining('matches no layout'),
        }),
      ],
    });
  });

  it('refuses a forced layout whose columns the header lacks', () => {
    const result = parseIncidentCsv('title,types\nA,espionage\n', { layout: 'eurepoc' });
    expect(result.incidents).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, severity: 'error' })]);
  });

  it('reads a forced layout when the header allows it', () => {
    const result = parseIncidentCsv('Title,Type\nA,Espionage\n', { layout: 'cfr' });
    expect(result.layout).toBe('cfr');
    expect(result.incidents[0]?.input.types).toEqual(['espionage']);
  });

  it('names columns it does not recognise once per file', () => {
    const result = parseIncidentCsv('title,types,colour\nA,espionage,red\n');
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('colour') }),
    ]);
  });
});

describe('parseIncidentCsv: CSV itself', () => {
  it('counts lines the way an editor shows them, with CRLF, LF or CR line ends and blank lines', () => {
    for (const newline of ['\r\n', '\n', '\r']) {
      const text = ['title,types,description', 'A,espionage,"two', 'lines"', '', 'B,wiper,one'].join(newline);
      const result = parseIncidentCsv(text);
      expect(result.incidents.map((incident) => [incident.input.title, incident.line])).toEqual([
        ['A', 2],
        ['B', 5],
      ]);
      // Line ends inside a cell are read as "\n", whatever the file used.
      expect(result.incidents[0]?.input.description).toBe('two\nlines');
    }
  });

  it('reports a quote that is never closed and keeps the records before it', () => {
    const result = parseIncidentCsv('title,types\nA,espionage\n"B,wiper\nC,ddos\n');
    expect(result.incidents.map((incident) => incident.input.title)).toEqual(['A']);
    expect(result.problems).toContainEqual(expect.objectContaining({ severity: 'error' }));
  });

  it('reads stray quotes inside a cell as text, and warns about cells beyond the header', () => {
    const result = parseIncidentCsv('title,types\nThe "Big" one,espionage,extra\n');
    expect(result.incidents[0]?.input.title).toBe('The "Big" one');
    expect(result.problems).toEqual([expect.objectContaining({ line: 2, severity: 'warning' })]);
  });

  it('reads an empty file as no header', () => {
    expect(parseIncidentCsv('')).toEqual({
      layout: 'unknown',
      incidents: [],
      problems: [expect.objectContaining({ severity: 'error', message: 'The file has no header row.' })],
    });
  });
});

describe('parseIncidentCsv: every result is a valid new record', () => {
  const results: Array<[string, IncidentCsvResult]> = [
    ['EuRepoC fixture', parseIncidentCsv(fixture('eurepoc-global.csv'))],
    ['CFR fixture', parseIncidentCsv(fixture('cfr-cyber-operations.csv'))],
    ['our export', parseIncidentCsv(incidentsToCsv([richIncident({ victims: [] }), sparseIncident()]))],
  ];

  it.each(results)(
    '%s: inputs pass CreateIncident without orgId, attributions pass Attribution',
    (_, result) => {
      expect(result.incidents.length).toBeGreaterThan(0);
      for (const { input, attributions } of result.incidents) {
        expect([...Value.Errors(ImportedFields, input)]).toEqual([]);
        for (const attribution of attributions)
          expect([...Value.Errors(Attribution, attribution)]).toEqual([]);
      }
      // Nothing was refused by the last gate: the mappings build valid records themselves.
      expect(
        result.problems.filter((problem) =>
          problem.message.includes('could not be made into a valid record'),
        ),
      ).toEqual([]);
    },
  );

  it.each(results)(
    '%s: the service rules hold (codes, sub-sectors, victims, one norm and topic each)',
    (_, result) => {
      for (const { input, attributions } of result.incidents) {
        for (const code of input.countries ?? []) expect(isCountryCode(code)).toBe(true);
        for (const target of input.sectors ?? [])
          if (target.subSector) expect(isSubSectorOf(target.sector, target.subSector)).toBe(true);
        for (const victim of input.victims ?? []) {
          if (victim.country) expect(isCountryCode(victim.country)).toBe(true);
          expect(victim.isAnonymised || Boolean(victim.name?.trim())).toBe(true);
        }
        for (const response of input.responses ?? [])
          if (response.byCountry) expect(isCountryCode(response.byCountry)).toBe(true);
        const norms = (input.norms ?? []).map((norm) => norm.code);
        expect(new Set(norms).size).toBe(norms.length);
        const topics = (input.lawQuestions ?? []).map((question) => question.topic);
        expect(new Set(topics).size).toBe(topics.length);
        if (input.startedOn && input.endedOn) expect(input.endedOn >= input.startedOn).toBe(true);
        for (const attribution of attributions) {
          for (const code of [attribution.attributedBy.country, attribution.actor.sponsorCountry])
            if (code) expect(isCountryCode(code)).toBe(true);
          expect(attribution.sources.length).toBeGreaterThan(0);
        }
      }
    },
  );

  it('cuts text over a schema limit and warns, rather than losing the record', () => {
    const result = parseIncidentCsv(`title,types\n${'x'.repeat(301)},espionage\n`);
    expect(result.incidents[0]?.input.title).toHaveLength(300);
    expect(result.problems).toEqual([expect.objectContaining({ column: 'title', severity: 'warning' })]);
  });
});
