import { useLayoutEffect, useRef, useState } from 'react';

// What every chart of the dashboard shares: colours, fill patterns, fonts, text measuring, the container's
// width. Charts are drawn at the width they get, in pixels, so their text keeps its real size on a phone
// instead of shrinking with a scaled picture; every colour and font is an attribute of the SVG itself,
// so the same picture exported as PNG looks as it does on the page.

/** The page's own font stack (ui/styles.css), with the scripts of the six UN languages. */
export const CHART_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, "Noto Sans Arabic", "Segoe UI Arabic", Tahoma, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
export const TEXT_COLOR = '#17212e';
export const MUTED_COLOR = '#4a5768';
export const GRID_COLOR = '#cdd5df';
export const AXIS_COLOR = '#6b7685';
export const BAR_COLOR = '#0b5c84';
export const FONT_SIZE = 12;

/**
 * Series colours, each at least 3:1 against white (WCAG 1.4.11) and told apart by a pattern too, so
 * nothing depends on seeing colour. The last is for "other".
 */
export const SERIES_COLORS = [
  '#0b5c84',
  '#c2410c',
  '#2f7d32',
  '#7b3fa0',
  '#8a6d00',
  '#00838f',
  '#b42318',
  '#4a5768',
  '#6b7685',
] as const;

type PatternKind =
  | 'solid'
  | 'diagonal'
  | 'dots'
  | 'horizontal'
  | 'cross'
  | 'vertical'
  | 'backslash'
  | 'grid'
  | 'checker';
const PATTERNS: readonly PatternKind[] = [
  'solid',
  'diagonal',
  'dots',
  'horizontal',
  'cross',
  'vertical',
  'backslash',
  'grid',
  'checker',
];

const MARK = { stroke: '#ffffff', strokeOpacity: 0.6, strokeWidth: 2 } as const;

function PatternMarks({ kind }: { kind: PatternKind }) {
  switch (kind) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...MARK} />;
    case 'backslash':
      return <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...MARK} />;
    case 'horizontal':
      return <path d="M0,4 h8" {...MARK} />;
    case 'vertical':
      return <path d="M4,0 v8" {...MARK} />;
    case 'cross':
      return <path d="M0,0 l8,8 M8,0 l-8,8" {...MARK} strokeWidth={1.5} />;
    case 'grid':
      return <path d="M0,4 h8 M4,0 v8" {...MARK} strokeWidth={1.5} />;
    case 'dots':
      return <circle cx={4} cy={4} r={1.6} fill="#ffffff" fillOpacity={0.75} />;
    case 'checker':
      return <path d="M0,0 h4 v4 h-4 z M4,4 h4 v4 h-4 z" fill="#ffffff" fillOpacity={0.45} />;
  }
}

/** An id usable inside url(#…): React's ids carry characters CSS would need escaped. */
export const svgIdOf = (reactId: string): string => `chart${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;

export const seriesFill = (prefix: string, index: number): string =>
  index === 0 ? SERIES_COLORS[0] : `url(#${prefix}-p${index % SERIES_COLORS.length})`;

/** The fill patterns of the series, one per colour; the first series is plain. */
export function SeriesPatterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: Math.min(count, SERIES_COLORS.length) }, (_, index) => index)
        .filter((index) => index > 0)
        .map((index) => (
          <pattern key={index} id={`${prefix}-p${index}`} width={8} height={8} patternUnits="userSpaceOnUse">
            <rect width={8} height={8} fill={SERIES_COLORS[index]} />
            <PatternMarks kind={PATTERNS[index] ?? 'solid'} />
          </pattern>
        ))}
    </defs>
  );
}

let measuringContext: CanvasRenderingContext2D | null | undefined;

/** The drawn width of a text in the chart font, measured by the browser (estimated where it cannot). */
export function textWidth(text: string, size = FONT_SIZE, weight = 400): number {
  if (measuringContext === undefined) measuringContext = document.createElement('canvas').getContext('2d');
  if (!measuringContext) return text.length * size * 0.6;
  measuringContext.font = `${weight} ${size}px ${CHART_FONT}`;
  return measuringContext.measureText(text).width;
}

/** The text, cut with an ellipsis to fit `maxWidth`; the full text stays in the chart's title and table. */
export function fitText(text: string, maxWidth: number, size = FONT_SIZE, weight = 400): string {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(`${characters.slice(0, middle).join('')}…`, size, weight) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '…' : `${characters.slice(0, low).join('').trimEnd()}…`;
}

/**
 * The text broken into lines that fit `maxWidth`: at spaces where the text has them, anywhere in scripts
 * written without spaces (Chinese); a word longer than a line is cut with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, size = FONT_SIZE, weight = 400): string[] {
  const hasSpaces = text.includes(' ');
  const pieces = hasSpaces ? text.split(' ') : [...text];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const candidate = line === '' ? piece : `${line}${hasSpaces ? ' ' : ''}${piece}`;
    if (line !== '' && textWidth(candidate, size, weight) > maxWidth) {
      lines.push(line);
      line = piece;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((each) => fitText(each, maxWidth, size, weight));
}

/**
 * Text whose direction comes from its own first letter, whatever the page's: an actor named "=APT (41)" or
 * a Latin name in an Arabic chart keeps its characters in order.
 */
export const isolated = (text: string): string => `\u2068${text}\u2069`;

/** The content width of an element, following its resizes; 0 until it is laid out. */
export function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
