import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../app/toasts.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Badge, Button, TextArea } from '../../../ui/index.ts';
import { AttachmentList } from './Attachments.tsx';
import { PlainText } from './ContentFields.tsx';
import { useDecryptionProblem } from './DecryptPanel.tsx';
import { useTriageErrorMessage } from './errors.ts';
import { decryptText, type UnlockedKeys } from './openpgp.ts';
import { postMessage } from './triageApi.ts';
import type { Report, ReportMessage } from './types.ts';

/** A reporter's encrypted message: its ciphertext, folded, and decrypted with the loaded key on request. */
function EncryptedBody({ message, keys }: { message: ReportMessage; keys: UnlockedKeys | undefined }) {
  const { t } = useTranslation();
  const problemOf = useDecryptionProblem();
  const [text, setText] = useState<string>();
  const [problem, setProblem] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  const decrypt = async () => {
    if (!keys) return;
    setIsBusy(true);
    setProblem('');
    try {
      setText(await decryptText(keys, message.body));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setIsBusy(false);
    }
  };

  if (text !== undefined) {
    return (
      <div className="cg-stack-tight">
        <span className="cg-small cg-muted" role="status">
          {t('triage.thread.decryptedHere')}
        </span>
        <PlainText text={text} />
      </div>
    );
  }
  return (
    <div className="cg-stack-tight">
      <details className="cg-triage-ciphertext">
        <summary>{t('triage.thread.showCiphertext')}</summary>
        <pre dir="ltr">{message.body}</pre>
      </details>
      <span className="cg-cluster">
        <Button
          size="small"
          variant="secondary"
          onClick={() => void decrypt()}
          isBusy={isBusy}
          disabled={!keys}
        >
          {t('triage.thread.decrypt')}
        </Button>
        {!keys && <span className="cg-hint">{t('triage.thread.needKey')}</span>}
      </span>
      {problem && (
        <Alert tone="danger" isLive>
          {problem}
        </Alert>
      )}
    </div>
  );
}

type ThreadProps = { report: Report; keys?: UnlockedKeys | undefined };

/** The exchange between the reporter and the program, oldest first. */
export function ThreadView({ report, keys }: ThreadProps) {
  const { t } = useTranslation();
  const isCoordinator = report.viewerRole === 'coordinator';
  const messages = [...report.messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (messages.length === 0) return <p className="cg-muted">{t('triage.thread.empty')}</p>;
  return (
    <ol className="cg-triage-thread">
      {messages.map((message) => {
        const isFromReporter = message.authorRole === 'reporter';
        return (
          <li
            key={message.id}
            className="cg-triage-message"
            data-side={isFromReporter ? 'reporter' : 'program'}
          >
            <div className="cg-triage-message-meta cg-cluster">
              <strong>
                {isFromReporter
                  ? isCoordinator
                    ? t('triage.thread.reporter')
                    : t('triage.thread.you')
                  : t('triage.thread.program')}
              </strong>
              {isCoordinator && message.authorName && !isFromReporter && (
                <span className="cg-muted">
                  <bdi>{message.authorName}</bdi>
                </span>
              )}
              {message.isEncrypted && <Badge tone="info">{t('triage.thread.encrypted')}</Badge>}
              <span className="cg-small cg-muted">
                <DateTime value={message.createdAt} />
              </span>
            </div>
            {message.isEncrypted ? (
              isCoordinator ? (
                <EncryptedBody message={message} keys={keys} />
              ) : (
                <p className="cg-muted">{t('triage.thread.encryptedForProgram')}</p>
              )
            ) : (
              <PlainText text={message.body} />
            )}
            {message.attachments.length > 0 && (
              <AttachmentList
                reportId={report.id}
                attachments={message.attachments}
                keys={keys}
                canDecrypt={isCoordinator && message.isEncrypted}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A message to the other side; sent in clear, which the form says when the report itself was encrypted. */
export function ReplyForm({ report, onSent }: { report: Report; onSent: (report: Report) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useTriageErrorMessage();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState('');
  const send = useAction(() => postMessage(report.id, { body: body.trim() }));
  const isCoordinator = report.viewerRole === 'coordinator';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setProblem(t('triage.thread.messageRequired'));
    setProblem('');
    const updated = await send.run();
    if (updated === undefined) return;
    setBody('');
    toast(t('triage.thread.sent'));
    onSent(updated);
  };

  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      {send.error && (
        <Alert tone="danger" isLive>
          {errorMessage(send.error)}
        </Alert>
      )}
      {report.isEncrypted && <Alert tone="warning">{t('triage.thread.clearWarning')}</Alert>}
      <TextArea
        label={isCoordinator ? t('triage.thread.messageToReporter') : t('triage.thread.messageToProgram')}
        hint={isCoordinator && !report.acknowledgedAt ? t('triage.thread.acknowledgesHint') : undefined}
        value={body}
        onChange={setBody}
        rows={5}
        maxLength={20000}
        required
        dir="auto"
        error={problem || undefined}
      />
      <div className="cg-cluster">
        <Button type="submit" isBusy={send.isBusy}>
          {t('triage.thread.send')}
        </Button>
      </div>
    </form>
  );
}
