import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useNow } from '../../lib/useNow.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, ButtonLink, Card, PageHeader, PageSpinner, Table, TlpBadge } from '../../ui/index.ts';
import { ActionBar, MessageCard } from './ActionBar.tsx';
import { getRequest } from './assistanceApi.ts';
import { Deadline, StatusBadge } from './badges.tsx';
import { useCodeLabels } from './codes.ts';
import { printPath, requestsPath } from './paths.ts';
import { PlainText, RequestFields } from './RequestFields.tsx';
import { AttachmentList, ThreadView } from './Thread.tsx';
import { useTlpMeanings } from './tlp.ts';
import type { AssistanceRequest } from './types.ts';
import './assistance.css';

/** /requests/:id: one request, where it stands with each recipient, its thread, and what the reader may do. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { messageOf } = useErrorMessages();
  const request = useQuery(`assistance-request:${id}`, () => getRequest(id));
  usePageTitle(request.data?.title ?? t('assistance.thread.title'));

  if (request.isLoading && !request.data) return <PageSpinner label={t('common.loading')} />;
  if (!request.data) {
    return (
      <>
        <PageHeader title={t('assistance.thread.title')} />
        <Alert tone="danger">{request.error ? messageOf(request.error) : t('errors.not_found')}</Alert>
        <Link to={requestsPath()}>{t('assistance.backToList')}</Link>
      </>
    );
  }
  return <RequestView request={request.data} onChanged={request.reload} />;
}

function RequestView({ request, onChanged }: { request: AssistanceRequest; onChanged: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const tlpMeanings = useTlpMeanings();
  const now = useNow();
  const isClosed = request.closedAt !== null;
  const isAckOverdue = !isClosed && request.recipients.some((recipient) => recipient.isAcknowledgeOverdue);
  const isResponseOverdue = !isClosed && request.recipients.some((recipient) => recipient.isResponseOverdue);
  return (
    <>
      <nav aria-label={t('assistance.breadcrumb')} className="cg-small">
        <Link to={requestsPath(request.viewer.isSender ? 'outbox' : 'inbox')}>
          {t('assistance.backToList')}
        </Link>
      </nav>
      <div className="cg-rfa-tlp-banner">
        <TlpBadge label={request.tlp} />
        <span>{tlpMeanings[request.tlp]}</span>
      </div>
      <PageHeader
        title={<span dir="auto">{request.title}</span>}
        meta={
          <>
            <span>{label('messageTypes', request.type)}</span>
            <code className="cg-small">{request.id}</code>
            {isClosed && <StatusBadge status="closed" />}
          </>
        }
        actions={
          <ButtonLink to={printPath(request.id)} variant="secondary">
            {t('assistance.printable')}
          </ButtonLink>
        }
      />
      <div className="cg-stack">
        <Card title={t('assistance.thread.status')}>
          <dl className="cg-details-list cg-rfa-fields">
            <dt>{t('assistance.fields.sender')}</dt>
            <dd>
              <bdi>{request.senderOrg.name}</bdi> · <bdi>{request.sender.name}</bdi>
            </dd>
            <dt>{t('assistance.fields.sentAt')}</dt>
            <dd>
              <DateTime value={request.createdAt} />
            </dd>
            <dt>{t('assistance.fields.acknowledgeBy')}</dt>
            <dd>
              <Deadline value={request.acknowledgeBy} isOverdue={isAckOverdue} now={now} />
            </dd>
            <dt>{t('assistance.fields.respondBy')}</dt>
            <dd>
              <Deadline value={request.respondBy} isOverdue={isResponseOverdue} now={now} />
            </dd>
            {isClosed && (
              <>
                <dt>{t('assistance.fields.closedAt')}</dt>
                <dd>
                  <DateTime value={request.closedAt} />
                  {request.closureNote && <PlainText text={request.closureNote} />}
                </dd>
              </>
            )}
          </dl>
          <Table
            caption={t('assistance.fields.recipients')}
            columns={[
              t('assistance.columns.organization'),
              t('assistance.columns.status'),
              t('assistance.columns.acknowledged'),
              t('assistance.columns.decision'),
            ]}
          >
            {request.recipients.map((recipient) => (
              <tr key={recipient.org.id}>
                <td>
                  <bdi>{recipient.org.name}</bdi>
                </td>
                <td>
                  <span className="cg-cluster">
                    {recipient.status ? (
                      <StatusBadge status={recipient.status} />
                    ) : (
                      <span className="cg-muted">—</span>
                    )}
                    {!isClosed && (recipient.isAcknowledgeOverdue || recipient.isResponseOverdue) && (
                      <span className="cg-badge cg-badge-danger">
                        {recipient.isAcknowledgeOverdue
                          ? t('assistance.acknowledgementOverdue')
                          : t('assistance.responseOverdue')}
                      </span>
                    )}
                    {recipient.escalationLevel ? (
                      <span className="cg-badge cg-badge-warning">
                        {t('assistance.escalated', { level: recipient.escalationLevel })}
                      </span>
                    ) : null}
                  </span>
                </td>
                <td>
                  <DateTime value={recipient.acknowledgedAt} />
                </td>
                <td>
                  {recipient.decision ? (
                    <div className="cg-stack-tight">
                      <span>{label('requestStatuses', recipient.decision)}</span>
                      {recipient.decisionReason && <PlainText text={recipient.decisionReason} />}
                    </div>
                  ) : (
                    <span className="cg-muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        </Card>
        <ActionBar request={request} onChanged={onChanged} />
        <Card title={t('assistance.thread.details')}>
          <RequestFields request={request} />
        </Card>
        <Card title={t('assistance.fields.description')}>
          <PlainText text={request.description} />
        </Card>
        {request.attachments.length > 0 && (
          <Card title={t('assistance.fields.attachments')}>
            <AttachmentList requestId={request.id} attachments={request.attachments} />
          </Card>
        )}
        <Card title={t('assistance.thread.heading')}>
          <ThreadView request={request} />
        </Card>
        <MessageCard request={request} onSent={onChanged} />
      </div>
    </>
  );
}
