import type { InputHTMLAttributes, ReactNode } from 'react';
import { classNames } from './classNames.ts';
import { FieldError, FieldHint, useFieldIds } from './FieldParts.tsx';

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'checked' | 'id' | 'type'> & {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: ReactNode;
};

export function Checkbox({ label, checked, onChange, hint, error, className, ...rest }: CheckboxProps) {
  const ids = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <div className={classNames('cg-checkbox', className)}>
      <input
        {...rest}
        id={ids.controlId}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      <label htmlFor={ids.controlId}>{label}</label>
      {hint && <FieldHint id={ids.hintId} hint={hint} />}
      {error && <FieldError id={ids.errorId} error={error} />}
    </div>
  );
}
