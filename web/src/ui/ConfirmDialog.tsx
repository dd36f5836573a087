import type { ReactNode } from 'react';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

type ConfirmDialogProps = {
  isOpen: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  isDanger?: boolean;
  isBusy?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before a destructive or hard-to-undo action. */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  cancelLabel,
  isDanger = false,
  isBusy = false,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog isOpen={isOpen} onClose={() => !isBusy && onClose()} title={title}>
      {children}
      {error && (
        <Alert tone="danger" isLive>
          {error}
        </Alert>
      )}
      <div className="cg-cluster-end">
        <Button variant="secondary" onClick={onClose} disabled={isBusy}>
          {cancelLabel}
        </Button>
        <Button variant={isDanger ? 'danger' : 'primary'} onClick={onConfirm} isBusy={isBusy}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
