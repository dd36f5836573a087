import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { classNames } from './classNames.ts';
import { FieldError, FieldHint, FieldLabel, useFieldIds } from './FieldParts.tsx';

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'id'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  labelNote?: string;
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
  const ids = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <div className={classNames('cg-field', className)}>
      <FieldLabel htmlFor={ids.controlId} label={label} note={labelNote} />
      {hint && <FieldHint id={ids.hintId} hint={hint} />}
      <textarea
        {...rest}
        id={ids.controlId}
        className="cg-textarea"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      {error && <FieldError id={ids.errorId} error={error} />}
    </div>
  );
}
