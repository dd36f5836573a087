import type { ReactNode } from 'react';
import { useElementWidth } from './chartKit.tsx';

/** PNG pictures are drawn at least this wide, so a chart saved from a phone still has room for its labels. */
export const PICTURE_MIN_WIDTH = 760;

/**
 * Gives its content the width it has to draw in, once laid out and again on every resize; and draws it
 * once more, hidden, at the width of the PNG picture, which the chart's download takes.
 */
export function Measured({ children }: { children: (width: number) => ReactNode }) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  return (
    <div ref={ref} className="cg-dashboard-measured">
      {width > 0 && children(width)}
      {width > 0 && (
        <div hidden data-picture="">
          {children(Math.max(width, PICTURE_MIN_WIDTH))}
        </div>
      )}
    </div>
  );
}
