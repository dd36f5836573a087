import { type ReactNode, useId } from 'react';

type TableProps = {
  /** Every table has a caption; hide it visually when a heading right above says the same. */
  caption: ReactNode;
  isCaptionHidden?: boolean;
  children: ReactNode;
};

/** A data table in a horizontally scrollable, keyboard-focusable region. */
export function Table({ caption, isCaptionHidden = false, children }: TableProps) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
    <section className="cg-table-region" aria-labelledby={captionId} tabIndex={0}>
      <table className="cg-table">
        <caption id={captionId} className={isCaptionHidden ? 'cg-visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}
