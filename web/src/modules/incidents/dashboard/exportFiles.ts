import { CHART_FONT, MUTED_COLOR, TEXT_COLOR, wrapText } from './chartKit.tsx';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const TITLE_SIZE = 16;
const LINE_SIZE = 12;
const LINE_HEIGHT = 18;

/** Offers a file to save, as a link click would. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; the next task may let the URL go.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

type PictureHeading = {
  title: string;
  /** Lines under the title: what the figures cover, which filters, when they were made. */
  lines: readonly string[];
  isRtl: boolean;
};

function textElement(content: string, x: number, y: number, size: number, isRtl: boolean, weight = 400) {
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  text.setAttribute('font-size', String(size));
  text.setAttribute('font-weight', String(weight));
  text.setAttribute('fill', weight > 400 ? TEXT_COLOR : MUTED_COLOR);
  text.setAttribute('direction', isRtl ? 'rtl' : 'ltr');
  text.setAttribute('text-anchor', 'start');
  text.textContent = content;
  return text;
}

/**
 * The chart as a standalone picture: its title and context lines above it (a PNG leaves the page that
 * explained it), on white, in the chart's own fonts and colours.
 */
export function standaloneSvg(chart: SVGSVGElement, heading: PictureHeading): SVGSVGElement {
  const chartWidth = Number(chart.getAttribute('width'));
  const chartHeight = Number(chart.getAttribute('height'));
  const width = chartWidth + PADDING * 2;
  const room = width - PADDING * 2;
  const titleLines = wrapText(heading.title, room, TITLE_SIZE, 700);
  const lines = heading.lines.flatMap((line) => wrapText(line, room, LINE_SIZE));
  const titleHeight = titleLines.length * (TITLE_SIZE + 6);
  const headerHeight = PADDING + titleHeight + lines.length * LINE_HEIGHT + 8;
  const height = headerHeight + chartHeight + PADDING;
  const startX = heading.isRtl ? width - PADDING : PADDING;

  const picture = document.createElementNS(SVG_NS, 'svg');
  picture.setAttribute('xmlns', SVG_NS);
  picture.setAttribute('width', String(width));
  picture.setAttribute('height', String(height));
  picture.setAttribute('viewBox', `0 0 ${width} ${height}`);
  picture.setAttribute('font-family', CHART_FONT);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  picture.append(background);
  titleLines.forEach((line, index) => {
    const y = PADDING + TITLE_SIZE + index * (TITLE_SIZE + 6);
    picture.append(textElement(line, startX, y, TITLE_SIZE, heading.isRtl, 700));
  });
  lines.forEach((line, index) => {
    const y = PADDING + titleHeight + (index + 1) * LINE_HEIGHT - 4;
    picture.append(textElement(line, startX, y, LINE_SIZE, heading.isRtl));
  });
  const body = chart.cloneNode(true) as SVGSVGElement;
  body.setAttribute('x', String(PADDING));
  body.setAttribute('y', String(headerHeight));
  // Screen-reader names belong to the page; in a picture file a title would only show as a tooltip.
  body.removeAttribute('role');
  body.removeAttribute('aria-labelledby');
  picture.append(body);
  return picture;
}

/** Renders an SVG to a PNG at `scale` times its size (sharp on high-density screens and in print). */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const markup = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
  });
  // A data: URL, because the Content-Security-Policy allows images from 'self' and data: only.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))),
      'image/png',
    );
  });
}
