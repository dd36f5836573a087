import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import type { PagedListState } from '../../../lib/usePagedList.ts';
import { Button, Card, Table } from '../../../ui/index.ts';
import { useCountries, useStakeholderKinds } from '../../organizations/reference.ts';
import { isolate } from '../processes/bidi.ts';
import type { Group, GroupMember } from '../processes/types.ts';
import { isSecretariat } from '../processes/viewer.ts';

type MembersCardProps = {
  group: Group;
  members: PagedListState<GroupMember>;
  onLeft: (group: Group) => void;
};

/** The organizations in the group; their admins may leave, the secretariat may remove any. */
export function MembersCard({ group, members, onLeft }: MembersCardProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const toast = useToast();
  const { countryName } = useCountries();
  const { kindName } = useStakeholderKinds();
  const leaving = useConfirmedAction((member: GroupMember) =>
    call(
      api.DELETE('/api/v1/participation/groups/{id}/members/{organizationId}', {
        params: { path: { id: group.id, organizationId: member.organization.id } },
      }),
    ),
  );

  const administeredIds = new Set(
    (user?.memberships ?? [])
      .filter((membership) => membership.role === 'org_admin')
      .map((membership) => membership.organizationId),
  );
  const isOwn = (member: GroupMember) => administeredIds.has(member.organization.id);
  const canRemoveAny = isSecretariat(user);
  const hasActions = canRemoveAny || members.items.some(isOwn);

  const onLeave = async () => {
    const done = await leaving.confirm();
    if (!done) return;
    members.updateItems((items) =>
      items.filter((item) => item.organization.id !== done.target.organization.id),
    );
    onLeft(done.result);
    toast(
      isOwn(done.target)
        ? t('groups.leave.done', { name: isolate(done.target.organization.name) })
        : t('groups.leave.removed', { name: isolate(done.target.organization.name) }),
    );
  };

  const isLeavingOwn = leaving.target !== undefined && isOwn(leaving.target);
  return (
    <Card title={t('groups.membersTitle')} description={t('groups.membersIntro')}>
      <PagedListView
        list={members}
        loadingStyle="inline"
        emptyTitle={t('groups.membersEmpty')}
        emptyText={t('groups.membersEmptyHint')}
      >
        <Table
          caption={t('groups.membersTitle')}
          isCaptionHidden
          columns={[t('fields.organization'), t('fields.kind'), t('fields.country'), t('groups.joinedOn')]}
          actionsColumnLabel={hasActions ? t('common.actions') : undefined}
        >
          {members.items.map((member) => (
            <tr key={member.organization.id}>
              <td>
                <bdi>{member.organization.name}</bdi>
              </td>
              <td>{kindName(member.organization.kind)}</td>
              <td>{countryName(member.organization.countryCode) || '—'}</td>
              <td>
                <DateTime value={member.joinedAt} isDateOnly />
              </td>
              {hasActions && (
                <td>
                  {(isOwn(member) || canRemoveAny) && (
                    <Button variant="secondary" size="small" onClick={() => leaving.ask(member)}>
                      {isOwn(member) ? t('groups.leave.action') : t('groups.leave.remove')}
                      <span className="cg-visually-hidden">{` ${member.organization.name}`}</span>
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </Table>
      </PagedListView>
      <ConfirmActionDialog
        confirmation={leaving}
        title={isLeavingOwn ? t('groups.leave.confirmTitle') : t('groups.leave.removeTitle')}
        confirmLabel={isLeavingOwn ? t('groups.leave.action') : t('groups.leave.remove')}
        isDanger
        onConfirm={() => void onLeave()}
      >
        <p>
          {isLeavingOwn
            ? t('groups.leave.confirmText', {
                name: isolate(leaving.target?.organization.name ?? ''),
                group: isolate(group.name),
              })
            : t('groups.leave.removeText', {
                name: isolate(leaving.target?.organization.name ?? ''),
                group: isolate(group.name),
              })}
        </p>
      </ConfirmActionDialog>
    </Card>
  );
}
