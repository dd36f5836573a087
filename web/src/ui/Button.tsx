import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { classNames } from './classNames.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'normal' | 'small';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** While true the button is disabled and shows a spinner; `busyLabel` replaces the text for screen readers. */
  isBusy?: boolean;
  children: ReactNode;
};

export const buttonClassName = (variant: ButtonVariant = 'primary', size: ButtonSize = 'normal') =>
  classNames('cg-button', `cg-button-${variant}`, size === 'small' && 'cg-button-small');

export function Button({
  variant = 'primary',
  size = 'normal',
  isBusy = false,
  type = 'button',
  disabled,
  className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      // Explicit default: a bare <button> inside a form would submit it.
      type={type}
      className={classNames(buttonClassName(variant, size), className)}
      disabled={disabled || isBusy}
      aria-busy={isBusy || undefined}
    >
      {isBusy && <span className="cg-spinner-mark" aria-hidden="true" />}
      {children}
    </button>
  );
}

type ButtonLinkProps = LinkProps & { variant?: ButtonVariant; size?: ButtonSize };

/** A navigation link that looks like a button. */
export function ButtonLink({ variant = 'primary', size = 'normal', className, ...rest }: ButtonLinkProps) {
  return <Link {...rest} className={classNames(buttonClassName(variant, size), className)} />;
}
