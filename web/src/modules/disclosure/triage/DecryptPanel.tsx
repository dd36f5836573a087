import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, TextArea, TextField } from '../../../ui/index.ts';
import { ContentFields, PlainText } from './ContentFields.tsx';
import { groupedFingerprint, parseReportContent } from './format.ts';
import {
  DecryptionError,
  decryptText,
  keySourceOf,
  type UnlockedKeys,
  unlockPrivateKeys,
} from './openpgp.ts';
import type { ReportContent } from './types.ts';

/** What decrypting a report gave: its fields when it is a report's JSON, else the plain text. */
export type DecryptedReport = { content: ReportContent | undefined; text: string };

/** The message for a failure to unlock or decrypt, in the reader's language. */
export function useDecryptionProblem() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof DecryptionError)) return t('triage.decrypt.problems.load_failed');
    switch (error.problem) {
      case 'not_a_key':
        return t('triage.decrypt.problems.not_a_key');
      case 'public_key':
        return t('triage.decrypt.problems.public_key');
      case 'wrong_passphrase':
        return t('triage.decrypt.problems.wrong_passphrase');
      case 'wrong_key':
        return t('triage.decrypt.problems.wrong_key');
      case 'not_a_message':
        return t('triage.decrypt.problems.not_a_message');
      default:
        return t('triage.decrypt.problems.failed');
    }
  };
}

type KeyFormProps = {
  /** What the key is tried on right away; a failure there keeps the form open with its message. */
  onUnlocked: (keys: UnlockedKeys) => Promise<void>;
};

/** Choosing the private key (a file or pasted armored text) and its passphrase; nothing leaves the browser. */
function KeyForm({ onUnlocked }: KeyFormProps) {
  const { t } = useTranslation();
  const problemOf = useDecryptionProblem();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file && !pasted.trim()) return setProblem(t('triage.decrypt.keyRequired'));
    setProblem('');
    setIsBusy(true);
    try {
      const source = file ? keySourceOf(new Uint8Array(await file.arrayBuffer())) : pasted;
      const keys = await unlockPrivateKeys(source, passphrase);
      await onUnlocked(keys);
      // The unlocked key stays in this page's memory only; the typed secrets go at once.
      setPassphrase('');
      setPasted('');
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      <div className="cg-field">
        <label className="cg-label" htmlFor={fileId}>
          {t('triage.decrypt.keyFile')}
        </label>
        <div className="cg-hint" id={`${fileId}-hint`}>
          {t('triage.decrypt.keyFileHint')}
        </div>
        <input
          id={fileId}
          type="file"
          className="cg-triage-file"
          accept=".asc,.key,.gpg,.pgp,.txt,application/pgp-keys"
          aria-describedby={`${fileId}-hint`}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <TextArea
        label={t('triage.decrypt.pasteKey')}
        labelNote={t('common.optional')}
        hint={t('triage.decrypt.pasteKeyHint')}
        value={pasted}
        onChange={setPasted}
        rows={4}
        className="cg-triage-key-paste"
        spellCheck={false}
        autoComplete="off"
        dir="ltr"
      />
      <TextField
        label={t('triage.decrypt.passphrase')}
        labelNote={t('common.optional')}
        hint={t('triage.decrypt.passphraseHint')}
        type="password"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="off"
        dir="ltr"
      />
      {problem && (
        <Alert tone="danger" isLive>
          {problem}
        </Alert>
      )}
      <div className="cg-cluster">
        <Button type="submit" isBusy={isBusy}>
          {t('triage.decrypt.submit')}
        </Button>
      </div>
    </form>
  );
}

type DecryptPanelProps = {
  ciphertext: string;
  keys: UnlockedKeys | undefined;
  decrypted: DecryptedReport | undefined;
  onUnlocked: (keys: UnlockedKeys, decrypted: DecryptedReport) => void;
  onForget: () => void;
  /** Offered once the fields are readable: fills the triage form's title and product. */
  onCopyToTriage?: ((content: ReportContent) => void) | undefined;
};

/**
 * An encrypted report: the promise that the key stays here, the key form, then the decrypted fields with
 * the key's fingerprint and a way to forget it.
 */
export function DecryptPanel({
  ciphertext,
  keys,
  decrypted,
  onUnlocked,
  onForget,
  onCopyToTriage,
}: DecryptPanelProps) {
  const { t } = useTranslation();
  const problemOf = useDecryptionProblem();
  const [problem, setProblem] = useState('');

  const decryptWith = async (unlocked: UnlockedKeys) => {
    const text = await decryptText(unlocked, ciphertext);
    onUnlocked(unlocked, { content: parseReportContent(text), text });
  };

  // A key loaded for a message of the thread opens the report too, on request.
  const decryptWithLoadedKey = async () => {
    if (!keys) return;
    setProblem('');
    try {
      await decryptWith(keys);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <div className="cg-stack">
      <Alert tone="info" title={t('triage.decrypt.localTitle')}>
        <p>{t('triage.decrypt.localText')}</p>
      </Alert>
      {!keys && <KeyForm onUnlocked={decryptWith} />}
      {keys && (
        <div className="cg-triage-key-status">
          <p>
            {t('triage.decrypt.keyLoaded')}{' '}
            {keys.fingerprints.map((fingerprint) => (
              <code key={fingerprint} className="cg-triage-fingerprint" dir="ltr">
                {groupedFingerprint(fingerprint)}
              </code>
            ))}
          </p>
          <div className="cg-cluster">
            {!decrypted && (
              <Button variant="secondary" size="small" onClick={() => void decryptWithLoadedKey()}>
                {t('triage.decrypt.submitLoaded')}
              </Button>
            )}
            <Button variant="secondary" size="small" onClick={onForget}>
              {t('triage.decrypt.forget')}
            </Button>
          </div>
          {problem && (
            <Alert tone="danger" isLive>
              {problem}
            </Alert>
          )}
        </div>
      )}
      {decrypted && (
        <div className="cg-stack cg-triage-decrypted">
          <Alert tone="success" isLive>
            {t('triage.decrypt.done')}
          </Alert>
          {decrypted.content ? (
            <>
              <ContentFields content={decrypted.content} showTitle />
              {onCopyToTriage && (
                <div className="cg-stack-tight">
                  <div className="cg-cluster">
                    <Button
                      variant="secondary"
                      onClick={() => decrypted.content && onCopyToTriage(decrypted.content)}
                    >
                      {t('triage.decrypt.copyToTriage')}
                    </Button>
                  </div>
                  <p className="cg-hint">{t('triage.decrypt.copyToTriageHint')}</p>
                </div>
              )}
            </>
          ) : (
            <>
              <Alert tone="warning">{t('triage.decrypt.notReportJson')}</Alert>
              <PlainText text={decrypted.text} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
