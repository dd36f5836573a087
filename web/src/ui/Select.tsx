import type { SelectHTMLAttributes } from 'react';
import { Field, type FieldFrameProps } from './FieldParts.tsx';

export type SelectOption = { value: string; label: string; lang?: string };

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> &
  FieldFrameProps & {
    value: string;
    onChange: (value: string) => void;
    options: SelectOption[];
    /** A first option with an empty value, e.g. "Any" in a filter or "Choose…" in a form. */
    emptyOption?: string;
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
  return (
    <Field label={label} hint={hint} error={error} labelNote={labelNote} className={className}>
      {(control) => (
        <select
          {...rest}
          {...control}
          className="cg-select"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {emptyOption !== undefined && <option value="">{emptyOption}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
