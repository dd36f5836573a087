import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, Card, Tabs } from '../../../ui/index.ts';
import type { CaseAuth } from './auth.ts';
import { CaseDetails, CaseTitle, EmbargoBanner } from './CaseHeader.tsx';
import { CaseSettings } from './CaseSettings.tsx';
import { CaseThreads } from './CaseThreads.tsx';
import { ANSWERING_ROLES, ownParticipants, statementsAwaitingReview } from './caseModel.ts';
import { EmbargoPanel } from './EmbargoPanel.tsx';
import { RoleBadge } from './labels.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { ParticipantWork, StatementReview, StatementView } from './ParticipantWork.tsx';
import type { CaseTab } from './paths.ts';
import type { Case } from './types.ts';
import './cases.css';

type CaseViewProps = {
  caseRecord: Case;
  /** Who the page acts as: the session, or a link whose secret goes with every call. */
  auth: CaseAuth;
  onChanged: (updated: Case) => void;
};

/**
 * A case as the viewer's role sees it, for /disclosure/cases/:id and /cases/join alike. The coordinators
 * get the participants panel, the review queue and the case's settings; a participant its own products,
 * statements and private thread, and the others by name and role only.
 */
export function CaseView({ caseRecord, auth, onChanged }: CaseViewProps) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const isCoordinator = caseRecord.viewer.isCoordinator;
  // The response tab is for those who answer for products; an observer or the reporter only reads and writes.
  const own = ownParticipants(caseRecord).filter((participant) => ANSWERING_ROLES.includes(participant.role));
  const hasResponse = own.length > 0;
  const pending = isCoordinator ? statementsAwaitingReview(caseRecord) : [];

  const tabs: { id: CaseTab; label: string }[] = [{ id: 'overview', label: t('cases.tabs.overview') }];
  if (hasResponse) tabs.push({ id: 'response', label: t('cases.tabs.response') });
  tabs.push({
    id: 'participants',
    label: isCoordinator
      ? t('cases.tabs.participantsCount', {
          number: caseRecord.participants.filter((p) => p.role !== 'coordinator' && !p.isRemoved).length,
        })
      : t('cases.tabs.participants'),
  });
  tabs.push({ id: 'messages', label: t('cases.tabs.messages') });
  if (isCoordinator) tabs.push({ id: 'settings', label: t('cases.tabs.settings') });
  const requested = searchParams.get('tab');
  const tab = tabs.find((item) => item.id === requested)?.id ?? 'overview';
  const thread = searchParams.get('thread');

  const go = (next: CaseTab, threadId: string | null = null) => {
    const params = new URLSearchParams(searchParams);
    if (next === 'overview') params.delete('tab');
    else params.set('tab', next);
    if (threadId) params.set('thread', threadId);
    else params.delete('thread');
    setSearchParams(params, { replace: true });
  };

  return (
    <>
      <EmbargoBanner caseRecord={caseRecord} />
      <CaseTitle caseRecord={caseRecord} />
      {caseRecord.status !== 'open' && (
        <Alert tone="info" className="cg-case-banner">
          {t('cases.closedNotice')}
        </Alert>
      )}
      <Tabs label={t('cases.tabs.label')} tabs={tabs} selectedId={tab} onSelect={(id) => go(id as CaseTab)}>
        <div className="cg-stack cg-case-tab-panel">
          {tab === 'overview' && (
            <>
              {isCoordinator && pending.length > 0 && (
                <Card title={t('cases.statements.queueTitle')} description={t('cases.statements.queueIntro')}>
                  <ol className="cg-case-statements">
                    {pending.map(({ participant, statement }) => (
                      <li key={statement.id}>
                        <div className="cg-cluster">
                          <strong dir="auto">{participant.name}</strong>
                          <RoleBadge role={participant.role} />
                        </div>
                        <StatementView statement={statement} />
                        <StatementReview caseId={caseRecord.id} statement={statement} onChanged={onChanged} />
                      </li>
                    ))}
                  </ol>
                </Card>
              )}
              <EmbargoPanel caseRecord={caseRecord} auth={auth} onChanged={onChanged} />
              <CaseDetails caseRecord={caseRecord} />
            </>
          )}
          {tab === 'response' &&
            own.map((participant) => (
              <Card
                key={participant.id}
                title={t('cases.response.title', { name: participant.name })}
                description={t('cases.response.intro')}
              >
                <ParticipantWork
                  caseRecord={caseRecord}
                  participant={participant}
                  auth={auth}
                  onChanged={onChanged}
                />
              </Card>
            ))}
          {tab === 'participants' &&
            (isCoordinator ? (
              <ParticipantsPanel
                caseRecord={caseRecord}
                auth={auth}
                onChanged={onChanged}
                onOpenThread={(participantId) => go('messages', participantId)}
              />
            ) : (
              <ParticipantList caseRecord={caseRecord} />
            ))}
          {tab === 'messages' && (
            <Card title={t('cases.threads.title')}>
              <CaseThreads
                caseRecord={caseRecord}
                auth={auth}
                onChanged={onChanged}
                thread={thread}
                onThreadChange={(id) => go('messages', id)}
              />
            </Card>
          )}
          {tab === 'settings' && isCoordinator && (
            <CaseSettings caseRecord={caseRecord} onChanged={onChanged} />
          )}
        </div>
      </Tabs>
    </>
  );
}

/** What a participant sees of the others: names and roles, nothing of their answers. */
function ParticipantList({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const own = new Set(caseRecord.viewer.participantIds);
  return (
    <Card title={t('cases.participants.title')} description={t('cases.participants.othersIntro')}>
      <ul className="cg-case-people">
        {caseRecord.participants.map((participant) => (
          <li key={participant.id} className="cg-cluster">
            <bdi>{participant.name}</bdi>
            <RoleBadge role={participant.role} />
            {own.has(participant.id) && (
              <span className="cg-small cg-muted">{t('cases.participants.you')}</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
