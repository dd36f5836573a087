import { type ReactNode, useId } from 'react';

type TableProps = {
  /** Every table has a caption; hide it visually when a heading right above says the same. */
  caption: ReactNode;
  isCaptionHidden?: boolean;
  /** The column headings, in order. */
  columns: ReactNode[];
  /** Adds a last column of row buttons, whose heading only screen readers need. */
  actionsColumnLabel?: string | undefined;
  /** The rows. */
  children: ReactNode;
};

/** A data table in a horizontally scrollable, keyboard-focusable region. */
export function Table({
  caption,
  isCaptionHidden = false,
  columns,
  actionsColumnLabel,
  children,
}: TableProps) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
    <section className="cg-table-region" aria-labelledby={captionId} tabIndex={0}>
      <table className="cg-table">
        <caption id={captionId} className={isCaptionHidden ? 'cg-visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the headings are fixed for the table's life, so their position is a stable key.
              <th key={index} scope="col">
                {column}
              </th>
            ))}
            {actionsColumnLabel !== undefined && (
              <th scope="col">
                <span className="cg-visually-hidden">{actionsColumnLabel}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
