import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, ButtonLink, Card, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { useCountries, useStakeholderKinds } from '../../organizations/reference.ts';
import { isolate } from '../processes/bidi.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { PlainText } from '../processes/PlainText.tsx';
import { processPath, signInPath } from '../processes/paths.ts';
import { type Application, PENDING_STATUSES } from '../processes/types.ts';
import { canObjectFor, isSecretariat } from '../processes/viewer.ts';
import { ApplicationStatusBadge, RouteLabel } from './badges.tsx';
import { CirculationDeadline, timeLeftOf } from './CirculationDeadline.tsx';
import { type Decision, DecisionDialog } from './DecisionDialog.tsx';
import { ObjectionForm } from './ObjectionForm.tsx';
import { ObjectionsCard } from './ObjectionsCard.tsx';
import '../processes/participation.css';

/** /participation/applications/:applicationId: one application, its status and what each party may do. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { applicationId = '' } = useParams();
  const { user } = useAuth();
  const { messageOf } = useErrorMessages();

  // Pending applications are visible to fewer people: reload when the viewer changes.
  const application = useQuery(`application:${applicationId}:${user?.id ?? ''}`, () =>
    call(api.GET('/api/v1/participation/applications/{id}', { params: { path: { id: applicationId } } })),
  );
  const processId = application.data?.processId ?? null;
  const process = useQuery(processId ? `process:${processId}` : null, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path: { id: processId ?? '' } } })),
  );
  usePageTitle(
    application.data
      ? t('accreditation.application.title', { name: application.data.organization.name })
      : t('accreditation.application.genericTitle'),
  );

  if (application.isLoading && !application.data) return <PageSpinner label={t('common.loading')} />;
  if (application.error || !application.data) {
    const isMissing = application.error?.status === 404;
    return (
      <>
        <ParticipationBreadcrumb items={[]} />
        <PageHeader title={t('accreditation.application.genericTitle')} />
        <Alert tone="danger">
          {isMissing
            ? t('accreditation.application.notFound')
            : application.error
              ? messageOf(application.error)
              : t('errors.unexpected_error')}
        </Alert>
        {isMissing && !user && (
          <p className="cg-proc-updated">
            <ButtonLink to={signInPath(`/participation/applications/${applicationId}`)} variant="secondary">
              {t('shell.signIn')}
            </ButtonLink>
          </p>
        )}
      </>
    );
  }

  return (
    <ApplicationView
      application={application.data}
      processTitle={process.data?.title}
      onChanged={application.setData}
    />
  );
}

type ApplicationViewProps = {
  application: Application;
  processTitle: string | undefined;
  onChanged: (application: Application) => void;
};

function ApplicationView({ application, processTitle, onChanged }: ApplicationViewProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const toast = useToast();
  const { countryName } = useCountries();
  const { kindName } = useStakeholderKinds();
  const [decision, setDecision] = useState<Decision>();

  const objections = useQuery(user ? `objections:${application.id}:${user.id}` : null, () =>
    call(
      api.GET('/api/v1/participation/applications/{id}/objections', {
        params: { path: { id: application.id } },
      }),
    ),
  );
  const withdrawing = useConfirmedAction((target: Application) =>
    call(
      api.POST('/api/v1/participation/applications/{id}/withdrawal', { params: { path: { id: target.id } } }),
    ),
  );

  const organization = application.organization;
  const isPending = PENDING_STATUSES.includes(application.status);
  const isOpenToObjection =
    application.status === 'circulating' &&
    application.circulationEndsAt !== null &&
    !timeLeftOf(application.circulationEndsAt, Date.now()).isOver;
  const isApplicantAdmin =
    user?.memberships.some(
      (membership) => membership.organizationId === organization.id && membership.role === 'org_admin',
    ) ?? false;
  const objectedStateIds = new Set((objections.data?.items ?? []).map((objection) => objection.state.id));
  const statesToObjectFor = (user?.memberships ?? []).filter(
    (membership) => canObjectFor(membership) && !objectedStateIds.has(membership.organizationId),
  );

  const canDecide = isSecretariat(user) && application.status === 'pending_confirmation';
  const canObject = isOpenToObjection && statesToObjectFor.length > 0;
  const canWithdraw = isApplicantAdmin && isPending;
  const hasActions = canDecide || canObject || canWithdraw;
  const hasStatusDetails = Boolean(
    application.circulationEndsAt || application.decidedAt || application.decisionNote,
  );

  const onWithdraw = async () => {
    const done = await withdrawing.confirm();
    if (!done) return;
    onChanged(done.result);
    toast(t('accreditation.withdraw.done'));
  };

  const crumbs = processTitle
    ? [{ to: processPath(application.processId, 'applications'), label: processTitle }]
    : [];
  return (
    <>
      <ParticipationBreadcrumb items={crumbs} />
      <PageHeader
        title={<bdi>{organization.name}</bdi>}
        description={
          processTitle
            ? t('accreditation.application.description', { process: isolate(processTitle) })
            : t('accreditation.application.genericTitle')
        }
        meta={
          <>
            <ApplicationStatusBadge status={application.status} />
            <span className="cg-muted cg-small">
              <RouteLabel route={application.route} />
            </span>
          </>
        }
      />
      <div className={hasActions ? 'cg-proc-overview' : 'cg-stack'}>
        <div className="cg-stack cg-proc-overview-main">
          <Card title={t('accreditation.application.statusTitle')}>
            <div className="cg-stack">
              <p className="cg-proc-status-text">
                {t(`accreditation.statusExplained.${application.status}`)}
              </p>
              {hasStatusDetails && (
                <dl className="cg-details-list">
                  {application.circulationEndsAt && (
                    <>
                      <dt>{t('accreditation.fields.objectionsClose')}</dt>
                      <dd>
                        {application.status === 'circulating' ? (
                          <CirculationDeadline endsAt={application.circulationEndsAt} />
                        ) : (
                          <DateTime value={application.circulationEndsAt} />
                        )}
                      </dd>
                    </>
                  )}
                  {application.decidedAt && (
                    <>
                      <dt>{t('accreditation.fields.decidedOn')}</dt>
                      <dd>
                        <DateTime value={application.decidedAt} />
                      </dd>
                    </>
                  )}
                  {application.decisionNote && (
                    <>
                      <dt>
                        {application.status === 'declined'
                          ? t('accreditation.fields.declineReason')
                          : t('accreditation.fields.secretariatNote')}
                      </dt>
                      <dd>
                        <PlainText text={application.decisionNote} />
                      </dd>
                    </>
                  )}
                </dl>
              )}
            </div>
          </Card>
          <Card title={t('accreditation.application.detailsTitle')}>
            <dl className="cg-details-list">
              <dt>{t('fields.organization')}</dt>
              <dd>
                {user ? (
                  <Link to={`/organizations/${organization.id}`}>
                    <bdi>{organization.name}</bdi>
                  </Link>
                ) : (
                  <bdi>{organization.name}</bdi>
                )}
              </dd>
              <dt>{t('fields.kind')}</dt>
              <dd>{kindName(organization.kind)}</dd>
              <dt>{t('fields.country')}</dt>
              <dd>{countryName(organization.countryCode) || '—'}</dd>
              <dt>{t('accreditation.fields.route')}</dt>
              <dd>
                <RouteLabel route={application.route} />
              </dd>
              {application.ecosocNumber && (
                <>
                  <dt>{t('accreditation.fields.ecosocNumber')}</dt>
                  <dd className="cg-ltr">{application.ecosocNumber}</dd>
                </>
              )}
              <dt>{t('accreditation.fields.submittedOn')}</dt>
              <dd>
                <DateTime value={application.createdAt} />
              </dd>
            </dl>
            <h3 className="cg-proc-subheading">{t('accreditation.fields.statement')}</h3>
            <PlainText text={application.statement} />
          </Card>
          <ObjectionsCard objections={objections.data?.items ?? []} />
        </div>
        {hasActions && (
          <div className="cg-stack cg-proc-overview-side">
            {canDecide && (
              <Card title={t('accreditation.decision.title')} description={t('accreditation.decision.intro')}>
                <div className="cg-stack-tight">
                  <Button onClick={() => setDecision('confirm')}>
                    {t('accreditation.decision.confirm.action')}
                  </Button>
                  <Button variant="secondary" onClick={() => setDecision('circulate')}>
                    {t('accreditation.decision.circulate.action')}
                  </Button>
                  <Button variant="danger" onClick={() => setDecision('decline')}>
                    {t('accreditation.decision.decline.action')}
                  </Button>
                </div>
              </Card>
            )}
            {canObject && (
              <ObjectionForm
                application={application}
                states={statesToObjectFor}
                onObjected={objections.reload}
              />
            )}
            {canWithdraw && (
              <Card title={t('accreditation.withdraw.title')}>
                <p>{t('accreditation.withdraw.text')}</p>
                <Button variant="secondary" onClick={() => withdrawing.ask(application)}>
                  {t('accreditation.withdraw.action')}
                </Button>
              </Card>
            )}
          </div>
        )}
      </div>
      <DecisionDialog
        application={application}
        decision={decision}
        onClose={() => setDecision(undefined)}
        onDone={(updated) => {
          setDecision(undefined);
          onChanged(updated);
          toast(t(`accreditation.decision.${decision ?? 'confirm'}.done`));
        }}
      />
      <ConfirmActionDialog
        confirmation={withdrawing}
        title={t('accreditation.withdraw.confirmTitle')}
        confirmLabel={t('accreditation.withdraw.action')}
        isDanger
        onConfirm={() => void onWithdraw()}
      >
        <p>{t('accreditation.withdraw.confirmText', { name: isolate(organization.name) })}</p>
      </ConfirmActionDialog>
    </>
  );
}
