import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/errors.ts';
import { formattingLocale } from '../../../lib/dates.tsx';
import { Alert, Button } from '../../../ui/index.ts';
import { useDecryptionProblem } from './DecryptPanel.tsx';
import { useTriageErrorMessage } from './errors.ts';
import { decryptedFileName, formatFileSize, isEncryptedAttachment, saveBytes } from './format.ts';
import { decryptFile, type UnlockedKeys } from './openpgp.ts';
import { attachmentUrl, fetchAttachment } from './triageApi.ts';
import type { ReportAttachment } from './types.ts';

type AttachmentListProps = {
  reportId: string;
  attachments: ReportAttachment[];
  /** The coordinator's unlocked key, when loaded: encrypted files can then be decrypted and saved. */
  keys?: UnlockedKeys | undefined;
  /** Whether the reader could ever decrypt here (coordinators can; reporters hold no key). */
  canDecrypt: boolean;
};

/** Files with their size and SHA-256; encrypted ones decrypted in the browser and saved from memory. */
export function AttachmentList({ reportId, attachments, keys, canDecrypt }: AttachmentListProps) {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return (
    <ul className="cg-triage-attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id} className="cg-stack-tight">
          <span className="cg-cluster">
            <bdi className="cg-triage-file-name">{attachment.fileName}</bdi>
            <span className="cg-muted cg-small">
              {attachment.mediaType} · {formatFileSize(attachment.size, locale)}
            </span>
          </span>
          <span className="cg-small">
            <span className="cg-muted">SHA-256 </span>
            <code className="cg-triage-hash">{attachment.sha256}</code>
          </span>
          <AttachmentActions
            reportId={reportId}
            attachment={attachment}
            keys={keys}
            canDecrypt={canDecrypt && isEncryptedAttachment(attachment)}
          />
        </li>
      ))}
    </ul>
  );
}

function AttachmentActions({
  reportId,
  attachment,
  keys,
  canDecrypt,
}: {
  reportId: string;
  attachment: ReportAttachment;
  keys: UnlockedKeys | undefined;
  canDecrypt: boolean;
}) {
  const { t } = useTranslation();
  const problemOf = useDecryptionProblem();
  const errorMessage = useTriageErrorMessage();
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState('');

  const decryptAndSave = async () => {
    if (!keys) return;
    setIsBusy(true);
    setProblem('');
    setSaved('');
    try {
      const bytes = await fetchAttachment(reportId, attachment.id);
      const file = await decryptFile(keys, bytes);
      const name = decryptedFileName(attachment.fileName, file.fileName);
      saveBytes(file.data, name);
      setSaved(t('triage.attachments.saved', { name }));
    } catch (error) {
      setProblem(error instanceof ApiError ? errorMessage(error) : problemOf(error));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="cg-stack-tight">
      <span className="cg-cluster">
        {canDecrypt && (
          <Button size="small" onClick={() => void decryptAndSave()} isBusy={isBusy} disabled={!keys}>
            {t('triage.attachments.decryptAndSave')}
            <span className="cg-visually-hidden"> {attachment.fileName}</span>
          </Button>
        )}
        <a className="cg-small" href={attachmentUrl(reportId, attachment.id)} download={attachment.fileName}>
          {canDecrypt ? t('triage.attachments.downloadEncrypted') : t('triage.attachments.download')}
          <span className="cg-visually-hidden"> {attachment.fileName}</span>
        </a>
      </span>
      {canDecrypt && !keys && <span className="cg-hint">{t('triage.attachments.needKey')}</span>}
      {problem && (
        <Alert tone="danger" isLive>
          {problem}
        </Alert>
      )}
      {saved && (
        <span className="cg-small" role="status">
          {saved}
        </span>
      )}
    </div>
  );
}
