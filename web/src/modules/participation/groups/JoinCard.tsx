import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, ButtonLink, Card, Select, Spinner } from '../../../ui/index.ts';
import { isAccreditedIn, useOwnApplications } from '../accreditation/useOwnApplications.ts';
import { isolate } from '../processes/bidi.ts';
import { processPath, signInPath } from '../processes/paths.ts';
import type { Group } from '../processes/types.ts';

type JoinCardProps = {
  group: Group;
  /** Organizations already seen in the members list, so they are not offered again. */
  memberOrganizationIds: ReadonlySet<string>;
  onJoined: (group: Group) => void;
};

/** An admin of a State or of an accredited stakeholder joins the group on its behalf. */
export function JoinCard({ group, memberOrganizationIds, onJoined }: JoinCardProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();

  const administered = (user?.memberships ?? []).filter(
    (membership) => membership.role === 'org_admin' && membership.isOrgVerified,
  );
  const stakeholders = administered.filter((membership) => membership.organizationKind !== 'state');
  const applications = useOwnApplications(group.processId, stakeholders);
  const isEligible = (organizationId: string, kind: string) =>
    kind === 'state' || isAccreditedIn(applications.data?.get(organizationId));
  const eligible = administered.filter((membership) =>
    isEligible(membership.organizationId, membership.organizationKind),
  );
  const joinable = eligible.filter((membership) => !memberOrganizationIds.has(membership.organizationId));
  const notAccredited = stakeholders.filter(
    (membership) => !isEligible(membership.organizationId, 'stakeholder'),
  );

  const [chosenId, setChosenId] = useState('');
  const organizationId =
    joinable.length === 1
      ? (joinable[0]?.organizationId ?? '')
      : joinable.some((m) => m.organizationId === chosenId)
        ? chosenId
        : '';
  const join = useAction((id: string) =>
    call(
      api.POST('/api/v1/participation/groups/{id}/members', {
        params: { path: { id: group.id } },
        body: { organizationId: id },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!organizationId) return;
    const updated = await join.run(organizationId);
    if (!updated) return;
    const name = joinable.find(
      (membership) => membership.organizationId === organizationId,
    )?.organizationName;
    toast(t('groups.join.done', { name: isolate(name ?? '') }));
    onJoined(updated);
  };

  const body = () => {
    if (!user) {
      return (
        <ButtonLink to={signInPath(`${location.pathname}${location.search}`)} variant="secondary">
          {t('shell.signIn')}
        </ButtonLink>
      );
    }
    if (applications.isLoading) return <Spinner label={t('common.loading')} isLabelVisible />;
    return (
      <div className="cg-stack">
        {applications.error && <Alert tone="danger">{messageOf(applications.error)}</Alert>}
        {joinable.length > 0 && (
          <form className="cg-stack-tight" onSubmit={onSubmit} noValidate>
            {join.error && (
              <Alert tone="danger" isLive>
                <p>
                  {join.error.code === 'already_member'
                    ? t('groups.join.alreadyMember')
                    : messageOf(join.error)}
                </p>
              </Alert>
            )}
            <Select
              label={t('groups.join.organization')}
              value={organizationId}
              onChange={setChosenId}
              emptyOption={joinable.length > 1 ? t('common.choose') : undefined}
              options={joinable.map((membership) => ({
                value: membership.organizationId,
                label: membership.organizationName,
              }))}
              required
            />
            <div>
              <Button type="submit" isBusy={join.isBusy} disabled={!organizationId}>
                {t('groups.join.action')}
              </Button>
            </div>
          </form>
        )}
        {joinable.length === 0 && eligible.length > 0 && (
          <p className="cg-muted">{t('groups.join.allJoined')}</p>
        )}
        {notAccredited.length > 0 && (
          <p className="cg-muted cg-small">
            {t('groups.join.notAccredited', {
              names: notAccredited.map((membership) => isolate(membership.organizationName)).join(', '),
            })}{' '}
            <Link to={processPath(group.processId)}>{t('groups.join.howToApply')}</Link>
          </p>
        )}
        {administered.length === 0 && <p className="cg-muted cg-small">{t('groups.join.noAdminRole')}</p>}
      </div>
    );
  };

  return (
    <Card title={t('groups.join.title')} description={t('groups.join.intro')}>
      {body()}
    </Card>
  );
}
