import { describe, expect, it } from 'vitest';
import type { Revision } from './types.ts';
import { revisionChanges, wordSegments } from './wordDiff.ts';

const revision = (fields: Partial<Revision>): Revision => ({
  number: 1,
  title: 'RT-1000: authentication bypass',
  summary: 'A crafted cookie skips the password check.',
  details: 'Firmware 2.3.0 to 2.4.1.',
  remediation: 'Update to 2.4.2.',
  references: [],
  changeNote: 'First draft.',
  authorName: 'Ada',
  reviewStatus: 'approved',
  reviewerName: null,
  reviewNote: null,
  reviewedAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  ...fields,
});

describe('revision diff', () => {
  it('marks removed and added words, and gives back both texts', () => {
    const segments = wordSegments('Update to 2.4.2 today.', 'Update to 2.4.3 now.');
    const textWithout = (type: string) =>
      segments
        .filter((s) => s.type !== type)
        .map((s) => s.text)
        .join('');
    expect(textWithout('added')).toBe('Update to 2.4.2 today.');
    expect(textWithout('removed')).toBe('Update to 2.4.3 now.');
    expect(
      segments
        .filter((s) => s.type === 'removed')
        .map((s) => s.text)
        .join(''),
    ).toContain('today');
    expect(
      segments
        .filter((s) => s.type === 'added')
        .map((s) => s.text)
        .join(''),
    ).toContain('now');
    expect(segments[0]).toEqual({ type: 'same', text: 'Update to 2.4.' });
  });

  it('lists only the fields that changed, references included', () => {
    const before = revision({});
    const after = revision({
      number: 2,
      details: 'Firmware 2.3.0 to 2.4.1; RT-3000 too.',
      references: [{ url: 'https://acme.example/psirt', summary: 'Vendor notice' }],
      changeNote: 'Added the RT-3000.',
    });
    expect(revisionChanges(before, after).map((change) => change.field)).toEqual(['details', 'references']);
    expect(revisionChanges(before, before)).toEqual([]);
  });
});
