import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { TotpEnrolment } from '../../api/types.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, TextField } from '../../ui/index.ts';
import { TotpEnrolmentPanel } from '../auth/TotpEnrolmentPanel.tsx';

type TotpEnrolmentFormProps = {
  enrolment: TotpEnrolment;
  onActivated: (recoveryCodes: string[]) => void;
  onCancel: () => void;
};

/** Scan, then prove it works with a first code; only then is 2FA switched on. */
export function TotpEnrolmentForm({ enrolment, onActivated, onCancel }: TotpEnrolmentFormProps) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [code, setCode] = useState('');
  const activate = useAction(() =>
    call(api.POST('/api/v1/me/totp/activation', { body: { code: code.trim() } })),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await activate.run();
    if (result) onActivated(result.recoveryCodes);
  };

  const fieldErrors = fieldErrorsOf(activate.error, { invalid_totp: 'code' });
  return (
    <div className="cg-stack">
      <TotpEnrolmentPanel enrolment={enrolment} />
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <FormErrorAlert error={activate.error} />
        <TextField
          label={t('auth.totpCode')}
          hint={t('auth.totpCodeHint')}
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          inputMode="numeric"
          isCode
          required
          error={fieldErrors.code}
        />
        <div className="cg-cluster">
          <Button type="submit" isBusy={activate.isBusy}>
            {t('totp.activate')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
