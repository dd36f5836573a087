import type { ReactNode } from 'react';

type PageHeaderProps = { title: ReactNode; description?: ReactNode; meta?: ReactNode; actions?: ReactNode };

/** The page's only h1, with an optional description, badges and actions. */
export function PageHeader({ title, description, meta, actions }: PageHeaderProps) {
  return (
    <div className="cg-page-header">
      <div>
        <h1>{title}</h1>
        {description && <p className="cg-page-header-description">{description}</p>}
        {meta && <div className="cg-page-header-meta cg-cluster">{meta}</div>}
      </div>
      {actions && <div className="cg-cluster">{actions}</div>}
    </div>
  );
}
