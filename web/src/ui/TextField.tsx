import type { InputHTMLAttributes, ReactNode } from 'react';
import { classNames } from './classNames.ts';
import { FieldError, FieldHint, FieldLabel, useFieldIds } from './FieldParts.tsx';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>;

type TextFieldProps = InputProps & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shown after the label, e.g. the translated word "optional". */
  labelNote?: string;
  isCode?: boolean;
};

/** A labelled text input whose hint and error are announced with it. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  labelNote,
  isCode = false,
  className,
  type = 'text',
  ...rest
}: TextFieldProps) {
  const ids = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <div className={classNames('cg-field', className)}>
      <FieldLabel htmlFor={ids.controlId} label={label} note={labelNote} />
      {hint && <FieldHint id={ids.hintId} hint={hint} />}
      <input
        {...rest}
        id={ids.controlId}
        type={type}
        className={classNames('cg-input', isCode && 'cg-input-code')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      {error && <FieldError id={ids.errorId} error={error} />}
    </div>
  );
}
