import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Badge, Button, Card, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { PlainText } from '../processes/PlainText.tsx';
import { groupPath, processPath } from '../processes/paths.ts';
import { isolate } from '../statements/labels.tsx';
import { meetingsPath, processCalendarUrl } from '../statements/paths.ts';
import { AgendaItemCard } from './AgendaItemCard.tsx';
import { isMeetingOver, MeetingTime, useMeetingTimes } from './meetingTimes.tsx';
import './meetings.css';

/** /participation/meetings/:meetingId: when and where, the agenda, its speakers' lists and statements. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const { user } = useAuth();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const { timeZone } = useMeetingTimes();
  const agendaHeadingId = useId();

  // `canManage` depends on who asks, so the viewer is part of the key.
  const meeting = useQuery(`meeting:${meetingId}:${user?.id ?? ''}`, () =>
    call(api.GET('/api/v1/participation/meetings/{id}', { params: { path: { id: meetingId } } })),
  );
  const processId = meeting.data?.processId;
  const groupId = meeting.data?.groupId;
  const process = useQuery(processId ? `process:${processId}` : null, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path: { id: processId ?? '' } } })),
  );
  const group = useQuery(groupId ? `group:${groupId}` : null, () =>
    call(api.GET('/api/v1/participation/groups/{id}', { params: { path: { id: groupId ?? '' } } })),
  );
  usePageTitle(meeting.data?.title ?? t('meetings.title'));

  const cancellation = useConfirmedAction((isCancelled: boolean) =>
    call(
      api.PATCH('/api/v1/participation/meetings/{id}', {
        params: { path: { id: meetingId } },
        body: { isCancelled },
      }),
    ),
  );

  if (meeting.isLoading && !meeting.data) return <PageSpinner label={t('common.loading')} />;
  if (meeting.error || !meeting.data) {
    return (
      <>
        <ParticipationBreadcrumb items={[]} />
        <PageHeader title={t('meetings.title')} />
        <Alert tone="danger">{meeting.error ? messageOf(meeting.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }

  const current = meeting.data;
  const isOver = isMeetingOver(current.endsAt);
  const crumbs = [
    ...(process.data ? [{ to: processPath(current.processId), label: process.data.title }] : []),
    { to: meetingsPath(current.processId), label: t('meetings.title') },
  ];
  const onConfirmCancellation = async () => {
    const done = await cancellation.confirm();
    if (!done) return;
    meeting.setData(done.result);
    toast(done.target ? t('meetings.cancelledToast') : t('meetings.restoredToast'));
  };

  return (
    <>
      <ParticipationBreadcrumb items={crumbs} />
      <PageHeader
        title={<span dir="auto">{current.title}</span>}
        meta={
          <>
            {current.isCancelled ? (
              <Badge tone="danger">{t('meetings.cancelled')}</Badge>
            ) : isOver ? (
              <Badge tone="neutral">{t('meetings.over')}</Badge>
            ) : (
              <Badge tone="success">{t('meetings.upcoming')}</Badge>
            )}
            <span className="cg-muted cg-small">
              {current.groupId ? (
                <Link to={groupPath(current.groupId)} dir="auto">
                  {group.data?.name ?? t('meetings.group')}
                </Link>
              ) : (
                t('meetings.plenary')
              )}
            </span>
          </>
        }
        actions={
          <>
            <a
              className="cg-button cg-button-secondary"
              href={processCalendarUrl(current.processId)}
              download="meetings.ics"
            >
              {t('meetings.addToCalendar')}
            </a>
            {current.canManage &&
              (current.isCancelled ? (
                <Button variant="secondary" onClick={() => cancellation.ask(false)}>
                  {t('meetings.restore')}
                </Button>
              ) : (
                !isOver && (
                  <Button variant="danger" onClick={() => cancellation.ask(true)}>
                    {t('meetings.cancel')}
                  </Button>
                )
              ))}
          </>
        }
      />
      <div className="cg-stack">
        {current.isCancelled && (
          <Alert tone="danger" title={t('meetings.cancelledTitle')}>
            <p>{t('meetings.cancelledText')}</p>
          </Alert>
        )}
        <Card title={t('meetings.detailsTitle')}>
          <dl className="cg-details-list">
            <dt>{t('meetings.fields.when')}</dt>
            <dd>
              <MeetingTime startsAt={current.startsAt} endsAt={current.endsAt} />
              <span className="cg-muted cg-small cg-mtg-zone">
                {t('meetings.timesInZone', { zone: timeZone })}
              </span>
            </dd>
            <dt>{t('meetings.fields.location')}</dt>
            <dd>
              <bdi>{current.location}</bdi>
            </dd>
            {current.description.trim() && (
              <>
                <dt>{t('meetings.fields.description')}</dt>
                <dd>
                  <PlainText text={current.description} />
                </dd>
              </>
            )}
          </dl>
        </Card>
        <section className="cg-stack" aria-labelledby={agendaHeadingId}>
          <h2 id={agendaHeadingId} className="cg-mtg-agenda-heading">
            {t('meetings.agendaTitle')}
          </h2>
          <p className="cg-muted">{t('meetings.agendaIntro')}</p>
          <ol className="cg-mtg-agenda">
            {current.agenda.map((item) => (
              <li key={item.id}>
                <AgendaItemCard
                  meeting={current}
                  item={item}
                  isOpenForSpeakers={!current.isCancelled && !isOver}
                  onChanged={meeting.setData}
                />
              </li>
            ))}
          </ol>
        </section>
      </div>
      <ConfirmActionDialog
        confirmation={cancellation}
        title={cancellation.target ? t('meetings.cancelTitle') : t('meetings.restoreTitle')}
        confirmLabel={cancellation.target ? t('meetings.cancelConfirm') : t('meetings.restore')}
        isDanger={cancellation.target === true}
        onConfirm={onConfirmCancellation}
      >
        <p>
          {cancellation.target
            ? t('meetings.cancelText', { title: isolate(current.title) })
            : t('meetings.restoreText', { title: isolate(current.title) })}
        </p>
      </ConfirmActionDialog>
    </>
  );
}
