import { describe, expect, it } from 'vitest';
import {
  buildCsafDocument,
  type CsafBranch,
  csafFileName,
  csafTlpLabel,
  isVersionRange,
} from './document.ts';
import { CsafInputError, type CsafInputErrorReason, csafInputProblem } from './errors.ts';
import type { AdvisoryInput } from './model.ts';
import { largeAdvisory, richAdvisory } from './test-fixtures.ts';

function reasonOf(build: () => unknown): CsafInputErrorReason {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(CsafInputError);
    return (error as CsafInputError).reason;
  }
  throw new Error('the input was accepted');
}

/** Leaf branches of the product tree as 'vendor / product / version → id (category)'. */
function leaves(branches: CsafBranch[], trail: string[] = []): string[] {
  return branches.flatMap((branch) =>
    branch.product
      ? [`${[...trail, branch.name].join(' / ')} → ${branch.product.product_id} (${branch.category})`]
      : leaves(branch.branches ?? [], [...trail, branch.name]),
  );
}

describe('csafFileName', () => {
  it('follows section 5.1: lower case, runs of other characters become one underscore, .json', () => {
    expect(csafFileName('CG-2026-0001')).toBe('cg-2026-0001.json');
    expect(csafFileName('cisco-sa-20190513-secureboot')).toBe('cisco-sa-20190513-secureboot.json');
    expect(csafFileName('Example Company - 2019-YH3234')).toBe('example_company_-_2019-yh3234.json');
    expect(csafFileName('RHBA-2019:0024')).toBe('rhba-2019_0024.json');
    expect(csafFileName('2022_#01-A')).toBe('2022_01-a.json');
    expect(csafFileName('a+b/ä..c')).toBe('a+b_c.json');
  });
});

describe('csafTlpLabel', () => {
  it('maps TLP 2.0 to the TLP 1.0 labels of CSAF 2.0 without widening any audience', () => {
    expect(csafTlpLabel('CLEAR')).toBe('WHITE');
    expect(csafTlpLabel('GREEN')).toBe('GREEN');
    expect(csafTlpLabel('AMBER')).toBe('AMBER');
    expect(csafTlpLabel('AMBER+STRICT')).toBe('RED');
    expect(csafTlpLabel('RED')).toBe('RED');
  });
});

describe('isVersionRange', () => {
  it('recognises vers strings, comparison signs and the range words of test 6.1.31', () => {
    for (const range of [
      'vers:semver/<2.0.0',
      '< 2.0',
      '>=1.2',
      'before 2.0',
      'All versions',
      'prior to 4.2',
    ]) {
      expect(isVersionRange(range), range).toBe(true);
    }
    for (const version of ['2.4.1', '5.0', 'v1.2-rc1', 'smallest', 'firmware 2024.1']) {
      expect(isVersionRange(version), version).toBe(false);
    }
  });
});

describe('buildCsafDocument', () => {
  it('writes the document metadata: category, TLP, notes, references with the canonical URL, tracking', () => {
    const doc = buildCsafDocument(richAdvisory(), 'security_advisory');
    expect(doc.document.category).toBe('csaf_security_advisory');
    expect(doc.document.csaf_version).toBe('2.0');
    expect(doc.document.distribution.tlp).toEqual({ label: 'WHITE', url: 'https://www.first.org/tlp/' });
    expect(doc.document.distribution.text).toMatch(/^TLP:CLEAR/);
    expect(doc.document.notes.map((note) => note.category)).toEqual(['summary', 'details']);
    expect(doc.document.references).toEqual([
      {
        category: 'self',
        summary: 'Canonical URL of this document',
        url: 'https://cg.example.org/.well-known/csaf/white/2026/cg-2026-0001.json',
      },
      {
        category: 'external',
        summary: 'Acme security notice',
        url: 'https://acme.example.com/security/ACME-SA-2026-01',
      },
    ]);
    expect(doc.document.publisher).toEqual({
      category: 'coordinator',
      contact_details: 'cert@cg.example.org',
      issuing_authority: 'Coordinator of the disclosure between the reporter and the vendors.',
      name: 'Common Ground CERT',
      namespace: 'https://cg.example.org',
    });
    expect(doc.document.acknowledgments).toEqual([
      {
        names: ['Ada Researcher'],
        organization: 'Example University',
        summary: 'Found and reported both issues.',
      },
    ]);
    const tracking = doc.document.tracking;
    expect(tracking.id).toBe('CG-2026-0001');
    expect(tracking.status).toBe('final');
    // Revisions come out in number order and the version is the latest one.
    expect(tracking.revision_history.map((revision) => revision.number)).toEqual(['1', '2']);
    expect(tracking.version).toBe('2');
    expect(tracking.generator).toEqual({
      date: '2026-03-10T12:00:05.000Z',
      engine: { name: 'Common Ground', version: '0.1.0' },
    });
    expect(buildCsafDocument(richAdvisory(), 'vex').document.category).toBe('csaf_vex');
  });

  it('keeps TLP:AMBER+STRICT from becoming the wider TLP:AMBER: RED, with the real rule in the text', () => {
    const doc = buildCsafDocument({ ...richAdvisory(), tlp: 'AMBER+STRICT' }, 'security_advisory');
    expect(doc.document.distribution.tlp.label).toBe('RED');
    expect(doc.document.distribution.text).toMatch(/^TLP:AMBER\+STRICT/);
    expect(doc.document.distribution.text).toContain('within their own organization');
  });

  it('builds vendor → product name → version branches with ids CSAFPID-0001… in that order', () => {
    const doc = buildCsafDocument(richAdvisory(), 'security_advisory');
    expect(leaves(doc.product_tree.branches)).toEqual([
      'Acme / Controller X / 2.4.0 → CSAFPID-0001 (product_version)',
      'Acme / Controller X / 2.4.1 → CSAFPID-0002 (product_version)',
      'Acme / Controller X / before 2.0 → CSAFPID-0003 (product_version_range)',
      'Globex / Gateway / 5.0 → CSAFPID-0004 (product_version)',
      'Globex / Gateway / 5.1 → CSAFPID-0005 (product_version)',
      'Initech / Panel / 1.0 → CSAFPID-0006 (product_version)',
    ]);
    const acme = doc.product_tree.branches[0]!;
    expect(acme.category).toBe('vendor');
    expect(acme.branches![0]!.category).toBe('product_name');
    expect(acme.branches![0]!.branches![0]!.product).toEqual({
      name: 'Acme Controller X 2.4.0',
      product_id: 'CSAFPID-0001',
      product_identification_helper: { purl: 'pkg:generic/acme/controller-x@2.4.0' },
    });
    // A helper given for a product in one vulnerability only still reaches its one tree entry.
    const gateway50 = doc.product_tree.branches[1]!.branches![0]!.branches![0]!.product!;
    expect(gateway50.product_identification_helper).toEqual({
      cpe: 'cpe:2.3:h:globex:gateway:5.0:*:*:*:*:*:*:*',
    });
  });

  it('maps statuses, VEX justifications, impact statements, remediations and scores per vulnerability', () => {
    const [first, second] = buildCsafDocument(richAdvisory(), 'vex').vulnerabilities;
    expect(first!.product_status).toEqual({
      fixed: ['CSAFPID-0002'],
      known_affected: ['CSAFPID-0001', 'CSAFPID-0003'],
      known_not_affected: ['CSAFPID-0004', 'CSAFPID-0005'],
      under_investigation: ['CSAFPID-0006'],
    });
    expect(first!.flags).toEqual([{ label: 'vulnerable_code_not_present', product_ids: ['CSAFPID-0004'] }]);
    expect(first!.threats).toEqual([
      {
        category: 'impact',
        details: 'The parser is compiled with stack protection that stops the overflow before it returns.',
        product_ids: ['CSAFPID-0005'],
      },
    ]);
    expect(first!.remediations).toEqual([
      {
        category: 'vendor_fix',
        details: 'Update to 2.4.1.',
        product_ids: ['CSAFPID-0001'],
        url: 'https://acme.example.com/downloads/controller-x',
      },
      {
        category: 'no_fix_planned',
        details: 'Versions before 2.0 are no longer supported.',
        product_ids: ['CSAFPID-0003'],
      },
    ]);
    expect(first!.scores).toEqual([
      {
        cvss_v3: {
          baseScore: 9.8,
          baseSeverity: 'CRITICAL',
          vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          version: '3.1',
        },
        products: ['CSAFPID-0001', 'CSAFPID-0003'],
      },
    ]);
    expect(first!.cve).toBe('CVE-2026-10001');
    expect(first!.cwe).toEqual({ id: 'CWE-787', name: 'Out-of-bounds Write' });
    expect(first!.discovery_date).toBe('2026-01-15T00:00:00.000Z');
    // CSAF 2.0 has no place for CVSS v4 or SSVC: they are stated in notes.
    expect(first!.notes).toEqual([
      {
        category: 'description',
        text: 'A long Host header overflows a stack buffer in the HTTP request parser.',
        title: 'Description',
      },
      {
        category: 'other',
        text: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (base score 9.3, CRITICAL)',
        title: 'CVSS v4.0',
      },
      {
        category: 'other',
        text: 'CISA Coordinator v2.0.3: Act. Decision points: Exploitation: poc; Automatable: yes; Technical Impact: total. Evaluated 2026-02-20T10:00:00.000Z.',
        title: 'SSVC',
      },
    ]);

    expect(second!.ids).toEqual([{ system_name: 'Common Ground case', text: 'case_01jabc' }]);
    expect(second!.cve).toBeUndefined();
    expect(second!.scores![0]!.cvss_v3.baseSeverity).toBe('MEDIUM');
    expect(second!.flags).toEqual([{ label: 'component_not_present', product_ids: ['CSAFPID-0001'] }]);
  });

  it('groups products that share a remediation, justification or statement into one entry', () => {
    const doc = buildCsafDocument(largeAdvisory(3, 8), 'vex');
    const vulnerability = doc.vulnerabilities[0]!;
    // 24 products, statuses in turn: 6 affected share one 'Update to …' text per version step.
    expect(vulnerability.product_status.known_affected).toHaveLength(6);
    const remediated = vulnerability.remediations!.flatMap((remediation) => remediation.product_ids);
    expect(remediated.sort()).toEqual([...vulnerability.product_status.known_affected!].sort());
    expect(vulnerability.remediations!.length).toBeLessThan(6);
    expect(vulnerability.flags).toHaveLength(1);
    expect(vulnerability.flags![0]!.product_ids).toEqual(vulnerability.product_status.known_not_affected);
  });

  it('scores the fixed products when nothing is affected or under investigation any more', () => {
    const input = richAdvisory();
    const second = input.vulnerabilities[1]!;
    for (const product of second.products) {
      product.status = 'fixed';
      delete product.justification;
    }
    const doc = buildCsafDocument(input, 'security_advisory');
    expect(doc.vulnerabilities[1]!.scores![0]!.products).toEqual([
      'CSAFPID-0001',
      'CSAFPID-0004',
      'CSAFPID-0005',
    ]);
  });

  it('gives the same document whatever the order of products and revisions in the input', () => {
    const input = richAdvisory();
    const shuffled: AdvisoryInput = {
      ...input,
      revisions: [...input.revisions].reverse(),
      vulnerabilities: input.vulnerabilities.map((vulnerability) => ({
        ...vulnerability,
        products: [...vulnerability.products].reverse(),
      })),
    };
    expect(JSON.stringify(buildCsafDocument(shuffled, 'vex'))).toBe(
      JSON.stringify(buildCsafDocument(input, 'vex')),
    );
  });

  it('numbers past 9,999 products with wider ids that still sort', () => {
    const doc = buildCsafDocument(largeAdvisory(20, 501), 'security_advisory');
    const ids = leaves(doc.product_tree.branches).map((leaf) => leaf.split(' → ')[1]!.split(' ')[0]!);
    expect(ids[0]).toBe('CSAFPID-00001');
    expect(ids.at(-1)).toBe('CSAFPID-10020');
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses input it cannot express, with a reason and the place in the input', () => {
    const noRevisions = { ...richAdvisory(), revisions: [] };
    expect(reasonOf(() => buildCsafDocument(noRevisions, 'vex'))).toBe('no_revisions');

    const duplicate = richAdvisory();
    duplicate.vulnerabilities[0]!.products.push({
      ...duplicate.vulnerabilities[0]!.products[0]!,
      status: 'fixed',
    });
    expect(reasonOf(() => buildCsafDocument(duplicate, 'vex'))).toBe('duplicate_product');

    const justified = richAdvisory();
    justified.vulnerabilities[0]!.products[0]!.justification = 'component_not_present';
    expect(reasonOf(() => buildCsafDocument(justified, 'vex'))).toBe('justification_without_not_affected');

    const conflicting = richAdvisory();
    conflicting.vulnerabilities[1]!.products[2]!.purl = 'pkg:generic/acme/controller-x@9.9.9';
    expect(reasonOf(() => buildCsafDocument(conflicting, 'vex'))).toBe('conflicting_product_helpers');

    const v2 = richAdvisory();
    v2.vulnerabilities[0]!.cvss!.v3!.vector = 'AV:N/AC:L/Au:N/C:P/I:P/A:P';
    try {
      buildCsafDocument(v2, 'security_advisory');
      throw new Error('the input was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(CsafInputError);
      expect((error as CsafInputError).reason).toBe('unknown_cvss_version');
      expect((error as CsafInputError).path).toBe('/vulnerabilities/0/cvss/v3/vector');
      const problem = csafInputProblem(error as CsafInputError);
      expect(problem.status).toBe(422);
      expect(problem.code).toBe('invalid_csaf_input');
      expect(problem.extra).toEqual({
        reason: 'unknown_cvss_version',
        path: '/vulnerabilities/0/cvss/v3/vector',
      });
    }
  });
});
