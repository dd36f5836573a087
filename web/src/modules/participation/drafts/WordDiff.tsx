import { diffWords } from 'diff';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The word a screen reader hears before a change. Its own `dir` keeps it out of the surrounding
 * `dir="auto"` detection, so an Arabic marker does not turn an English paragraph right-to-left.
 */
export function Marker({ label }: { label: string }) {
  return (
    <span className="cg-visually-hidden" dir="auto">
      {label}{' '}
    </span>
  );
}

export type WordSegment = { type: 'same' | 'removed' | 'added'; text: string };

/**
 * Words kept, removed and added. Removals are struck through and additions underlined, so the change
 * does not rest on colour alone; screen readers hear a word before each change.
 */
export function WordSegments({ segments }: { segments: readonly WordSegment[] }) {
  const { t } = useTranslation();
  // Offsets in the combined text identify segments without relying on their position in the array.
  let offset = 0;
  const keyed = segments.map((segment) => {
    const key = `${segment.type}-${offset}`;
    offset += segment.text.length;
    return { key, segment };
  });
  return (
    <>
      {keyed.map(({ key, segment }) => {
        if (segment.type === 'same') return <span key={key}>{segment.text}</span>;
        if (segment.type === 'removed') {
          return (
            <del key={key} className="cg-diff-del">
              <Marker label={t('drafts.diff.removedMarker')} />
              {segment.text}
            </del>
          );
        }
        return (
          <ins key={key} className="cg-diff-ins">
            <Marker label={t('drafts.diff.addedMarker')} />
            {segment.text}
          </ins>
        );
      })}
    </>
  );
}

/** The word-level difference between two texts, computed here (for amendments against their paragraph). */
export function WordDiff({ from, to }: { from: string; to: string }) {
  const segments = useMemo<WordSegment[]>(
    () =>
      diffWords(from, to).map((part) => ({
        type: part.added ? 'added' : part.removed ? 'removed' : 'same',
        text: part.value,
      })),
    [from, to],
  );
  return <WordSegments segments={segments} />;
}
