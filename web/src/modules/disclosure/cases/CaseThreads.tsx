import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../lib/useAction.ts';
import { Button, Select, Tabs, TextArea } from '../../../ui/index.ts';
import type { CaseAuth } from './auth.ts';
import { CaseErrorAlert } from './CaseErrorAlert.tsx';
import { messagesOf, ownParticipants, privateThreadCounts } from './caseModel.ts';
import { postCaseMessage } from './casesApi.ts';
import { RoleBadge, useCaseLabels } from './labels.tsx';
import type { Case } from './types.ts';
import { ZonedTime } from './ZonedTime.tsx';

type ThreadsProps = {
  caseRecord: Case;
  auth: CaseAuth;
  onChanged: (updated: Case) => void;
  /** The private thread shown: a participant's id, or null for the thread of all participants. */
  thread: string | null;
  onThreadChange: (thread: string | null) => void;
};

/**
 * The thread of all participants and the private threads. A participant has its own private thread with
 * the coordinators; the coordinators choose any participant's.
 */
export function CaseThreads({ caseRecord, auth, onChanged, thread, onThreadChange }: ThreadsProps) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const isCoordinator = caseRecord.viewer.isCoordinator;
  const own = ownParticipants(caseRecord);
  const counts = privateThreadCounts(caseRecord);
  const candidates = isCoordinator
    ? caseRecord.participants.filter(
        (participant) => participant.role !== 'coordinator' && !participant.isRemoved,
      )
    : own;
  // The coordinators open the first thread with messages when none is chosen; a participant its own.
  const fallback =
    candidates.find((participant) => (counts.get(participant.id) ?? 0) > 0)?.id ?? candidates[0]?.id ?? null;
  const privateId = thread && candidates.some((participant) => participant.id === thread) ? thread : fallback;
  const selectedTab = thread && privateId ? 'private' : 'all';
  const channel = selectedTab === 'all' ? 'all' : (privateId ?? 'all');
  const channelParticipant = caseRecord.participants.find((participant) => participant.id === channel);

  const tabs = [{ id: 'all', label: t('cases.threads.all') }];
  if (candidates.length > 0) {
    tabs.push({
      id: 'private',
      label: isCoordinator ? t('cases.threads.private') : t('cases.threads.ownPrivate'),
    });
  }
  return (
    <Tabs
      label={t('cases.threads.label')}
      tabs={tabs}
      selectedId={selectedTab}
      onSelect={(id) => onThreadChange(id === 'all' ? null : privateId)}
    >
      <div className="cg-stack cg-case-tab-panel">
        {selectedTab === 'private' && (isCoordinator || candidates.length > 1) && (
          <Select
            label={t('cases.threads.choose')}
            value={privateId ?? ''}
            onChange={(id) => onThreadChange(id)}
            options={candidates.map((participant) => ({
              value: participant.id,
              label: t('cases.threads.option', {
                name: participant.name,
                role: labels.role(participant.role),
                number: counts.get(participant.id) ?? 0,
              }),
            }))}
          />
        )}
        <p className="cg-small cg-muted">
          {channel === 'all'
            ? t('cases.threads.allHint')
            : isCoordinator
              ? t('cases.threads.privateHint', { name: channelParticipant?.name ?? '' })
              : t('cases.threads.ownPrivateHint')}
        </p>
        <MessageList caseRecord={caseRecord} channel={channel} />
        {caseRecord.status === 'open' ? (
          <MessageForm
            key={channel}
            caseRecord={caseRecord}
            auth={auth}
            channel={channel}
            onChanged={onChanged}
          />
        ) : (
          <p className="cg-muted">{t('cases.threads.closed')}</p>
        )}
      </div>
    </Tabs>
  );
}

function MessageList({ caseRecord, channel }: { caseRecord: Case; channel: string }) {
  const { t } = useTranslation();
  const messages = messagesOf(caseRecord, channel);
  const own = new Set(caseRecord.viewer.participantIds);
  if (messages.length === 0) return <p className="cg-muted">{t('cases.threads.empty')}</p>;
  return (
    <ol className="cg-case-thread" aria-label={t('cases.threads.messages')}>
      {messages.map((message) => {
        const isMine =
          own.has(message.authorParticipantId) ||
          (caseRecord.viewer.isCoordinator && message.authorRole === 'coordinator');
        return (
          <li key={message.id} className="cg-case-message" data-mine={isMine || undefined}>
            <div className="cg-cluster cg-small">
              <strong>
                <bdi>{message.authorName}</bdi>
              </strong>
              <RoleBadge role={message.authorRole} />
              <span className="cg-muted">
                <ZonedTime value={message.createdAt} />
              </span>
            </div>
            <p className="cg-vdp-text" dir="auto">
              {message.body}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function MessageForm({
  caseRecord,
  auth,
  channel,
  onChanged,
}: {
  caseRecord: Case;
  auth: CaseAuth;
  channel: string;
  onChanged: (updated: Case) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const post = useAction(() => postCaseMessage(caseRecord.id, { body: body.trim(), channel }, auth));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (!body.trim()) return;
    const updated = await post.run();
    if (updated) {
      setBody('');
      setIsSubmitted(false);
      onChanged(updated);
    }
  };
  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      <TextArea
        label={channel === 'all' ? t('cases.threads.writeAll') : t('cases.threads.writePrivate')}
        value={body}
        onChange={setBody}
        rows={4}
        maxLength={20_000}
        dir="auto"
        required
        error={isSubmitted && !body.trim() ? t('cases.threads.bodyRequired') : undefined}
      />
      <CaseErrorAlert error={post.error} />
      <div className="cg-cluster">
        <Button type="submit" isBusy={post.isBusy}>
          {t('cases.threads.send')}
        </Button>
      </div>
    </form>
  );
}
