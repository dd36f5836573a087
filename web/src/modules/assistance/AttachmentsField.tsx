import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../lib/dates.tsx';
import { Button } from '../../ui/index.ts';
import { formatFileSize, readFileAsBase64, sha256Hex } from './files.ts';
import type { NewAttachment } from './types.ts';

export type ChosenFile = { key: string; file: File; sha256: string | null };

type AttachmentsFieldProps = {
  files: ChosenFile[];
  onChange: (update: (files: ChosenFile[]) => ChosenFile[]) => void;
  maxFiles: number;
  maxBytes: number;
  error?: string | undefined;
};

/** Files to send with a request: name, size and SHA-256 (computed here, so the sender can compare). */
export function AttachmentsField({ files, onChange, maxFiles, maxBytes, error }: AttachmentsFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const add = (chosen: FileList | null) => {
    const added = [...(chosen ?? [])].map((file) => ({
      key: `${file.name}:${file.size}:${file.lastModified}:${Math.random()}`,
      file,
      sha256: null,
    }));
    onChange((current) => [...current, ...added]);
    for (const entry of added) {
      void sha256Hex(entry.file).then(
        (sha256) =>
          onChange((current) => current.map((item) => (item.key === entry.key ? { ...item, sha256 } : item))),
        () => undefined,
      );
    }
  };

  return (
    <div className="cg-field">
      <label className="cg-label" htmlFor={id}>
        {t('assistance.fields.attachments')}
        <span className="cg-label-note">{t('common.optional')}</span>
      </label>
      <div className="cg-hint" id={hintId}>
        {t('assistance.fields.attachmentsHint', { max: maxFiles, limit: formatFileSize(maxBytes, locale) })}
      </div>
      <input
        id={id}
        type="file"
        multiple
        disabled={files.length >= maxFiles}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          add(event.target.files);
          event.target.value = '';
        }}
      />
      {files.length > 0 && (
        <ul className="cg-rfa-files" aria-live="polite">
          {files.map((entry) => (
            <li key={entry.key}>
              <div className="cg-stack-tight">
                <span className="cg-cluster">
                  <bdi className="cg-rfa-file-name">{entry.file.name}</bdi>
                  <span className="cg-muted cg-small">{formatFileSize(entry.file.size, locale)}</span>
                  {entry.file.size > maxBytes && (
                    <span className="cg-field-error">
                      {t('assistance.fields.fileTooLarge', { limit: formatFileSize(maxBytes, locale) })}
                    </span>
                  )}
                </span>
                <span className="cg-small">
                  <span className="cg-muted">SHA-256 </span>
                  <code className="cg-rfa-hash">{entry.sha256 ?? t('assistance.fields.hashing')}</code>
                </span>
              </div>
              <Button
                variant="ghost"
                size="small"
                onClick={() => onChange((current) => current.filter((item) => item.key !== entry.key))}
                aria-label={t('assistance.fields.removeFile', { name: entry.file.name })}
              >
                {t('assistance.fields.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="cg-field-error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}

/** The files as the API takes them. */
export async function toNewAttachments(files: ChosenFile[]): Promise<NewAttachment[]> {
  return Promise.all(
    files.map(async (entry) => ({
      fileName: safeFileName(entry.file.name),
      mediaType: entry.file.type || 'application/octet-stream',
      contentBase64: await readFileAsBase64(entry.file),
    })),
  );
}

/** The server refuses slashes and control characters in file names; they become underscores. */
function safeFileName(name: string): string {
  return [...name]
    .map((char) => (char === '/' || char === '\\' || char.charCodeAt(0) < 32 ? '_' : char))
    .join('');
}
