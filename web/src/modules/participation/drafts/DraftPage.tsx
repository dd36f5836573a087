import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Badge, ButtonLink, Card, PageHeader, PageSpinner, Select } from '../../../ui/index.ts';
import { ConsultationsBox } from '../consultations/ConsultationsBox.tsx';
import type { Contribution } from '../consultations/types.ts';
import { FollowButton } from '../following/FollowButton.tsx';
import { Breadcrumb, draftsListPath } from './Breadcrumb.tsx';
import { DocumentView } from './DocumentView.tsx';
import type { Draft, RevisionView } from './types.ts';
import './drafts.css';
import { isolate } from './bidi.ts';

/** The revision asked for in `?revision=`, if the draft has it; otherwise the latest. */
function chosenRevision(draft: Draft, requested: string | null): number {
  const number = Number(requested);
  return draft.revisions.some((revision) => revision.number === number) ? number : draft.currentRevision;
}

function withContribution(view: RevisionView, contribution: Contribution): RevisionView {
  if (contribution.kind === 'general') return { ...view, generalCommentCount: view.generalCommentCount + 1 };
  const isAmendment = contribution.kind === 'amendment';
  // Only the commented block gets a new object, so only its row re-renders.
  return {
    ...view,
    blocks: view.blocks.map((block) =>
      block.key === contribution.paragraphKey
        ? {
            ...block,
            commentCount: block.commentCount + (isAmendment ? 0 : 1),
            amendmentCount: block.amendmentCount + (isAmendment ? 1 : 0),
          }
        : block,
    ),
  };
}

export function DraftPage() {
  const { t } = useTranslation();
  const { draftId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { user } = useAuth();
  const { messageOf } = useErrorMessages();
  const path = { id: draftId };

  // The viewer is part of the key: signing in or out changes what the draft says about managing it.
  const draft = useQuery(`draft:${draftId}:${user?.id ?? ''}`, () =>
    call(api.GET('/api/v1/participation/drafts/{id}', { params: { path } })),
  );
  const viewedRevision = draft.data ? chosenRevision(draft.data, searchParams.get('revision')) : 0;
  const revision = useQuery(viewedRevision > 0 ? `revision:${draftId}:${viewedRevision}` : null, () =>
    call(
      api.GET('/api/v1/participation/drafts/{id}/revisions/{number}', {
        params: { path: { id: draftId, number: viewedRevision } },
      }),
    ),
  );
  const consultations = usePagedList(draft.data ? `draft-consultations:${draftId}` : null, (cursor) =>
    call(
      api.GET('/api/v1/participation/drafts/{id}/consultations', {
        params: { path, query: { cursor, limit: 100 } },
      }),
    ),
  );
  usePageTitle(draft.data?.title ?? t('drafts.title'));

  const latestRevision = useRef(revision.data);
  latestRevision.current = revision.data;
  const { setData: setRevision } = revision;
  const { updateItems: updateConsultations } = consultations;
  const onContributed = useCallback(
    (contribution: Contribution) => {
      const current = latestRevision.current;
      if (current) setRevision(withContribution(current, contribution));
      updateConsultations((items) =>
        items.map((item) =>
          item.id === contribution.consultationId
            ? { ...item, contributionCount: item.contributionCount + 1 }
            : item,
        ),
      );
    },
    [setRevision, updateConsultations],
  );

  if (draft.isLoading && !draft.data) return <PageSpinner label={t('common.loading')} />;
  if (draft.error || !draft.data) {
    return (
      <>
        <PageHeader title={t('drafts.title')} />
        <Alert tone="danger">{draft.error ? messageOf(draft.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }

  const current = draft.data;
  const revisions = [...current.revisions].sort((a, b) => b.number - a.number);
  const viewed = current.revisions.find((entry) => entry.number === viewedRevision);
  const openHere = consultations.items.find(
    (consultation) => consultation.status === 'open' && consultation.revisionNumber === viewedRevision,
  );
  const openElsewhere = consultations.items.find(
    (consultation) => consultation.status === 'open' && consultation.revisionNumber !== viewedRevision,
  );
  const compareFrom = viewedRevision > 1 ? viewedRevision - 1 : 1;
  const compareTo = viewedRevision > 1 ? viewedRevision : Math.min(2, current.currentRevision);

  return (
    <>
      <Breadcrumb
        items={[
          { to: `/participation/processes/${current.processId}`, label: t('drafts.processCrumb') },
          { to: draftsListPath(current.processId, current.groupId), label: t('drafts.title') },
        ]}
      />
      <PageHeader
        title={<bdi>{current.title}</bdi>}
        description={current.summary ? <bdi>{current.summary}</bdi> : undefined}
        meta={
          <>
            {current.currentRevision === 0 ? (
              <Badge tone="warning">{t('drafts.inPreparation')}</Badge>
            ) : (
              <Badge tone="info">{t('drafts.revisionBadge', { number: current.currentRevision })}</Badge>
            )}
            {(openHere ?? openElsewhere) && <Badge tone="success">{t('drafts.consultationOpenBadge')}</Badge>}
            {current.groupId && (
              <Link to={`/participation/groups/${current.groupId}`}>{t('drafts.groupLink')}</Link>
            )}
          </>
        }
        actions={
          <>
            {current.currentRevision > 0 && <FollowButton subjectType="draft" subjectId={current.id} />}
            {current.revisions.length > 1 && (
              <ButtonLink
                variant="secondary"
                to={`/participation/drafts/${current.id}/diff?from=${compareFrom}&to=${compareTo}`}
              >
                {t('drafts.compareRevisions')}
              </ButtonLink>
            )}
            {current.canManage && (
              <ButtonLink to={`/participation/drafts/${current.id}/edit`}>{t('drafts.editText')}</ButtonLink>
            )}
          </>
        }
      />
      <div className="cg-stack">
        {current.currentRevision === 0 ? (
          <Alert tone="warning" title={t('drafts.unpublishedTitle')}>
            <p>{t('drafts.unpublishedText')}</p>
            {current.canManage && (
              <ButtonLink to={`/participation/drafts/${current.id}/edit`} variant="secondary" size="small">
                {t('drafts.editText')}
              </ButtonLink>
            )}
          </Alert>
        ) : (
          <Card title={t('drafts.revisionTitle')}>
            <div className="cg-draft-revision-bar">
              <Select
                label={t('drafts.revisionSelect')}
                value={String(viewedRevision)}
                onChange={(value) =>
                  setSearchParams(Number(value) === current.currentRevision ? {} : { revision: value })
                }
                options={revisions.map((entry) => ({
                  value: String(entry.number),
                  label:
                    entry.number === current.currentRevision
                      ? t('drafts.revisionOptionLatest', { number: entry.number })
                      : t('drafts.revisionOption', { number: entry.number }),
                }))}
              />
              {viewed && (
                <dl className="cg-details-list">
                  <dt>{t('drafts.publishedAt')}</dt>
                  <dd>
                    <DateTime value={viewed.publishedAt} />
                  </dd>
                  <dt>{t('drafts.revisionNote')}</dt>
                  <dd dir="auto">{viewed.note}</dd>
                </dl>
              )}
            </div>
            {viewedRevision !== current.currentRevision && (
              <p className="cg-draft-older-note">
                {t('drafts.olderRevision')}{' '}
                <Link to={`/participation/drafts/${current.id}`}>
                  {t('drafts.showLatest', { number: current.currentRevision })}
                </Link>
              </p>
            )}
          </Card>
        )}
        <ConsultationsBox draft={current} consultations={consultations} />
        {viewedRevision > 0 &&
          (revision.error ? (
            <Alert tone="danger">{messageOf(revision.error)}</Alert>
          ) : !revision.data || revision.isLoading ? (
            <PageSpinner label={t('common.loading')} />
          ) : (
            <DocumentView
              revision={revision.data}
              draftId={current.id}
              viewedRevision={viewedRevision}
              openConsultation={openHere}
              canManage={current.canManage}
              onContributed={onContributed}
              notice={
                openHere ? (
                  <Alert tone="success">
                    <p>
                      {t('drafts.openConsultationNotice', { title: isolate(openHere.title) })}{' '}
                      <DateTime value={openHere.closesAt} />
                    </p>
                    <p>{t('drafts.howToContribute')}</p>
                  </Alert>
                ) : openElsewhere ? (
                  <Alert tone="info">
                    <p>
                      {t('drafts.consultationOnOtherRevision', { number: openElsewhere.revisionNumber })}{' '}
                      <Link
                        to={`/participation/drafts/${current.id}?revision=${openElsewhere.revisionNumber}`}
                      >
                        {t('drafts.goToRevision', { number: openElsewhere.revisionNumber })}
                      </Link>
                    </p>
                  </Alert>
                ) : undefined
              }
            />
          ))}
      </div>
    </>
  );
}
