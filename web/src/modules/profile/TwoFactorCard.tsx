import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { TotpEnrolment } from '../../api/types.ts';
import { useAuth, useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Badge, Button, Card } from '../../ui/index.ts';
import { RecoveryCodesPanel } from '../auth/RecoveryCodesPanel.tsx';
import { PasswordConfirmDialog } from './PasswordConfirmDialog.tsx';
import { TotpEnrolmentForm } from './TotpEnrolmentForm.tsx';

type OpenDialog = 'none' | 'disable' | 'regenerate';

export function TwoFactorCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { refresh } = useAuth();
  const toast = useToast();
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [dialog, setDialog] = useState<OpenDialog>('none');

  const start = useAction(() => call(api.POST('/api/v1/me/totp/enrolment')));
  const disable = useAction(async (password: string) => {
    await call(api.DELETE('/api/v1/me/totp', { body: { password } }));
    return true;
  });
  const regenerate = useAction((password: string) =>
    call(api.POST('/api/v1/me/recovery-codes', { body: { password } })),
  );

  const onStart = async () => {
    const result = await start.run();
    if (result) setEnrolment(result);
  };
  const onActivated = (codes: string[]) => {
    setEnrolment(undefined);
    setRecoveryCodes(codes);
    void refresh();
  };
  const onDisable = async (password: string) => {
    if (!(await disable.run(password))) return;
    setDialog('none');
    toast(t('totp.disabled'));
    void refresh();
  };
  const onRegenerate = async (password: string) => {
    const result = await regenerate.run(password);
    if (!result) return;
    setDialog('none');
    setRecoveryCodes(result.recoveryCodes);
  };
  const closeDialog = () => {
    disable.reset();
    regenerate.reset();
    setDialog('none');
  };

  const status = user.hasTotp ? (
    <Badge tone="success">{t('totp.on')}</Badge>
  ) : (
    <Badge tone="warning">{t('totp.off')}</Badge>
  );

  return (
    <Card title={t('totp.title')} actions={status} description={t('totp.intro')}>
      {recoveryCodes ? (
        <RecoveryCodesPanel
          codes={recoveryCodes}
          onDone={() => setRecoveryCodes(undefined)}
          doneLabel={t('common.done')}
        />
      ) : enrolment ? (
        <TotpEnrolmentForm
          enrolment={enrolment}
          onActivated={onActivated}
          onCancel={() => setEnrolment(undefined)}
        />
      ) : (
        <div className="cg-stack">
          <FormErrorAlert error={start.error} />
          {user.isPlatformAdmin && <p className="cg-muted">{t('totp.requiredForAdmins')}</p>}
          <div className="cg-cluster">
            {user.hasTotp ? (
              <>
                <Button variant="secondary" onClick={() => setDialog('regenerate')}>
                  {t('recoveryCodes.regenerate')}
                </Button>
                <Button variant="danger" onClick={() => setDialog('disable')}>
                  {t('totp.disable')}
                </Button>
              </>
            ) : (
              <Button onClick={() => void onStart()} isBusy={start.isBusy}>
                {t('totp.setUp')}
              </Button>
            )}
          </div>
        </div>
      )}
      <PasswordConfirmDialog
        isOpen={dialog === 'disable'}
        title={t('totp.disableTitle')}
        confirmLabel={t('totp.disable')}
        isDanger
        isBusy={disable.isBusy}
        error={disable.error}
        onConfirm={(password) => void onDisable(password)}
        onClose={closeDialog}
      >
        <p>{t('totp.disableWarning')}</p>
      </PasswordConfirmDialog>
      <PasswordConfirmDialog
        isOpen={dialog === 'regenerate'}
        title={t('recoveryCodes.regenerateTitle')}
        confirmLabel={t('recoveryCodes.regenerate')}
        isBusy={regenerate.isBusy}
        error={regenerate.error}
        onConfirm={(password) => void onRegenerate(password)}
        onClose={closeDialog}
      >
        <p>{t('recoveryCodes.regenerateWarning')}</p>
      </PasswordConfirmDialog>
    </Card>
  );
}
