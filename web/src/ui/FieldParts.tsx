import { type ReactNode, useId } from 'react';

/** Ids for a control and the hint and error that describe it, wired through aria-describedby. */
export function useFieldIds(hasHint: boolean, hasError: boolean) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hasHint && hintId, hasError && errorId].filter(Boolean).join(' ') || undefined;
  return { controlId: `${id}-control`, hintId, errorId, describedBy };
}

type LabelProps = { htmlFor: string; label: ReactNode; note?: string | undefined };

export function FieldLabel({ htmlFor, label, note }: LabelProps) {
  return (
    <label className="cg-label" htmlFor={htmlFor}>
      {label}
      {note && <span className="cg-label-note">{note}</span>}
    </label>
  );
}

export function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  return (
    <div className="cg-hint" id={id}>
      {hint}
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error: ReactNode }) {
  return (
    <div className="cg-field-error" id={id}>
      {error}
    </div>
  );
}
