import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildCsafDocument, type CsafDocument } from './document.ts';
import { csafInvalidProblem } from './errors.ts';
import type { AdvisoryInput, CsafProfile } from './model.ts';
import { largeAdvisory, richAdvisory } from './test-fixtures.ts';
import { csafTestIds, validateCsaf } from './validate.ts';

const PROFILES: CsafProfile[] = ['security_advisory', 'vex'];

function build(input: AdvisoryInput, profile: CsafProfile = 'vex'): CsafDocument {
  return buildCsafDocument(input, profile);
}

async function failingTests(document: unknown): Promise<string[]> {
  const result = await validateCsaf(document);
  expect(result.isValid).toBe(false);
  return [...new Set(result.errors.map((error) => error.test))];
}

describe('validateCsaf on built documents', () => {
  for (const profile of PROFILES) {
    it(`passes the schema and every mandatory test for a rich ${profile}`, async () => {
      const result = await validateCsaf(build(richAdvisory(), profile));
      expect(result.errors).toEqual([]);
      expect(result.isValid).toBe(true);
      // Keys are written in alphabetical order (section 5.3) and the canonical URL is present.
      expect(result.warnings.filter((warning) => ['6.2.11', '6.2.13'].includes(warning.test))).toEqual([]);
      // What is left are honest remarks about the input: a range without vers, products without helpers…
      expect(new Set(result.warnings.map((warning) => warning.test))).toEqual(
        new Set(['6.2.2', '6.2.16', '6.2.18']),
      );
      expect(result.infos).toContainEqual({
        test: '6.3.3',
        instancePath: '/vulnerabilities/1',
        message: 'missing CVE',
      });
    });

    it(`passes for 1,000 products across 20 vendors (${profile})`, async () => {
      const result = await validateCsaf(build(largeAdvisory(20, 50), profile));
      expect(result.errors).toEqual([]);
      expect(result.isValid).toBe(true);
    });
  }

  it('passes for every TLP label and for a draft at version 0', async () => {
    for (const tlp of ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const) {
      const result = await validateCsaf(build({ ...richAdvisory(), tlp }));
      expect(result.errors, tlp).toEqual([]);
    }
    const draft: AdvisoryInput = {
      ...richAdvisory(),
      status: 'draft',
      revisions: [{ number: '0', date: '2026-02-25T09:00:00.000Z', summary: 'Draft for the vendors.' }],
      currentReleaseDate: '2026-02-25T09:00:00.000Z',
      initialReleaseDate: '2026-02-25T09:00:00.000Z',
    };
    expect((await validateCsaf(build(draft))).errors).toEqual([]);
  });
});

describe('validateCsaf on broken documents', () => {
  it('VEX: a not-affected product without justification or impact statement fails 6.1.27.9', async () => {
    const input = richAdvisory();
    delete input.vulnerabilities[0]!.products[3]!.justification;
    expect(await failingTests(build(input, 'vex'))).toEqual(['6.1.27.9']);
    // The security advisory profile does not ask for it.
    expect((await validateCsaf(build(input, 'security_advisory'))).isValid).toBe(true);
  });

  it('VEX: an affected product without an action statement fails 6.1.27.10', async () => {
    const input = richAdvisory();
    delete input.vulnerabilities[0]!.products[0]!.remediation;
    expect(await failingTests(build(input, 'vex'))).toEqual(['6.1.27.10']);
  });

  it('VEX: a vulnerability with neither CVE nor ids fails 6.1.27.8', async () => {
    const input = richAdvisory();
    delete input.vulnerabilities[1]!.ids;
    expect(await failingTests(build(input, 'vex'))).toEqual(['6.1.27.8']);
  });

  it('a base score or severity that does not match its vector fails 6.1.9', async () => {
    const score = richAdvisory();
    score.vulnerabilities[0]!.cvss!.v3!.baseScore = 7.5;
    expect(await failingTests(build(score))).toEqual(['6.1.9']);
    const severity = richAdvisory();
    severity.vulnerabilities[0]!.cvss!.v3!.baseSeverity = 'LOW';
    expect(await failingTests(build(severity))).toContain('6.1.9');
  });

  it('a CWE name that is not the catalogue name fails 6.1.11', async () => {
    const input = richAdvisory();
    input.vulnerabilities[0]!.cwe = { id: 'CWE-787', name: 'Buffer overflow' };
    expect(await failingTests(build(input))).toEqual(['6.1.11']);
  });

  it('an invalid language tag fails 6.1.12', async () => {
    expect(await failingTests(build({ ...richAdvisory(), lang: 'en-0123456789' }))).toEqual([
      'schema',
      '6.1.12',
    ]);
  });

  it('a final document with a revision 0 fails 6.1.18; a gap in the revisions fails 6.1.21', async () => {
    const zero = richAdvisory();
    zero.revisions.push({ number: '0', date: '2026-02-01T00:00:00.000Z', summary: 'Draft.' });
    expect(await failingTests(build(zero))).toEqual(['6.1.18']);
    const gap = richAdvisory();
    gap.revisions[0]!.number = '3';
    expect(await failingTests(build(gap))).toEqual(['6.1.21']);
  });

  it('hand-edited documents: an unknown product id fails 6.1.1, contradicting statuses 6.1.6, a wrong version 6.1.16', async () => {
    const unknown = structuredClone(build(richAdvisory()));
    unknown.vulnerabilities[0]!.product_status.fixed!.push('CSAFPID-9999');
    expect(await failingTests(unknown)).toEqual(['6.1.1']);

    const contradicting = structuredClone(build(richAdvisory()));
    contradicting.vulnerabilities[0]!.product_status.fixed!.push('CSAFPID-0001');
    expect(await failingTests(contradicting)).toEqual(['6.1.6']);

    const version = structuredClone(build(richAdvisory()));
    version.document.tracking.version = '1';
    expect(await failingTests(version)).toEqual(['6.1.16']);
  });

  it('the strict schema refuses unknown properties and names them', async () => {
    const document = structuredClone(build(richAdvisory())) as CsafDocument & {
      document: { color?: string };
    };
    document.document.color = 'blue';
    const result = await validateCsaf(document);
    expect(result.isValid).toBe(false);
    expect(result.errors).toContainEqual({
      test: 'schema',
      instancePath: '/document',
      message: 'must NOT have additional properties: color',
    });
    const problem = csafInvalidProblem(result.errors);
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('invalid_csaf_document');
    expect(problem.message).toContain('schema');
  });

  it('judges any JSON value without throwing', async () => {
    for (const value of [null, 'CSAF', 42, [], {}, { document: 'x', vulnerabilities: [null] }]) {
      const result = await validateCsaf(value);
      expect(result.isValid, JSON.stringify(value)).toBe(false);
      // The schema's verdict is there even when a test could not run on such a shape.
      expect(result.errors.some((error) => error.test === 'schema')).toBe(true);
    }
    const nullVulnerability = await validateCsaf({ document: 'x', vulnerabilities: [null] });
    expect(nullVulnerability.errors).toContainEqual({
      test: 'schema',
      instancePath: '/vulnerabilities/0',
      message: 'must be object',
    });
  });

  it('a document without canonical URL is still valid, with warning 6.2.11', async () => {
    const input = richAdvisory();
    delete input.canonicalUrl;
    const result = await validateCsaf(build(input));
    expect(result.isValid).toBe(true);
    expect(result.warnings).toContainEqual({
      test: '6.2.11',
      instancePath: '/document/references',
      message: 'missing canonical url',
    });
    // Without the optional tests, no warnings at all.
    expect((await validateCsaf(build(input), { optional: false })).warnings).toEqual([]);
  });
});

describe('what validateCsaf runs', () => {
  it('runs the strict schema, all mandatory tests, the optional tests and the offline informative tests', () => {
    const ids = csafTestIds();
    expect(ids[0]).toBe('schema');
    const mandatory = ids.filter((id) => id.startsWith('6.1.'));
    expect(mandatory).toHaveLength(43);
    expect(mandatory).toContain('6.1.8');
    expect(mandatory).toContain('6.1.27.11');
    expect(ids.filter((id) => id.startsWith('6.2.'))).toHaveLength(20);
    expect(ids.filter((id) => id.startsWith('6.3.'))).toEqual([
      '6.3.1',
      '6.3.2',
      '6.3.3',
      '6.3.4',
      '6.3.5',
      '6.3.9',
      '6.3.10',
      '6.3.11',
    ]);
    expect(csafTestIds({ optional: false }).some((id) => id.startsWith('6.2.'))).toBe(false);
  });

  it('never reaches out to the URLs in the document', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const input = richAdvisory();
      input.canonicalUrl = `http://127.0.0.1:${port}/.well-known/csaf/white/2026/cg-2026-0001.json`;
      input.references = [{ url: `http://127.0.0.1:${port}/notice`, summary: 'Notice' }];
      input.vulnerabilities[0]!.products[0]!.remediation!.url = `http://127.0.0.1:${port}/download`;
      const result = await validateCsaf(build(input));
      expect(result.errors).toEqual([]);
      // Give a stray request time to land before counting.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
