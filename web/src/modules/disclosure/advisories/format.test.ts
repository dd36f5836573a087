import { describe, expect, it } from 'vitest';
import {
  checkReferences,
  cvssSeverity,
  cweNumberOf,
  groupByVendor,
  nextStepOf,
  referenceIndexOf,
  referencesAsText,
  tlpLabelOf,
} from './format.ts';
import type { Advisory, AdvisoryProduct, Revision } from './types.ts';

const revision = (number: number, reviewStatus: string): Revision => ({
  number,
  title: 'Title',
  summary: 'Summary',
  details: '',
  remediation: '',
  references: [],
  changeNote: 'First draft.',
  authorName: 'Ada',
  reviewStatus,
  reviewerName: null,
  reviewNote: null,
  reviewedAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
});

function advisory(fields: Partial<Advisory> & { revisions: Revision[] }): Advisory {
  const latest = fields.revisions[fields.revisions.length - 1] as Revision;
  return {
    id: 'adv_1',
    caseId: 'case_1',
    trackingId: 'CG-2026-0001',
    status: 'draft',
    tlp: 'CLEAR',
    publisherName: 'Acme PSIRT',
    publishOnEmbargoExit: false,
    versions: [],
    initialReleaseDate: null,
    currentReleaseDate: null,
    publishedAt: null,
    current: latest,
    csafUrl: null,
    vexUrl: null,
    products: [],
    statements: [],
    cveId: null,
    cvss: { v3: null, v4: null },
    cweIds: [],
    credit: null,
    canEdit: true,
    canReview: false,
    ...fields,
  };
}

describe('cvssSeverity', () => {
  it('follows the qualitative bands shared by CVSS 3.1 and 4.0', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(cvssSeverity)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});

describe('tlpLabelOf', () => {
  it('names the TLP 2.0 label of an advisory code and refuses unknown ones', () => {
    expect(tlpLabelOf('CLEAR')).toBe('TLP:CLEAR');
    expect(tlpLabelOf('AMBER+STRICT')).toBe('TLP:AMBER+STRICT');
    expect(tlpLabelOf('WHITE')).toBeNull();
  });
});

describe('groupByVendor', () => {
  it('keeps the order of vendors and of their products', () => {
    const product = (vendor: string, name: string, status: string): AdvisoryProduct => ({
      vendor,
      product: name,
      version: '1',
      status,
      justification: null,
      remediation: null,
    });
    const groups = groupByVendor([
      product('Acme', 'RT-1000', 'fixed'),
      product('Acme', 'RT-2000', 'not_affected'),
      product('Silent Modem Co', 'M-1', 'no_response'),
    ]);
    expect(groups.map((group) => [group.vendor, group.products.map((p) => p.product)])).toEqual([
      ['Acme', ['RT-1000', 'RT-2000']],
      ['Silent Modem Co', ['M-1']],
    ]);
  });
});

describe('cweNumberOf', () => {
  it('reads the number of a CWE id for its MITRE page', () => {
    expect(cweNumberOf('CWE-287')).toBe('287');
    expect(cweNumberOf(' cwe-79 ')).toBe('79');
    expect(cweNumberOf('NVD-CWE-Other')).toBeNull();
  });
});

describe('nextStepOf', () => {
  it('asks for a review of a fresh draft', () => {
    expect(nextStepOf(advisory({ revisions: [revision(1, 'pending')] }))).toBe('ask_review');
  });

  it('lets another coordinator review, and tells the author to wait', () => {
    const inReview = { status: 'in_review', revisions: [revision(1, 'pending')] };
    expect(nextStepOf(advisory({ ...inReview, canReview: true }))).toBe('review');
    expect(nextStepOf(advisory({ ...inReview, canReview: false }))).toBe('await_review');
  });

  it('asks for a new revision after changes were requested, also after publication', () => {
    expect(nextStepOf(advisory({ revisions: [revision(1, 'changes_requested')] }))).toBe('revise');
    expect(
      nextStepOf(
        advisory({
          status: 'published',
          revisions: [revision(1, 'approved'), revision(2, 'changes_requested')],
        }),
      ),
    ).toBe('revise');
  });

  it('publishes an approved revision, or shows it scheduled for the embargo exit', () => {
    const approved = { status: 'approved', revisions: [revision(1, 'approved')] };
    expect(nextStepOf(advisory(approved))).toBe('publish');
    expect(nextStepOf(advisory({ ...approved, publishOnEmbargoExit: true }))).toBe('scheduled');
  });

  it('is done once the latest revision is published, and asks for review of an update', () => {
    expect(nextStepOf(advisory({ status: 'published', revisions: [revision(1, 'approved')] }))).toBe(
      'published',
    );
    expect(
      nextStepOf(
        advisory({ status: 'published', revisions: [revision(1, 'approved'), revision(2, 'pending')] }),
      ),
    ).toBe('ask_review');
  });
});

describe('checkReferences', () => {
  it('drops empty rows and trims the others', () => {
    expect(
      checkReferences([
        { url: ' https://acme.example/notice ', summary: ' Vendor notice ' },
        { url: '', summary: '  ' },
      ]),
    ).toEqual({
      references: [{ url: 'https://acme.example/notice', summary: 'Vendor notice' }],
      problems: [],
    });
  });

  it('points at half-filled rows and addresses that are not http(s)', () => {
    const checked = checkReferences([
      { url: 'ftp://acme.example/x', summary: 'Mirror' },
      { url: '', summary: 'No address' },
      { url: 'https://acme.example/y', summary: '' },
    ]);
    expect(checked.references).toEqual([]);
    expect(checked.problems).toEqual([
      { index: 0, field: 'url', problem: 'url' },
      { index: 1, field: 'url', problem: 'required' },
      { index: 2, field: 'summary', problem: 'required' },
    ]);
  });
});

describe('referenceIndexOf', () => {
  it('finds the row a server problem points at', () => {
    expect(referenceIndexOf('/references/2/url')).toBe(2);
    expect(referenceIndexOf('body.references.0.summary')).toBe(0);
    expect(referenceIndexOf('/title')).toBeNull();
    expect(referenceIndexOf(undefined)).toBeNull();
  });
});

describe('referencesAsText', () => {
  it('writes one line per reference, so two lists compare word by word', () => {
    expect(
      referencesAsText([
        { url: 'https://a.example', summary: 'A' },
        { url: 'https://b.example', summary: 'B' },
      ]),
    ).toBe('A — https://a.example\nB — https://b.example');
  });
});
