import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';
import { Button } from '../../../ui/index.ts';
import { type ChosenFile, formatFileSize } from './files.ts';

type FilesFieldProps = {
  label: string;
  hint: string;
  files: ChosenFile[];
  onChange: (update: (files: ChosenFile[]) => ChosenFile[]) => void;
  maxFiles: number;
  /** The per-file limit, once the server has told it (a 413 names it); null before. */
  maxBytes: number | null;
  error?: string | undefined;
  disabled?: boolean;
};

/** Files to send: each with its size and a way to remove it; the input stops at the most allowed. */
export function FilesField({
  label,
  hint,
  files,
  onChange,
  maxFiles,
  maxBytes,
  error,
  disabled,
}: FilesFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const id = useId();
  const isFull = files.length >= maxFiles;

  const add = (chosen: FileList | null) => {
    const added = [...(chosen ?? [])].map((file) => ({
      key: `${file.name}:${file.size}:${file.lastModified}:${Math.random()}`,
      file,
    }));
    onChange((current) => [...current, ...added]);
  };

  return (
    <div className="cg-field">
      <label className="cg-label" htmlFor={id}>
        {label}
        <span className="cg-label-note">{t('common.optional')}</span>
      </label>
      <div className="cg-hint" id={`${id}-hint`}>
        {hint} {t('reporter.files.limit', { max: maxFiles })}
        {maxBytes !== null && (
          <> {t('reporter.files.sizeLimit', { limit: formatFileSize(maxBytes, locale) })}</>
        )}
      </div>
      <input
        id={id}
        type="file"
        multiple
        disabled={disabled || isFull}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          add(event.target.files);
          event.target.value = '';
        }}
      />
      {files.length > 0 && (
        <ul className="cg-vdp-files" aria-label={label}>
          {files.map((entry) => {
            const isTooLarge = maxBytes !== null && entry.file.size > maxBytes;
            const isEmpty = entry.file.size === 0;
            return (
              <li key={entry.key}>
                <span className="cg-stack-tight">
                  <bdi className="cg-vdp-file-name">{entry.file.name}</bdi>
                  <span className="cg-muted cg-small">{formatFileSize(entry.file.size, locale)}</span>
                  {(isTooLarge || isEmpty) && (
                    <span className="cg-field-error">
                      <span aria-hidden="true">⚠ </span>
                      {isEmpty
                        ? t('reporter.files.empty')
                        : t('reporter.files.tooLarge', { limit: formatFileSize(maxBytes ?? 0, locale) })}
                    </span>
                  )}
                </span>
                <Button
                  variant="ghost"
                  size="small"
                  disabled={disabled}
                  onClick={() => onChange((current) => current.filter((item) => item.key !== entry.key))}
                >
                  {t('reporter.files.remove')}
                  <span className="cg-visually-hidden"> {entry.file.name}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {isFull && <div className="cg-hint">{t('reporter.files.full', { max: maxFiles })}</div>}
      {error && (
        <div className="cg-field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}
