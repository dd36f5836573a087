import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useToast } from '../../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import type { PagedListState } from '../../../lib/usePagedList.ts';
import { Button, Card } from '../../../ui/index.ts';
import type { Draft } from '../drafts/types.ts';
import { ConsultationStatusBadge } from './badges.tsx';
import { OpenConsultationForm } from './OpenConsultationForm.tsx';
import type { Consultation } from './types.ts';
import './consultations.css';
import { isolate } from '../drafts/bidi.ts';

type ConsultationsBoxProps = { draft: Draft; consultations: PagedListState<Consultation> };

/** The consultations on a draft, with the chairs' controls to open one and to close one early. */
export function ConsultationsBox({ draft, consultations }: ConsultationsBoxProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [isFormOpen, setIsFormOpen] = useState(false);
  const closing = useConfirmedAction((consultation: Consultation) =>
    call(
      api.PATCH('/api/v1/participation/consultations/{id}', {
        params: { path: { id: consultation.id } },
        body: { closesAt: new Date().toISOString() },
      }),
    ),
  );

  const replace = (updated: Consultation) =>
    consultations.updateItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));

  const onConfirmClose = async () => {
    const done = await closing.confirm();
    if (!done) return;
    replace(done.result);
    toast(t('consultations.closed', { title: isolate(done.result.title) }));
  };

  const canOpen = draft.canManage && draft.currentRevision > 0;
  return (
    <Card
      title={t('consultations.title')}
      actions={
        canOpen &&
        !isFormOpen && (
          <Button size="small" variant="secondary" onClick={() => setIsFormOpen(true)}>
            {t('consultations.open')}
          </Button>
        )
      }
    >
      <div className="cg-stack">
        {isFormOpen && (
          <OpenConsultationForm
            draftId={draft.id}
            latestRevision={draft.currentRevision}
            onOpened={(consultation) => {
              // The API lists the newest first.
              consultations.updateItems((items) => [consultation, ...items]);
              setIsFormOpen(false);
              toast(t('consultations.opened', { title: isolate(consultation.title) }));
            }}
            onCancel={() => setIsFormOpen(false)}
          />
        )}
        <PagedListView list={consultations} emptyTitle={t('consultations.none')} loadingStyle="inline">
          <ul className="cg-consultation-list">
            {consultations.items.map((consultation) => (
              <li key={consultation.id} className="cg-consultation">
                <div className="cg-cluster">
                  <bdi className="cg-consultation-title">{consultation.title}</bdi>
                  <ConsultationStatusBadge status={consultation.status} />
                </div>
                <dl className="cg-consultation-facts">
                  <div>
                    <dt>{t('consultations.revision')}</dt>
                    <dd>{consultation.revisionNumber}</dd>
                  </div>
                  <div>
                    <dt>{t('consultations.opensAt')}</dt>
                    <dd>
                      <DateTime value={consultation.opensAt} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('consultations.closesAt')}</dt>
                    <dd>
                      <DateTime value={consultation.closesAt} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('consultations.contributions')}</dt>
                    <dd>{consultation.contributionCount}</dd>
                  </div>
                </dl>
                <div className="cg-cluster">
                  <Link to={`/participation/consultations/${consultation.id}/dispositions`}>
                    {t('consultations.dispositionTable')}
                    <span className="cg-visually-hidden">: {consultation.title}</span>
                  </Link>
                  {draft.canManage && consultation.status === 'open' && (
                    <Button size="small" variant="secondary" onClick={() => closing.ask(consultation)}>
                      {t('consultations.closeNow')}
                      <span className="cg-visually-hidden">: {consultation.title}</span>
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </PagedListView>
      </div>
      <ConfirmActionDialog
        confirmation={closing}
        title={t('consultations.closeTitle')}
        confirmLabel={t('consultations.closeNow')}
        isDanger
        onConfirm={() => void onConfirmClose()}
      >
        <p>{t('consultations.closeWarning', { title: isolate(closing.target?.title ?? '') })}</p>
      </ConfirmActionDialog>
    </Card>
  );
}
