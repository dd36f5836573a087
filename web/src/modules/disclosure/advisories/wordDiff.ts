import { diffWords } from 'diff';
import { referencesAsText } from './format.ts';
import type { Revision } from './types.ts';

export type WordSegment = { type: 'same' | 'removed' | 'added'; text: string };

/** The words kept, removed and added between two texts. */
export function wordSegments(from: string, to: string): WordSegment[] {
  return diffWords(from, to).map((part) => ({
    type: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

export const COMPARED_FIELDS = ['title', 'summary', 'details', 'remediation', 'references'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

const textOf = (revision: Revision, field: ComparedField) =>
  field === 'references' ? referencesAsText(revision.references) : revision[field];

/** The fields that differ between two revisions, each with its word diff, in the order the advisory reads. */
export function revisionChanges(
  from: Revision,
  to: Revision,
): { field: ComparedField; segments: WordSegment[] }[] {
  return COMPARED_FIELDS.flatMap((field) => {
    const before = textOf(from, field);
    const after = textOf(to, field);
    return before === after ? [] : [{ field, segments: wordSegments(before, after) }];
  });
}
