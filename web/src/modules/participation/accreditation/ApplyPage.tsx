import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  PageHeader,
  PageSpinner,
  Select,
  TextArea,
  TextField,
} from '../../../ui/index.ts';
import { isolate } from '../processes/bidi.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { applicationPath, processPath } from '../processes/paths.ts';
import { type AccreditationRoute, LIVE_STATUSES, type Process } from '../processes/types.ts';
import { useDayCount } from '../processes/useDayCount.ts';
import { canApplyFor } from '../processes/viewer.ts';
import { useOwnApplications } from './useOwnApplications.ts';
import '../processes/participation.css';

const ROUTES: readonly AccreditationRoute[] = ['ecosoc', 'non_objection'];

/** /participation/processes/:processId/apply: an organization's admin applies for accreditation. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const { messageOf } = useErrorMessages();
  const process = useQuery(`process:${processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path: { id: processId } } })),
  );
  usePageTitle(t('accreditation.apply.title'));

  if (process.isLoading && !process.data) return <PageSpinner label={t('common.loading')} />;
  if (process.error || !process.data) {
    return (
      <>
        <ParticipationBreadcrumb items={[]} />
        <PageHeader title={t('accreditation.apply.title')} />
        <Alert tone="danger">{process.error ? messageOf(process.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }
  const current = process.data;
  return (
    <>
      <ParticipationBreadcrumb items={[{ to: processPath(current.id), label: current.title }]} />
      <PageHeader
        title={t('accreditation.apply.title')}
        description={t('accreditation.apply.intro', { process: isolate(current.title) })}
      />
      {current.status === 'active' ? (
        <ApplyForm process={current} />
      ) : (
        <Alert tone="warning">
          <p>{t('processes.closedNotice')}</p>
          <Link to={processPath(current.id)}>{t('accreditation.apply.backToProcess')}</Link>
        </Alert>
      )}
    </>
  );
}

function ApplyForm({ process }: { process: Process }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const dayCount = useDayCount();
  const { fieldErrorsOf, messageOf } = useErrorMessages();
  const [searchParams] = useSearchParams();
  const radioName = useId();

  const eligible = user.memberships.filter(canApplyFor);
  const own = useOwnApplications(process.id, eligible);
  const liveApplicationOf = (organizationId: string) =>
    own.data?.get(organizationId)?.find((application) => LIVE_STATUSES.includes(application.status));
  const requested = searchParams.get('organizationId') ?? '';
  const [organizationId, setOrganizationId] = useState(
    eligible.some((membership) => membership.organizationId === requested)
      ? requested
      : eligible.length === 1
        ? (eligible[0]?.organizationId ?? '')
        : '',
  );
  const [route, setRoute] = useState<AccreditationRoute>('non_objection');
  const [ecosocNumber, setEcosocNumber] = useState('');
  const [statement, setStatement] = useState('');

  const submit = useAction(() =>
    call(
      api.POST('/api/v1/participation/processes/{id}/applications', {
        params: { path: { id: process.id } },
        body: {
          organizationId,
          route,
          statement: statement.trim(),
          // Left out when empty, so the server answers that the reference is required.
          ...(route === 'ecosoc' && ecosocNumber.trim() ? { ecosocNumber: ecosocNumber.trim() } : {}),
        },
      }),
    ),
  );

  if (eligible.length === 0) {
    return (
      <EmptyState
        title={t('accreditation.apply.noEligibleTitle')}
        action={
          <ButtonLink to={processPath(process.id)} variant="secondary">
            {t('accreditation.apply.backToProcess')}
          </ButtonLink>
        }
      >
        {t('accreditation.apply.noEligibleText')}
      </EmptyState>
    );
  }
  if (own.isLoading) return <PageSpinner label={t('common.loading')} />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const application = await submit.run();
    if (!application) return;
    toast(t('accreditation.apply.submitted', { name: isolate(application.organization.name) }));
    navigate(applicationPath(application.id));
  };

  const existing = organizationId ? liveApplicationOf(organizationId) : undefined;
  const fieldErrors = fieldErrorsOf(submit.error, { ecosoc_number_required: 'ecosocNumber' });
  return (
    <div className="cg-proc-apply">
      <Card>
        <form className="cg-form" onSubmit={onSubmit} noValidate>
          {own.error && <Alert tone="danger">{messageOf(own.error)}</Alert>}
          {/* A missing reference is said at its field only. */}
          <FormErrorAlert
            error={submit.error?.code === 'ecosoc_number_required' ? undefined : submit.error}
          />
          <Select
            label={t('accreditation.apply.organization')}
            hint={t('accreditation.apply.organizationHint')}
            value={organizationId}
            onChange={setOrganizationId}
            emptyOption={eligible.length > 1 ? t('common.choose') : undefined}
            options={eligible.map((membership) => ({
              value: membership.organizationId,
              label: membership.organizationName,
            }))}
            required
            error={fieldErrors.organizationId}
          />
          {existing && (
            <Alert tone="info">
              <p>{t('accreditation.apply.alreadyLive')}</p>
              <Link to={applicationPath(existing.id)}>{t('accreditation.standing.viewApplication')}</Link>
            </Alert>
          )}
          <fieldset className="cg-fieldset">
            <legend>{t('accreditation.fields.route')}</legend>
            <div className="cg-stack">
              {ROUTES.map((option) => (
                <div key={option} className="cg-checkbox">
                  <input
                    type="radio"
                    id={`${radioName}-${option}`}
                    name={radioName}
                    value={option}
                    checked={route === option}
                    onChange={() => setRoute(option)}
                    aria-describedby={`${radioName}-${option}-hint`}
                  />
                  <label htmlFor={`${radioName}-${option}`}>
                    {t(`accreditation.apply.routeChoice.${option}`)}
                  </label>
                  <div className="cg-hint" id={`${radioName}-${option}-hint`}>
                    {t(`accreditation.apply.routeHint.${option}`)}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
          {route === 'ecosoc' && (
            <TextField
              label={t('accreditation.fields.ecosocNumber')}
              hint={t('accreditation.apply.ecosocNumberHint')}
              value={ecosocNumber}
              onChange={setEcosocNumber}
              required
              maxLength={40}
              className="cg-proc-narrow-field"
              dir="ltr"
              error={fieldErrors.ecosocNumber}
            />
          )}
          <TextArea
            label={t('accreditation.fields.statement')}
            hint={t('accreditation.apply.statementHint')}
            value={statement}
            onChange={setStatement}
            rows={8}
            required
            minLength={10}
            maxLength={5_000}
            dir="auto"
            error={fieldErrors.statement}
          />
          <div className="cg-cluster">
            <Button type="submit" isBusy={submit.isBusy} disabled={!organizationId || existing !== undefined}>
              {t('accreditation.apply.submit')}
            </Button>
            <ButtonLink to={processPath(process.id)} variant="secondary">
              {t('common.cancel')}
            </ButtonLink>
          </div>
        </form>
      </Card>
      <Card title={t('accreditation.apply.nextTitle')} headingLevel={2} className="cg-proc-apply-next">
        <p>
          {route === 'ecosoc'
            ? t('accreditation.apply.next.ecosoc')
            : t('accreditation.apply.next.non_objection', {
                duration: dayCount(process.objectionPeriodDays),
              })}
        </p>
        <p className="cg-muted">{t('accreditation.apply.next.public')}</p>
      </Card>
    </div>
  );
}
