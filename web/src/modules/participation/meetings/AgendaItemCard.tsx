import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { Badge, Button, ButtonLink, Card, Select, TextField } from '../../../ui/index.ts';
import { signInPath } from '../processes/paths.ts';
import { isolate, useLanguageNames } from '../statements/labels.tsx';
import { contributorPath, statementPath, submitStatementPath } from '../statements/paths.ts';
import type { AgendaItem, Meeting, Speaker } from '../statements/types.ts';
import './meetings.css';

type AgendaItemCardProps = {
  meeting: Meeting;
  item: AgendaItem;
  /** False once the meeting is over or cancelled: the lists are then a record, not open to requests. */
  isOpenForSpeakers: boolean;
  onChanged: (meeting: Meeting) => void;
};

/** One agenda item: its speakers' list (States, then stakeholders' slots, then the waiting list) and statements. */
export function AgendaItemCard({ meeting, item, isOpenForSpeakers, onChanged }: AgendaItemCardProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const toast = useToast();
  const languageName = useLanguageNames();
  const ownOrganizationIds = new Set(user?.memberships.map((membership) => membership.organizationId) ?? []);
  const hasVerifiedOrganization = user?.memberships.some((membership) => membership.isOrgVerified) ?? false;

  const listed = item.speakers.filter((speaker) => speaker.status === 'listed');
  const waitlisted = item.speakers.filter((speaker) => speaker.status === 'waitlisted');
  const takenSlots = listed.filter((speaker) => speaker.slot === 'stakeholder').length;

  const removal = useConfirmedAction((speaker: Speaker) =>
    call(api.DELETE('/api/v1/participation/speakers/{id}', { params: { path: { id: speaker.id } } })),
  );
  const onConfirmRemoval = async () => {
    const done = await removal.confirm();
    if (!done) return;
    onChanged(done.result);
    toast(t('meetings.speakers.withdrawn'));
  };
  const isOwn = (speaker: Speaker) => ownOrganizationIds.has(speaker.organization.id);
  const canRemove = (speaker: Speaker) => isOpenForSpeakers && (isOwn(speaker) || meeting.canManage);

  const renderSpeaker = (speaker: Speaker) => (
    <li key={speaker.id} className="cg-mtg-speaker">
      <span className="cg-mtg-speaker-name">
        <bdi>{speaker.speakerName}</bdi>
      </span>
      <div className="cg-mtg-speaker-details">
        <Link to={contributorPath(speaker.organization.id)} dir="auto">
          {speaker.organization.name}
        </Link>
        <Badge tone={speaker.slot === 'state' ? 'info' : 'neutral'}>
          {t(`meetings.speakers.slot.${speaker.slot}`)}
        </Badge>
        {speaker.status === 'waitlisted' && <Badge tone="warning">{t('meetings.speakers.waitlisted')}</Badge>}
        {canRemove(speaker) && (
          <Button variant="ghost" size="small" onClick={() => removal.ask(speaker)}>
            {isOwn(speaker) ? t('meetings.speakers.withdraw') : t('meetings.speakers.remove')}
            <span className="cg-visually-hidden"> {speaker.speakerName}</span>
          </Button>
        )}
      </div>
    </li>
  );

  return (
    <Card
      title={
        <>
          <span className="cg-mtg-item-number">{item.position}.</span> <span dir="auto">{item.title}</span>
        </>
      }
      headingLevel={3}
    >
      <div className="cg-mtg-item">
        <section className="cg-mtg-item-section">
          <h4>{t('meetings.speakers.title')}</h4>
          <p className="cg-muted cg-small">
            {t('meetings.speakers.slots', { taken: takenSlots, total: item.stakeholderSlots })}
          </p>
          {listed.length === 0 ? (
            <p className="cg-muted">{t('meetings.speakers.empty')}</p>
          ) : (
            <ol className="cg-mtg-speakers">{listed.map(renderSpeaker)}</ol>
          )}
          {waitlisted.length > 0 && (
            <>
              <h5 className="cg-mtg-waitlist-heading">{t('meetings.speakers.waitingList')}</h5>
              <ol className="cg-mtg-speakers">{waitlisted.map(renderSpeaker)}</ol>
            </>
          )}
          {isOpenForSpeakers && (
            <AskToSpeak
              item={item}
              hasVerifiedOrganization={hasVerifiedOrganization}
              listedOrganizationIds={new Set(item.speakers.map((speaker) => speaker.organization.id))}
              onChanged={onChanged}
            />
          )}
        </section>
        <section className="cg-mtg-item-section">
          <h4>{t('meetings.statements.title')}</h4>
          {item.statements.length === 0 ? (
            <p className="cg-muted">{t('meetings.statements.empty')}</p>
          ) : (
            <ul className="cg-mtg-statements">
              {item.statements.map((statement) => (
                <li key={statement.id}>
                  <Link to={statementPath(statement.id)} dir="auto">
                    {statement.title}
                  </Link>
                  <span className="cg-muted cg-small">
                    <bdi>{statement.organization.name}</bdi> · {languageName(statement.language)}
                    {statement.format === 'pdf' && ` · ${t('statements.pdfShort')}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {hasVerifiedOrganization && (
            <ButtonLink
              to={submitStatementPath(meeting.processId, { meetingId: meeting.id, agendaItemId: item.id })}
              variant="secondary"
              size="small"
            >
              {t('meetings.statements.submit')}
              <span className="cg-visually-hidden"> {item.title}</span>
            </ButtonLink>
          )}
        </section>
      </div>
      <ConfirmActionDialog
        confirmation={removal}
        title={
          removal.target && isOwn(removal.target)
            ? t('meetings.speakers.withdrawTitle')
            : t('meetings.speakers.removeTitle')
        }
        confirmLabel={
          removal.target && isOwn(removal.target)
            ? t('meetings.speakers.withdraw')
            : t('meetings.speakers.remove')
        }
        isDanger
        onConfirm={onConfirmRemoval}
      >
        <p>
          {t('meetings.speakers.removeText', {
            name: isolate(removal.target?.speakerName ?? ''),
            item: isolate(item.title),
          })}
        </p>
      </ConfirmActionDialog>
    </Card>
  );
}

type AskToSpeakProps = {
  item: AgendaItem;
  hasVerifiedOrganization: boolean;
  listedOrganizationIds: Set<string>;
  onChanged: (meeting: Meeting) => void;
};

/** A request for the floor on behalf of one of the person's verified organizations. */
function AskToSpeak({ item, hasVerifiedOrganization, listedOrganizationIds, onChanged }: AskToSpeakProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [isOpen, setIsOpen] = useState(false);
  const candidates = (user?.memberships ?? []).filter(
    (membership) => membership.isOrgVerified && !listedOrganizationIds.has(membership.organizationId),
  );
  const [organizationId, setOrganizationId] = useState('');
  const [speakerName, setSpeakerName] = useState(user?.displayName ?? '');
  const chosenOrganizationId =
    organizationId || (candidates.length === 1 ? (candidates[0]?.organizationId ?? '') : '');

  const request = useAction(() =>
    call(
      api.POST('/api/v1/participation/agenda-items/{id}/speakers', {
        params: { path: { id: item.id } },
        body: { organizationId: chosenOrganizationId, speakerName: speakerName.trim() },
      }),
    ),
  );
  const fieldErrors = fieldErrorsOf(request.error);

  if (!user) {
    return (
      <p className="cg-mtg-ask">
        <Link to={signInPath(`${location.pathname}${location.search}`)}>{t('meetings.speakers.signIn')}</Link>
      </p>
    );
  }
  if (!hasVerifiedOrganization) {
    return <p className="cg-muted cg-small cg-mtg-ask">{t('meetings.speakers.needsVerified')}</p>;
  }
  if (candidates.length === 0) {
    return <p className="cg-muted cg-small cg-mtg-ask">{t('meetings.speakers.allListed')}</p>;
  }
  if (!isOpen) {
    return (
      <div className="cg-mtg-ask">
        <Button size="small" onClick={() => setIsOpen(true)}>
          {t('meetings.speakers.ask')}
          <span className="cg-visually-hidden"> {item.title}</span>
        </Button>
      </div>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await request.run();
    if (!updated) return;
    onChanged(updated);
    setIsOpen(false);
    const added = updated.agenda
      .find((entry) => entry.id === item.id)
      ?.speakers.find((speaker) => speaker.organization.id === chosenOrganizationId);
    toast(
      added?.status === 'waitlisted' ? t('meetings.speakers.addedToWaitlist') : t('meetings.speakers.added'),
    );
  };

  return (
    <form className="cg-mtg-ask cg-mtg-ask-form" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={request.error} />
      {request.error?.code === 'forbidden' && (
        <p className="cg-muted cg-small">{t('meetings.speakers.forbiddenHint')}</p>
      )}
      <div className="cg-form-row">
        <Select
          label={t('meetings.speakers.organization')}
          value={chosenOrganizationId}
          onChange={setOrganizationId}
          options={candidates.map((membership) => ({
            value: membership.organizationId,
            label: membership.organizationName,
          }))}
          emptyOption={candidates.length > 1 ? t('common.choose') : undefined}
          required
          error={fieldErrors.organizationId}
        />
        <TextField
          label={t('meetings.speakers.speakerName')}
          hint={t('meetings.speakers.speakerNameHint')}
          value={speakerName}
          onChange={setSpeakerName}
          required
          minLength={2}
          maxLength={200}
          dir="auto"
          error={fieldErrors.speakerName}
        />
      </div>
      <div className="cg-cluster">
        <Button type="submit" size="small" isBusy={request.isBusy}>
          {t('meetings.speakers.askSubmit')}
        </Button>
        <Button
          variant="secondary"
          size="small"
          onClick={() => {
            request.reset();
            setIsOpen(false);
          }}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
