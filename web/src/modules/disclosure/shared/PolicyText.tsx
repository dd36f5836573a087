import { type ReactNode, useMemo } from 'react';
import { type Block, type Inline, parsePolicyMarkdown } from './policyMarkdown.ts';

type PolicyTextProps = {
  /** The Markdown the server generated (`policyText`). */
  markdown: string;
  /**
   * The heading level of the text's top headings: `#` becomes h2 under the page's h1 by default, so the
   * outline stays in order. Without the title, the `##` sections take this level.
   */
  topHeadingLevel?: 2 | 3 | 4;
  /**
   * Whether the text's own title (its leading `#` heading, the program's name) is shown. A page that
   * already shows the name in its h1 leaves it out.
   */
  isTitleShown?: boolean;
  /** The language the text is in, when it may differ from the page's. */
  lang?: string | undefined;
  className?: string | undefined;
};

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * A program's policy text, built as React elements from the Markdown subset the server writes. No HTML
 * from the text ever reaches the page: everything that is not one of the known constructs is text.
 */
export function PolicyText({
  markdown,
  topHeadingLevel = 2,
  isTitleShown = true,
  lang,
  className,
}: PolicyTextProps) {
  const blocks = useMemo(() => {
    const parsed = parsePolicyMarkdown(markdown);
    const first = parsed[0];
    return !isTitleShown && first?.type === 'heading' && first.depth === 1 ? parsed.slice(1) : parsed;
  }, [markdown, isTitleShown]);
  const level = isTitleShown ? topHeadingLevel : topHeadingLevel - 1;
  return (
    <div className={className ?? 'cg-policy-text'} lang={lang} dir="auto">
      {blocks.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one text never reorder; a new text replaces them all.
        <PolicyBlock key={index} block={block} topHeadingLevel={level} />
      ))}
    </div>
  );
}

function PolicyBlock({ block, topHeadingLevel }: { block: Block; topHeadingLevel: number }) {
  if (block.type === 'heading') {
    const Tag = `h${Math.min(6, topHeadingLevel + block.depth - 1)}` as HeadingTag;
    return <Tag>{renderInline(block.children)}</Tag>;
  }
  if (block.type === 'list') {
    return (
      <ul>
        {block.items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items of a fixed text.
          <li key={index}>{renderInline(item)}</li>
        ))}
      </ul>
    );
  }
  return <p>{renderInline(block.children)}</p>;
}

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        // biome-ignore lint/suspicious/noArrayIndexKey: inline pieces of a fixed text.
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case 'code':
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: inline pieces of a fixed text.
          <code key={index} dir="ltr">
            {node.text}
          </code>
        );
      case 'link':
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: inline pieces of a fixed text.
          <a key={index} href={node.href} dir="ltr" rel="noopener noreferrer">
            {node.text}
          </a>
        );
    }
    return null;
  });
}
