import { useTranslation } from 'react-i18next';
import { DateTime, formattingLocale } from '../../lib/dates.tsx';
import { Badge } from '../../ui/index.ts';
import { attachmentUrl } from './assistanceApi.ts';
import { formatFileSize } from './files.ts';
import type { AssistanceRequest, AttachmentMeta, MessageKind, ThreadMessage } from './types.ts';

const kindTone: Record<MessageKind, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  message: 'neutral',
  response: 'success',
  decision: 'info',
  acknowledgement: 'info',
  closure: 'neutral',
  escalation: 'warning',
};

/** Attachments with their size and SHA-256, so a reader can check a file against what was sent. */
export function AttachmentList({
  requestId,
  attachments,
  isPrint = false,
}: {
  requestId: string;
  attachments: AttachmentMeta[];
  isPrint?: boolean;
}) {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return (
    <ul className="cg-rfa-attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <span className="cg-cluster">
            {isPrint ? (
              <bdi>{attachment.fileName}</bdi>
            ) : (
              <a href={attachmentUrl(requestId, attachment.id)} download={attachment.fileName}>
                <bdi>{attachment.fileName}</bdi>
              </a>
            )}
            <span className="cg-muted cg-small">
              {attachment.mediaType} · {formatFileSize(attachment.size, locale)}
            </span>
          </span>
          <span className="cg-small">
            <span className="cg-muted">SHA-256 </span>
            <code className="cg-rfa-hash">{attachment.sha256}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The thread in time order: messages, responses, decisions, acknowledgements, escalations and the closure. */
export function ThreadView({ request, isPrint = false }: { request: AssistanceRequest; isPrint?: boolean }) {
  const { t } = useTranslation();
  const messages = [...request.thread].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const orgName = (id: string | null) =>
    request.recipients.find((recipient) => recipient.org.id === id)?.org.name;
  if (messages.length === 0) return <p className="cg-muted">{t('assistance.thread.empty')}</p>;
  return (
    <ol className="cg-rfa-thread">
      {messages.map((message: ThreadMessage) => {
        const isFromSender = message.org.id === request.senderOrg.id;
        return (
          <li key={message.id} className="cg-rfa-message" data-side={isFromSender ? 'sender' : 'recipient'}>
            <div className="cg-rfa-message-meta">
              <Badge tone={kindTone[message.kind] ?? 'neutral'}>
                {t(`assistance.kinds.${message.kind}`)}
              </Badge>
              <strong>
                <bdi>{message.org.name}</bdi>
              </strong>
              <span className="cg-muted">
                <bdi>{message.author.name}</bdi>
              </span>
              {message.toOrgId && (
                <span className="cg-muted cg-small">
                  {t('assistance.thread.to', {
                    organization: `\u2068${orgName(message.toOrgId) ?? message.toOrgId}\u2069`,
                  })}
                </span>
              )}
              <span className="cg-small cg-muted">
                <DateTime value={message.createdAt} />
              </span>
            </div>
            {message.body.trim() && (
              <div className="cg-rfa-text" dir="auto">
                {message.body}
              </div>
            )}
            {message.attachments.length > 0 && (
              <AttachmentList requestId={request.id} attachments={message.attachments} isPrint={isPrint} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
