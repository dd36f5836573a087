import { type ReactNode, useId } from 'react';
import { classNames } from './classNames.ts';

type CardProps = {
  title?: ReactNode;
  /** Heading level of the title, so the page's outline stays in order. */
  headingLevel?: 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** A titled section of a page; with a title it is a labelled region landmark. */
export function Card({ title, headingLevel = 2, description, actions, className, children }: CardProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={classNames('cg-card', className)} aria-labelledby={title ? headingId : undefined}>
      {(title || actions) && (
        <div className="cg-card-header">
          {title && <Heading id={headingId}>{title}</Heading>}
          {actions && <div className="cg-cluster">{actions}</div>}
        </div>
      )}
      {description && <p className="cg-card-description">{description}</p>}
      {children}
    </section>
  );
}
