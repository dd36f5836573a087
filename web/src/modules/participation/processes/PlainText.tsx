import { classNames } from '../../../ui/index.ts';
import './participation.css';

type PlainTextProps = { text: string; className?: string };

/**
 * Text that people typed (modalities, mandates, statements), shown as written: blank lines separate
 * paragraphs and single line breaks stay. Nothing is interpreted as HTML or markup.
 */
export function PlainText({ text, className }: PlainTextProps) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className={classNames('cg-proc-text', className)}>
      {paragraphs.map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own; the text is rendered whole each time.
        <p key={index} dir="auto">
          {paragraph}
        </p>
      ))}
    </div>
  );
}

/** The first words of a longer text, cut at a word boundary, for lists. */
export function excerptOf(text: string, maxLength = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
