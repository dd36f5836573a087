import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button } from '../../ui/index.ts';
import { DisplayNameField } from '../auth/DisplayNameField.tsx';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields.tsx';

type OnAccepted = (session: { user: Me | null; csrfToken: string | null }) => Promise<void>;

export function AcceptAsSignedIn({
  token,
  user,
  onAccepted,
}: {
  token: string;
  user: Me;
  onAccepted: OnAccepted;
}) {
  const { t } = useTranslation();
  const accept = useAction(() => call(api.POST('/api/v1/invitations/accept', { body: { token } })));
  const onClick = async () => {
    const session = await accept.run();
    if (session) await onAccepted(session);
  };
  return (
    <div className="cg-stack">
      <FormErrorAlert error={accept.error} />
      <p>{t('invitations.signedInAs', { name: user.displayName, email: user.email })}</p>
      <div>
        <Button onClick={() => void onClick()} isBusy={accept.isBusy}>
          {t('invitations.accept')}
        </Button>
      </div>
    </div>
  );
}

export function AcceptWithNewAccount({
  token,
  email,
  onAccepted,
}: {
  token: string;
  email: string;
  onAccepted: OnAccepted;
}) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [displayName, setDisplayName] = useState('');
  const newPassword = useNewPassword();
  const accept = useAction(() =>
    call(
      api.POST('/api/v1/invitations/accept', {
        body: { token, displayName, password: newPassword.password },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.isConfirmed()) return;
    const session = await accept.run();
    if (session) await onAccepted(session);
  };

  const fieldErrors = fieldErrorsOf(accept.error, { weak_password: 'password' });
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <h2>{t('invitations.createAccountTitle')}</h2>
      <p>{t('invitations.createAccountIntro', { email })}</p>
      <FormErrorAlert error={accept.error} />
      <DisplayNameField value={displayName} onChange={setDisplayName} error={fieldErrors.displayName} />
      <NewPasswordFields {...newPassword.fieldProps} error={fieldErrors.password} />
      <div>
        <Button type="submit" isBusy={accept.isBusy}>
          {t('invitations.createAndAccept')}
        </Button>
      </div>
    </form>
  );
}
