import { type ReactNode, useEffect, useId, useRef } from 'react';

type DialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** Wide dialogs hold tables. */
  isWide?: boolean;
};

/**
 * A modal dialog on the native <dialog> element, which traps focus and makes the rest of the page inert.
 * Escape closes it, and focus returns to the element that opened it.
 */
export function Dialog({ isOpen, onClose, title, children, isWide = false }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!isOpen && dialog.open) {
      dialog.close();
    }
  }, [isOpen]);

  // Closing by any path (state change, unmount) gives focus back to the opener.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // The opener may be gone (the action replaced it): then focus goes to the page's main content.
    const restoreFocus = () => {
      const opener = openerRef.current;
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>('main')?.focus();
    };
    dialog.addEventListener('close', restoreFocus);
    return () => {
      dialog.removeEventListener('close', restoreFocus);
      if (dialog.open) {
        dialog.close();
        restoreFocus();
      }
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={isWide ? 'cg-dialog cg-dialog-wide' : 'cg-dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let the owner decide (it may be busy), rather than the browser closing it behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      {isOpen && (
        <div className="cg-dialog-body">
          <h2 className="cg-dialog-title" id={titleId}>
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
