import { classNames } from './classNames.ts';

type SpinnerProps = { label: string; isLabelVisible?: boolean; className?: string };

/** A busy indicator; the label is announced politely to screen readers. */
export function Spinner({ label, isLabelVisible = false, className }: SpinnerProps) {
  return (
    <span className={classNames('cg-spinner', className)} role="status">
      <span className="cg-spinner-mark" aria-hidden="true" />
      <span className={isLabelVisible ? undefined : 'cg-visually-hidden'}>{label}</span>
    </span>
  );
}

/** A spinner centred in the page while a page's data loads. */
export function PageSpinner({ label }: { label: string }) {
  return (
    <div className="cg-page-loading">
      <Spinner label={label} isLabelVisible />
    </div>
  );
}
