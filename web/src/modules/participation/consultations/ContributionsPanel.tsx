import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { Alert, ButtonLink } from '../../../ui/index.ts';
import { useApplyAmendment } from '../drafts/useApplyAmendment.ts';
import { ContributionForm } from './ContributionForm.tsx';
import { ContributionItem } from './ContributionItem.tsx';
import type { Consultation, Contribution } from './types.ts';
import './consultations.css';

/** What a panel collects contributions on. */
export type PanelTarget =
  | { type: 'paragraph'; key: string; number: number | null; text: string }
  | { type: 'removed'; key: string; number: number | null; text: string }
  | { type: 'general' };

export type ContributionsPanelProps = {
  id: string;
  draftId: string;
  target: PanelTarget;
  viewedRevision: number;
  /** A consultation open on the revision on screen, if any: only then is there a form. */
  openConsultation: Consultation | undefined;
  canManage: boolean;
  onContributed: (contribution: Contribution) => void;
};

const PAGE_SIZE = 50;

/**
 * The contributions on one paragraph (or the general comments), loaded only when the panel opens, so a
 * draft with thousands of comments costs nothing until a reader asks for a paragraph's.
 */
export function ContributionsPanel({
  id,
  draftId,
  target,
  viewedRevision,
  openConsultation,
  canManage,
  onContributed,
}: ContributionsPanelProps) {
  const { t } = useTranslation();
  const key = target.type === 'general' ? null : target.key;
  const list = usePagedList(`contributions:${draftId}:${key ?? 'general'}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/drafts/{id}/contributions', {
        params: {
          path: { id: draftId },
          query: { ...(key ? { paragraphKey: key } : { kind: 'general' }), cursor, limit: PAGE_SIZE },
        },
      }),
    ),
  );
  const applying = useApplyAmendment(draftId);
  const [applyingId, setApplyingId] = useState<string>();
  const [appliedId, setAppliedId] = useState<string>();

  const apply = async (amendment: Contribution) => {
    setApplyingId(amendment.id);
    setAppliedId(undefined);
    const done = await applying.run(amendment);
    setApplyingId(undefined);
    if (done) setAppliedId(done.id);
  };

  const label =
    target.type === 'general'
      ? t('consultations.panelGeneral')
      : target.type === 'removed'
        ? t('consultations.panelRemoved', { number: target.number ?? '' })
        : t('consultations.panelParagraph', { number: target.number ?? '' });
  return (
    <section id={id} className="cg-contributions-panel" aria-label={label}>
      <div className="cg-stack">
        <PagedListView list={list} emptyTitle={t('consultations.noContributions')} loadingStyle="inline">
          <ul className="cg-contribution-list">
            {list.items.map((contribution) => (
              <ContributionItem
                key={contribution.id}
                contribution={contribution}
                viewedRevision={viewedRevision}
                isOnRemovedParagraph={target.type === 'removed'}
                currentText={target.type === 'paragraph' ? target.text : undefined}
                onApply={
                  canManage && target.type === 'paragraph' ? (amendment) => void apply(amendment) : undefined
                }
                isApplying={applyingId === contribution.id}
              />
            ))}
          </ul>
        </PagedListView>
        <FormErrorAlert error={applying.error} />
        {appliedId && (
          <Alert tone="success" isLive>
            <p>{t('consultations.appliedText')}</p>
            <ButtonLink to={`/participation/drafts/${draftId}/edit`} size="small" variant="secondary">
              {t('consultations.reviewInEditor')}
            </ButtonLink>
          </Alert>
        )}
        {target.type !== 'removed' &&
          (openConsultation ? (
            <ContributionForm
              consultation={openConsultation}
              paragraph={target.type === 'paragraph' ? target : null}
              onSubmitted={(contribution) => {
                list.updateItems((items) => [...items, contribution]);
                onContributed(contribution);
              }}
            />
          ) : (
            <p className="cg-muted cg-small">{t('consultations.closedForContributions')}</p>
          ))}
      </div>
    </section>
  );
}
