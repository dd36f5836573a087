import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/errors.ts';
import { Alert, Button, Checkbox, Spinner, TextArea } from '../../../ui/index.ts';
import { Fingerprint } from '../shared/Fingerprint.tsx';
import { encryptBytes, encryptText, OpenpgpBrowserError, preloadOpenpgp } from '../shared/openpgpBrowser.ts';
import {
  type AttachmentInput,
  type CreateMessageBody,
  MAX_ATTACHMENTS,
  type ProgramOpenpgp,
  type Report,
} from '../shared/types.ts';
import { fileLimitOf, useReporterErrorMessage } from './errors.ts';
import { FilesField } from './FilesField.tsx';
import { type ChosenFile, encryptedAttachment, plainAttachment } from './files.ts';
import { postMessageWithToken } from './reporterApi.ts';

const MAX_MESSAGE = 50_000;

type ReplyFormProps = {
  report: Report;
  token: string;
  /** The program's key, when the report was sent encrypted and the program still publishes its key. */
  programKey: ProgramOpenpgp | null;
  isKeyLoading: boolean;
  onPosted: (report: Report) => void;
};

/** A reply to the program; for an encrypted report, encrypted in this browser to the program's key by default. */
export function ReplyForm({ report, token, programKey, isKeyLoading, onPosted }: ReplyFormProps) {
  const { t } = useTranslation();
  const errorMessage = useReporterErrorMessage();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const canEncrypt = report.isEncrypted && programKey !== null;
  const [isEncrypting, setIsEncrypting] = useState(true);
  const [stage, setStage] = useState<'idle' | 'encrypting' | 'sending'>('idle');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<ApiError | OpenpgpBrowserError>();
  const [fileLimit, setFileLimit] = useState<number | null>(null);
  const [isSent, setIsSent] = useState(false);
  const isSending = useRef(false);
  const willEncrypt = canEncrypt && isEncrypting;

  useEffect(() => {
    if (willEncrypt) preloadOpenpgp();
  }, [willEncrypt]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending.current) return;
    setIsSent(false);
    setFailure(undefined);
    const text = body.trim();
    if (!text) {
      setError(t('reporter.reply.required'));
      return;
    }
    if (text.length > MAX_MESSAGE) {
      setError(t('reporter.form.tooLong', { max: MAX_MESSAGE }));
      return;
    }
    if (files.some((entry) => entry.file.size === 0)) {
      setError(t('reporter.files.empty'));
      return;
    }
    setError(undefined);
    isSending.current = true;
    try {
      const message: CreateMessageBody = { body: text };
      const attachments: AttachmentInput[] = [];
      if (willEncrypt && programKey) {
        setStage('encrypting');
        message.body = await encryptText(text, programKey.armored);
        message.isEncrypted = true;
        for (const [index, entry] of files.entries()) {
          const data = new Uint8Array(await entry.file.arrayBuffer());
          attachments.push(
            encryptedAttachment(index, await encryptBytes(data, programKey.armored, entry.file.name)),
          );
        }
      } else {
        for (const entry of files) attachments.push(await plainAttachment(entry.file));
      }
      if (attachments.length > 0) message.attachments = attachments;
      setStage('sending');
      const updated = await postMessageWithToken(report.id, token, message);
      setBody('');
      setFiles([]);
      setIsSent(true);
      onPosted(updated);
    } catch (caught) {
      const known =
        caught instanceof ApiError || caught instanceof OpenpgpBrowserError
          ? caught
          : new ApiError(0, 'file_unreadable');
      setFailure(known);
      const limit = known instanceof ApiError ? fileLimitOf(known) : null;
      if (limit !== null) setFileLimit(limit);
    } finally {
      isSending.current = false;
      setStage('idle');
    }
  };

  const isBusy = stage !== 'idle';
  return (
    <form className="cg-stack cg-vdp-reply" onSubmit={onSubmit} noValidate>
      <h3>{t('reporter.reply.title')}</h3>
      {failure && (
        <Alert tone="danger" title={t('reporter.reply.notSent')} isLive>
          <p>{errorMessage(failure)}</p>
        </Alert>
      )}
      {isSent && (
        <Alert tone="success" isLive>
          {t('reporter.reply.sent')}
        </Alert>
      )}
      <TextArea
        label={t('reporter.reply.label')}
        hint={willEncrypt ? t('reporter.reply.hintEncrypted') : t('reporter.reply.hint')}
        value={body}
        onChange={(value) => {
          setBody(value);
          setIsSent(false);
        }}
        error={error}
        rows={5}
        required
        dir="auto"
      />
      <FilesField
        label={t('reporter.fields.attachments')}
        hint={willEncrypt ? t('reporter.files.hintEncrypted') : t('reporter.files.hint')}
        files={files}
        onChange={setFiles}
        maxFiles={MAX_ATTACHMENTS}
        maxBytes={fileLimit}
        disabled={isBusy}
      />
      {report.isEncrypted &&
        (canEncrypt && programKey ? (
          <div className="cg-vdp-encryption">
            <Checkbox
              label={t('reporter.reply.encrypt')}
              hint={isEncrypting ? t('reporter.reply.encryptHint') : t('reporter.reply.clearHint')}
              checked={isEncrypting}
              onChange={setIsEncrypting}
              disabled={isBusy}
            />
            <div className="cg-stack-tight cg-vdp-encryption-key">
              <span className="cg-small cg-muted">{t('reporter.form.keyFingerprint')}</span>
              <Fingerprint value={programKey.fingerprint} />
            </div>
          </div>
        ) : isKeyLoading ? (
          <Spinner label={t('common.loading')} />
        ) : (
          <Alert tone="warning">{t('reporter.reply.noKey')}</Alert>
        ))}
      <div className="cg-cluster">
        <Button type="submit" isBusy={isBusy}>
          {willEncrypt ? t('reporter.reply.sendEncrypted') : t('reporter.reply.send')}
        </Button>
        {isBusy && (
          <Spinner
            label={stage === 'encrypting' ? t('reporter.form.encrypting') : t('reporter.form.sending')}
            isLabelVisible
          />
        )}
      </div>
    </form>
  );
}
