import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { OrgRole } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, Card, Select, TextField } from '../../ui/index.ts';

export function InviteForm({ organizationId, onInvited }: { organizationId: string; onInvited: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrgRole>('member');
  const invite = useAction(() =>
    call(
      api.POST('/api/v1/organizations/{id}/invitations', {
        params: { path: { id: organizationId } },
        body: { email: email.trim(), role },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const invitation = await invite.run();
    if (!invitation) return;
    toast(t('invitations.sent', { email: invitation.email }));
    setEmail('');
    onInvited();
  };

  const fieldErrors = fieldErrorsOf(invite.error);
  const roleOptions = (['member', 'org_admin'] as const).map((value) => ({
    value,
    label: t(`roles.${value}`),
  }));
  return (
    <Card title={t('invitations.inviteTitle')} description={t('invitations.inviteIntro')}>
      <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
        <FormErrorAlert error={invite.error} />
        <div className="cg-form-row">
          <TextField
            label={t('fields.email')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={setEmail}
            required
            error={fieldErrors.email}
          />
          <Select
            label={t('fields.role')}
            value={role}
            onChange={(value) => setRole(value as OrgRole)}
            options={roleOptions}
            error={fieldErrors.role}
          />
        </div>
        <div>
          <Button type="submit" isBusy={invite.isBusy}>
            {t('invitations.send')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
