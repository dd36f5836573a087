import { describe, expect, it } from 'vitest';
import {
  moveBlock,
  newEditorBlock,
  paragraphNumbers,
  toEditorBlocks,
  toMarkdown,
  toSavedBlocks,
} from './editorBlocks.ts';

const blocks = toEditorBlocks([
  { key: 'blk_h', kind: 'heading', text: 'Norms' },
  { key: 'blk_1', kind: 'paragraph', text: 'First.' },
  { key: 'blk_2', kind: 'paragraph', text: 'Second.' },
]);

describe('editor blocks', () => {
  it('numbers paragraphs only', () => {
    const numbers = paragraphNumbers(blocks);
    expect(blocks.map((block) => numbers.get(block.localId))).toEqual([undefined, 1, 2]);
  });

  it('moves a block and keeps the list when the move would leave it', () => {
    const moved = moveBlock(blocks, blocks[2]!.localId, -1);
    expect(moved.map((block) => block.key)).toEqual(['blk_h', 'blk_2', 'blk_1']);
    expect(moveBlock(blocks, blocks[0]!.localId, -1).map((block) => block.key)).toEqual([
      'blk_h',
      'blk_1',
      'blk_2',
    ]);
  });

  it('sends keys of known blocks and none for new ones', () => {
    const saved = toSavedBlocks([...blocks, newEditorBlock('paragraph', '  Third.  ')]);
    expect(saved.at(1)).toEqual({ key: 'blk_1', kind: 'paragraph', text: 'First.' });
    expect(saved.at(-1)).toEqual({ kind: 'paragraph', text: 'Third.' });
  });

  it('writes Markdown the server parses back into the same blocks', () => {
    expect(toMarkdown(blocks)).toBe('# Norms\n\nFirst.\n\nSecond.');
  });
});
