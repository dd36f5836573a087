import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Badge,
  Card,
  Checkbox,
  EmptyState,
  PageHeader,
  PageSpinner,
  Select,
  type Tone,
} from '../../../ui/index.ts';
import { Breadcrumb, draftsListPath } from './Breadcrumb.tsx';
import type { DiffChange, DiffEntry, Draft } from './types.ts';
import { Marker, WordSegments } from './WordDiff.tsx';
import './drafts.css';
import { isolate } from './bidi.ts';

const changeTone: Record<DiffChange, Tone | 'neutral'> = {
  unchanged: 'neutral',
  changed: 'warning',
  added: 'success',
  removed: 'danger',
};

function parseRevision(draft: Draft, value: string | null, fallback: number): number {
  const number = Number(value);
  return draft.revisions.some((revision) => revision.number === number) ? number : fallback;
}

function EntryNumbers({ entry }: { entry: DiffEntry }) {
  const { t } = useTranslation();
  if (entry.kind === 'heading') return <span>{t('drafts.diff.heading')}</span>;
  if (entry.fromNumber !== null && entry.toNumber !== null) {
    return entry.fromNumber === entry.toNumber ? (
      <span>{t('drafts.paragraphLabel', { number: entry.toNumber })}</span>
    ) : (
      <span>{t('drafts.diff.renumbered', { from: entry.fromNumber, to: entry.toNumber })}</span>
    );
  }
  if (entry.toNumber !== null)
    return <span>{t('drafts.diff.newParagraph', { number: entry.toNumber })}</span>;
  return <span>{t('drafts.diff.oldParagraph', { number: entry.fromNumber ?? '' })}</span>;
}

function EntryText({ entry }: { entry: DiffEntry }) {
  const { t } = useTranslation();
  if (entry.change === 'changed' && entry.segments) return <WordSegments segments={entry.segments} />;
  if (entry.change === 'added') {
    return (
      <ins className="cg-diff-ins">
        <Marker label={t('drafts.diff.addedMarker')} />
        {entry.text}
      </ins>
    );
  }
  if (entry.change === 'removed') {
    return (
      <del className="cg-diff-del">
        <Marker label={t('drafts.diff.removedMarker')} />
        {entry.text}
      </del>
    );
  }
  return <>{entry.text}</>;
}

/** Two revisions side by side in one column: what was added, removed and reworded, paragraph by paragraph. */
export function DiffPage() {
  const { t } = useTranslation();
  const { draftId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { messageOf } = useErrorMessages();
  const [isShowingUnchanged, setIsShowingUnchanged] = useState(false);
  const path = { id: draftId };

  const draft = useQuery(`draft:${draftId}`, () =>
    call(api.GET('/api/v1/participation/drafts/{id}', { params: { path } })),
  );
  const latest = draft.data?.currentRevision ?? 0;
  const to = draft.data ? parseRevision(draft.data, searchParams.get('to'), latest) : 0;
  const from = draft.data ? parseRevision(draft.data, searchParams.get('from'), Math.max(1, to - 1)) : 0;
  const diff = useQuery(from > 0 && to > 0 ? `diff:${draftId}:${from}:${to}` : null, () =>
    call(api.GET('/api/v1/participation/drafts/{id}/diff', { params: { path, query: { from, to } } })),
  );
  usePageTitle(
    draft.data ? t('drafts.diff.pageTitle', { title: isolate(draft.data.title) }) : t('drafts.diff.title'),
  );

  if (draft.isLoading && !draft.data) return <PageSpinner label={t('common.loading')} />;
  if (draft.error || !draft.data) {
    return (
      <>
        <PageHeader title={t('drafts.diff.title')} />
        <Alert tone="danger">{draft.error ? messageOf(draft.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }

  const current = draft.data;
  const options = [...current.revisions]
    .sort((a, b) => b.number - a.number)
    .map((revision) => ({
      value: String(revision.number),
      label: t('drafts.revisionOption', { number: revision.number }),
    }));
  const choose = (name: 'from' | 'to', value: string) =>
    setSearchParams({ from: String(from), to: String(to), [name]: value }, { replace: true });
  const entries =
    diff.data?.entries.filter((entry) => isShowingUnchanged || entry.change !== 'unchanged') ?? [];

  return (
    <>
      <Breadcrumb
        items={[
          { to: draftsListPath(current.processId, current.groupId), label: t('drafts.title') },
          { to: `/participation/drafts/${current.id}`, label: current.title },
        ]}
      />
      <PageHeader title={t('drafts.diff.title')} description={<bdi>{current.title}</bdi>} />
      <div className="cg-stack">
        {current.revisions.length < 2 ? (
          <EmptyState title={t('drafts.diff.onlyOne')} />
        ) : (
          <Card title={t('drafts.diff.chooseTitle')}>
            <div className="cg-form-row">
              <Select
                label={t('drafts.diff.from')}
                value={String(from)}
                onChange={(value) => choose('from', value)}
                options={options}
              />
              <Select
                label={t('drafts.diff.to')}
                value={String(to)}
                onChange={(value) => choose('to', value)}
                options={options}
              />
            </div>
          </Card>
        )}
        {diff.error && <Alert tone="danger">{messageOf(diff.error)}</Alert>}
        {diff.isLoading && <PageSpinner label={t('common.loading')} />}
        {diff.data && !diff.isLoading && (
          <Card title={t('drafts.diff.resultTitle', { from: diff.data.from, to: diff.data.to })}>
            <div className="cg-stack">
              <ul className="cg-diff-summary" aria-label={t('drafts.diff.summaryLabel')}>
                {(['changed', 'added', 'removed', 'unchanged'] as const).map((change) => (
                  <li key={change}>
                    <Badge tone={changeTone[change]}>{t(`drafts.diff.change.${change}`)}</Badge>{' '}
                    <span>{diff.data?.summary[change]}</span>
                  </li>
                ))}
              </ul>
              <p className="cg-muted cg-small">{t('drafts.diff.legend')}</p>
              <Checkbox
                label={t('drafts.diff.showUnchanged')}
                checked={isShowingUnchanged}
                onChange={setIsShowingUnchanged}
              />
              {entries.length === 0 ? (
                <EmptyState title={t('drafts.diff.noChanges')} />
              ) : (
                <ol className="cg-diff-list">
                  {entries.map((entry) => (
                    <li key={entry.key} className={`cg-diff-entry cg-diff-entry-${entry.change}`}>
                      <div className="cg-cluster cg-diff-entry-head">
                        <span className="cg-diff-numbers">
                          <EntryNumbers entry={entry} />
                        </span>
                        <Badge tone={changeTone[entry.change]}>
                          {t(`drafts.diff.change.${entry.change}`)}
                        </Badge>
                      </div>
                      <p
                        className={entry.kind === 'heading' ? 'cg-diff-text cg-diff-heading' : 'cg-diff-text'}
                        dir="auto"
                      >
                        <EntryText entry={entry} />
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
