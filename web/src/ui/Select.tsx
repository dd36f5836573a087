import type { ReactNode, SelectHTMLAttributes } from 'react';
import { classNames } from './classNames.ts';
import { FieldError, FieldHint, FieldLabel, useFieldIds } from './FieldParts.tsx';

export type SelectOption = { value: string; label: string; lang?: string };

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
  /** A first option with an empty value, e.g. "Any" in a filter or "Choose…" in a form. */
  emptyOption?: string;
  hint?: ReactNode;
  error?: ReactNode;
  labelNote?: string;
};

export function Select({
  label,
  value,
  onChange,
  options,
  emptyOption,
  hint,
  error,
  labelNote,
  className,
  ...rest
}: SelectProps) {
  const ids = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <div className={classNames('cg-field', className)}>
      <FieldLabel htmlFor={ids.controlId} label={label} note={labelNote} />
      {hint && <FieldHint id={ids.hintId} hint={hint} />}
      <select
        {...rest}
        id={ids.controlId}
        className="cg-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {error && <FieldError id={ids.errorId} error={error} />}
    </div>
  );
}
