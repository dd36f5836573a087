import type { InputHTMLAttributes } from 'react';
import { classNames } from './classNames.ts';
import { Field, type FieldFrameProps } from './FieldParts.tsx';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>;

type TextFieldProps = InputProps &
  FieldFrameProps & {
    value: string;
    onChange: (value: string) => void;
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
  return (
    <Field label={label} hint={hint} error={error} labelNote={labelNote} className={className}>
      {(control) => (
        <input
          {...rest}
          {...control}
          type={type}
          className={classNames('cg-input', isCode && 'cg-input-code')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
