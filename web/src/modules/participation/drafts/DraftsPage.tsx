import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Badge, Button, Card, PageHeader, Select, type SelectOption, Table } from '../../../ui/index.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { CreateDraftForm } from './CreateDraftForm.tsx';
import './drafts.css';
import { isolate } from './bidi.ts';

export function DraftsPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const groupId = searchParams.get('groupId') ?? '';
  const { user } = useAuth();
  const [isCreating, setIsCreating] = useState(false);
  const path = { id: processId };

  const process = useQuery(`process:${processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path } })),
  );
  const groups = useQuery(`process-groups:${processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}/groups', { params: { path, query: { limit: 100 } } })),
  );
  const openConsultations = useQuery(`open-consultations:${processId}`, () =>
    call(
      api.GET('/api/v1/participation/processes/{id}/consultations', {
        params: { path, query: { status: 'open', limit: 100 } },
      }),
    ),
  );
  // Chairs and the secretariat also see drafts in preparation, so the viewer is part of the key.
  const drafts = usePagedList(`drafts:${processId}:${groupId}:${user?.id ?? ''}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/processes/{id}/drafts', {
        params: { path, query: { ...(groupId ? { groupId } : {}), cursor } },
      }),
    ),
  );
  usePageTitle(t('drafts.listTitle'));

  const groupItems = groups.data?.items ?? [];
  const groupName = new Map(groupItems.map((group) => [group.id, group.name]));
  const draftsInConsultation = new Set(openConsultations.data?.items.map((item) => item.draftId) ?? []);
  const chairedGroups = user
    ? groupItems.filter((group) => group.chairs.some((chair) => chair.userId === user.id))
    : [];
  // The API has the last word (the secretariat needs two-factor sign-in); the form shows its refusal.
  const canCreate = Boolean(user?.isPlatformAdmin) || chairedGroups.length > 0;
  const groupOptions: SelectOption[] = user?.isPlatformAdmin
    ? [
        { value: '', label: t('drafts.noGroup') },
        ...groupItems.map((group) => ({ value: group.id, label: group.name })),
      ]
    : chairedGroups.map((group) => ({ value: group.id, label: group.name }));
  const initialGroupId = groupOptions.some((option) => option.value === groupId)
    ? groupId
    : (groupOptions[0]?.value ?? '');

  const filterOptions: SelectOption[] = groupItems.map((group) => ({ value: group.id, label: group.name }));
  const selectedGroupName = groupId ? groupName.get(groupId) : undefined;

  return (
    <>
      <Breadcrumb
        items={[
          {
            to: `/participation/processes/${processId}`,
            label: process.data?.title ?? t('drafts.processCrumb'),
          },
        ]}
      />
      <PageHeader
        title={t('drafts.listTitle')}
        description={
          selectedGroupName
            ? t('drafts.listIntroGroup', { group: isolate(selectedGroupName) })
            : t('drafts.listIntro', { process: isolate(process.data?.title ?? '') })
        }
        actions={
          canCreate &&
          !isCreating && <Button onClick={() => setIsCreating(true)}>{t('drafts.create')}</Button>
        }
      />
      <div className="cg-stack">
        {isCreating && (
          <Card
            title={t('drafts.createTitle')}
            actions={
              <Button variant="secondary" size="small" onClick={() => setIsCreating(false)}>
                {t('common.cancel')}
              </Button>
            }
          >
            <CreateDraftForm
              processId={processId}
              groupOptions={groupOptions}
              initialGroupId={initialGroupId}
            />
          </Card>
        )}
        {filterOptions.length > 0 && (
          <div className="cg-draft-filter">
            <Select
              label={t('drafts.groupFilter')}
              value={groupId}
              onChange={(value) => setSearchParams(value ? { groupId: value } : {})}
              options={filterOptions}
              emptyOption={t('drafts.allGroups')}
            />
          </div>
        )}
        <PagedListView list={drafts} emptyTitle={t('drafts.empty')} emptyText={t('drafts.emptyHint')}>
          <Table
            caption={t('drafts.listCaption')}
            isCaptionHidden
            columns={[
              t('drafts.titleField'),
              t('drafts.groupColumn'),
              t('drafts.revisionColumn'),
              t('drafts.consultationColumn'),
              t('drafts.updatedAt'),
            ]}
          >
            {drafts.items.map((draft) => (
              <tr key={draft.id}>
                <td>
                  <Link to={`/participation/drafts/${draft.id}`}>
                    <bdi>{draft.title}</bdi>
                  </Link>
                  {draft.summary && (
                    <p className="cg-muted cg-small cg-draft-summary" dir="auto">
                      {draft.summary}
                    </p>
                  )}
                </td>
                <td>{draft.groupId ? (groupName.get(draft.groupId) ?? '—') : t('drafts.noGroupShort')}</td>
                <td>
                  {draft.currentRevision === 0 ? (
                    <Badge tone="warning">{t('drafts.inPreparation')}</Badge>
                  ) : (
                    t('drafts.revisionBadge', { number: draft.currentRevision })
                  )}
                </td>
                <td>
                  {draftsInConsultation.has(draft.id) ? (
                    <Badge tone="success">{t('drafts.consultationOpenBadge')}</Badge>
                  ) : (
                    <span className="cg-muted">—</span>
                  )}
                </td>
                <td>
                  <DateTime value={draft.updatedAt} isDateOnly />
                </td>
              </tr>
            ))}
          </Table>
        </PagedListView>
      </div>
    </>
  );
}
