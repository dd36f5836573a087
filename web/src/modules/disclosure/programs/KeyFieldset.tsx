import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../lib/dates.tsx';
import { Checkbox, TextArea } from '../../../ui/index.ts';
import { Fingerprint } from '../shared/Fingerprint.tsx';
import type { ProgramOpenpgp } from '../shared/types.ts';

export const PUBLIC_KEY_ARMOR = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
export const PRIVATE_KEY_ARMOR = '-----BEGIN PGP PRIVATE KEY BLOCK-----';
/** The API's limit on an armored key, in characters. */
const MAX_KEY_FILE = 70_000;

type KeyFieldsetProps = {
  /** The key the program has now, with its fingerprint and expiry as the server read them. */
  current: Omit<ProgramOpenpgp, 'armored'> | null;
  value: string;
  onChange: (value: string) => void;
  removeKey: boolean;
  onRemoveKey: (value: boolean) => void;
  error: string | undefined;
};

/**
 * The program's OpenPGP public key: pasted, or read from a file in the browser. A private key is refused
 * here already, before it could leave the computer.
 */
export function KeyFieldset({ current, value, onChange, removeKey, onRemoveKey, error }: KeyFieldsetProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const [fileError, setFileError] = useState<string>();

  const onFile = async (file: File | undefined) => {
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_KEY_FILE) {
      setFileError(t('disclosurePrograms.editor.keyFileTooLarge'));
      return;
    }
    const text = await file.text().catch(() => '');
    if (text.includes(PRIVATE_KEY_ARMOR)) {
      setFileError(t('disclosurePrograms.editor.privateKey'));
      return;
    }
    if (!text.includes(PUBLIC_KEY_ARMOR)) {
      setFileError(t('disclosurePrograms.editor.keyFileNotArmored'));
      return;
    }
    onChange(text.trim());
  };

  return (
    <fieldset className="cg-fieldset cg-stack">
      <legend>{t('disclosurePrograms.keyTitle')}</legend>
      <p className="cg-hint">{t('disclosurePrograms.editor.keyIntro')}</p>
      {current && (
        <div className="cg-stack-tight">
          <span>{t('disclosurePrograms.editor.currentKey')}</span>
          <Fingerprint value={current.fingerprint} />
          <span className="cg-small">
            {current.expiresAt ? (
              <>
                {t('disclosurePrograms.keyExpires')} <DateTime value={current.expiresAt} isDateOnly />
              </>
            ) : (
              t('disclosurePrograms.keyNoExpiry')
            )}
          </span>
          <Checkbox
            label={t('disclosurePrograms.editor.removeKey')}
            hint={t('disclosurePrograms.editor.removeKeyHint')}
            checked={removeKey}
            onChange={onRemoveKey}
            disabled={value.trim() !== ''}
          />
        </div>
      )}
      <TextArea
        label={current ? t('disclosurePrograms.editor.replaceKey') : t('disclosurePrograms.editor.key')}
        labelNote={t('common.optional')}
        hint={t('disclosurePrograms.editor.keyHint')}
        value={value}
        onChange={onChange}
        error={error}
        rows={6}
        dir="ltr"
        spellCheck={false}
        placeholder={PUBLIC_KEY_ARMOR}
      />
      <div className="cg-field cg-vdp-key-file">
        <label className="cg-label" htmlFor={fileId}>
          {t('disclosurePrograms.editor.keyFile')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".asc,.txt,.pub,.key,application/pgp-keys,text/plain"
          aria-describedby={fileError ? `${fileId}-error` : undefined}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => {
            void onFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        {fileError && (
          <div className="cg-field-error" id={`${fileId}-error`}>
            {fileError}
          </div>
        )}
      </div>
    </fieldset>
  );
}
