import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/errors.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { Button, Dialog, TextField } from '../../ui/index.ts';

type PasswordConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  isDanger?: boolean;
  isBusy: boolean;
  error: ApiError | undefined;
  onConfirm: (password: string) => void;
  onClose: () => void;
};

/** Sensitive security changes ask for the password again. */
export function PasswordConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  isDanger = false,
  isBusy,
  error,
  onConfirm,
  onClose,
}: PasswordConfirmDialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');

  const close = () => {
    setPassword('');
    onClose();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(password);
  };

  return (
    <Dialog isOpen={isOpen} onClose={() => !isBusy && close()} title={title}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        {children}
        <FormErrorAlert error={error} />
        <TextField
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
        />
        <div className="cg-cluster-end">
          <Button variant="secondary" onClick={close} disabled={isBusy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={isDanger ? 'danger' : 'primary'} isBusy={isBusy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
