import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, ButtonLink, Card, Dialog, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { FollowButton } from '../following/FollowButton.tsx';
import { isolate } from '../processes/bidi.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { PlainText } from '../processes/PlainText.tsx';
import { draftsPath, processPath } from '../processes/paths.ts';
import type { Group } from '../processes/types.ts';
import { isSecretariat } from '../processes/viewer.ts';
import { meetingsPath } from '../statements/paths.ts';
import { ChairsCard } from './ChairsCard.tsx';
import { GroupForm } from './GroupForm.tsx';
import { JoinCard } from './JoinCard.tsx';
import { MembersCard } from './MembersCard.tsx';
import '../processes/participation.css';

/** /participation/groups/:groupId: a thematic working group's mandate, chairs and members. */
export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const { messageOf } = useErrorMessages();
  const group = useQuery(`group:${groupId}`, () =>
    call(api.GET('/api/v1/participation/groups/{id}', { params: { path: { id: groupId } } })),
  );
  usePageTitle(group.data?.name ?? t('groups.title'));

  if (group.isLoading && !group.data) return <PageSpinner label={t('common.loading')} />;
  if (group.error || !group.data) {
    return (
      <>
        <ParticipationBreadcrumb items={[]} />
        <PageHeader title={t('groups.title')} />
        <Alert tone="danger">{group.error ? messageOf(group.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }
  return <GroupView group={group.data} onChanged={group.setData} />;
}

function GroupView({ group, onChanged }: { group: Group; onChanged: (group: Group) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const toast = useToast();
  const [isEditing, setIsEditing] = useState(false);
  const process = useQuery(`process:${group.processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path: { id: group.processId } } })),
  );
  const members = usePagedList(`group-members:${group.id}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/groups/{id}/members', {
        params: { path: { id: group.id }, query: { cursor } },
      }),
    ),
  );
  const memberIds = new Set(members.items.map((member) => member.organization.id));
  const canManage = isSecretariat(user);
  // Joining is done for an organization: offer it to visitors (to sign in) and to members of one.
  const mayJoin = !user || user.memberships.length > 0;

  const crumbs = process.data
    ? [{ to: processPath(group.processId, 'groups'), label: process.data.title }]
    : [];
  return (
    <>
      <ParticipationBreadcrumb items={crumbs} />
      <PageHeader
        title={<span dir="auto">{group.name}</span>}
        description={
          process.data ? t('groups.description', { process: isolate(process.data.title) }) : t('groups.title')
        }
        actions={
          <>
            <ButtonLink to={draftsPath(group.processId, group.id)}>{t('groups.draftsLink')}</ButtonLink>
            <ButtonLink
              variant="secondary"
              to={`${meetingsPath(group.processId)}?groupId=${encodeURIComponent(group.id)}`}
            >
              {t('groups.meetingsLink')}
            </ButtonLink>
            <FollowButton subjectType="group" subjectId={group.id} />
            {canManage && (
              <Button variant="secondary" onClick={() => setIsEditing(true)}>
                {t('groups.edit')}
              </Button>
            )}
          </>
        }
      />
      <div className="cg-stack">
        <div className="cg-proc-overview">
          <Card title={t('groups.fields.mandate')} className="cg-proc-overview-main">
            <PlainText text={group.mandate} />
          </Card>
          <div className="cg-stack cg-proc-overview-side">
            <ChairsCard group={group} canManage={canManage} onChanged={onChanged} />
            {mayJoin && !members.isLoading && (
              <JoinCard
                group={group}
                memberOrganizationIds={memberIds}
                onJoined={(updated) => {
                  onChanged(updated);
                  members.reload();
                }}
              />
            )}
          </div>
        </div>
        <MembersCard group={group} members={members} onLeft={onChanged} />
      </div>
      <Dialog isOpen={isEditing} onClose={() => setIsEditing(false)} title={t('groups.editTitle')} isWide>
        <GroupForm
          group={group}
          onSaved={(updated) => {
            onChanged(updated);
            setIsEditing(false);
            toast(t('groups.saved'));
          }}
          onCancel={() => setIsEditing(false)}
        />
      </Dialog>
    </>
  );
}
