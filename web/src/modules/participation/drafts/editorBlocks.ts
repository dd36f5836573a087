import type { BlockKind } from './types.ts';

/** A block as the editor holds it: `key` is the server's identity, `localId` only tells rows apart on screen. */
export type EditorBlock = { localId: string; key: string | undefined; kind: BlockKind; text: string };

let lastLocalId = 0;
const nextLocalId = () => `b${++lastLocalId}`;

export function newEditorBlock(kind: BlockKind, text = ''): EditorBlock {
  return { localId: nextLocalId(), key: undefined, kind, text };
}

export function toEditorBlocks(
  blocks: readonly { key: string; kind: BlockKind; text: string }[],
): EditorBlock[] {
  return blocks.map((block) => ({
    localId: nextLocalId(),
    key: block.key,
    kind: block.kind,
    text: block.text,
  }));
}

/** Paragraph numbers as they will be after saving (headings have none), by local id. */
export function paragraphNumbers(blocks: readonly EditorBlock[]): Map<string, number> {
  const numbers = new Map<string, number>();
  let paragraph = 0;
  for (const block of blocks) if (block.kind === 'paragraph') numbers.set(block.localId, ++paragraph);
  return numbers;
}

/** Moves the block with `localId` one place up (-1) or down (+1); out of range leaves the list alone. */
export function moveBlock(blocks: readonly EditorBlock[], localId: string, step: -1 | 1): EditorBlock[] {
  const from = blocks.findIndex((block) => block.localId === localId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= blocks.length) return [...blocks];
  const moved = [...blocks];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

/** The request body of a save: keys kept so comments stay anchored, new blocks sent without one. */
export function toSavedBlocks(blocks: readonly EditorBlock[]) {
  return blocks.map((block) => ({
    ...(block.key ? { key: block.key } : {}),
    kind: block.kind,
    text: block.text.trim(),
  }));
}

/**
 * Markdown for the import tab, in the form the server parses: `#` lines are headings, blank lines
 * separate paragraphs. Numbers are left out: the platform assigns them.
 */
export function toMarkdown(blocks: readonly { kind: BlockKind; text: string }[]): string {
  return blocks
    .map((block) => (block.kind === 'heading' ? `# ${block.text.trim()}` : block.text.trim()))
    .join('\n\n');
}
