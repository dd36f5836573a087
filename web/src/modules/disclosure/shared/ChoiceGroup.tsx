import { type ReactNode, useId } from 'react';
import { classNames } from '../../../ui/index.ts';
import './disclosure.css';

export type Choice<T extends string> = { value: T; label: ReactNode; hint?: ReactNode };

type ChoiceGroupProps<T extends string> = {
  legend: ReactNode;
  hint?: ReactNode;
  value: T | '';
  onChange: (value: T) => void;
  choices: readonly Choice<T>[];
  error?: string | undefined;
  /** Short labels side by side (yes / no / unknown) instead of cards with explanations. */
  isInline?: boolean;
  className?: string;
};

/** Radio buttons in a fieldset whose legend names the question, each choice with its own explanation. */
export function ChoiceGroup<T extends string>({
  legend,
  hint,
  value,
  onChange,
  choices,
  error,
  isInline = false,
  className,
}: ChoiceGroupProps<T>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={classNames('cg-fieldset', className)} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <div className="cg-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <div className={isInline ? 'cg-vdp-choices-inline' : 'cg-vdp-choices'}>
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          return (
            <div key={choice.value} className="cg-vdp-choice">
              <input
                id={inputId}
                type="radio"
                name={id}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
              />
              <label htmlFor={inputId}>{choice.label}</label>
              {choice.hint && (
                <div className="cg-hint" id={`${inputId}-hint`}>
                  {choice.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {error && (
        <div className="cg-field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </fieldset>
  );
}
