import type { ReactNode } from 'react';

type EmptyStateProps = { title: ReactNode; children?: ReactNode; action?: ReactNode };

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="cg-empty">
      <p className="cg-empty-title">{title}</p>
      {children && <p className="cg-muted">{children}</p>}
      {action && <div className="cg-cluster">{action}</div>}
    </div>
  );
}
