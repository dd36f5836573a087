import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  buttonClassName,
  EmptyState,
  PageHeader,
  PageSpinner,
  Table,
} from '../../../ui/index.ts';
import { Breadcrumb, draftsListPath } from '../drafts/Breadcrumb.tsx';
import { ConsultationStatusBadge } from './badges.tsx';
import { DispositionRow } from './DispositionRow.tsx';
import type { Contribution } from './types.ts';
import './consultations.css';
import { isolate } from '../drafts/bidi.ts';

/**
 * The disposition table of a consultation: every contribution, in paragraph order, with what became of
 * it and why. Public, printable, and downloadable as CSV; chairs fill it in once the consultation closes.
 */
export function DispositionsPage() {
  const { t } = useTranslation();
  const { consultationId = '' } = useParams();
  const { user } = useAuth();
  const toast = useToast();
  const { messageOf } = useErrorMessages();

  const table = useQuery(`dispositions:${consultationId}`, () =>
    call(
      api.GET('/api/v1/participation/consultations/{id}/dispositions', {
        params: { path: { id: consultationId } },
      }),
    ),
  );
  const draftId = table.data?.consultation.draftId;
  const draft = useQuery(draftId ? `draft:${draftId}:${user?.id ?? ''}` : null, () =>
    call(api.GET('/api/v1/participation/drafts/{id}', { params: { path: { id: draftId ?? '' } } })),
  );
  usePageTitle(
    table.data
      ? t('consultations.dispositionsPageTitle', { title: isolate(table.data.consultation.title) })
      : t('consultations.dispositionTable'),
  );

  if (table.isLoading && !table.data) return <PageSpinner label={t('common.loading')} />;
  if (table.error || !table.data) {
    return (
      <>
        <PageHeader title={t('consultations.dispositionTable')} />
        <Alert tone="danger">{table.error ? messageOf(table.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }

  const { consultation, items } = table.data;
  const canManage = draft.data?.canManage === true;
  const isEditable = canManage && consultation.status === 'closed';
  const decided = items.filter((item) => item.disposition !== null).length;
  const onSaved = (saved: Contribution) => {
    if (!table.data) return;
    table.setData({
      ...table.data,
      items: table.data.items.map((item) => (item.id === saved.id ? saved : item)),
    });
    toast(t('consultations.dispositionSaved'));
  };

  return (
    <div className="cg-print-page">
      <div className="cg-no-print">
        <Breadcrumb
          items={[
            { to: draftsListPath(consultation.processId, consultation.groupId), label: t('drafts.title') },
            {
              to: `/participation/drafts/${consultation.draftId}?revision=${consultation.revisionNumber}`,
              label: consultation.draftTitle,
            },
          ]}
        />
      </div>
      <PageHeader
        title={t('consultations.dispositionTable')}
        description={t('consultations.dispositionsIntro', {
          title: isolate(consultation.title),
          draft: isolate(consultation.draftTitle),
          number: consultation.revisionNumber,
        })}
        meta={
          <>
            <ConsultationStatusBadge status={consultation.status} />
            <span className="cg-muted">
              {t('consultations.opensAt')}: <DateTime value={consultation.opensAt} />
            </span>
            <span className="cg-muted">
              {t('consultations.closesAt')}: <DateTime value={consultation.closesAt} />
            </span>
            <span className="cg-muted">
              {t('consultations.decidedCount', { decided, total: items.length })}
            </span>
          </>
        }
        actions={
          <div className="cg-cluster cg-no-print">
            <a
              className={buttonClassName('secondary')}
              href={`/api/v1/participation/consultations/${encodeURIComponent(consultation.id)}/dispositions.csv`}
              download
            >
              {t('consultations.downloadCsv')}
            </a>
            <Button variant="secondary" onClick={() => window.print()}>
              {t('consultations.print')}
            </Button>
          </div>
        }
      />
      <div className="cg-stack">
        {canManage && consultation.status !== 'closed' && (
          <Alert tone="info" className="cg-no-print">
            {t('consultations.dispositionsAfterClosing')}
          </Alert>
        )}
        {items.length === 0 ? (
          <EmptyState title={t('consultations.noContributions')} />
        ) : (
          <div className="cg-disposition-table">
            <Table
              caption={t('consultations.dispositionsCaption', { title: isolate(consultation.title) })}
              columns={[
                t('consultations.columns.paragraph'),
                t('consultations.columns.kind'),
                t('consultations.columns.organization'),
                t('consultations.columns.stakeholderKind'),
                t('consultations.columns.text'),
                t('consultations.columns.disposition'),
                t('consultations.columns.reason'),
              ]}
            >
              {items.map((item) => (
                <DispositionRow key={item.id} contribution={item} isEditable={isEditable} onSaved={onSaved} />
              ))}
            </Table>
          </div>
        )}
        <p className="cg-no-print">
          <Link to={`/participation/drafts/${consultation.draftId}?revision=${consultation.revisionNumber}`}>
            {t('consultations.backToDraft')}
          </Link>
        </p>
      </div>
    </div>
  );
}
