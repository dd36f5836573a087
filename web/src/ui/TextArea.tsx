import type { TextareaHTMLAttributes } from 'react';
import { Field, type FieldFrameProps } from './FieldParts.tsx';

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'id'> &
  FieldFrameProps & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextArea({
  label,
  value,
  onChange,
  hint,
  error,
  labelNote,
  className,
  ...rest
}: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} labelNote={labelNote} className={className}>
      {(control) => (
        <textarea
          {...rest}
          {...control}
          className="cg-textarea"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
