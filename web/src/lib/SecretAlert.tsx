import { useTranslation } from 'react-i18next';
import { Alert, Button, CopyButton } from '../ui/index.ts';

type SecretAlertProps = { title: string; text: string; secret: string; onDone: () => void };

/** A secret the server shows only once (an API token, a signing secret), with a way to copy it. */
export function SecretAlert({ title, text, secret, onDone }: SecretAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert tone="success" title={title} isLive>
      <p>{text}</p>
      <div className="cg-secret">
        <code>{secret}</code>
        <CopyButton
          text={secret}
          label={t('common.copy')}
          copiedLabel={t('common.copied')}
          failedLabel={t('common.copyFailed')}
        />
      </div>
      <p>
        <Button variant="secondary" size="small" onClick={onDone}>
          {t('common.done')}
        </Button>
      </p>
    </Alert>
  );
}
