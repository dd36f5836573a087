import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useToast } from '../../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { Button, Card, TextField } from '../../../ui/index.ts';
import { isolate } from '../processes/bidi.ts';
import type { Group } from '../processes/types.ts';
import '../processes/participation.css';

type Chair = Group['chairs'][number];

type ChairsCardProps = {
  group: Group;
  /** The secretariat appoints and removes chairs. */
  canManage: boolean;
  onChanged: (group: Group) => void;
};

/** Who chairs the group; chairs run its drafts and consultations. */
export function ChairsCard({ group, canManage, onChanged }: ChairsCardProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [email, setEmail] = useState('');
  const appoint = useAction(() =>
    call(
      api.POST('/api/v1/participation/groups/{id}/chairs', {
        params: { path: { id: group.id } },
        body: { email: email.trim() },
      }),
    ),
  );
  const removing = useConfirmedAction((chair: Chair) =>
    call(
      api.DELETE('/api/v1/participation/groups/{id}/chairs/{userId}', {
        params: { path: { id: group.id, userId: chair.userId } },
      }),
    ),
  );

  const onAppoint = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await appoint.run();
    if (!updated) return;
    setEmail('');
    onChanged(updated);
    toast(t('groups.chairAppointed'));
  };

  const onRemove = async () => {
    const done = await removing.confirm();
    if (!done) return;
    onChanged(done.result);
    toast(t('groups.chairRemoved', { name: isolate(done.target.displayName) }));
  };

  const fieldErrors = fieldErrorsOf(appoint.error, { unknown_user: 'email', already_chair: 'email' });
  return (
    <Card title={t('groups.chairs')} description={t('groups.chairsIntro')}>
      <div className="cg-stack">
        {group.chairs.length === 0 ? (
          <p className="cg-muted">{t('groups.noChairs')}</p>
        ) : (
          <ul className="cg-proc-chair-list">
            {group.chairs.map((chair) => (
              <li key={chair.userId}>
                <bdi>{chair.displayName}</bdi>
                {canManage && (
                  <Button variant="ghost" size="small" onClick={() => removing.ask(chair)}>
                    {t('groups.removeChair')}
                    <span className="cg-visually-hidden">{` ${chair.displayName}`}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canManage && (
          <form className="cg-stack-tight" onSubmit={onAppoint} noValidate>
            <FormErrorAlert error={fieldErrors.email ? undefined : appoint.error} />
            <TextField
              label={t('groups.appointChairEmail')}
              hint={t('groups.appointChairHint')}
              type="email"
              autoComplete="off"
              value={email}
              onChange={setEmail}
              required
              maxLength={254}
              error={fieldErrors.email}
            />
            <div>
              <Button type="submit" variant="secondary" isBusy={appoint.isBusy} disabled={!email.trim()}>
                {t('groups.appointChair')}
              </Button>
            </div>
          </form>
        )}
      </div>
      <ConfirmActionDialog
        confirmation={removing}
        title={t('groups.removeChairTitle')}
        confirmLabel={t('groups.removeChair')}
        isDanger
        onConfirm={() => void onRemove()}
      >
        <p>{t('groups.removeChairText', { name: isolate(removing.target?.displayName ?? '') })}</p>
      </ConfirmActionDialog>
    </Card>
  );
}
