/**
 * The Markdown subset of generated policy texts, parsed into a small tree that the page renders as React
 * nodes (never as HTML): `#`, `##` and `###` headings, paragraphs, `- ` list items, `**bold**`,
 * `` `code` ``, `<https://…>` autolinks and backslash escapes of ASCII punctuation. Anything else is text.
 * An autolink becomes a link only for http and https; any other scheme stays plain text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; text: string };

export type Block =
  | { type: 'heading'; depth: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; items: Inline[][] };

const HEADING = /^(#{1,3})[ \t]+(.*)$/;
const LIST_ITEM = /^[ ]{0,3}- (.*)$/;

/** ASCII punctuation, which CommonMark lets a backslash escape. */
function isAsciiPunctuation(char: string | undefined): boolean {
  if (char === undefined || char.length !== 1) return false;
  const code = char.charCodeAt(0);
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/** Splits the text into blocks: blank lines separate them; a heading or list item starts its own. */
export function parsePolicyMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list && list.length > 0) blocks.push({ type: 'list', items: list.map(parseInline) });
    list = null;
  };

  for (const rawLine of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/[ \t]+$/, '');
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const depth = (heading[1] ?? '#').length as 1 | 2 | 3;
      blocks.push({ type: 'heading', depth, children: parseInline(heading[2] ?? '') });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flushParagraph();
      list ??= [];
      list.push(item[1] ?? '');
      continue;
    }
    if (list) {
      // A line under a list item, not itself an item, continues that item.
      const last = list.length - 1;
      list[last] = `${list[last]} ${line.trim()}`;
      continue;
    }
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** The link target of an autolink's content, when it is an absolute http or https URL. */
function httpUrl(candidate: string): string | null {
  if (!/^https?:\/\/[^\s<>]+$/i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Where the `**` that closes one opened at `from` is, skipping escapes and code spans; -1 if none. */
function findClosingStrong(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\' && isAsciiPunctuation(text[index + 1])) {
      index += 2;
    } else if (char === '`') {
      const end = text.indexOf('`', index + 1);
      index = end === -1 ? index + 1 : end + 1;
    } else if (char === '*' && text[index + 1] === '*') {
      return index;
    } else {
      index += 1;
    }
  }
  return -1;
}

/** Inline content: escapes, code spans, strong emphasis and http(s) autolinks; the rest is text. */
export function parseInline(text: string): Inline[] {
  const nodes: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', text: buffer });
    buffer = '';
  };

  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    const next = text[index + 1];
    if (char === '\\' && isAsciiPunctuation(next)) {
      buffer += next;
      index += 2;
      continue;
    }
    if (char === '`') {
      const end = text.indexOf('`', index + 1);
      if (end > index + 1) {
        flush();
        nodes.push({ type: 'code', text: text.slice(index + 1, end) });
        index = end + 1;
        continue;
      }
    }
    if (char === '<') {
      const end = text.indexOf('>', index + 1);
      const href = end === -1 ? null : httpUrl(text.slice(index + 1, end));
      if (href !== null) {
        flush();
        nodes.push({ type: 'link', href, text: text.slice(index + 1, end) });
        index = end + 1;
        continue;
      }
    }
    if (char === '*' && next === '*') {
      const close = findClosingStrong(text, index + 2);
      if (close > index + 2) {
        flush();
        nodes.push({ type: 'strong', children: parseInline(text.slice(index + 2, close)) });
        index = close + 2;
        continue;
      }
    }
    buffer += char;
    index += 1;
  }
  flush();
  return nodes;
}
