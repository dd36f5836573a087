import { type ReactNode, useId } from 'react';
import { TLP_LABELS, TlpBadge, type TlpLabel } from './Badge.tsx';
import { FieldError } from './FieldParts.tsx';
import './tlpChip.css';

type TlpChoiceProps = {
  legend: ReactNode;
  hint?: ReactNode;
  /** The label chosen, or '' while none is: TLP has no default, the author must choose. */
  value: TlpLabel | '';
  onChange: (label: TlpLabel) => void;
  /** One line per label saying who may receive it, in the UI language; the labels stay in English. */
  meanings: Record<TlpLabel, string>;
  error?: ReactNode;
  isRequired?: boolean;
};

/** TLP 2.0 labels as a radio group: each a chip in its colour on black, with what it means. */
export function TlpChoice({
  legend,
  hint,
  value,
  onChange,
  meanings,
  error,
  isRequired = false,
}: TlpChoiceProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="cg-fieldset cg-tlp-choice" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <div className="cg-hint" id={hintId}>
          {hint}
        </div>
      )}
      <div className="cg-tlp-options">
        {TLP_LABELS.map((label) => {
          const optionId = `${id}-${label}`;
          return (
            <div key={label} className="cg-tlp-option" data-checked={value === label || undefined}>
              <input
                type="radio"
                id={optionId}
                name={id}
                value={label}
                checked={value === label}
                required={isRequired}
                onChange={() => onChange(label)}
                aria-describedby={`${optionId}-meaning`}
              />
              <label htmlFor={optionId}>
                <TlpBadge label={label} />
              </label>
              <span className="cg-tlp-meaning" id={`${optionId}-meaning`}>
                {meanings[label]}
              </span>
            </div>
          );
        })}
      </div>
      {error && <FieldError id={errorId} error={error} />}
    </fieldset>
  );
}
