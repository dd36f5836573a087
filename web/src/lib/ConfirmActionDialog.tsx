import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/index.ts';
import { useErrorMessages } from './errorMessages.ts';
import type { ConfirmedAction } from './useConfirmedAction.ts';

type ConfirmActionDialogProps = {
  confirmation: Pick<ConfirmedAction<unknown, unknown>, 'target' | 'isBusy' | 'error' | 'close'>;
  title: ReactNode;
  confirmLabel: string;
  isDanger?: boolean;
  onConfirm: () => void;
  children?: ReactNode;
};

/** The dialog of a `useConfirmedAction`: open while it has a target, showing its progress and error. */
export function ConfirmActionDialog({
  confirmation,
  title,
  confirmLabel,
  isDanger = false,
  onConfirm,
  children,
}: ConfirmActionDialogProps) {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (
    <ConfirmDialog
      isOpen={confirmation.target !== undefined}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={t('common.cancel')}
      isDanger={isDanger}
      isBusy={confirmation.isBusy}
      error={confirmation.error ? messageOf(confirmation.error) : undefined}
      onConfirm={onConfirm}
      onClose={confirmation.close}
    >
      {children}
    </ConfirmDialog>
  );
}
