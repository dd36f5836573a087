import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../lib/dates.tsx';
import { Card, Select, Table } from '../../../ui/index.ts';
import { ReviewStatusBadge } from './labels.tsx';
import type { Advisory, Revision } from './types.ts';
import { type ComparedField, revisionChanges, type WordSegment } from './wordDiff.ts';

/** Every revision (who wrote it, its review, what it changed) and a word diff between any two of them. */
export function RevisionsPanel({ advisory }: { advisory: Advisory }) {
  const { t } = useTranslation();
  const revisions = advisory.revisions;
  return (
    <Card title={t('advisories.revisions.title')} className="cg-adv-no-print">
      <Table
        caption={t('advisories.revisions.title')}
        isCaptionHidden
        columns={[
          t('advisories.revisions.number'),
          t('advisories.revisions.author'),
          t('advisories.revisions.review'),
          t('advisories.revisions.changeNote'),
        ]}
      >
        {[...revisions].reverse().map((revision) => (
          <tr key={revision.number}>
            <td>{revision.number}</td>
            <td>
              <bdi>{revision.authorName}</bdi>
              <div className="cg-small cg-muted">
                <DateTime value={revision.createdAt} />
              </div>
            </td>
            <td>
              <div className="cg-stack-tight">
                <span>
                  <ReviewStatusBadge status={revision.reviewStatus} />
                </span>
                {revision.reviewerName && (
                  <span className="cg-small">
                    <bdi>{revision.reviewerName}</bdi> · <DateTime value={revision.reviewedAt} />
                  </span>
                )}
                {revision.reviewNote && (
                  <span className="cg-small" dir="auto">
                    {revision.reviewNote}
                  </span>
                )}
              </div>
            </td>
            <td>
              <span dir="auto">{revision.changeNote}</span>
            </td>
          </tr>
        ))}
      </Table>
      {revisions.length > 1 && <RevisionComparison revisions={revisions} />}
    </Card>
  );
}

function RevisionComparison({ revisions }: { revisions: readonly Revision[] }) {
  const { t } = useTranslation();
  const numbers = revisions.map((revision) => revision.number);
  const last = numbers[numbers.length - 1] ?? 1;
  const [fromNumber, setFromNumber] = useState(numbers[numbers.length - 2] ?? last);
  const [toNumber, setToNumber] = useState(last);
  const from = revisions.find((revision) => revision.number === fromNumber);
  const to = revisions.find((revision) => revision.number === toNumber);
  const options = numbers.map((number) => ({
    value: String(number),
    label: t('advisories.revisions.option', { number }),
  }));
  const changes = from && to ? revisionChanges(from, to) : [];
  const fieldLabels: Record<ComparedField, string> = {
    title: t('advisories.fields.title'),
    summary: t('advisories.fields.summary'),
    details: t('advisories.fields.details'),
    remediation: t('advisories.fields.remediation'),
    references: t('advisories.fields.references'),
  };

  return (
    <section className="cg-adv-compare" aria-labelledby="cg-adv-compare-title">
      <h3 id="cg-adv-compare-title">{t('advisories.revisions.compareTitle')}</h3>
      <div className="cg-form-row cg-adv-compare-choice">
        <Select
          label={t('advisories.revisions.from')}
          value={String(fromNumber)}
          onChange={(value) => setFromNumber(Number(value))}
          options={options}
        />
        <Select
          label={t('advisories.revisions.to')}
          value={String(toNumber)}
          onChange={(value) => setToNumber(Number(value))}
          options={options}
        />
      </div>
      <p className="cg-small cg-muted">{t('advisories.revisions.legend')}</p>
      <div aria-live="polite">
        {changes.length === 0 ? (
          <p>{t('advisories.revisions.noChanges')}</p>
        ) : (
          changes.map((change) => (
            <div key={change.field} className="cg-adv-diff">
              <h4>{fieldLabels[change.field]}</h4>
              <p className="cg-adv-text" dir="auto">
                <Segments segments={change.segments} />
              </p>
            </div>
          ))
        )}
      </div>
    </section>
  );
}

/**
 * Removed words struck through, added words underlined, so a change never rests on colour alone; a screen
 * reader hears "removed" or "added" before each change.
 */
function Segments({ segments }: { segments: readonly WordSegment[] }) {
  let offset = 0;
  return (
    <>
      {segments.map((segment) => {
        const key = `${segment.type}-${offset}`;
        offset += segment.text.length;
        if (segment.type === 'same') return <span key={key}>{segment.text}</span>;
        return segment.type === 'removed' ? (
          <del key={key} className="cg-adv-del">
            <ChangeMarker type={segment.type} />
            {segment.text}
          </del>
        ) : (
          <ins key={key} className="cg-adv-ins">
            <ChangeMarker type={segment.type} />
            {segment.text}
          </ins>
        );
      })}
    </>
  );
}

/** The word a screen reader hears before a change; its own `dir` keeps it out of the text's direction. */
function ChangeMarker({ type }: { type: 'removed' | 'added' }) {
  const { t } = useTranslation();
  return (
    <span className="cg-visually-hidden" dir="auto">
      {type === 'removed' ? t('advisories.revisions.removed') : t('advisories.revisions.added')}{' '}
    </span>
  );
}
