import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Badge, Button, Card, PageHeader, Select, type SelectOption, Tabs } from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { groupPath, processPath } from '../processes/paths.ts';
import { isolate } from '../statements/labels.tsx';
import { groupCalendarUrl, meetingPath, processCalendarUrl } from '../statements/paths.ts';
import { MeetingTime, useMeetingTimes } from './meetingTimes.tsx';
import { ScheduleMeetingForm } from './ScheduleMeetingForm.tsx';
import './meetings.css';

const WHEN = ['upcoming', 'past'] as const;
type When = (typeof WHEN)[number];

/** /participation/processes/:processId/meetings: sessions, upcoming and past, and a calendar feed. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const { timeZone } = useMeetingTimes();
  const [isScheduling, setIsScheduling] = useState(false);
  const when: When = searchParams.get('when') === 'past' ? 'past' : 'upcoming';
  const groupId = searchParams.get('groupId') ?? '';
  const path = { id: processId };

  const process = useQuery(`process:${processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path } })),
  );
  const groups = useQuery(`process-groups:${processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}/groups', { params: { path, query: { limit: 100 } } })),
  );
  const meetings = usePagedList(`meetings:${processId}:${when}:${groupId}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/processes/{id}/meetings', {
        params: { path, query: { when, ...(groupId ? { groupId } : {}), limit: 20, cursor } },
      }),
    ),
  );
  usePageTitle(t('meetings.title'));

  const groupItems = groups.data?.items ?? [];
  const groupName = new Map(groupItems.map((group) => [group.id, group.name]));
  const chairedGroups = user
    ? groupItems.filter((group) => group.chairs.some((chair) => chair.userId === user.id))
    : [];
  // The API decides (the secretariat needs a two-factor session); the form shows its refusal.
  const canSchedule = Boolean(user?.isPlatformAdmin) || chairedGroups.length > 0;
  const scheduleGroupOptions: SelectOption[] = user?.isPlatformAdmin
    ? [
        { value: '', label: t('meetings.plenary') },
        ...groupItems.map((group) => ({ value: group.id, label: group.name })),
      ]
    : chairedGroups.map((group) => ({ value: group.id, label: group.name }));
  const initialGroupId = scheduleGroupOptions.some((option) => option.value === groupId)
    ? groupId
    : (scheduleGroupOptions[0]?.value ?? '');

  const setParam = (name: 'when' | 'groupId', value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value && !(name === 'when' && value === 'upcoming')) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };

  const processTitle = process.data?.title;
  const calendarUrl = groupId ? groupCalendarUrl(groupId) : processCalendarUrl(processId);
  return (
    <>
      <ParticipationBreadcrumb
        items={processTitle ? [{ to: processPath(processId), label: processTitle }] : []}
      />
      <PageHeader
        title={t('meetings.title')}
        description={processTitle ? t('meetings.intro', { process: isolate(processTitle) }) : undefined}
        actions={
          <>
            <a className="cg-button cg-button-secondary" href={calendarUrl} download="meetings.ics">
              {t('meetings.addToCalendar')}
            </a>
            {canSchedule && !isScheduling && (
              <Button onClick={() => setIsScheduling(true)}>{t('meetings.schedule')}</Button>
            )}
          </>
        }
      />
      <div className="cg-stack">
        {isScheduling && (
          <Card title={t('meetings.scheduleTitle')} description={t('meetings.scheduleIntro')}>
            <ScheduleMeetingForm
              processId={processId}
              groupOptions={scheduleGroupOptions}
              initialGroupId={initialGroupId}
              onScheduled={(meeting) => {
                toast(t('meetings.scheduled'));
                navigate(meetingPath(meeting.id));
              }}
              onCancel={() => setIsScheduling(false)}
            />
          </Card>
        )}
        <div className="cg-mtg-toolbar">
          {groupItems.length > 0 && (
            <Select
              label={t('meetings.groupFilter')}
              value={groupId}
              onChange={(value) => setParam('groupId', value)}
              options={groupItems.map((group) => ({ value: group.id, label: group.name }))}
              emptyOption={t('meetings.allMeetings')}
              className="cg-mtg-filter"
            />
          )}
          <p className="cg-muted cg-small">
            {t('meetings.timesInZone', { zone: timeZone })} {t('meetings.calendarHint')}
          </p>
        </div>
        <Tabs
          label={t('meetings.whenLabel')}
          tabs={WHEN.map((id) => ({ id, label: t(`meetings.when.${id}`) }))}
          selectedId={when}
          onSelect={(id) => setParam('when', id)}
        >
          <PagedListView
            list={meetings}
            loadingStyle="inline"
            emptyTitle={when === 'upcoming' ? t('meetings.emptyUpcoming') : t('meetings.emptyPast')}
            emptyText={canSchedule && when === 'upcoming' ? t('meetings.emptyHintOrganizer') : undefined}
          >
            <ul className="cg-mtg-list">
              {meetings.items.map((meeting) => (
                <li key={meeting.id} className="cg-mtg-entry">
                  <div className="cg-mtg-entry-head">
                    <h2 className="cg-mtg-entry-title">
                      <Link to={meetingPath(meeting.id)} dir="auto">
                        {meeting.title}
                      </Link>
                    </h2>
                    {meeting.isCancelled && <Badge tone="danger">{t('meetings.cancelled')}</Badge>}
                  </div>
                  <dl className="cg-mtg-facts">
                    <div>
                      <dt>{t('meetings.fields.when')}</dt>
                      <dd>
                        <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('meetings.fields.location')}</dt>
                      <dd>
                        <bdi>{meeting.location}</bdi>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('meetings.fields.group')}</dt>
                      <dd>
                        {meeting.groupId ? (
                          <Link to={groupPath(meeting.groupId)} dir="auto">
                            {groupName.get(meeting.groupId) ?? t('meetings.group')}
                          </Link>
                        ) : (
                          t('meetings.plenary')
                        )}
                      </dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </PagedListView>
        </Tabs>
      </div>
    </>
  );
}
