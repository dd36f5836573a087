import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, CopyButton } from '../../ui/index.ts';

type RecoveryCodesPanelProps = { codes: string[]; onDone: () => void; doneLabel: string };

/** Shown once: the codes, ways to keep them, and a confirmation before the user moves on. */
export function RecoveryCodesPanel({ codes, onDone, doneLabel }: RecoveryCodesPanelProps) {
  const { t } = useTranslation();
  const [hasStored, setHasStored] = useState(false);
  const text = codes.join('\n');

  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'commonground-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="cg-stack">
      <Alert tone="warning" title={t('recoveryCodes.title')} isLive>
        <p>{t('recoveryCodes.explanation')}</p>
      </Alert>
      <ul className="cg-code-list" aria-label={t('recoveryCodes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="cg-cluster">
        <CopyButton
          text={text}
          label={t('recoveryCodes.copyAll')}
          copiedLabel={t('common.copied')}
          failedLabel={t('common.copyFailed')}
        />
        <Button variant="secondary" size="small" onClick={download}>
          {t('recoveryCodes.download')}
        </Button>
      </div>
      <Checkbox label={t('recoveryCodes.confirmStored')} checked={hasStored} onChange={setHasStored} />
      <div>
        <Button onClick={onDone} disabled={!hasStored}>
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}
