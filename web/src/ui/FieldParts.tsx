import { type ReactNode, useId } from 'react';
import { classNames } from './classNames.ts';

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

/** What a field gives its control so the label, hint and error are tied to it. */
export type FieldControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/** The label, hint and error every field shares; a field only supplies its own control. */
export type FieldFrameProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shown after the label, e.g. the translated word "optional". */
  labelNote?: string | undefined;
  className?: string | undefined;
};

type FieldProps = FieldFrameProps & { children: (control: FieldControlProps) => ReactNode };

/** A labelled control: label, then hint, then the control, then the error, announced together. */
export function Field({ label, hint, error, labelNote, className, children }: FieldProps) {
  const ids = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <div className={classNames('cg-field', className)}>
      <FieldLabel htmlFor={ids.controlId} label={label} note={labelNote} />
      {hint && <FieldHint id={ids.hintId} hint={hint} />}
      {children({
        id: ids.controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': ids.describedBy,
      })}
      {error && <FieldError id={ids.errorId} error={error} />}
    </div>
  );
}
