import type { ReactNode } from 'react';
import { classNames } from './classNames.ts';

export type Tone = 'info' | 'success' | 'warning' | 'danger';

type AlertProps = {
  tone?: Tone;
  title?: ReactNode;
  /** Announce the alert when it appears: errors interrupt, confirmations wait their turn. */
  isLive?: boolean;
  className?: string;
  children?: ReactNode;
};

export function Alert({ tone = 'info', title, isLive = false, className, children }: AlertProps) {
  const liveRole = tone === 'danger' ? 'alert' : 'status';
  return (
    <div
      className={classNames('cg-alert', `cg-alert-${tone}`, className)}
      role={isLive ? liveRole : undefined}
    >
      {title && <div className="cg-alert-title">{title}</div>}
      {children}
    </div>
  );
}
